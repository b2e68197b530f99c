#pragma once
// Influence by docs/influence.md: the graph of steps on a date, and its questions answered by plain
// search (every simple path up to a bound, augmenting paths one by one, removing one vertex at a time).

#include <orgraph/analysis/influence.hpp>

#include "governance.hpp"
#include "text.hpp"
#include "time_rules.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace orgraph_reference {

using orgraph::influence_link;
using orgraph::influence_options;
using orgraph::influence_path;
using orgraph::influence_step;
using orgraph::influence_weighting;

inline constexpr double infinity = std::numeric_limits<double>::infinity();

inline bool is_membership_link(influence_link l) {
  return l == influence_link::sits_on || l == influence_link::carried_by || l == influence_link::represented_by;
}

inline double weight_of(const influence_step& s, const influence_options& o) {
  if (o.weighting == influence_weighting::hops)
    return 1.0;
  if (!orgraph_reference::is_membership_link(s.link))
    return o.weights.body_link;
  switch (orgraph_reference::rank_of_role(s.role)) {
  case orgraph::role_rank::chair: return o.weights.chair;
  case orgraph::role_rank::vice_chair: return o.weights.vice_chair;
  case orgraph::role_rank::observer: return o.weights.observer;
  case orgraph::role_rank::member: break;
  }
  return o.weights.member;
}

/// The influence graph on a date: its vertices and one step per ordered pair, in the order found.
struct influence_graph {
  std::vector<bool> present;
  std::vector<influence_step> steps;
  std::vector<std::vector<std::size_t>> out; // step indices by source

  [[nodiscard]] const influence_step* step(vertex u, vertex v) const {
    for (std::size_t i : out[u])
      if (steps[i].to == v)
        return &steps[i];
    return nullptr;
  }
};

inline influence_graph influence_graph_on(const model& m, date on, const influence_options& options) {
  influence_graph g;
  const std::size_t n = m.node_count();
  g.present.assign(n, false);
  for (vertex v = 0; v < n; ++v)
    g.present[v] =
        m[v].kind == node_kind::person ? orgraph_reference::exists(m, v, on) : orgraph_reference::in_force(m, v, on);
  const auto add = [&](influence_step s) {
    s.weight = orgraph_reference::weight_of(s, options);
    for (auto& t : g.steps)
      if (t.from == s.from && t.to == s.to) {
        if (s.weight < t.weight)
          t = std::move(s);
        return;
      }
    g.steps.push_back(std::move(s));
  };
  const auto bodies = orgraph_reference::active_bodies(m, on);
  for (vertex b : bodies)
    for (const auto& seat : orgraph_reference::members(m, b, on)) {
      if (!seat.person)
        continue;
      influence_step s;
      s.relation = seat.via;
      s.role = seat.role;
      s.post = seat.post;
      s.body = b;
      s.from = *seat.person;
      s.to = b;
      s.link = influence_link::sits_on;
      add(s);
      s.from = b;
      s.to = *seat.person;
      s.link = influence_link::carried_by;
      add(s);
      if (seat.on_behalf_of != no_vertex) {
        const vertex x = orgraph_reference::successor(m, seat.on_behalf_of, on);
        if (x != b && orgraph_reference::in_force(m, x, on)) {
          s.from = x;
          s.link = influence_link::represented_by;
          add(s);
        }
      }
    }
  for (vertex b : bodies) {
    for (vertex name : orgraph_reference::names_of(m, b, on))
      for (relation_type type : {relation_type::reports_to, relation_type::recommends_to})
        for (relation_id r : m.relations(type)) {
          const auto rel = m[r];
          if (rel.from != name || !orgraph_reference::in_force(m, r, on))
            continue;
          const vertex t = orgraph_reference::successor(m, rel.to, on);
          if (t == b || !orgraph_reference::in_force(m, t, on))
            continue;
          influence_step s;
          s.from = b;
          s.to = t;
          s.link = type == relation_type::reports_to ? influence_link::reports_to : influence_link::recommends_to;
          s.relation = type;
          add(s);
        }
    if (m[b].parent != no_vertex) {
      const vertex t = orgraph_reference::successor(m, m[b].parent, on);
      if (t != b && orgraph_reference::in_force(m, t, on)) {
        influence_step s;
        s.from = b;
        s.to = t;
        s.link = influence_link::parent;
        add(s);
      }
    }
  }
  g.out.assign(n, {});
  for (std::size_t i = 0; i < g.steps.size(); ++i)
    g.out[g.steps[i].from].push_back(i);
  return g;
}

/// The ends a query answers for, or none where the query must throw: from a person or body (a body
/// read as its successor) to a body's successor, and not the same.
inline std::optional<std::pair<vertex, vertex>> resolve_ends(const model& m, vertex from, vertex to, date on) {
  const node_kind fk = m[from].kind;
  if ((fk != node_kind::person && fk != node_kind::organization) || m[to].kind != node_kind::organization)
    return std::nullopt;
  if (fk == node_kind::organization)
    from = orgraph_reference::successor(m, from, on);
  to = orgraph_reference::successor(m, to, on);
  if (from == to)
    return std::nullopt;
  return std::make_pair(from, to);
}

