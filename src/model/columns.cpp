// A model's storage as columns and back (columns.hpp). The way back trusts nothing: every index, text
// reference, symbol, date and relation is checked, so a damaged or hostile archive is refused with a
// message that says what is wrong, never loaded half-way.

#include "columns.hpp"

#include <algorithm>
#include <limits>
#include <string>

namespace orgraph::detail {

namespace {

[[noreturn]] void refuse(const std::string& what) { throw model_error("inconsistent model: " + what); }

void check_ref(text_ref r, std::size_t size, const char* what, std::size_t index) {
  if (r.offset > size || r.size > size - r.offset)
    refuse(std::string(what) + " of record " + std::to_string(index) + " lies outside the text");
}

/// Days from 1970-01-01 to a civil date, at compile time (the proleptic Gregorian calendar).
constexpr std::int32_t days_from_civil(std::int32_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int32_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int32_t>(doe) - 719468;
}
constexpr std::int32_t first_day_of_year_1 = days_from_civil(1, 1, 1);
constexpr std::int32_t last_day_of_year_9999 = days_from_civil(9999, 12, 31);
static_assert(days_from_civil(1970, 1, 1) == 0 && days_from_civil(2009, 11, 2) == 14550);

/// A stored period must be one that period's own constructor could have made: bounds within years 1
/// to 9999 (or open), at a known precision, on the first or last day that precision covers. Millions
/// of periods are checked per archive, so a bound to the day costs two comparisons.
period checked_period(std::int32_t first, std::int32_t last, std::uint8_t precisions, const char* what,
                      std::size_t index) {
  // The usual shapes first: open at both ends, or open or to the day at either end, in order.
  constexpr std::int32_t open_start = date::min().days_since_epoch(), open_end = date::max().days_since_epoch();
  const unsigned lo = precisions & 15u, hi = precisions >> 4;
  if ((lo == 0 || lo == 3) && (hi == 0 || hi == 3) && first <= last &&
      (lo == 0 ? first == open_start : first >= first_day_of_year_1 && first <= last_day_of_year_9999) &&
      (hi == 0 ? last == open_end : last >= first_day_of_year_1 && last <= last_day_of_year_9999))
    return period_bits::make(first, last, precisions);
  const auto bad = [&](const char* why) {
    refuse(std::string("the ") + what + " of record " + std::to_string(index) + " " + why);
  };
  const unsigned start = precisions & 15u, end = precisions >> 4;
  if (start > 3 || end > 3)
    bad("has an unknown precision");
  const auto check_bound = [&](std::int32_t days, unsigned precision, bool is_end) {
    if (precision == 0) {
      if (days != (is_end ? date::max() : date::min()).days_since_epoch())
        bad("has an open bound with a date");
      return;
    }
    if (days < first_day_of_year_1 || days > last_day_of_year_9999)
      bad("has a date outside the years 1 to 9999");
    if (precision == static_cast<unsigned>(date_precision::day))
      return; // the common case: no calendar arithmetic
    const date d = date::from_days(days);
    const partial_date p{d.year(), precision == static_cast<unsigned>(date_precision::month) ? d.month() : 0u, 0u};
    if ((is_end ? p.last_day() : p.first_day()) != d)
      bad("has a bound that is not the first or last day of its month or year");
  };
  check_bound(first, start, false);
  check_bound(last, end, true);
  if (last < first)
    bad("ends before it starts");
  return period_bits::make(first, last, precisions);
}

/// A relation's bounds must be its term's exactly where it says it took them, and where it has no
/// bound of its own the term must have none either (the term would have filled it).
void check_term_bounds(const model& m, term_index t, const period& when, std::uint8_t from_term, std::size_t index) {
  const auto bad = [&](const char* why) { refuse("relation " + std::to_string(index) + " " + why); };
  if (from_term > (start_from_term | end_from_term))
    bad("has unknown term flags");
  if (t == no_term) {
    if (from_term != 0)
      bad("takes dates from a term it does not name");
    return;
  }
  const period& of = m.terms()[t].when;
  const bool start = (from_term & start_from_term) != 0, end = (from_term & end_from_term) != 0;
  if (start ? !of.start() || when.start() != of.start() : !when.start() && of.start())
    bad("does not start as its term says");
  if (end ? !of.end() || when.end() != of.end() : !when.end() && of.end())
    bad("does not end as its term says");
}

} // namespace

model_columns model_access::columns_of(const model& m) {
  model_columns c;
  const std::size_t n = m.node_count();
  c.kinds.reserve(n);
  for (node_kind k : m.kinds_)
    c.kinds.push_back(static_cast<std::uint8_t>(k));
  c.ids = m.id_refs_;
  c.names = m.name_refs_;
  c.classifications = m.classifications_;
  c.discipline_sets = m.discipline_sets_;
  c.parents = m.parents_;
  c.areas = m.areas_;
  c.life_first.reserve(n);
  c.life_last.reserve(n);
  c.life_precisions.reserve(n);
  for (const period& p : m.lifetimes_) {
    c.life_first.push_back(period_bits::first(p));
    c.life_last.push_back(period_bits::last(p));
    c.life_precisions.push_back(period_bits::precisions(p));
  }
  const std::string_view texts = m.texts_.view({0, static_cast<std::uint32_t>(m.texts_.size())});
  c.texts.assign(texts.begin(), texts.end());
  for (std::uint32_t s = 0; s < m.symbols_.size(); ++s) {
    const std::string_view t = m.symbols_.text(s);
    c.symbols.push_back({static_cast<std::uint32_t>(c.symbol_texts.size()), static_cast<std::uint32_t>(t.size())});
    c.symbol_texts.insert(c.symbol_texts.end(), t.begin(), t.end());
  }
  c.discipline_pool = m.discipline_pool_;
  c.discipline_offsets = m.discipline_offsets_;
  for (std::size_t t = 0; t < relation_type_count; ++t) {
    const relation_table& table = m.tables_[t];
    for (std::size_t i = 0; i < table.core.size(); ++i) {
      if (table.core[i].removed != 0)
        continue;
      c.cores[t].push_back(table.core[i]);
      if (!table.extra.empty())
        c.extras[t].push_back(table.extra[i]);
    }
  }
  c.decisions = m.decisions_;
  c.terms = m.terms_;
  return c;
}

model model_access::from_columns(model_columns&& c) {
  model m;
  const std::size_t n = c.kinds.size();
  if (c.ids.size() != n || c.names.size() != n || c.classifications.size() != n || c.discipline_sets.size() != n ||
      c.parents.size() != n || c.areas.size() != n || c.life_first.size() != n || c.life_last.size() != n ||
      c.life_precisions.size() != n)
    refuse("the node columns differ in length");
  if (n >= none32 - 1)
    refuse("too many nodes");

  // Symbols: interned afresh, which also refuses a symbol listed twice.
  if (c.symbols.empty() || c.symbols[0].size != 0)
    refuse("symbol 0 must be the empty text");
  for (std::size_t s = 0; s < c.symbols.size(); ++s) {
    check_ref(c.symbols[s], c.symbol_texts.size(), "the text of symbol", s);
    const std::string_view t(c.symbol_texts.data() + c.symbols[s].offset, c.symbols[s].size);
    if (m.symbols_.intern(t) != s)
      refuse("symbol " + std::to_string(s) + " repeats an earlier one");
  }
  const auto check_symbol = [&](std::uint32_t s, const char* what, std::size_t index) {
    if (s >= m.symbols_.size())
      refuse(std::string(what) + " of record " + std::to_string(index) + " names no symbol");
  };

  // Sets of disciplines.
  if (c.discipline_offsets.size() < 2 || c.discipline_offsets[0] != 0 || c.discipline_offsets[1] != 0 ||
      c.discipline_offsets.back() != c.discipline_pool.size() ||
      !std::is_sorted(c.discipline_offsets.begin(), c.discipline_offsets.end()))
    refuse("the sets of disciplines are malformed");
  for (std::size_t i = 0; i < c.discipline_pool.size(); ++i)
    check_symbol(c.discipline_pool[i], "discipline", i);
  for (std::uint32_t set = 1; set + 1 < c.discipline_offsets.size(); ++set) {
    std::vector<std::uint32_t> members(c.discipline_pool.begin() + c.discipline_offsets[set],
                                       c.discipline_pool.begin() + c.discipline_offsets[set + 1]);
    if (members.empty() || !m.discipline_set_ids_.emplace(std::move(members), set).second)
      refuse("set of disciplines " + std::to_string(set) + " is empty or repeats an earlier one");
  }
  const auto sets = static_cast<std::uint32_t>(c.discipline_offsets.size() - 1);

  // Nodes.
  for (std::size_t v = 0; v < n; ++v) {
    if (c.kinds[v] > static_cast<std::uint8_t>(node_kind::area))
      refuse("node " + std::to_string(v) + " has an unknown kind");
    check_ref(c.ids[v], c.texts.size(), "the id", v);
    check_ref(c.names[v], c.texts.size(), "the name", v);
    if (c.ids[v].size == 0)
      refuse("node " + std::to_string(v) + " has an empty id");
    check_symbol(c.classifications[v], "the classification", v);
    if (c.discipline_sets[v] >= sets)
      refuse("node " + std::to_string(v) + " names no set of disciplines");
    if (c.parents[v] != none32 && c.parents[v] >= n)
      refuse("node " + std::to_string(v) + " names a parent that is not a node");
    if (c.areas[v] != none32 && (c.areas[v] >= n || c.kinds[c.areas[v]] != static_cast<std::uint8_t>(node_kind::area)))
      refuse("node " + std::to_string(v) + " names an area that is not an area");
    m.lifetimes_.push_back(checked_period(c.life_first[v], c.life_last[v], c.life_precisions[v], "lifetime", v));
  }
  m.kinds_.reserve(n);
  for (std::uint8_t k : c.kinds)
    m.kinds_.push_back(static_cast<node_kind>(k));
  m.id_refs_ = std::move(c.ids);
  m.name_refs_ = std::move(c.names);
  m.classifications_ = std::move(c.classifications);
  m.discipline_sets_ = std::move(c.discipline_sets);
  m.areas_ = std::move(c.areas);
  m.discipline_pool_ = std::move(c.discipline_pool);
  m.discipline_offsets_ = std::move(c.discipline_offsets);
  if (c.texts.size() > std::numeric_limits<std::uint32_t>::max())
    refuse("more than 4 GiB of ids and names");
  m.texts_.adopt(std::move(c.texts)); // the text as read, not a copy of it

  // Ids: unique, found through the table.
  m.ids_.reset(n);
  const auto text_of = [&m](std::uint32_t h) { return m.texts_.view(m.id_refs_[h]); };
  for (std::uint32_t v = 0; v < n; ++v)
    if (!m.ids_.insert_unique(v, m.id(v), text_of))
      throw reference_error(std::string(m.id(v)), "duplicate id '" + std::string(m.id(v)) + "'");

  // Parents: of the right kind, and no node its own ancestor.
  for (std::size_t v = 0; v < n; ++v)
    m.check_parent(m.kinds_[v], m.id(v), c.parents[v] == none32 ? no_vertex : vertex{c.parents[v]});
  m.parents_ = std::move(c.parents);
  std::vector<std::uint8_t> state(n, 0); // 0 unseen, 1 on the walk, 2 known to reach a root
  for (std::size_t start = 0; start < n; ++start) {
    std::vector<std::uint32_t> walk;
    for (std::uint32_t v = static_cast<std::uint32_t>(start); v != none32 && state[v] != 2;
         v = m.kinds_[v] == node_kind::post ? none32 : m.parents_[v]) {
      if (state[v] == 1)
        refuse("'" + std::string(m.id(v)) + "' is its own ancestor");
      state[v] = 1;
      walk.push_back(v);
    }
    for (std::uint32_t v : walk)
      state[v] = 2;
  }

  // Terms, through the checking path, before the relations that name them.
  for (term& t : c.terms) {
    t.when = checked_period(period_bits::first(t.when), period_bits::last(t.when), period_bits::precisions(t.when),
                            "period of term", m.terms_.size());
    m.add_term(std::move(t));
  }

  // Relations: ends and named bodies in range and of the right kinds, dates well formed, a term's
  // dates where the relation says it took them.
  for (std::size_t t = 0; t < relation_type_count; ++t) {
    auto& cores = c.cores[t];
    auto& extras = c.extras[t];
    if (!extras.empty() && extras.size() != cores.size())
      refuse("the relations of type '" + std::string(to_string(static_cast<relation_type>(t))) +
             "' have extras of another length");
    if (cores.size() > relation_id::max_index)
      refuse("too many relations of one type");
    for (std::size_t i = 0; i < cores.size(); ++i) {
      relation_core& core = cores[i];
      if (core.removed != 0 || core.arrangement > static_cast<std::uint8_t>(arrangement::secondment))
        refuse("relation " + std::to_string(i) + " of type '" + std::string(to_string(static_cast<relation_type>(t))) +
               "' is malformed");
      relation r(static_cast<relation_type>(t));
      if (core.from >= n || core.to >= n)
        refuse("relation " + std::to_string(i) + " names a node that is not in the model");
      const period when = checked_period(core.first, core.last, core.precisions, "period", i);
      if (!extras.empty()) {
        const relation_extra& x = extras[i];
        check_symbol(x.role, "the role", i);
        check_symbol(x.status, "the status", i);
        if (x.id.size != 0)
          check_ref(x.id, m.texts_.size(), "the relation id", i);
        for (std::uint32_t b : {x.on_behalf_of, x.organization})
          if (b != none32 && b >= n)
            refuse("relation " + std::to_string(i) + " names a body that is not in the model");
        r.on_behalf_of = x.on_behalf_of == none32 ? no_vertex : vertex{x.on_behalf_of};
        r.organization = x.organization == none32 ? no_vertex : vertex{x.organization};
        if (x.area != none32 && (x.area >= n || m.kinds_[x.area] != node_kind::area))
          refuse("relation " + std::to_string(i) + " names an area that is not an area");
        if (x.term != none32 && x.term >= m.terms_.size())
          refuse("relation " + std::to_string(i) + " names a term that is not in the model");
        r.term = x.term == none32 ? no_term : term_index{x.term};
      }
      m.check_relation(core.from, core.to, r);
      check_term_bounds(m, r.term, when, core.from_term, i);
    }
    m.tables_[t].core = std::move(cores);
    m.tables_[t].extra = std::move(extras);
    m.tables_[t].live = static_cast<std::uint32_t>(m.tables_[t].core.size());
  }

  // Decisions, through the checking path.
  for (decision& d : c.decisions)
    m.add_decision(std::move(d));
  return m;
}

} // namespace orgraph::detail
