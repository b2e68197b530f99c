#pragma once
/// @file
/// @brief Shortest paths with a deterministic tie rule, and the k shortest simple paths (Yen's
/// algorithm), over any Boost.Graph IncidenceGraph with a vertex index.
///
/// **The tie rule.** Among paths of the same length, the one whose vertex indices, compared in order,
/// come first is first: so the answer never depends on the order in which edges happen to be stored.
/// By hops every edge counts 1; with a weight map, weights must be positive, and lengths are compared
/// exactly (binary fractions such as 0.5 and 0.75 add up exactly).

#include <orgraph/graph/detail/scratch.hpp>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <limits>
#include <queue>
#include <set>
#include <type_traits>
#include <utility>
#include <vector>

namespace orgraph::graph {

/** @brief A path as the vertices it visits, from the first to the last. */
template <class Graph> using path_of = std::vector<typename boost::graph_traits<Graph>::vertex_descriptor>;

namespace detail {

struct hops_tag {};
struct dijkstra_tag {};

/// Every edge counts 1.
struct unit_weight {
  template <class Edge> constexpr double operator[](const Edge&) const noexcept { return 1.0; }
};
template <class Edge> constexpr double get(const unit_weight&, const Edge&) noexcept { return 1.0; }

/// What a spur search of Yen's algorithm may not use: vertices of the root, and some first steps.
template <class Vertex> struct restriction {
  const std::vector<Vertex>* banned_vertices = nullptr;   // not entered (the source itself is allowed)
  const std::vector<Vertex>* banned_first_hops = nullptr; // the source's edges to these are not taken
};

struct search_entry {
  double distance = 0;
  std::uint32_t order = 0; // position in the settle order
  bool good = false;       // lies on a shortest path to the target
};

/// The lexicographically first shortest path from s to t with a restriction; empty if none. Breadth-
/// first by hops or Dijkstra with weights, then the vertices that lie on a shortest path to t are
/// marked backwards, then the path is read forwards choosing the smallest index at each step.
template <class Graph, class Weight, class Index>
std::pair<std::vector<typename boost::graph_traits<Graph>::vertex_descriptor>, double>
first_shortest(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor s,
               typename boost::graph_traits<Graph>::vertex_descriptor t, const Weight& weight, Index index,
               const restriction<typename boost::graph_traits<Graph>::vertex_descriptor>& r, bool hops) {
  using vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
  auto& seen = thread_scratch<search_entry, search_entry>();
  seen.begin(num_vertices(g));
  const auto banned = [&](vertex v) {
    return r.banned_vertices != nullptr &&
           std::find(r.banned_vertices->begin(), r.banned_vertices->end(), v) != r.banned_vertices->end();
  };
  const auto banned_hop = [&](vertex u, vertex v) {
    return u == s && r.banned_first_hops != nullptr &&
           std::find(r.banned_first_hops->begin(), r.banned_first_hops->end(), v) != r.banned_first_hops->end();
  };
  std::vector<vertex> settled; // in settle order: non-decreasing distance
  seen.set(get(index, s), {0.0, 0, false});
  bool reached = false;
  if (hops) {
    // Breadth-first, stopping when the target is first reached. Every vertex nearer than the target
    // has been reached by then (its level was complete before the target's predecessors were
    // expanded), and the backward pass below needs no more: a vertex one step short of the target
    // that was not expanded still has its edge to the target, whose distance is known.
    settled.push_back(s);
    for (std::size_t head = 0; head < settled.size() && !reached; ++head) {
      const vertex u = settled[head];
      const double du = seen[get(index, u)].distance;
      for (auto [it, end] = out_edges(u, g); it != end; ++it) {
        const vertex v = target(*it, g);
        if (banned_hop(u, v) || (v != t && banned(v)))
          continue;
        if (seen.mark(get(index, v), {du + 1, static_cast<std::uint32_t>(settled.size()), false})) {
          if (v == t) {
            reached = true;
            break;
          }
          settled.push_back(v);
        }
      }
    }
  } else {
    using item = std::pair<double, vertex>;
    std::priority_queue<item, std::vector<item>, std::greater<>> queue;
    // A vertex is settled once its order is set; until then its order is the largest value.
    seen[get(index, s)].order = std::numeric_limits<std::uint32_t>::max();
    queue.push({0.0, s});
    while (!queue.empty()) {
      const auto [du, u] = queue.top();
      queue.pop();
      search_entry& eu = seen[get(index, u)];
      if (eu.order != std::numeric_limits<std::uint32_t>::max() || du > eu.distance)
        continue; // settled already, or a stale entry
      eu.order = static_cast<std::uint32_t>(settled.size());
      settled.push_back(u);
      if (u == t) {
        reached = true;
        break;
      }
      for (auto [it, end] = out_edges(u, g); it != end; ++it) {
        const vertex v = target(*it, g);
        if (banned_hop(u, v) || (v != t && banned(v)))
          continue;
        const double dv = du + static_cast<double>(get(weight, *it));
        const auto iv = get(index, v);
        if (!seen.marked(iv)) {
          seen.set(iv, {dv, std::numeric_limits<std::uint32_t>::max(), false});
          queue.push({dv, v});
        } else if (seen[iv].order == std::numeric_limits<std::uint32_t>::max() && dv < seen[iv].distance) {
          seen[iv].distance = dv;
          queue.push({dv, v});
        }
      }
    }
    if (reached)
      settled.pop_back(); // the target is marked good below, not walked from
  }
  if (!reached)
    return {{}, 0.0};

  // Backwards: a vertex is good when an edge on a shortest path leads from it to a good vertex.
  seen[get(index, t)].good = true;
  const double total = seen[get(index, t)].distance;
  const auto on_shortest = [&](vertex u, const auto& e, vertex v) {
    if (!seen.marked(get(index, v)) || banned_hop(u, v))
      return false;
    const search_entry& ev = seen[get(index, v)];
    const double step = hops ? 1.0 : static_cast<double>(get(weight, e));
    return ev.good && seen[get(index, u)].distance + step == ev.distance;
  };
  for (auto it = settled.rbegin(); it != settled.rend(); ++it) {
    const vertex u = *it;
    if (seen[get(index, u)].distance >= total)
      continue;
    for (auto [e, end] = out_edges(u, g); e != end; ++e)
      if (on_shortest(u, *e, target(*e, g))) {
        seen[get(index, u)].good = true;
        break;
      }
  }
  // Forwards: the smallest index among the good next vertices.
  std::vector<vertex> path{s};
  for (vertex u = s; u != t;) {
    bool found = false;
    vertex best{};
    for (auto [e, end] = out_edges(u, g); e != end; ++e) {
      const vertex v = target(*e, g);
      if (on_shortest(u, *e, v) && (!found || get(index, v) < get(index, best))) {
        best = v;
        found = true;
      }
    }
    if (!found)
      return {{}, 0.0}; // cannot happen: u is good
    path.push_back(best);
    u = best;
  }
  return {std::move(path), total};
}

/// The length of the cheapest edge u → v (parallel edges may differ), for adding up a root path.
template <class Graph, class Weight>
double step_length(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor u,
                   typename boost::graph_traits<Graph>::vertex_descriptor v, const Weight& weight, bool hops) {
  if (hops)
    return 1.0;
  double best = std::numeric_limits<double>::infinity();
  for (auto [it, end] = out_edges(u, g); it != end; ++it)
    if (target(*it, g) == v)
      best = std::min(best, static_cast<double>(get(weight, *it)));
  return best;
}

template <class Graph, class Weight, class Index>
std::vector<path_of<Graph>> yen(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor s,
                                typename boost::graph_traits<Graph>::vertex_descriptor t, std::size_t k,
                                const Weight& weight, Index index, bool hops) {
  using vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
  using key = std::vector<std::size_t>; // a path's vertex indices: the tie rule's order
  struct candidate {
    double length;
    key indices;
    std::vector<vertex> path;
    bool operator<(const candidate& o) const { return length != o.length ? length < o.length : indices < o.indices; }
  };
  const auto indices_of = [&](const std::vector<vertex>& p) {
    key out;
    out.reserve(p.size());
    for (vertex v : p)
      out.push_back(static_cast<std::size_t>(get(index, v)));
    return out;
  };

  std::vector<path_of<Graph>> accepted;
  if (k == 0 || s == t)
    return accepted;
  auto [first, first_length] = first_shortest(g, s, t, weight, index, restriction<vertex>{}, hops);
  if (first.empty())
    return accepted;
  std::set<key> known{indices_of(first)};
  std::set<candidate> candidates;
  accepted.push_back(std::move(first));
  (void)first_length;

  std::vector<vertex> root, banned_hops;
  while (accepted.size() < k) {
    const std::vector<vertex>& last = accepted.back();
    double root_length = 0;
    for (std::size_t i = 0; i + 1 < last.size(); ++i) {
      const vertex spur = last[i];
      root.assign(last.begin(), last.begin() + static_cast<std::ptrdiff_t>(i));
      banned_hops.clear();
      for (const auto& p : accepted)
        if (p.size() > i + 1 && std::equal(root.begin(), root.end(), p.begin()) && p[i] == spur)
          banned_hops.push_back(p[i + 1]);
      auto [spur_path, spur_length] =
          first_shortest(g, spur, t, weight, index, restriction<vertex>{&root, &banned_hops}, hops);
      if (!spur_path.empty()) {
        std::vector<vertex> whole = root;
        whole.insert(whole.end(), spur_path.begin(), spur_path.end());
        key indices = indices_of(whole);
        if (known.insert(indices).second)
          candidates.insert({root_length + spur_length, std::move(indices), std::move(whole)});
      }
      root_length += step_length(g, spur, last[i + 1], weight, hops);
    }
    if (candidates.empty())
      break;
    auto best = candidates.begin();
    accepted.push_back(best->path);
    candidates.erase(best);
  }
  return accepted;
}

} // namespace detail

/**
 * @brief The shortest path from `s` to `t` by hops, the first by the tie rule; empty when `t` cannot
 * be reached (a path from a vertex to itself is that vertex alone).
 * @code
 * auto p = orgraph::graph::shortest_path(g, s, t); // {s, ..., t}
 * @endcode
 */
template <class Graph>
[[nodiscard]] path_of<Graph> shortest_path(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor s,
                                           typename boost::graph_traits<Graph>::vertex_descriptor t) {
  if (s == t)
    return {s};
  return detail::first_shortest(g, s, t, detail::unit_weight{}, get(boost::vertex_index, g),
                                detail::restriction<typename boost::graph_traits<Graph>::vertex_descriptor>{}, true)
      .first;
}

/**
 * @brief The shortest path from `s` to `t` by the positive weights of `weight` (a readable property
 * map over edges), the first by the tie rule; empty when `t` cannot be reached.
 */
template <class Graph, class WeightMap>
[[nodiscard]] path_of<Graph> shortest_path(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor s,
                                           typename boost::graph_traits<Graph>::vertex_descriptor t,
                                           const WeightMap& weight) {
  if (s == t)
    return {s};
  return detail::first_shortest(g, s, t, weight, get(boost::vertex_index, g),
                                detail::restriction<typename boost::graph_traits<Graph>::vertex_descriptor>{}, false)
      .first;
}

/**
 * @brief At most `k` shortest simple paths from `s` to `t` by hops, shortest first and, among paths of
 * one length, in the order of the tie rule: Yen's algorithm, each spur path the first by the tie rule.
 * Empty when `t` cannot be reached or `s == t`.
 * @code
 * for (const auto& p : orgraph::graph::k_shortest_paths(g, s, t, 3)) std::cout << p.size() - 1 << " hops\n";
 * @endcode
 */
template <class Graph>
[[nodiscard]] std::vector<path_of<Graph>>
k_shortest_paths(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor s,
                 typename boost::graph_traits<Graph>::vertex_descriptor t, std::size_t k) {
  return detail::yen(g, s, t, k, detail::unit_weight{}, get(boost::vertex_index, g), true);
}

/** @brief k_shortest_paths() by the positive weights of an edge property map. */
template <class Graph, class WeightMap>
[[nodiscard]] std::vector<path_of<Graph>>
k_shortest_paths(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor s,
                 typename boost::graph_traits<Graph>::vertex_descriptor t, std::size_t k, const WeightMap& weight) {
  return detail::yen(g, s, t, k, weight, get(boost::vertex_index, g), false);
}

} // namespace orgraph::graph
