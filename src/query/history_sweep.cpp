// From answers asked on the change dates to a history: a value that answers on consecutive dates is one
// item; what ends and begins on a date are the changes of that date.

#include "history_detail.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <utility>

namespace orgraph::detail {

namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

bool single_valued(history_aspect a) {
  switch (a) {
  case history_aspect::line_manager:
  case history_aspect::supervisor:
  case history_aspect::holder:
  case history_aspect::chair:
  case history_aspect::name:
  case history_aspect::lifetime:
  case history_aspect::reporting_line: return true;
  default: return false;
  }
}

std::size_t mix(std::size_t seed, std::size_t v) {
  return seed ^ (v + 0x9e3779b97f4a7c15ull + (seed << 6) + (seed >> 2));
}

/// What identifies an item across a change of its other fields: who or what, through which post.
std::size_t key_hash(const history_value& v) { return mix(std::hash<std::size_t>{}(v.node), v.post); }
bool same_key(const history_value& a, const history_value& b) { return a.node == b.node && a.post == b.post; }

std::size_t full_hash(const history_value& v) {
  std::size_t h = key_hash(v);
  h = mix(h, std::hash<std::string>{}(v.role));
  h = mix(h, v.relation ? v.relation->bits() : 0xffffffffu);
  h = mix(h, v.on_behalf_of);
  h = mix(h, static_cast<std::size_t>(v.arrangement) | static_cast<std::size_t>(v.basis) << 4 |
                 static_cast<std::size_t>(v.via) << 8 | static_cast<std::size_t>(v.ambiguous) << 12);
  return h;
}

/// For each a[i], the first b[j] (in b's order) not taken by an earlier a for which `same` holds, or
/// npos. Small lists are compared pairwise; long ones (a large body's seats) through their hashes.
std::vector<std::size_t> pair_up(const std::vector<const history_value*>& a, const std::vector<const history_value*>& b,
                                 bool (*same)(const history_value&, const history_value&),
                                 std::size_t (*hash)(const history_value&)) {
  std::vector<std::size_t> to(a.size(), npos);
  std::vector<bool> taken(b.size(), false);
  // Lists asked on consecutive change dates mostly agree, in order: while a[i] and b[i] are the same,
  // b[i] is the first untaken match of a[i] (every b before it is taken), so they pair without a search.
  std::size_t common = 0;
  for (; common < a.size() && common < b.size() && same(*a[common], *b[common]); ++common) {
    to[common] = common;
    taken[common] = true;
  }
  if (common == a.size())
    return to;
  if ((a.size() - common) * (b.size() - common) <= 1024) {
    for (std::size_t i = common; i < a.size(); ++i)
      for (std::size_t j = common; j < b.size(); ++j)
        if (!taken[j] && same(*a[i], *b[j])) {
          to[i] = j;
          taken[j] = true;
          break;
        }
    return to;
  }
  std::vector<std::pair<std::size_t, std::size_t>> by_hash;
  by_hash.reserve(b.size() - common);
  for (std::size_t j = common; j < b.size(); ++j)
    by_hash.emplace_back(hash(*b[j]), j);
  std::sort(by_hash.begin(), by_hash.end());
  for (std::size_t i = common; i < a.size(); ++i) {
    const std::size_t h = hash(*a[i]);
    for (auto it = std::lower_bound(by_hash.begin(), by_hash.end(), std::make_pair(h, std::size_t{0}));
         it != by_hash.end() && it->first == h; ++it)
      if (!taken[it->second] && same(*a[i], *b[it->second])) {
        to[i] = it->second;
        taken[it->second] = true;
        break;
      }
  }
  return to;
}

bool equal_values(const history_value& a, const history_value& b) { return a == b; }

/// The changes of one date: what ended and what began, paired where the aspect has one answer, or
/// where an item of the same key ended and began (a seat whose role changed).
void record(date on, history_aspect aspect, const std::vector<const history_value*>& ended,
            const std::vector<const history_value*>& began, std::vector<history_change>& out) {
  if (single_valued(aspect)) {
    if (ended.empty() && began.empty())
      return;
    history_change c{on, aspect, std::nullopt, std::nullopt};
    if (!ended.empty())
      c.before = *ended.front();
    if (!began.empty())
      c.after = *began.front();
    out.push_back(std::move(c));
    return;
  }
  const auto pairs = pair_up(ended, began, same_key, key_hash);
  std::vector<bool> paired(began.size(), false);
  for (std::size_t i = 0; i < ended.size(); ++i)
    if (pairs[i] != npos) {
      out.push_back({on, aspect, *ended[i], *began[pairs[i]]});
      paired[pairs[i]] = true;
    }
  for (std::size_t i = 0; i < ended.size(); ++i)
    if (pairs[i] == npos)
      out.push_back({on, aspect, *ended[i], std::nullopt});
  for (std::size_t j = 0; j < began.size(); ++j)
    if (!paired[j])
      out.push_back({on, aspect, std::nullopt, *began[j]});
}

} // namespace

