#pragma once
// Histories by brute force (docs/time.md): an aspect's answer on a day is a query of that day, written as
// history values; a history is the answer on every day of its period, and a window question is the days
// on which its question holds. Nothing here looks for change dates: it asks every day, which is what a
// history must equal.
//
// day_answers() takes the day's answers from a `side` (the reference's rules, reference_side below, or
// the library's snapshot, in the differential test), so the same definition of each aspect serves both.

#include <orgraph/query/history.hpp>
#include <orgraph/query/timeline.hpp>

#include "governance.hpp"
#include "line_management.hpp"
#include "time_rules.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <tuple>
#include <vector>

namespace orgraph_reference {

using orgraph::history_aspect;
using orgraph::history_value;
using values = std::vector<history_value>;

inline constexpr std::size_t aspect_count = orgraph::history_aspect_count;
inline std::size_t at(history_aspect a) { return static_cast<std::size_t>(a); }

// ---- the values an aspect's answer is written as (the table in history.hpp) ---------------------------

inline history_value manager_value(const manager_answer& a) {
  history_value v;
  v.node = a.manager ? *a.manager : no_vertex;
  v.post = a.post;
  v.arrangement = a.arrangement;
  v.via = a.relation;
  v.vacant_posts = a.vacant_posts;
  v.ambiguous = a.ambiguous;
  return v;
}

/// A seat: for a person's or post's membership `node` is the body and `replaced` is kept; for a body's
/// member or chair `node` is the person (or none) and `replaced` is not part of the value.
inline history_value seat_value(const model& m, const membership& s, bool as_membership) {
  history_value v;
  v.node = as_membership ? s.body : (s.person ? *s.person : no_vertex);
  v.post = s.post;
  v.role = s.role;
  v.on_behalf_of = s.on_behalf_of;
  v.area = s.edge ? m[*s.edge].area : no_vertex;
  v.basis = s.basis;
  v.via = s.via;
  v.relation = s.edge;
  if (as_membership)
    v.replaced = s.replaced;
  return v;
}

inline history_value node_value(vertex v) {
  history_value out;
  out.node = v;
  return out;
}

/// A total order on values, for comparing answers as multisets.
inline auto value_key(const history_value& v) {
  return std::make_tuple(v.node, v.post, v.relation ? v.relation->bits() : 0xffffffffu, v.role, v.on_behalf_of, v.area,
                         static_cast<int>(v.arrangement), static_cast<int>(v.basis), static_cast<int>(v.via),
                         v.replaced, v.vacant_posts, v.ambiguous, v.decision);
}

inline values sorted(values v) {
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return value_key(a) < value_key(b); });
  return v;
}

// ---- the reference's answers of a day ------------------------------------------------------------

/// The queries an aspect reads, asked of the reference's rules.
struct reference_side {
  const model& m;
  date on;

  std::optional<manager_answer> line_manager(vertex x) const { return orgraph_reference::line_manager(m, x, on); }
  std::optional<manager_answer> supervisor(vertex x) const { return orgraph_reference::supervisor(m, x, on); }
  std::vector<manager_answer> dotted_line_managers(vertex x) const {
    return orgraph_reference::dotted_line_managers(m, x, on);
  }
  /// Every holds relation in force out of the person, in the order added.
  std::vector<relation_id> holdings(vertex person) const {
    std::vector<relation_id> out;
    for (relation_id h : m.relations(relation_type::holds))
      if (m.source(h) == person && orgraph_reference::in_force(m, h, on))
        out.push_back(h);
    return out;
  }
  /// holding(post): the effective holding and, for a substantive holder, the first temporary post they
  /// hold beside it (seconded out).
  std::optional<history_value> holder(vertex post) const {
    const auto h = orgraph_reference::effective_holding(m, post, on);
    if (!h)
      return std::nullopt;
    history_value v;
    v.node = m.source(*h);
    v.arrangement = m[*h].arrangement;
    v.via = relation_type::holds;
    v.relation = *h;
    if (v.arrangement == arrangement::substantive)
      for (relation_id other : holdings(v.node))
        if (m.target(other) != post && m[other].arrangement != arrangement::substantive) {
          v.post = m.target(other);
          break;
        }
    return v;
  }
  std::vector<vertex> active_bodies() const { return orgraph_reference::active_bodies(m, on); }
  std::vector<membership> members(vertex b) const { return orgraph_reference::members(m, b, on); }
  std::optional<membership> chair(vertex b) const { return orgraph_reference::chair(m, b, on); }
  orgraph::successor_answer successor_on(vertex b) const { return orgraph_reference::successor_on(m, b, on); }
  std::vector<vertex> names_of(vertex b) const { return orgraph_reference::names_of(m, b, on); }
  bool present(vertex b) const { return orgraph_reference::present(m, b, on); }
  std::optional<reporting_step> first_step(vertex b) const {
    const auto line = orgraph_reference::reporting_line(m, b, on);
    return line.empty() ? std::nullopt : std::optional<reporting_step>(line.front());
  }
};

