#pragma once
/// @file
/// @brief Walks of a management tree (or any forest) given by a parent map: the chain to the root, the
/// levels below a vertex, and the lowest common ancestor; each safe on data with cycles.

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cstddef>
#include <unordered_set>
#include <vector>

namespace orgraph::graph {

/**
 * @brief The ancestors of `x` by a parent map, nearest first: `parent[x]`, its parent, and so on, until
 * a vertex has the parent `none`. Stops before it would repeat a vertex (`x` included), so a cycle in
 * the data cannot make it endless.
 * @code
 * std::vector<std::size_t> boss{none, 0, 0, 1};
 * auto line = orgraph::graph::path_to_root(boss.data(), std::size_t{3}, none); // {1, 0}
 * @endcode
 */
template <class ParentMap, class Vertex>
[[nodiscard]] std::vector<Vertex> path_to_root(const ParentMap& parent, Vertex x, Vertex none) {
  std::vector<Vertex> out;
  std::unordered_set<Vertex> seen{x};
  for (Vertex v = get(parent, x); v != none; v = get(parent, v)) {
    if (!seen.insert(v).second)
      break;
    out.push_back(v);
  }
  return out;
}

/**
 * @brief The lowest common ancestor of `a` and `b` by a parent map: the first vertex of `b`'s line
 * (`b`, then path_to_root(b)) that is also in `a`'s line; `none` when the lines do not meet. Either
 * vertex is its own ancestor, so `a` is the answer when it is above `b`.
 */
template <class ParentMap, class Vertex>
[[nodiscard]] Vertex lowest_common_ancestor(const ParentMap& parent, Vertex a, Vertex b, Vertex none) {
  std::unordered_set<Vertex> line_a{a};
  for (Vertex v : path_to_root(parent, a, none))
    line_a.insert(v);
  if (line_a.count(b) != 0)
    return b;
  for (Vertex v : path_to_root(parent, b, none))
    if (line_a.count(v) != 0)
      return v;
  return none;
}

/**
 * @brief The vertices below `x` in a graph whose edges go from a vertex to those directly below it,
 * level by level (breadth-first): level 0 holds the vertices one edge below `x`. Each vertex appears
 * once, on the first level it is reached; `x` itself never.
 * @code
 * for (const auto& level : orgraph::graph::levels_below(reports, chief)) std::cout << level.size() << '\n';
 * @endcode
 */
template <class Graph>
[[nodiscard]] std::vector<std::vector<typename boost::graph_traits<Graph>::vertex_descriptor>>
levels_below(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor x) {
  using vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
  std::vector<std::vector<vertex>> levels;
  std::vector<bool> seen(num_vertices(g), false);
  const auto index = get(boost::vertex_index, g);
  seen[get(index, x)] = true;
  std::vector<vertex> frontier{x};
  while (!frontier.empty()) {
    std::vector<vertex> next;
    for (vertex u : frontier)
      for (auto [it, end] = out_edges(u, g); it != end; ++it) {
        const vertex w = target(*it, g);
        if (!seen[get(index, w)]) {
          seen[get(index, w)] = true;
          next.push_back(w);
        }
      }
    if (next.empty())
      break;
    levels.push_back(next);
    frontier = std::move(next);
  }
  return levels;
}

} // namespace orgraph::graph
