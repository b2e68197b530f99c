#pragma once
// Seeded random models for differential tests: small organisations that use every kind of node and
// relation the queries read, with dates that crowd around each other's boundaries so that the edges
// of periods, lifetimes and replacements are hit.
//
// A model is generated as a model_spec (plain lists of nodes, relations and decisions) and then built,
// so that a failing case can be shrunk by taking parts out of the spec and building it again.

#include <orgraph/model/model.hpp>

#include "model_spec.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace orgraph::test {

/// splitmix64: small, fast, and the same numbers on every platform (unlike std::uniform_int_distribution).
class random_source {
public:
  explicit random_source(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  /// 0 to n - 1 (n > 0).
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  /// True with probability `percent` / 100.
  bool chance(int percent) { return static_cast<int>(below(100)) < percent; }
  template <class T> const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

private:
  std::uint64_t state_;
};

/// A seed for one item of a run: the base seed mixed with the item's number.
inline std::uint64_t mix_seed(std::uint64_t base, std::uint64_t item) {
  random_source r(base ^ (item * 0xd1b54a32d192ed03ull));
  return r.next();
}

/// What the generator may use; turning a feature off shows which disagreements it causes.
struct generator_options {
  bool lifetimes = true;  ///< lifetimes of bodies, posts and some persons
  bool succession = true; ///< replaced_by relations
  std::size_t max_nodes = 40;
};

namespace detail {

class model_generator {
public:
  model_generator(std::uint64_t seed, const generator_options& options) : rng_(seed), options_(options) {}

  model_spec generate() {
    const std::size_t total = rng_.chance(70) ? 5 + rng_.below(16) : 21 + rng_.below(options_.max_nodes - 20);
    const std::size_t bodies = std::max<std::size_t>(2, total * 3 / 10);
    const std::size_t areas = total < 10 ? rng_.below(2) : 1 + rng_.below(total / 8 + 1);
    const std::size_t persons = std::max<std::size_t>(2, total * 35 / 100);
    const std::size_t posts = total > bodies + areas + persons ? total - bodies - areas - persons : 1;

    // Kinds in a random order, so that vertex order mixes persons, posts and bodies; areas last but
    // for their own parents, which come first among them.
    std::vector<node_kind> kinds;
    kinds.insert(kinds.end(), bodies, node_kind::organization);
    kinds.insert(kinds.end(), persons, node_kind::person);
    kinds.insert(kinds.end(), posts, node_kind::post);
    for (std::size_t i = kinds.size(); i > 1; --i)
      std::swap(kinds[i - 1], kinds[rng_.below(i)]);
    kinds.insert(kinds.end(), areas, node_kind::area);
    for (node_kind k : kinds)
      add_node(k);

    add_areas_served();
    add_terms();
    if (options_.succession)
      add_successions();
    add_body_links();
    add_holdings();
    add_memberships();
    add_management(relation_type::manages, 100);
    add_management(relation_type::supervises, 20);
    add_management(relation_type::dotted_line_manages, 15);
    add_decisions();
    return std::move(spec_);
  }

private:
  // ---- dates ----------------------------------------------------------------------------------

  static date base() { return date::from_ymd(2009, 1, 1); }
  static constexpr int window = 3 * 365;

  /// A day of the window, or often one next to a boundary already used, so that periods meet.
  date some_day() {
    if (!key_days_.empty() && rng_.chance(45))
      return rng_.pick(key_days_).plus_days(static_cast<std::int32_t>(rng_.below(3)) - 1);
    return base().plus_days(static_cast<std::int32_t>(rng_.below(window)));
  }

  /// A day as a partial date: mostly the full date, sometimes only its month or year.
  partial_date as_partial(date d) {
    partial_date p{d.year(), d.month(), d.day()};
    const auto r = rng_.below(100);
    if (r < 12)
      p.day = 0;
    else if (r < 16)
      p.month = p.day = 0;
    return p;
  }