/// Every aspect's answer for every node on one day: what a history must give for that day. Persons and
/// posts: line_manager, supervisor, dotted_line_manager, post (persons), holder (posts), membership;
/// bodies: member, chair, name, successor, lifetime, reporting_line. Decisions are events: see below.
template <class Side> std::vector<std::array<values, aspect_count>> day_answers(const model& m, const Side& side) {
  std::vector<std::array<values, aspect_count>> out(m.node_count());
  // The seats of every body in force, once: a person's or post's membership is its share of them.
  for (vertex b : side.active_bodies())
    for (const auto& s : side.members(b)) {
      if (s.person)
        out[*s.person][at(history_aspect::membership)].push_back(seat_value(m, s, true));
      if (s.post != no_vertex && m[s.post].kind == node_kind::post)
        out[s.post][at(history_aspect::membership)].push_back(seat_value(m, s, true));
    }
  for (vertex x = 0; x < m.node_count(); ++x) {
    auto& a = out[x];
    const node_kind k = m[x].kind;
    if (k == node_kind::person || k == node_kind::post) {
      if (const auto l = side.line_manager(x))
        a[at(history_aspect::line_manager)].push_back(manager_value(*l));
      if (const auto s = side.supervisor(x))
        a[at(history_aspect::supervisor)].push_back(manager_value(*s));
      for (const auto& d : side.dotted_line_managers(x))
        a[at(history_aspect::dotted_line_manager)].push_back(manager_value(d));
      if (k == node_kind::person)
        for (relation_id h : side.holdings(x)) {
          const auto r = m[h];
          history_value v;
          v.node = r.to;
          v.arrangement = r.arrangement;
          v.role = std::string(r.role);
          v.on_behalf_of = r.on_behalf_of;
          v.area = r.area;
          v.via = relation_type::holds;
          v.relation = h;
          a[at(history_aspect::post)].push_back(std::move(v));
        }
      else if (const auto h = side.holder(x))
        a[at(history_aspect::holder)].push_back(*h);
    } else if (k == node_kind::organization) {
      for (const auto& s : side.members(x))
        a[at(history_aspect::member)].push_back(seat_value(m, s, false));
      if (const auto c = side.chair(x))
        a[at(history_aspect::chair)].push_back(seat_value(m, *c, false));
      const auto succ = side.successor_on(x);
      a[at(history_aspect::name)].push_back(node_value(succ.body));
      for (vertex n : side.names_of(succ.body)) // time rule 3, but for itself and those it passed through
        if (n != succ.body && n != x && !orgraph_reference::contains(succ.replaced, n))
          a[at(history_aspect::successor)].push_back(node_value(n));
      if (side.present(x))
        a[at(history_aspect::lifetime)].push_back(node_value(x));
      if (const auto step = side.first_step(x)) {
        history_value v = node_value(step->body);
        v.relation = step->edge;
        v.replaced = step->replaced;
        a[at(history_aspect::reporting_line)].push_back(v);
      }
    }
  }
  return out;
}

/// The decisions in the history of `body`: those made from `from` to `to` by a body answered, on the
/// decision's date, by the body that answers for `body`; by date, then in the order added.
inline std::vector<orgraph::decision_index> decisions_of(const model& m, vertex body, date from, date to) {
  std::vector<orgraph::decision_index> out;
  const auto& ds = m.decisions();
  for (orgraph::decision_index i = 0; i < ds.size(); ++i)
    if (from <= ds[i].date && ds[i].date <= to &&
        orgraph_reference::successor(m, ds[i].organization, ds[i].date) ==
            orgraph_reference::successor(m, body, ds[i].date))
      out.push_back(i);
  std::stable_sort(out.begin(), out.end(), [&](auto a, auto b) { return ds[a].date < ds[b].date; });
  return out;
}

/// A window question by brute force: for each node `key` gives on a day (or no_vertex), the days it
/// gives it, as periods; entries by first day, then vertex.
template <class KeysOn> std::vector<orgraph::window_entry> window(date from, date to, const KeysOn& keys_on) {
  std::vector<orgraph::window_entry> out;
  for (date d = from; d <= to; d = d.plus_days(1))
    for (vertex k : keys_on(d)) {
      auto it = std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.node == k; });
      if (it == out.end()) {
        out.push_back({k, {}});
        it = out.end() - 1;
      }
      auto& p = it->periods;
      if (!p.empty() && p.back().to == d)
        continue; // keys may repeat within a day
      if (!p.empty() && p.back().to.plus_days(1) == d)
        p.back().to = d;
      else
        p.push_back({d, d});
    }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.periods.front().from != b.periods.front().from ? a.periods.front().from < b.periods.front().from
                                                            : a.node < b.node;
  });
  return out;
}

/// What changes on one day, by the definition of timeline(): relations whose first day it is, or whose
/// last day was the day before; replacements taking effect; lifetimes beginning or ended the day
/// before; decisions of the day.
inline orgraph::timeline_counts timeline_on(const model& m, date d) {
  orgraph::timeline_counts c;
  for (relation_id r : m.relations()) {
    const auto rel = m[r];
    const auto t = static_cast<std::size_t>(rel.type);
    if (rel.type == relation_type::replaced_by) {
      c.replacements += orgraph_reference::replacement_date(m, r) == d ? 1u : 0u;
      continue;
    }
    c.started[t] += rel.when.start() && rel.when.first_day() == d ? 1u : 0u;
    c.ended[t] += rel.when.end() && rel.when.last_day().plus_days(1) == d ? 1u : 0u;
  }
  for (vertex v = 0; v < m.node_count(); ++v) {
    const auto& life = m[v].lifetime;
    const auto k = static_cast<std::size_t>(m[v].kind);
    c.began[k] += life.start() && life.first_day() == d ? 1u : 0u;
    c.ceased[k] += life.end() && life.last_day().plus_days(1) == d ? 1u : 0u;
  }
  for (const auto& dec : m.decisions())
    c.decisions += dec.date == d ? 1u : 0u;
  return c;
}

} // namespace orgraph_reference
