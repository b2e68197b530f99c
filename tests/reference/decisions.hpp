#pragma once
// Decision routes by docs/governance.md ("Decisions and their route").

#include <orgraph/query/decisions.hpp>

#include "text.hpp"
#include "time_rules.hpp"

#include <algorithm>
#include <vector>

namespace orgraph_reference {

using orgraph::decision_index;
using orgraph::no_decision;
using orgraph::outcome;

inline bool is_real_decision(outcome o) { return o == outcome::approved || o == outcome::decided; }

/// The first decision (earliest date, then first added) that recommendation `r`'s recipient took on the
/// same subject on or after its date, when nothing follows `r`.
inline decision_index joined_to(const model& m, decision_index r) {
  const auto& ds = m.decisions();
  const auto& rec = ds[r];
  if (rec.outcome != outcome::recommended || rec.to == no_vertex)
    return no_decision;
  for (const auto& d : ds)
    if (d.follows == r)
      return no_decision;
  decision_index best = no_decision;
  for (decision_index i = 0; i < ds.size(); ++i) {
    const auto& d = ds[i];
    if (i == r || d.organization != rec.to || d.date < rec.date || !orgraph_reference::iequals(d.subject, rec.subject))
      continue;
    if (best == no_decision || d.date < ds[best].date)
      best = i;
  }
  return best;
}

/// Whether two decisions are linked directly (either way).
inline bool linked(const model& m, decision_index a, decision_index b) {
  const auto& ds = m.decisions();
  return ds[a].follows == b || ds[b].follows == a || orgraph_reference::joined_to(m, a) == b ||
         orgraph_reference::joined_to(m, b) == a;
}

inline void sort_by_date(const model& m, std::vector<decision_index>& v) {
  const auto& ds = m.decisions();
  std::sort(v.begin(), v.end(), [&](decision_index a, decision_index b) {
    return ds[a].date != ds[b].date ? ds[a].date < ds[b].date : a < b;
  });
}

inline orgraph::matter_route decision_route(const model& m, decision_index d, date on) {
  orgraph::matter_route route;
  const auto& ds = m.decisions();
  if (d >= ds.size())
    return route;
  route.steps.push_back(d);
  for (std::size_t i = 0; i < route.steps.size(); ++i)
    for (decision_index j = 0; j < ds.size(); ++j)
      if (!orgraph_reference::contains(route.steps, j) && orgraph_reference::linked(m, route.steps[i], j))
        route.steps.push_back(j);
  orgraph_reference::sort_by_date(m, route.steps);
  const auto& last = ds[route.steps.back()];
  if (orgraph_reference::is_real_decision(last.outcome) || last.outcome == outcome::rejected) {
    route.final_decision = route.steps.back();
  } else if (last.outcome == outcome::recommended) {
    route.open = true;
    route.awaiting = last.to == no_vertex ? no_vertex : orgraph_reference::successor(m, last.to, on);
  } else if (last.outcome == outcome::deferred) {
    route.open = true;
    route.awaiting = orgraph_reference::successor(m, last.organization, on);
  }
  return route;
}

inline std::vector<decision_index> decisions_by(const model& m, vertex body, date from, date to) {
  std::vector<decision_index> out;
  const auto& ds = m.decisions();
  for (decision_index i = 0; i < ds.size(); ++i)
    if (ds[i].organization == body && from <= ds[i].date && ds[i].date <= to)
      out.push_back(i);
  orgraph_reference::sort_by_date(m, out);
  return out;
}

inline std::vector<orgraph::body_without_decisions> bodies_without_decisions(const model& m, date from, date to) {
  std::vector<orgraph::body_without_decisions> out;
  for (vertex v = 0; v < m.node_count(); ++v) {
    if (m[v].kind != node_kind::organization)
      continue;
    auto taken = orgraph_reference::decisions_by(m, v, from, to);
    bool real = false;
    for (decision_index i : taken)
      real = real || orgraph_reference::is_real_decision(m.decisions()[i].outcome);
    if (!taken.empty() && !real)
      out.push_back({v, std::move(taken)});
  }
  return out;
}

} // namespace orgraph_reference
