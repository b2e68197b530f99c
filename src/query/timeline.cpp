// The timeline of a model: every dated fact's first day and the day after its last, counted by date.
// Two passes over the facts, so the time is linear in them: the first finds the range of dates that
// occur, the second counts into one slot per date.

#include <orgraph/error.hpp>
#include <orgraph/query/timeline.hpp>

#include "../snapshot/state.hpp"

#include <algorithm>
#include <numeric>

namespace orgraph {

std::uint32_t timeline_counts::total() const noexcept {
  const auto sum = [](const auto& a) { return std::accumulate(a.begin(), a.end(), std::uint32_t{0}); };
  return sum(started) + sum(ended) + sum(began) + sum(ceased) + replacements + decisions;
}

namespace {

// Whether a period has a start or an end, read from its days: an open start is date::min(), an open end
// date::max(), and a given one never is (period::start() builds the partial date, which costs more).
bool has_start(const period& p) { return p.first_day() != date::min(); }
bool has_end(const period& p) { return p.last_day() != date::max(); }

/// Call `at(date, counter)` for every dated fact: `counter` picks what to count in a timeline_counts.
template <class At> void each_fact(const model& m, At&& at) {
  for (std::size_t t = 0; t < detail::relation_type_count; ++t) {
    const auto type = static_cast<relation_type>(t);
    for (relation_id r : m.relations(type)) {
      if (type == relation_type::replaced_by) { // read by rule 2 on its replacement date alone
        const date d = detail::replacement_date(m, r);
        if (d != date::min())
          at(d, [](timeline_counts& c) -> std::uint32_t& { return c.replacements; });
        continue;
      }
      const period when = m.when(r);
      if (has_start(when))
        at(when.first_day(), [t](timeline_counts& c) -> std::uint32_t& { return c.started[t]; });
      if (has_end(when))
        at(when.last_day().plus_days(1), [t](timeline_counts& c) -> std::uint32_t& { return c.ended[t]; });
    }
  }
  for (vertex v = 0; v < m.node_count(); ++v) {
    const period& life = m.lifetime(v);
    const auto k = static_cast<std::size_t>(m.kind(v));
    if (has_start(life))
      at(life.first_day(), [k](timeline_counts& c) -> std::uint32_t& { return c.began[k]; });
    if (has_end(life))
      at(life.last_day().plus_days(1), [k](timeline_counts& c) -> std::uint32_t& { return c.ceased[k]; });
  }
  for (const auto& d : m.decisions())
    at(d.date, [](timeline_counts& c) -> std::uint32_t& { return c.decisions; });
}

} // namespace

std::vector<timeline_entry> timeline(const model& m, date from, date to) {
  if (to < from)
    throw date_error("a timeline's period ends (" + to.to_string() + ") before it starts (" + from.to_string() + ")");
  date first = date::max(), last = date::min();
  each_fact(m, [&](date d, auto&&) {
    if (from <= d && d <= to) {
      first = std::min(first, d);
      last = std::max(last, d);
    }
  });
  if (last < first)
    return {};
  // One slot per day from the first fact to the last: at most the 3.65 million days of years 1 to 9999.
  constexpr std::uint32_t none = 0xffffffffu;
  const auto base = static_cast<std::int64_t>(first.days_since_epoch());
  std::vector<std::uint32_t> slot(static_cast<std::size_t>(last.days_since_epoch() - base + 1), none);
  std::vector<timeline_entry> out;
  each_fact(m, [&](date d, auto&& counter) {
    if (d < from || to < d)
      return;
    std::uint32_t& s = slot[static_cast<std::size_t>(d.days_since_epoch() - base)];
    if (s == none) {
      s = static_cast<std::uint32_t>(out.size());
      out.push_back({d, {}});
    }
    ++counter(out[s].counts);
  });
  std::sort(out.begin(), out.end(), [](const timeline_entry& a, const timeline_entry& b) { return a.on < b.on; });
  return out;
}

} // namespace orgraph