  void remember(const period& p) {
    if (p.start())
      key_days_.push_back(p.first_day());
    if (p.end())
      key_days_.push_back(p.last_day());
  }

  /// A period: undated, from a day, until a day, or between two; `undated` is the percent undated.
  period some_period(int undated = 30) {
    std::optional<partial_date> start, end;
    const int r = static_cast<int>(rng_.below(100));
    date a = some_day(), b = some_day();
    if (b < a)
      std::swap(a, b);
    if (r < undated) {
    } else if (r < undated + (100 - undated) * 4 / 10) {
      start = as_partial(a);
    } else if (r < undated + (100 - undated) * 55 / 100) {
      end = as_partial(b);
    } else {
      start = as_partial(a);
      end = as_partial(b);
    }
    period p(start, end);
    remember(p);
    return p;
  }

  // ---- nodes ----------------------------------------------------------------------------------

  std::vector<vertex> of_kind(node_kind k) const {
    std::vector<vertex> out;
    for (vertex v = 0; v < spec_.nodes.size(); ++v)
      if (spec_.nodes[v].kind == k)
        out.push_back(v);
    return out;
  }

  void add_node(node_kind k) {
    static const std::vector<std::string> classes{
        "board", "Board",   "district partnership", "Partnership", "team", "group", "MAAG", "maag",
        "tascc", "council", "task and finish group"};
    static const std::vector<std::string> area_classes{"district", "District", "quadrant"};
    static const std::vector<std::string> disciplines{"social work", "education", "health"};
    node n;
    n.kind = k;
    const std::size_t number = spec_.nodes.size();
    const auto bodies = of_kind(node_kind::organization);
    switch (k) {
    case node_kind::organization:
      n.id = "b" + std::to_string(number);
      n.name = "Body " + std::to_string(number);
      n.classification = rng_.pick(classes);
      if (!bodies.empty() && rng_.chance(50))
        n.parent = rng_.pick(bodies);
      if (options_.lifetimes && rng_.chance(50))
        n.lifetime = some_period(0);
      break;
    case node_kind::person:
      n.id = "p" + std::to_string(number);
      n.name = "Person " + std::to_string(number);
      if (rng_.chance(50))
        n.disciplines.push_back(rng_.pick(disciplines));
      if (rng_.chance(15))
        n.disciplines.push_back(rng_.pick(disciplines));
      if (options_.lifetimes && rng_.chance(10))
        n.lifetime = some_period(0);
      break;
    case node_kind::post:
      n.id = "q" + std::to_string(number);
      n.name = "Post " + std::to_string(number);
      if (!bodies.empty() && rng_.chance(70))
        n.parent = rng_.pick(bodies);
      if (options_.lifetimes && rng_.chance(30))
        n.lifetime = some_period(0);
      if (rng_.chance(10))
        n.disciplines.push_back(rng_.pick(disciplines));
      break;
    case node_kind::area: {
      const auto areas = of_kind(node_kind::area);
      n.id = "a" + std::to_string(number);
      n.name = "Area " + std::to_string(number);
      if (areas.empty()) {
        n.classification = "county";
      } else {
        n.classification = rng_.pick(area_classes);
        if (rng_.chance(70))
          n.parent = rng_.pick(areas);
      }
      break;
    }
    }
    spec_.nodes.push_back(std::move(n));
  }

  /// Some bodies and posts serve an area (Popolo area_id).
  void add_areas_served() {
    const auto areas = of_kind(node_kind::area);
    if (areas.empty())
      return;
    for (auto& n : spec_.nodes)
      if ((n.kind == node_kind::organization || n.kind == node_kind::post) && rng_.chance(25))
        n.area = rng_.pick(areas);
  }

