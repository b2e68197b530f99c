#include "common.hpp"

#include <orgraph/query/governance.hpp>
#include <orgraph/query/org_chart.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace orgraph_bench {

orgraph::date query_date() { return orgraph::date::from_ymd(2024, 12, 31); }

sample read_sample(const files& f) {
  std::ifstream in(f.sample());
  if (!in)
    throw std::runtime_error("cannot read " + f.sample().string() + " (run orgraph_bench_data first)");
  sample s;
  std::string key;
  std::size_t value = 0;
  while (in >> key >> value) {
    if (key == "persons")
      s.persons = value;
    else if (key == "top")
      s.top = value;
    else if (key == "mid")
      s.mid = value;
    else if (key == "target")
      s.target = value;
    else if (key == "person")
      s.person_ids.push_back(value);
    else if (key == "body")
      s.body_ids.push_back(value);
    else if (key == "member")
      s.member_ids.push_back(value);
  }
  return s;
}

csr::csr(std::size_t vertices, std::vector<std::pair<std::uint32_t, std::uint32_t>> edges) {
  std::stable_sort(edges.begin(), edges.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  offsets.assign(vertices + 1, 0);
  for (const auto& e : edges)
    ++offsets[e.first + 1];
  for (std::size_t v = 0; v < vertices; ++v)
    offsets[v + 1] += offsets[v];
  targets.reserve(edges.size());
  for (const auto& e : edges)
    targets.push_back(e.second);
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> influence_steps(const orgraph::model& m, orgraph::date on) {
  using orgraph::vertex;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> steps;
  const auto add = [&](vertex a, vertex b) { steps.emplace_back(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)); };
  const auto bodies = orgraph::active_bodies(m, on);
  std::vector<bool> active(m.node_count(), false);
  for (vertex b : bodies)
    active[b] = true;
  const auto& g = m.graph();
  for (vertex b : bodies) {
    for (const auto& seat : orgraph::members(m, b, on)) {
      if (!seat.person)
        continue;
      add(*seat.person, b);
      add(b, *seat.person);
      if (seat.on_behalf_of != orgraph::no_vertex && active[seat.on_behalf_of])
        add(seat.on_behalf_of, *seat.person);
    }
    for (auto [it, end] = out_edges(b, g); it != end; ++it) {
      const auto& r = g[*it];
      if ((r.type == orgraph::relation_type::reports_to || r.type == orgraph::relation_type::recommends_to) &&
          r.in_force(on) && active[target(*it, g)])
        add(b, target(*it, g));
    }
    if (m[b].parent != orgraph::no_vertex && active[m[b].parent])
      add(b, m[b].parent);
  }
  std::sort(steps.begin(), steps.end());
  steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
  return steps;
}

baseline make_baseline(const orgraph::model& m, orgraph::date on) {
  const std::size_t n = m.node_count();
  baseline b;
  const orgraph::org_chart chart(m, on);
  b.parent.assign(n, none);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (orgraph::vertex v = 0; v < n; ++v)
    if (m[v].kind == orgraph::node_kind::person)
      if (const auto boss = chart.manager_of(v); boss != orgraph::no_vertex) {
        b.parent[v] = static_cast<std::uint32_t>(boss);
        edges.emplace_back(static_cast<std::uint32_t>(boss), static_cast<std::uint32_t>(v));
      }
  b.reports = csr(n, std::move(edges));
  edges.clear();
  for (orgraph::vertex body : orgraph::active_bodies(m, on))
    for (const auto& seat : orgraph::members(m, body, on))
      if (seat.person)
        edges.emplace_back(static_cast<std::uint32_t>(body), static_cast<std::uint32_t>(*seat.person));
  b.members = csr(n, std::move(edges));
  b.influence = csr(n, influence_steps(m, on));
  b.parent.shrink_to_fit();
  return b;
}

int bfs_path(const csr& g, std::uint32_t from, std::uint32_t to, std::vector<std::uint32_t>& pred,
             std::vector<std::uint32_t>& queue) {
  const std::size_t n = g.offsets.size() - 1;
  if (pred.size() != n)
    pred.assign(n, none);
  queue.clear();
  queue.push_back(from);
  pred[from] = from;
  bool found = false;
  for (std::size_t head = 0; head < queue.size() && !found; ++head) {
    const std::uint32_t u = queue[head];
    for (const std::uint32_t* p = g.begin(u); p != g.end(u); ++p)
      if (pred[*p] == none) {
        pred[*p] = u;
        queue.push_back(*p);
        if (*p == to) {
          found = true;
          break;
        }
      }
  }
  int steps = -1;
  if (found) {
    steps = 0;
    for (std::uint32_t v = to; v != from; v = pred[v])
      ++steps;
  }
  for (std::uint32_t v : queue) // reset only what was touched, so a search costs what it visits
    pred[v] = none;
  return steps;
}

} // namespace orgraph_bench