/// Shortest distances from `source` (forwards) or to it (backwards), by relaxing every step n times.
inline std::vector<double> distances(const influence_graph& g, vertex source, bool forwards) {
  std::vector<double> d(g.present.size(), infinity);
  d[source] = 0;
  for (std::size_t round = 0; round < d.size(); ++round)
    for (const auto& s : g.steps) {
      const vertex a = forwards ? s.from : s.to;
      const vertex b = forwards ? s.to : s.from;
      if (d[a] + s.weight < d[b])
        d[b] = d[a] + s.weight;
    }
  return d;
}

inline influence_path make_path(const influence_graph& g, const std::vector<vertex>& vertices) {
  influence_path p;
  p.vertices = vertices;
  for (std::size_t i = 0; i + 1 < vertices.size(); ++i) {
    p.steps.push_back(*g.step(vertices[i], vertices[i + 1]));
    p.length += p.steps.back().weight;
  }
  return p;
}

/// Every simple path from `from` to `to` no longer than a bound, found by depth-first search pruned
/// by the distance still to go; the bound rises until k paths are found or none is left.
class path_search {
public:
  path_search(const influence_graph& g, vertex from, vertex to)
      : g_(g), to_(to), to_go_(orgraph_reference::distances(g, to, false)) {
    on_path_.assign(g.present.size(), false);
    from_ = from;
  }

  /// The k shortest simple paths (ties by the vertex sequences), or none if the search grew too large.
  std::optional<std::vector<influence_path>> shortest(std::size_t k) {
    std::vector<influence_path> out;
    if (k == 0 || to_go_[from_] == infinity)
      return out;
    for (double bound = to_go_[from_];;) {
      found_.clear();
      next_bound_ = infinity;
      path_ = {from_};
      on_path_[from_] = true;
      search(from_, 0, bound);
      on_path_[from_] = false;
      if (expanded_ > budget)
        return std::nullopt;
      if (found_.size() >= k || next_bound_ == infinity)
        break;
      bound = next_bound_;
    }
    for (const auto& p : found_)
      out.push_back(orgraph_reference::make_path(g_, p));
    std::sort(out.begin(), out.end(), [](const influence_path& a, const influence_path& b) {
      return a.length != b.length ? a.length < b.length : a.vertices < b.vertices;
    });
    if (out.size() > k)
      out.resize(k);
    return out;
  }

private:
  static constexpr std::size_t budget = 2000000;

  void search(vertex v, double length, double bound) {
    if (++expanded_ > budget)
      return;
    if (v == to_) {
      found_.push_back(path_);
      return;
    }
    for (std::size_t i : g_.out[v]) {
      const auto& s = g_.steps[i];
      if (on_path_[s.to] || to_go_[s.to] == infinity)
        continue;
      const double reach = length + s.weight + to_go_[s.to];
      if (reach > bound) {
        next_bound_ = std::min(next_bound_, reach);
        continue;
      }
      on_path_[s.to] = true;
      path_.push_back(s.to);
      search(s.to, length + s.weight, bound);
      path_.pop_back();
      on_path_[s.to] = false;
    }
  }

  const influence_graph& g_;
  vertex from_ = no_vertex;
  vertex to_;
  std::vector<double> to_go_;
  std::vector<bool> on_path_;
  std::vector<vertex> path_;
  std::vector<std::vector<vertex>> found_;
  double next_bound_ = infinity;
  std::size_t expanded_ = 0;
};

/// Menger by plain augmenting paths: each vertex v is v_in = 2v and v_out = 2v + 1 with one unit
/// between them, each step u -> v one unit from u_out to v_in; from `from`'s out to `to`'s in.
inline std::size_t channel_count(const influence_graph& g, vertex from, vertex to) {
  const std::size_t n = 2 * g.present.size();
  std::vector<std::vector<int>> capacity(n, std::vector<int>(n, 0));
  for (vertex v = 0; v < g.present.size(); ++v)
    capacity[2 * v][2 * v + 1] = 1;
  for (const auto& s : g.steps)
    capacity[2 * s.from + 1][2 * s.to] = 1;
  const std::size_t source = 2 * from + 1;
  const std::size_t sink = 2 * to;
  std::size_t flow = 0;
  for (;;) {
    std::vector<std::size_t> parent(n, n);
    std::vector<std::size_t> stack{source};
    parent[source] = source;
    while (!stack.empty() && parent[sink] == n) {
      const std::size_t u = stack.back();
      stack.pop_back();
      for (std::size_t v = 0; v < n; ++v)
        if (parent[v] == n && capacity[u][v] > 0) {
          parent[v] = u;
          stack.push_back(v);
        }
    }
    if (parent[sink] == n)
      return flow;
    for (std::size_t v = sink; v != source; v = parent[v]) {
      --capacity[parent[v]][v];
      ++capacity[v][parent[v]];
    }
    ++flow;
  }
}