  /// Terms of office (legislative periods) that some memberships take their missing dates from.
  void add_terms() {
    const auto bodies = of_kind(node_kind::organization);
    const std::size_t n = rng_.below(3);
    for (std::size_t i = 0; i < n; ++i)
      spec_.terms.push_back({"t" + std::to_string(i), "Term " + std::to_string(i),
                             rng_.chance(70) ? rng_.pick(bodies) : no_vertex, some_period(10)});
  }

  /// Give a membership a term now and then, and an area: only a term whose dates fit its own (a term
  /// that would make it end before it starts is refused by the model).
  void name_term_and_area(relation& r) {
    const auto areas = of_kind(node_kind::area);
    if (!areas.empty() && rng_.chance(20))
      r.area = rng_.pick(areas);
    if (spec_.terms.empty() || !rng_.chance(30))
      return;
    const std::size_t t = rng_.below(spec_.terms.size());
    const period& of = spec_.terms[t].when;
    const auto start = r.when.start() ? r.when.start() : of.start();
    const auto end = r.when.end() ? r.when.end() : of.end();
    if (start && end && period(start, std::nullopt).first_day() > period(std::nullopt, end).last_day())
      return;
    r.term = t;
  }

  // ---- relations ------------------------------------------------------------------------------

  model_spec::edge& relate(vertex from, vertex to, relation_type t, period when = {},
                           arrangement a = arrangement::substantive) {
    spec_.relations.push_back({from, to, relation(t, when, a)});
    return spec_.relations.back();
  }

  arrangement some_arrangement(int temporary_percent) {
    if (!rng_.chance(temporary_percent))
      return arrangement::substantive;
    static const std::vector<arrangement> temporary{arrangement::acting, arrangement::interim, arrangement::secondment};
    return rng_.pick(temporary);
  }

  std::string some_role() {
    static const std::vector<std::string> roles{"Chair",
                                                "chair",
                                                "Chairman",
                                                "Chair, West Essex",
                                                "Chair person",
                                                "member",
                                                "Member",
                                                "vice-chair",
                                                "Vice Chair",
                                                "Deputy Chair",
                                                "observer",
                                                "Observer (non-voting)",
                                                "Chairs group",
                                                "",
                                                ""};
    return rng_.pick(roles);
  }

  /// Renamings: a body replaced by another, dated or not, its lifetimes often meeting the date;
  /// successors may be renamed in turn, and a body now and then split in two. Never a cycle: a body
  /// is only replaced by one later in a random order.
  void add_successions() {
    auto bodies = of_kind(node_kind::organization);
    for (std::size_t i = bodies.size(); i > 1; --i)
      std::swap(bodies[i - 1], bodies[rng_.below(i)]);
    for (std::size_t i = 0; i + 1 < bodies.size(); ++i) {
      if (!rng_.chance(30))
        continue;
      const std::size_t splits = rng_.chance(12) ? 2 : 1;
      for (std::size_t s = 0; s < splits; ++s) {
        const vertex from = bodies[i];
        const vertex to = bodies[i + 1 + rng_.below(bodies.size() - i - 1)];
        const date when = some_day();
        period p;
        if (rng_.chance(50))
          p = period(as_partial(when), std::nullopt);
        if (options_.lifetimes && rng_.chance(50)) { // the successor founded, the predecessor dissolved
          const bool day_precise = rng_.chance(80);
          partial_date first{when.year(), when.month(), day_precise ? when.day() : 0};
          const auto& old_to = spec_.nodes[to].lifetime;
          spec_.nodes[to].lifetime =
              period(first, old_to.end() && old_to.last_day() >= when ? old_to.end() : std::nullopt);
          if (rng_.chance(70)) {
            const date last = period(first, std::nullopt).first_day().plus_days(-1);
            const auto& old_from = spec_.nodes[from].lifetime;
            std::optional<partial_date> start =
                old_from.start() && old_from.first_day() <= last ? old_from.start() : std::nullopt;
            spec_.nodes[from].lifetime = period(start, partial_date{last.year(), last.month(), last.day()});
          }
          remember(spec_.nodes[to].lifetime);
          remember(spec_.nodes[from].lifetime);
        }
        remember(p);
        key_days_.push_back(when);
        relate(from, to, relation_type::replaced_by, p);
      }
    }
  }

