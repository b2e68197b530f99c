#pragma once
// The time rules of docs/concepts.md ("The time rules"), each written once and by brute force: every
// question scans the model's relations again. Nothing here is fast; everything here is meant to be
// obviously right, so that the library's snapshot can be compared against it.

#include <orgraph/model/model.hpp>
#include <orgraph/query/governance.hpp>

#include <algorithm>
#include <optional>
#include <vector>

namespace orgraph_reference {

using orgraph::date;
using orgraph::model;
using orgraph::no_vertex;
using orgraph::node_kind;
using orgraph::relation_id;
using orgraph::relation_type;
using orgraph::vertex;

template <class T> bool contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

inline bool is_body(const model& m, vertex v) { return v != no_vertex && m[v].kind == node_kind::organization; }

/// Rule 1: a node exists on a date when its lifetime contains it.
inline bool exists(const model& m, vertex v, date on) { return m[v].lifetime.contains(on); }

/// Rule 2: the replacement date of a replaced_by relation A -> B.
inline date replacement_date(const model& m, relation_id r) {
  const auto rel = m[r];
  if (rel.when.start())
    return rel.when.first_day();
  if (m[rel.to].lifetime.start())
    return m[rel.to].lifetime.first_day();
  if (m[rel.from].lifetime.end())
    return m[rel.from].lifetime.last_day().plus_days(1);
  return date::min();
}

/// The replaced_by relation out of `body` with the earliest replacement date, the first added among equals.
inline std::optional<relation_id> earliest_replacement_out(const model& m, vertex body) {
  std::optional<relation_id> best;
  for (relation_id r : m.relations(relation_type::replaced_by))
    if (m[r].from == body &&
        (!best || orgraph_reference::replacement_date(m, r) < orgraph_reference::replacement_date(m, *best)))
      best = r;
  return best;
}

/// The replaced_by relation into `body` with the earliest replacement date, the first added among equals.
inline std::optional<relation_id> earliest_replacement_in(const model& m, vertex body) {
  std::optional<relation_id> best;
  for (relation_id r : m.relations(relation_type::replaced_by))
    if (m[r].to == body &&
        (!best || orgraph_reference::replacement_date(m, r) < orgraph_reference::replacement_date(m, *best)))
      best = r;
  return best;
}

/// Rule 2: follow the earliest replacement while it has taken effect, never revisiting a body.
inline orgraph::successor_answer successor_on(const model& m, vertex body, date on) {
  orgraph::successor_answer a;
  a.requested = body;
  a.body = body;
  std::vector<vertex> seen{body};
  for (;;) {
    const auto r = orgraph_reference::earliest_replacement_out(m, a.body);
    if (!r || orgraph_reference::replacement_date(m, *r) > on)
      break;
    const vertex next = m[*r].to;
    if (orgraph_reference::contains(seen, next))
      break;
    seen.push_back(next);
    a.replaced.push_back(a.body);
    a.body = next;
  }
  return a;
}

inline vertex successor(const model& m, vertex v, date on) { return orgraph_reference::successor_on(m, v, on).body; }

/// Rule 2: a body is in force when it exists and is its own successor.
inline bool in_force(const model& m, vertex body, date on) {
  return orgraph_reference::is_body(m, body) && orgraph_reference::exists(m, body, on) &&
         orgraph_reference::successor(m, body, on) == body;
}

/// Rule 3: a body is present when its successor exists; any other node when it exists.
inline bool present(const model& m, vertex v, date on) {
  return orgraph_reference::is_body(m, v) ? orgraph_reference::exists(m, orgraph_reference::successor(m, v, on), on)
                                          : orgraph_reference::exists(m, v, on);
}

/// A relation's period: its own dates, each it lacks taken from its term (a Popolo legislative period).
inline orgraph::period period_of(const model& m, relation_id r) {
  const auto rel = m[r];
  const orgraph::period own = rel.own_when();
  if (rel.term == orgraph::no_term)
    return own;
  const orgraph::period& of = m.terms()[rel.term].when;
  return orgraph::period(own.start() ? own.start() : of.start(), own.end() ? own.end() : of.end());
}

/// Rule 4: a relation other than replaced_by is in force within its period while both ends are present.
inline bool in_force(const model& m, relation_id r, date on) {
  const auto rel = m[r];
  return orgraph_reference::period_of(m, r).contains(on) && orgraph_reference::present(m, rel.from, on) &&
         orgraph_reference::present(m, rel.to, on);
}

/// Every body of the succession `body` belongs to, oldest first: back along the earliest incoming
/// replacements, then forwards along the earliest outgoing ones, never repeating a body.
inline std::vector<vertex> lineage(const model& m, vertex body) {
  std::vector<vertex> back{body};
  for (vertex v = body;;) {
    const auto r = orgraph_reference::earliest_replacement_in(m, v);
    if (!r)
      break;
    v = m[*r].from;
    if (orgraph_reference::contains(back, v))
      break;
    back.push_back(v);
  }
  std::vector<vertex> out(back.rbegin(), back.rend());
  for (vertex v = body;;) {
    const auto r = orgraph_reference::earliest_replacement_out(m, v);
    if (!r)
      break;
    v = m[*r].to;
    if (orgraph_reference::contains(out, v))
      break;
    out.push_back(v);
  }
  return out;
}

/// The names a body answers for on a date: itself, then every other body whose successor it is on
/// that date, in vertex order (rule 3: a body stands for those it replaced, merged ones included).
inline std::vector<vertex> names_of(const model& m, vertex body, date on) {
  std::vector<vertex> out{body};
  for (vertex v = 0; v < m.node_count(); ++v)
    if (v != body && m[v].kind == node_kind::organization && orgraph_reference::successor(m, v, on) == body)
      out.push_back(v);
  return out;
}

inline std::vector<vertex> active_bodies(const model& m, date on) {
  std::vector<vertex> out;
  for (vertex v = 0; v < m.node_count(); ++v)
    if (orgraph_reference::in_force(m, v, on))
      out.push_back(v);
  return out;
}

inline std::vector<orgraph::expiring_body> expiring(const model& m, std::int32_t within_days, date on) {
  std::vector<orgraph::expiring_body> out;
  for (vertex v : orgraph_reference::active_bodies(m, on)) {
    const auto& life = m[v].lifetime;
    if (!life.end())
      continue;
    const date last = life.last_day();
    if (on <= last && last <= on.plus_days(within_days))
      out.push_back({v, last, last.days_since_epoch() - on.days_since_epoch()});
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.last_day < b.last_day; });
  return out;
}

} // namespace orgraph_reference
