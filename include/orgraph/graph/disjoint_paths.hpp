#pragma once
/// @file
/// @brief Internally vertex-disjoint paths and the vertices every path passes through, over any
/// Boost.Graph IncidenceGraph with a vertex index (Menger's theorem, by unit-capacity augmenting paths).

#include <orgraph/graph/detail/scratch.hpp>
#include <orgraph/graph/shortest_paths.hpp>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/property_map/property_map.hpp>

#include <cstddef>
#include <vector>

namespace orgraph::graph {

namespace detail {

/// Flow through one vertex: the vertex it receives its unit from and the one it passes it to.
template <class Vertex> struct vertex_flow {
  Vertex from;
  Vertex to;
};

template <class Vertex> struct residual_state {
  Vertex v;
  bool out = false;       // which half of the split vertex: v_in or v_out
  std::size_t parent = 0; // position of the state it was reached from in the search queue
};

struct disjoint_flow_tag {};
struct disjoint_visit_tag {};

} // namespace detail

/**
 * @brief A largest set of `s`–`t` paths that share no vertex but `s` and `t`: as many as there can be
 * (Menger's theorem). Each vertex other than the ends is split into an arc of capacity 1 and paths are
 * augmented breadth-first in the residual graph, so the time is O(k·E) for k paths, with no copy of
 * the graph. A direct edge `s → t` is one path. Empty when `t` cannot be reached or `s == t`.
 *
 * The paths are given in the order of `s`'s out-edges (a direct edge first); the set found is a
 * maximum one, not necessarily the shortest.
 * @code
 * auto channels = orgraph::graph::vertex_disjoint_paths(g, s, t);
 * std::cout << channels.size() << " independent paths\n";
 * @endcode
 */
template <class Graph>
[[nodiscard]] std::vector<path_of<Graph>>
vertex_disjoint_paths(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor s,
                      typename boost::graph_traits<Graph>::vertex_descriptor t) {
  using vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
  const vertex none = boost::graph_traits<Graph>::null_vertex();
  const auto index = get(boost::vertex_index, g);
  std::vector<path_of<Graph>> out;
  if (s == t)
    return out;

  auto& flow = detail::thread_scratch<detail::disjoint_flow_tag, detail::vertex_flow<vertex>>();
  flow.begin(num_vertices(g));
  const auto from_of = [&](vertex v) { return flow.marked(get(index, v)) ? flow[get(index, v)].from : none; };
  const auto to_of = [&](vertex v) { return flow.marked(get(index, v)) ? flow[get(index, v)].to : none; };
  bool direct = false;
  const auto carries = [&](vertex u, vertex w) {
    if (w == t)
      return u == s ? direct : to_of(u) == t;
    return from_of(w) == u;
  };
  const auto set_from = [&](vertex v, vertex u) { flow.set(get(index, v), {u, to_of(v)}); };
  const auto set_to = [&](vertex v, vertex w) { flow.set(get(index, v), {from_of(v), w}); };

  auto& visited = detail::thread_scratch<detail::disjoint_visit_tag, char>();
  std::vector<detail::residual_state<vertex>> queue;
  struct change {
    vertex u, w;
    bool add;
  };
  std::vector<change> changes;
  for (;;) {
    visited.begin(2 * num_vertices(g));
    queue.clear();
    queue.push_back({s, true, 0});
    visited.set(2 * get(index, s) + 1, 1);
    std::size_t reached = 0; // the queue position of t_in, once found
    const auto visit = [&](vertex v, bool side, std::size_t parent) {
      if (visited.mark(2 * get(index, v) + (side ? 1 : 0), 1))
        queue.push_back({v, side, parent});
    };
    for (std::size_t head = 0; head < queue.size() && reached == 0; ++head) {
      const detail::residual_state<vertex> at = queue[head];
      if (at.out) {
        for (auto [it, end] = out_edges(at.v, g); it != end; ++it) {
          const vertex w = target(*it, g);
          if (w == s || w == at.v || carries(at.v, w)) // a loop never helps a simple path
            continue;
          if (w == t) {
            queue.push_back({t, false, head});
            reached = queue.size() - 1;
            break;
          }
          visit(w, false, head);
        }
        if (reached == 0 && at.v != s && from_of(at.v) != none)
          visit(at.v, false, head); // undo the vertex's own unit
      } else if (from_of(at.v) == none) {
        visit(at.v, true, head); // an unused vertex passes the unit on
      } else if (from_of(at.v) != s) {
        visit(from_of(at.v), true, head); // send back the unit that came in
      }
    }
    if (reached == 0)
      break;
    // Walk back from t_in; apply removals before additions so that a vertex passed in both keeps the new edge.
    changes.clear();
    for (std::size_t i = reached; i != 0; i = queue[i].parent) {
      const auto& here = queue[i];
      const auto& before = queue[here.parent];
      if (before.out && !here.out && before.v != here.v)
        changes.push_back({before.v, here.v, true}); // along an edge
      else if (!before.out && here.out && before.v != here.v)
        changes.push_back({here.v, before.v, false}); // back along a used edge
    }
    for (const auto& c : changes)
      if (!c.add) {
        set_from(c.w, none);
        set_to(c.u, none);
      }
    for (const auto& c : changes)
      if (c.add) {
        if (c.w == t && c.u == s)
          direct = true;
        else if (c.w == t)
          set_to(c.u, t);
        else {
          set_from(c.w, c.u);
          if (c.u != s)
            set_to(c.u, c.w);
        }
      }
  }

  // Read the paths back from s's out-edges: each unit goes on from vertex to vertex until t.
  if (direct)
    out.push_back({s, t});
  for (auto [it, end] = out_edges(s, g); it != end; ++it) {
    const vertex w = target(*it, g);
    if (w == t || from_of(w) != s)
      continue;
    path_of<Graph> p{s};
    for (vertex v = w; v != t && v != none; v = to_of(v))
      p.push_back(v);
    p.push_back(t);
    set_from(w, none); // read once, whatever parallel edges s has to w
    out.push_back(std::move(p));
  }
  return out;
}

/**
 * @brief The vertices other than `s` and `t` that every `s`–`t` path passes through, in the order they
 * lie on any such path, nearest `s` first; empty when `t` cannot be reached or a path avoids every
 * vertex (such as a direct edge). One breadth-first search for a path, then one sweep along it that
 * finds, for each of its vertices, whether anything reached before it jumps past it: O(V + E).
 * @code
 * for (auto v : orgraph::graph::separating_vertices(g, s, t)) std::cout << v << " is a single point of failure\n";
 * @endcode
 */
template <class Graph>
[[nodiscard]] std::vector<typename boost::graph_traits<Graph>::vertex_descriptor>
separating_vertices(const Graph& g, typename boost::graph_traits<Graph>::vertex_descriptor s,
                    typename boost::graph_traits<Graph>::vertex_descriptor t) {
  using vertex = typename boost::graph_traits<Graph>::vertex_descriptor;
  std::vector<vertex> out;
  if (s == t)
    return out;
  const path_of<Graph> path = shortest_path(g, s, t);
  if (path.size() < 3)
    return out;
  const auto index = get(boost::vertex_index, g);
  // Positions along the path; other vertices are explored from the path, never through it.
  struct position_tag {};
  struct explored_tag {};
  auto& position = detail::thread_scratch<position_tag, std::size_t>();
  position.begin(num_vertices(g));
  for (std::size_t i = 0; i < path.size(); ++i)
    position.set(get(index, path[i]), i);
  auto& explored = detail::thread_scratch<explored_tag, char>();
  explored.begin(num_vertices(g));

  const std::size_t last = path.size() - 1;
  std::size_t furthest = 0; // the furthest path position reached so far
  std::vector<vertex> stack;
  // From each path vertex in turn, explore everything reachable without entering the path, noting
  // the furthest path position touched. When every vertex before position j has been explored from
  // and nothing reached beyond j, every path to t goes through path[j].
  for (std::size_t j = 0; j < last; ++j) {
    stack.assign(1, path[j]);
    while (!stack.empty()) {
      const vertex u = stack.back();
      stack.pop_back();
      for (auto [it, end] = out_edges(u, g); it != end; ++it) {
        const vertex w = target(*it, g);
        const auto iw = get(index, w);
        if (position.marked(iw)) {
          furthest = std::max(furthest, position[iw]);
        } else if (explored.mark(iw, 1)) {
          stack.push_back(w);
        }
      }
    }
    if (furthest == j + 1 && j + 1 < last)
      out.push_back(path[j + 1]);
  }
  return out;
}

} // namespace orgraph::graph
