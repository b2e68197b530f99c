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
  std::stable_sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  offsets.assign(vertices + 1, 0);
  for (const auto& e : edges)
    ++offsets[e.first + 1];
  for (std::size_t v = 0; v < vertices; ++v)
    offsets[v + 1] += offsets[v];
  targets.reserve(edges.size());
  for (const auto& e : edges)
    targets.push_back(e.second);
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> influence_steps(const orgraph::snapshot& s) {
  using orgraph::vertex;
  const orgraph::model& m = s.model();
  std::vector<std::pair<std::uint32_t, std::uint32_t>> steps;
  const auto add = [&](vertex a, vertex b) {
    steps.emplace_back(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b));
  };
  const auto bodies = orgraph::active_bodies(s);
  std::vector<bool> active(m.node_count(), false);
  for (vertex b : bodies)
    active[b] = true;
  // A body in force answers for the bodies it replaced: their relations count as its own.
  std::vector<std::vector<vertex>> names(m.node_count());
  for (vertex v = 0; v < m.node_count(); ++v)
    if (m.kind(v) == orgraph::node_kind::organization)
      if (const vertex to = s.successor(v); active[to])
        names[to].push_back(v);
  const auto in_force_body = [&](vertex v) { return v != orgraph::no_vertex && active[s.successor(v)]; };
  for (vertex b : bodies) {
    for (const auto& seat : orgraph::members(s, b)) {
      if (!seat.person)
        continue;
      add(*seat.person, b);
      add(b, *seat.person);
      if (in_force_body(seat.on_behalf_of) && s.successor(seat.on_behalf_of) != b)
        add(s.successor(seat.on_behalf_of), *seat.person);
    }
    for (vertex named : names[b])
      for (auto type : {orgraph::relation_type::reports_to, orgraph::relation_type::recommends_to})
        for (orgraph::relation_id r : m.out_relations(named, type))
          if (s.in_force(r) && in_force_body(m.target(r)) && s.successor(m.target(r)) != b)
            add(b, s.successor(m.target(r)));
    if (in_force_body(m.parent(b)) && s.successor(m.parent(b)) != b)
      add(b, s.successor(m.parent(b)));
  }
  std::sort(steps.begin(), steps.end());
  steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
  return steps;
}