inline bool reachable(const influence_graph& g, vertex from, vertex to, vertex removed) {
  std::vector<bool> seen(g.present.size(), false);
  std::vector<vertex> stack{from};
  seen[from] = true;
  while (!stack.empty()) {
    const vertex u = stack.back();
    stack.pop_back();
    if (u == to)
      return true;
    for (std::size_t i : g.out[u]) {
      const vertex v = g.steps[i].to;
      if (v != removed && !seen[v]) {
        seen[v] = true;
        stack.push_back(v);
      }
    }
  }
  return false;
}

/// The vertices without which `to` cannot be reached, in the order they lie on one (any) path.
inline std::vector<vertex> single_points_of_failure(const influence_graph& g, vertex from, vertex to) {
  std::vector<vertex> out;
  if (!orgraph_reference::reachable(g, from, to, no_vertex))
    return out;
  const auto hop_graph_path = [&] { // a breadth-first path: every cut vertex lies on it
    std::vector<vertex> parent(g.present.size(), no_vertex);
    std::vector<vertex> queue{from};
    parent[from] = from;
    for (std::size_t i = 0; i < queue.size(); ++i)
      for (std::size_t e : g.out[queue[i]])
        if (parent[g.steps[e].to] == no_vertex) {
          parent[g.steps[e].to] = queue[i];
          queue.push_back(g.steps[e].to);
        }
    std::vector<vertex> path{to};
    while (path.back() != from)
      path.push_back(parent[path.back()]);
    std::reverse(path.begin(), path.end());
    return path;
  };
  for (vertex v : hop_graph_path())
    if (v != from && v != to && !orgraph_reference::reachable(g, from, to, v))
      out.push_back(v);
  return out;
}

/// A body within reach: its distance, and the fewest and most steps among its shortest paths.
struct reach_reference {
  vertex body = no_vertex;
  double distance = 0;
  std::size_t min_hops = 0;
  std::size_t max_hops = 0;
};

inline std::vector<reach_reference> influence_reach(const model& m, const influence_graph& g, vertex from, date on) {
  std::vector<reach_reference> out;
  if (m[from].kind == node_kind::organization)
    from = orgraph_reference::successor(m, from, on);
  const auto d = orgraph_reference::distances(g, from, true);
  std::vector<vertex> order;
  for (vertex v = 0; v < d.size(); ++v)
    if (d[v] != infinity)
      order.push_back(v);
  std::stable_sort(order.begin(), order.end(), [&](vertex a, vertex b) { return d[a] < d[b]; });
  const std::size_t none = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> fewest(d.size(), none), most(d.size(), 0);
  fewest[from] = 0;
  for (vertex v : order)
    for (const auto& s : g.steps)
      if (s.to == v && s.from != v && d[s.from] != infinity && d[s.from] + s.weight == d[v] && fewest[s.from] != none) {
        fewest[v] = std::min(fewest[v], fewest[s.from] + 1);
        most[v] = std::max(most[v], most[s.from] + 1);
      }
  for (vertex v : order)
    if (v != from && m[v].kind == node_kind::organization && g.present[v])
      out.push_back({v, d[v], fewest[v], most[v]});
  return out;
}

/// For every body in force, each distinct body it reports to (reports_to of any of its names, targets
/// as successors in force), else its parent; the persons on both.
inline std::vector<orgraph::link_audit_entry> double_linking_audit(const model& m, date on) {
  std::vector<orgraph::link_audit_entry> out;
  const auto entry = [&](vertex body, vertex above, reporting_via via) {
    for (const auto& e : out)
      if (e.body == body && e.above == above)
        return;
    orgraph::link_audit_entry e;
    e.body = body;
    e.above = above;
    e.via = via;
    e.linking = orgraph_reference::shared_members(m, body, above, on);
    e.level = e.linking.empty()       ? orgraph::link_level::unlinked
              : e.linking.size() == 1 ? orgraph::link_level::single_linked
                                      : orgraph::link_level::double_linked;
    out.push_back(std::move(e));
  };
  for (vertex b : orgraph_reference::active_bodies(m, on)) {
    bool reports = false;
    for (vertex name : orgraph_reference::names_of(m, b, on))
      for (relation_id r : m.relations(relation_type::reports_to)) {
        const auto rel = m[r];
        if (rel.from != name || !orgraph_reference::in_force(m, r, on))
          continue;
        const vertex above = orgraph_reference::successor(m, rel.to, on);
        if (above == b || !orgraph_reference::in_force(m, above, on))
          continue;
        reports = true;
        entry(b, above, reporting_via::reports_to);
      }
    if (!reports && m[b].parent != no_vertex) {
      const vertex above = orgraph_reference::successor(m, m[b].parent, on);
      if (above != b && orgraph_reference::in_force(m, above, on))
        entry(b, above, reporting_via::parent);
    }
  }
  return out;
}

} // namespace orgraph_reference
