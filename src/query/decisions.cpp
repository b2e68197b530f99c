#include <orgraph/query/decisions.hpp>

#include "governance_detail.hpp"

#include <algorithm>
#include <utility>

namespace orgraph {

namespace {

// Every link between decisions, both ways: `follows`, and a recommendation nothing follows joined to
// the first decision its recipient took on the same subject on or after its date.
std::vector<std::vector<decision_index>> route_links(const model& m) {
  const auto& ds = m.decisions();
  std::vector<std::vector<decision_index>> links(ds.size());
  std::vector<bool> followed(ds.size(), false);
  for (decision_index i = 0; i < ds.size(); ++i)
    if (ds[i].follows != no_decision) {
      links[i].push_back(ds[i].follows);
      links[ds[i].follows].push_back(i);
      followed[ds[i].follows] = true;
    }
  for (decision_index r = 0; r < ds.size(); ++r) {
    const decision& rec = ds[r];
    if (rec.outcome != outcome::recommended || rec.to == no_vertex || rec.subject.empty() || followed[r])
      continue;
    decision_index best = no_decision;
    for (decision_index i = 0; i < ds.size(); ++i) {
      const decision& d = ds[i];
      if (i == r || d.organization != rec.to || d.date < rec.date || !detail::iequals(d.subject, rec.subject))
        continue;
      if (best == no_decision || d.date < ds[best].date)
        best = i; // the earliest; the first added among those of the same date
    }
    if (best != no_decision) {
      links[r].push_back(best);
      links[best].push_back(r);
    }
  }
  return links;
}

void sort_by_date(const model& m, std::vector<decision_index>& v) {
  const auto& ds = m.decisions();
  std::sort(v.begin(), v.end(), [&](decision_index a, decision_index b) {
    return ds[a].date != ds[b].date ? ds[a].date < ds[b].date : a < b;
  });
}

} // namespace

matter_route decision_route(const model& m, decision_index d, date on) {
  matter_route route;
  const auto& ds = m.decisions();
  if (d >= ds.size())
    return route;
  const auto links = route_links(m);
  std::vector<bool> seen(ds.size(), false);
  seen[d] = true;
  route.steps.push_back(d);
  for (std::size_t i = 0; i < route.steps.size(); ++i)
    for (decision_index next : links[route.steps[i]])
      if (!seen[next]) {
        seen[next] = true;
        route.steps.push_back(next);
      }
  sort_by_date(m, route.steps);
  const decision& last = ds[route.steps.back()];
  switch (last.outcome) {
  case outcome::approved:
  case outcome::decided:
  case outcome::rejected:
    route.final_decision = route.steps.back();
    break;
  case outcome::recommended:
    route.open = true;
    route.awaiting = last.to == no_vertex ? no_vertex : successor_on(m, last.to, on).body;
    break;
  case outcome::deferred:
    route.open = true;
    route.awaiting = successor_on(m, last.organization, on).body;
    break;
  case outcome::noted:
    break;
  }
  return route;
}

std::vector<decision_index> decisions_by(const model& m, vertex body, date from, date to) {
  std::vector<decision_index> out;
  const auto& ds = m.decisions();
  for (decision_index i = 0; i < ds.size(); ++i)
    if (ds[i].organization == body && from <= ds[i].date && ds[i].date <= to)
      out.push_back(i);
  sort_by_date(m, out);
  return out;
}

std::vector<body_without_decisions> bodies_without_decisions(const model& m, date from, date to) {
  std::vector<body_without_decisions> out;
  for (vertex v = 0; v < m.node_count(); ++v) {
    if (m[v].kind != node_kind::organization)
      continue;
    auto taken = decisions_by(m, v, from, to);
    if (taken.empty() || std::any_of(taken.begin(), taken.end(), [&](decision_index i) {
          return is_real_decision(m.decisions()[i].outcome);
        }))
      continue;
    out.push_back({v, std::move(taken)});
  }
  return out;
}

} // namespace orgraph