baseline make_baseline(const orgraph::snapshot& s) {
  const orgraph::model& m = s.model();
  const std::size_t n = m.node_count();
  baseline b;
  const orgraph::org_chart chart(m, s.on());
  b.parent.assign(n, none);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (orgraph::vertex v = 0; v < n; ++v)
    if (m.kind(v) == orgraph::node_kind::person)
      if (const auto boss = chart.manager_of(v); boss != orgraph::no_vertex) {
        b.parent[v] = static_cast<std::uint32_t>(boss);
        edges.emplace_back(static_cast<std::uint32_t>(boss), static_cast<std::uint32_t>(v));
      }
  b.reports = csr(n, std::move(edges));
  edges.clear();
  for (orgraph::vertex body : orgraph::active_bodies(s))
    for (const auto& seat : orgraph::members(s, body))
      if (seat.person)
        edges.emplace_back(static_cast<std::uint32_t>(body), static_cast<std::uint32_t>(*seat.person));
  b.members = csr(n, std::move(edges));
  b.influence = csr(n, influence_steps(s));
  const std::size_t e_count = b.influence.targets.size();
  b.influence_source.resize(e_count);
  edges.clear();
  edges.reserve(e_count);
  for (std::uint32_t u = 0; u < n; ++u)
    for (std::uint32_t e = b.influence.offsets[u]; e < b.influence.offsets[u + 1]; ++e) {
      b.influence_source[e] = u;
      edges.emplace_back(b.influence.targets[e], e);
    }
  b.influence_in = csr(n, std::move(edges));
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

namespace {

constexpr std::uint32_t internal = 0xfffffffeu; // pred_edge of a step across a split vertex

} // namespace

std::size_t channels(const baseline& b, std::uint32_t s, std::uint32_t t, flow_scratch& x) {
  const std::size_t n = b.influence.offsets.size() - 1;
  if (x.pred.size() != 2 * n) {
    x.pred.assign(2 * n, none);
    x.pred_edge.assign(2 * n, none);
    x.through.assign(n, 0);
    x.edge_flow.assign(b.influence.targets.size(), 0);
  }
  const std::size_t most = b.influence.offsets[s + 1] - b.influence.offsets[s];
  std::size_t count = 0;
  const std::uint32_t start = 2 * s + 1, goal = 2 * t;
  while (count < most) {
    x.queue.clear();
    x.queue.push_back(start);
    x.pred[start] = start;
    bool found = false;
    const auto visit = [&](std::uint32_t y, std::uint32_t from, std::uint32_t edge) {
      if (x.pred[y] != none)
        return;
      x.pred[y] = from;
      x.pred_edge[y] = edge;
      x.queue.push_back(y);
      found = y == goal;
    };
    for (std::size_t head = 0; head < x.queue.size() && !found; ++head) {
      const std::uint32_t at = x.queue[head], v = at / 2;
      if (at % 2 == 1) { // v_out: along edges that carry nothing, or back into v_in
        for (std::uint32_t e = b.influence.offsets[v]; e < b.influence.offsets[v + 1] && !found; ++e)
          if (x.edge_flow[e] == 0)
            visit(2 * b.influence.targets[e], at, e);
        if (!found && v != s && x.through[v] != 0)
          visit(2 * v, at, internal);
      } else { // v_in: across the vertex if it is free, or back along an edge that carries into v
        if (v != s && x.through[v] == 0)
          visit(2 * v + 1, at, internal);
        for (const std::uint32_t* e = b.influence_in.begin(v); e != b.influence_in.end(v) && !found; ++e)
          if (x.edge_flow[*e] != 0)
            visit(2 * b.influence_source[*e] + 1, at, *e);
      }
    }
    if (found) {
      for (std::uint32_t y = goal; y != start;) {
        const std::uint32_t from = x.pred[y], e = x.pred_edge[y];
        if (e == internal) {
          x.through[y / 2] = y % 2 == 1 ? 1 : 0;
          x.passed.push_back(y / 2);
        } else {
          x.edge_flow[e] = from % 2 == 1 ? 1 : 0; // forward from u_out, or cancelled from w_in
          x.flowed.push_back(e);
        }
        y = from;
      }
      ++count;
    }
    for (std::uint32_t y : x.queue) // reset only what was touched
      x.pred[y] = none;
    if (!found)
      break;
  }
  for (std::uint32_t e : x.flowed)
    x.edge_flow[e] = 0;
  for (std::uint32_t v : x.passed)
    x.through[v] = 0;
  x.flowed.clear();
  x.passed.clear();
  return count;
}

std::vector<std::uint32_t> separators(const baseline& b, std::uint32_t s, std::uint32_t t,
                                      std::vector<std::uint32_t>& pred, std::vector<std::uint32_t>& queue) {
  std::vector<std::uint32_t> cut;
  const csr& g = b.influence;
  const std::size_t n = g.offsets.size() - 1;
  if (pred.size() != n)
    pred.assign(n, none);
  // One shortest path, s first.
  std::vector<std::uint32_t> path;
  queue.clear();
  queue.push_back(s);
  pred[s] = s;
  for (std::size_t head = 0; head < queue.size() && pred[t] == none; ++head)
    for (const std::uint32_t* p = g.begin(queue[head]); p != g.end(queue[head]); ++p)
      if (pred[*p] == none) {
        pred[*p] = queue[head];
        queue.push_back(*p);
      }
  if (pred[t] != none)
    for (std::uint32_t v = t;; v = pred[v]) {
      path.push_back(v);
      if (v == s)
        break;
    }
  std::reverse(path.begin(), path.end());
  for (std::uint32_t v : queue)
    pred[v] = none;
  if (path.size() < 3)
    return cut;
  // pred now marks: `on_path - 1 - index` for the path's vertices, `none - 1` for those explored.
  const std::uint32_t explored = none - 1;
  for (std::uint32_t i = 0; i < path.size(); ++i)
    pred[path[i]] = i;
  std::size_t far = 0;
  std::vector<std::uint32_t> stack;
  queue.clear();
  const auto explore = [&](std::uint32_t from) {
    stack.assign(1, from);
    while (!stack.empty()) {
      const std::uint32_t u = stack.back();
      stack.pop_back();
      for (const std::uint32_t* p = g.begin(u); p != g.end(u); ++p) {
        const std::uint32_t w = *p;
        if (pred[w] == none) {
          pred[w] = explored;
          queue.push_back(w);
          stack.push_back(w);
        } else if (pred[w] != explored && pred[w] > far) {
          far = pred[w];
        }
      }
    }
  };
  explore(s);
  for (std::uint32_t i = 1; i + 1 < path.size() && far < path.size() - 1; ++i) {
    if (far == i)
      cut.push_back(path[i]);
    explore(path[i]);
  }
  for (std::uint32_t v : queue)
    pred[v] = none;
  for (std::uint32_t v : path)
    pred[v] = none;
  return cut;
}

} // namespace orgraph_bench