  void add_body_links() {
    const auto bodies = of_kind(node_kind::organization);
    const auto areas = of_kind(node_kind::area);
    for (vertex b : bodies) {
      if (rng_.chance(50))
        relate(b, rng_.pick(bodies), relation_type::reports_to, some_period());
      if (rng_.chance(15))
        relate(b, rng_.pick(bodies), relation_type::reports_to, some_period());
      if (rng_.chance(30))
        relate(b, rng_.pick(bodies), relation_type::recommends_to, some_period());
      if (rng_.chance(10))
        relate(b, rng_.pick(bodies), relation_type::partners_with, some_period());
      if (!areas.empty() && rng_.chance(45)) {
        const std::size_t n = 1 + rng_.below(2);
        for (std::size_t i = 0; i < n; ++i) {
          auto& e = relate(b, rng_.pick(areas), relation_type::covers, some_period());
          if (rng_.chance(30))
            e.rel.status = "pilot";
        }
      }
    }
  }

  /// Holders: vacant posts, single holders, job shares and acting or seconded holders beside a
  /// substantive one; some holdings name a body, carry a role or represent a body.
  void add_holdings() {
    const auto persons = of_kind(node_kind::person);
    const auto bodies = of_kind(node_kind::organization);
    for (vertex p : of_kind(node_kind::post)) {
      const auto r = rng_.below(100);
      const std::size_t holders = r < 20 ? 0 : r < 75 ? 1 : r < 95 ? 2 : 3;
      for (std::size_t i = 0; i < holders; ++i) {
        auto& e = relate(rng_.pick(persons), p, relation_type::holds, some_period(35), some_arrangement(35));
        if (rng_.chance(15))
          e.rel.organization = rng_.pick(bodies);
        if (rng_.chance(20))
          e.rel.role = some_role();
        if (rng_.chance(10))
          e.rel.on_behalf_of = rng_.pick(bodies);
        if (rng_.chance(20))
          e.rel.id = "h" + std::to_string(spec_.relations.size());
        name_term_and_area(e.rel);
      }
    }
  }

  void add_memberships() {
    const auto bodies = of_kind(node_kind::organization);
    const auto add = [&](vertex who, int undated) {
      auto& e = relate(who, rng_.pick(bodies), relation_type::member_of, some_period(undated));
      e.rel.role = some_role();
      if (rng_.chance(20))
        e.rel.on_behalf_of = rng_.pick(bodies);
      if (rng_.chance(20))
        e.rel.id = "m" + std::to_string(spec_.relations.size());
      name_term_and_area(e.rel);
    };
    for (vertex p : of_kind(node_kind::person)) {
      const std::size_t n = rng_.below(4);
      for (std::size_t i = 0; i < n; ++i)
        add(p, 40);
    }
    for (vertex p : of_kind(node_kind::post))
      if (rng_.chance(30)) {
        add(p, 40);
        if (rng_.chance(30))
          add(p, 40);
        if (rng_.chance(50))
          spec_.relations.back().rel.role.clear(); // the holding's role or the post's label then
      }
  }

  /// Management between persons and posts, mostly down a random ranking (so chains are long), now
  /// and then up it (cycles) or onto the node itself.
  void add_management(relation_type type, int percent) {
    auto staff = of_kind(node_kind::person);
    const auto posts = of_kind(node_kind::post);
    staff.insert(staff.end(), posts.begin(), posts.end());
    for (std::size_t i = staff.size(); i > 1; --i)
      std::swap(staff[i - 1], staff[rng_.below(i)]);
    for (std::size_t i = 1; i < staff.size(); ++i) {
      if (!rng_.chance(percent))
        continue;
      const std::size_t n = type == relation_type::manages ? (rng_.chance(35) ? 2 : 1) : 1;
      for (std::size_t k = 0; k < n; ++k) {
        vertex from = staff[rng_.below(i)];
        if (rng_.chance(6))
          from = rng_.pick(staff); // upwards: a cycle now and then
        if (rng_.chance(2))
          from = staff[i];
        relate(from, staff[i], type, some_period(35), some_arrangement(35));
      }
    }
  }

