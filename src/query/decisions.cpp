#include <orgraph/query/decisions.hpp>

#include "text.hpp"

#include <algorithm>
#include <unordered_map>
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
  // Each body's decisions by date, then in the order added, so a recommendation's match is the first
  // one on or after its date in its recipient's list: no scan of every decision per recommendation.
  std::unordered_map<vertex, std::vector<decision_index>> by_body;
  for (decision_index i = 0; i < ds.size(); ++i)
    by_body[ds[i].organization].push_back(i);
  for (auto& [body, list] : by_body)
    std::stable_sort(list.begin(), list.end(),
                     [&](decision_index a, decision_index b) { return ds[a].date < ds[b].date; });
  for (decision_index r = 0; r < ds.size(); ++r) {
    const decision& rec = ds[r];
    if (rec.outcome != outcome::recommended || rec.to == no_vertex || rec.subject.empty() || followed[r])
      continue;
    decision_index best = no_decision;
    if (const auto it = by_body.find(rec.to); it != by_body.end()) {
      const auto& list = it->second;
      auto from = std::lower_bound(list.begin(), list.end(), rec.date,
                                   [&](decision_index i, date d) { return ds[i].date < d; });
      for (; from != list.end(); ++from)
        if (*from != r && detail::iequals(ds[*from].subject, rec.subject)) {
          best = *from; // the earliest; the first added among those of the same date
          break;
        }
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

matter_route decision_route(const snapshot& s, decision_index d) {
  const model& m = s.model();
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
  case outcome::rejected: route.final_decision = route.steps.back(); break;
  case outcome::recommended:
    route.open = true;
    route.awaiting = last.to == no_vertex ? no_vertex : s.successor(last.to);
    break;
  case outcome::deferred:
    route.open = true;
    route.awaiting = s.successor(last.organization);
    break;
  case outcome::noted: break;
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
    if (taken.empty() || std::any_of(taken.begin(), taken.end(),
                                     [&](decision_index i) { return is_real_decision(m.decisions()[i].outcome); }))
      continue;
    out.push_back({v, std::move(taken)});
  }
  return out;
}

} // namespace orgraph