namespace {

/// One aspect in a sweep: its open items (the values answering on the last date asked) and its items.
class track {
public:
  track(history_aspect aspect, std::vector<history_item>& items) : aspect_(aspect), items_(items) {}

  /// The answer of the day before the period: what a change on its first day is measured against.
  void before(std::vector<history_value> values) {
    for (auto& v : values)
      open_.push_back({std::move(v), npos});
  }

  /// The answer from `d`: values equal to an open one go on; the others end the day before or begin.
  void step(date d, date to, std::vector<history_value> now, bool measured, std::vector<history_change>& changes) {
    std::vector<const history_value*> was, now_ptrs, ended, began;
    for (const auto& o : open_)
      was.push_back(&o.value);
    for (const auto& v : now)
      now_ptrs.push_back(&v);
    const auto goes_on = pair_up(was, now_ptrs, equal_values, full_hash);

    std::vector<std::size_t> item_of(now.size(), npos); // the open item each value of `now` continues
    std::vector<bool> continues(now.size(), false);
    for (std::size_t i = 0; i < open_.size(); ++i) {
      if (goes_on[i] != npos) {
        item_of[goes_on[i]] = open_[i].item;
        continues[goes_on[i]] = true;
        continue;
      }
      ended.push_back(&open_[i].value);
      if (open_[i].item != npos)
        items_[open_[i].item].when.to = d.plus_days(-1);
    }
    std::vector<std::size_t> new_items;
    std::vector<open_item> next;
    next.reserve(now.size());
    for (std::size_t j = 0; j < now.size(); ++j) {
      std::size_t item = item_of[j];
      if (item == npos) { // a new item; or on the first day, one going on from before the period
        items_.push_back({{d, to}, now[j]});
        item = items_.size() - 1;
      }
      if (!continues[j])
        new_items.push_back(item);
      next.push_back({std::move(now[j]), item});
    }
    for (std::size_t i : new_items) // pointers only now: the items have stopped growing
      began.push_back(&items_[i].value);
    if (measured)
      record(d, aspect_, ended, began, changes);
    open_ = std::move(next);
  }

private:
  struct open_item {
    history_value value;
    std::size_t item; // npos: the answer of the day before the period
  };
  history_aspect aspect_;
  std::vector<history_item>& items_;
  std::vector<open_item> open_;
};

} // namespace

void sweep(const model& m, const std::vector<history_aspect>& aspects, const std::vector<date>& days, date from,
           date to, const aspects_answer& answer, const std::vector<std::vector<history_item>*>& items,
           std::vector<history_change>& changes) {
  std::vector<track> tracks;
  for (std::size_t i = 0; i < aspects.size(); ++i)
    tracks.emplace_back(aspects[i], *items[i]);
  // A change on `from` itself is measured against the day before, when there is one.
  const bool measured = from > date::min();
  if (measured) {
    auto answers = answer(snapshot(m, from.plus_days(-1)));
    for (std::size_t i = 0; i < tracks.size(); ++i)
      tracks[i].before(std::move(answers[i]));
  }
  for (std::size_t k = 0; k < days.size(); ++k) {
    auto answers = answer(snapshot(m, days[k]));
    for (std::size_t i = 0; i < tracks.size(); ++i)
      tracks[i].step(days[k], to, std::move(answers[i]), k > 0 || measured, changes);
  }
}

void sweep(const model& m, history_aspect aspect, const std::vector<date>& days, date from, date to,
           const aspect_answer& answer, std::vector<history_item>& items, std::vector<history_change>& changes) {
  sweep(
      m, {aspect}, days, from, to,
      [&answer](const snapshot& s) { return std::vector<std::vector<history_value>>{answer(s)}; }, {&items}, changes);
}

std::vector<window_entry> windows_of(const std::vector<history_item>& items,
                                     const std::function<vertex(const history_value&)>& key) {
  std::vector<std::pair<vertex, date_range>> all;
  for (const auto& i : items)
    if (const vertex k = key(i.value); k != no_vertex)
      all.emplace_back(k, i.when);
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.from < b.second.from;
  });
  std::vector<window_entry> out;
  for (const auto& [k, when] : all) {
    if (out.empty() || out.back().node != k)
      out.push_back({k, {}});
    auto& periods = out.back().periods;
    const date last = periods.empty() ? date::min() : periods.back().to;
    if (!periods.empty() && (when.from <= last || (last < date::max() && when.from == last.plus_days(1))))
      periods.back().to = std::max(periods.back().to, when.to); // touching or overlapping: one period
    else
      periods.push_back(when);
  }
  std::stable_sort(out.begin(), out.end(), [](const window_entry& a, const window_entry& b) {
    return a.periods.front().from < b.periods.front().from;
  });
  return out;
}

} // namespace orgraph::detail