  void add_decisions() {
    static const std::vector<std::string> subjects{"Budget", "budget", "Locality review", "LOCALITY REVIEW",
                                                   "Operating model"};
    static const std::vector<outcome> outcomes{outcome::recommended, outcome::recommended, outcome::approved,
                                               outcome::decided,     outcome::noted,       outcome::deferred,
                                               outcome::rejected};
    const auto bodies = of_kind(node_kind::organization);
    const std::size_t n = rng_.below(9);
    for (std::size_t i = 0; i < n; ++i) {
      decision d;
      d.id = "d" + std::to_string(spec_.decisions.size());
      d.subject = rng_.pick(subjects);
      d.organization = rng_.pick(bodies);
      d.date = some_day();
      d.outcome = rng_.pick(outcomes);
      if (d.outcome == outcome::recommended ? rng_.chance(85) : rng_.chance(10))
        d.to = rng_.pick(bodies);
      if (!spec_.decisions.empty() && rng_.chance(35)) {
        d.follows = rng_.below(spec_.decisions.size());
        d.date = std::max(d.date, spec_.decisions[d.follows].date); // a decision follows an earlier one
      }
      spec_.decisions.push_back(d);
      if (d.outcome == outcome::recommended && d.to != no_vertex && rng_.chance(50)) {
        decision answer; // the recipient takes the matter up, on the day or later
        answer.id = "d" + std::to_string(spec_.decisions.size());
        answer.subject = rng_.chance(50) ? d.subject : subjects[rng_.below(2)];
        answer.organization = d.to;
        answer.date = d.date.plus_days(static_cast<std::int32_t>(rng_.below(3) * rng_.below(40)));
        answer.outcome = rng_.pick(outcomes);
        spec_.decisions.push_back(answer);
        ++i;
      }
    }
  }

  random_source rng_;
  generator_options options_;
  model_spec spec_;
  std::vector<date> key_days_;
};

} // namespace detail

/// A random model of 5 to `options.max_nodes` nodes, the same for the same seed.
inline model_spec random_model_spec(std::uint64_t seed, const generator_options& options = {}) {
  return detail::model_generator(seed, options).generate();
}

/// Days to ask a model about: mostly on or next to a boundary of its relations, lifetimes and
/// decisions (the day before, the day, the day after), sometimes any day of its years.
inline std::vector<date> interesting_dates(const model_spec& spec, std::uint64_t seed, std::size_t count) {
  std::vector<date> pool;
  const auto add = [&](const period& p) {
    if (p.start()) {
      pool.push_back(p.first_day());
      pool.push_back(p.first_day().plus_days(-1));
    }
    if (p.end()) {
      pool.push_back(p.last_day());
      pool.push_back(p.last_day().plus_days(1));
    }
  };
  for (const auto& n : spec.nodes)
    add(n.lifetime);
  for (const auto& t : spec.terms)
    add(t.when);
  for (const auto& e : spec.relations)
    add(e.rel.when);
  for (const auto& d : spec.decisions)
    pool.push_back(d.date);
  random_source rng(seed);
  std::vector<date> out;
  const date base = date::from_ymd(2009, 1, 1);
  for (std::size_t i = 0; i < count; ++i)
    if (!pool.empty() && rng.chance(75))
      out.push_back(rng.pick(pool).plus_days(static_cast<std::int32_t>(rng.below(3)) - 1));
    else
      out.push_back(base.plus_days(static_cast<std::int32_t>(rng.below(3 * 365 + 60)) - 30));
  return out;
}

} // namespace orgraph::test
