#include <orgraph/analysis/influence.hpp>

#include "../query/governance_detail.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/edmonds_karp_max_flow.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <set>
#include <utility>

namespace orgraph {

std::string_view to_string(influence_link l) noexcept {
  switch (l) {
  case influence_link::sits_on:
    return "sits_on";
  case influence_link::carried_by:
    return "carried_by";
  case influence_link::represented_by:
    return "represented_by";
  case influence_link::reports_to:
    return "reports_to";
  case influence_link::recommends_to:
    return "recommends_to";
  case influence_link::parent:
    return "parent";
  }
  return "sits_on";
}

std::string_view to_string(link_level l) noexcept {
  switch (l) {
  case link_level::unlinked:
    return "unlinked";
  case link_level::single_linked:
    return "single_linked";
  case link_level::double_linked:
    return "double_linked";
  }
  return "unlinked";
}

role_rank rank_of_role(std::string_view role) noexcept {
  if (detail::icontains(role, "observer"))
    return role_rank::observer;
  if (detail::icontains(role, "vice") || detail::icontains(role, "deputy"))
    return role_rank::vice_chair;
  if (is_chair_role(role))
    return role_rank::chair;
  return role_rank::member;
}

std::string step_label(const influence_step& s) {
  std::string out(to_string(s.link));
  const bool membership =
      s.link == influence_link::sits_on || s.link == influence_link::carried_by || s.link == influence_link::represented_by;
  if (membership && !s.role.empty())
    out += ":" + s.role;
  return out;
}

namespace detail {

namespace {

// The influence graph on a date: one vertex per model vertex (only persons and bodies in force have
// steps), one edge per ordered pair, carrying the step.
struct influence_graph {
  using graph_type =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, influence_step>;
  graph_type graph;
  std::vector<bool> present; ///< persons, and bodies in force on the date
};


bool is_membership_link(influence_link l) noexcept {
  return l == influence_link::sits_on || l == influence_link::carried_by || l == influence_link::represented_by;
}

influence_graph build_influence_graph(const model& m, date on, const influence_options& options) {
  influence_graph ig;
  const std::size_t n = m.node_count();
  ig.graph = influence_graph::graph_type(n);
  ig.present.assign(n, false);
  for (vertex v = 0; v < n; ++v)
    if (m[v].kind == node_kind::person)
      ig.present[v] = true;
  const auto bodies = active_bodies(m, on);
  for (vertex b : bodies)
    ig.present[b] = true;

  // One step per ordered pair: the cheapest, the first found among equals.
  std::vector<influence_step> steps;
  std::map<std::pair<vertex, vertex>, std::size_t> index;
  const auto add = [&](influence_step s) {
    const bool roles = options.weighting == influence_weighting::roles;
    if (!roles)
      s.weight = 1.0;
    else if (is_membership_link(s.link))
      s.weight = options.weights.of(rank_of_role(s.role));
    else
      s.weight = options.weights.body_link;
    const auto key = std::make_pair(s.from, s.to);
    const auto it = index.find(key);
    if (it == index.end()) {
      index.emplace(key, steps.size());
      steps.push_back(std::move(s));
    } else if (s.weight < steps[it->second].weight) {
      steps[it->second] = std::move(s);
    }
  };

  for (vertex b : bodies)
    for (const membership& seat : members(m, b, on)) {
      if (!seat.person)
        continue;
      const vertex p = *seat.person;
      influence_step s;
      s.relation = seat.via;
      s.role = seat.role;
      s.post = seat.post;
      s.body = b;
      s.from = p;
      s.to = b;
      s.link = influence_link::sits_on;
      add(s);
      s.from = b;
      s.to = p;
      s.link = influence_link::carried_by;
      add(s);
      if (seat.on_behalf_of != no_vertex) {
        const vertex x = successor_on(m, seat.on_behalf_of, on).body;
        if (x != b && in_force(m, x, on)) {
          s.from = x;
          s.link = influence_link::represented_by;
          add(s);
        }
      }
    }

  const auto& g = m.graph();
  for (vertex b : bodies) {
    for (vertex named : answering_for(m, b, on))
      for (auto [it, end] = out_edges(named, g); it != end; ++it) {
        const relation_view r = g[*it];
        if ((r.type != relation_type::reports_to && r.type != relation_type::recommends_to) || !r.in_force(on))
          continue;
        const vertex t = successor_on(m, target(*it, g), on).body;
        if (t == b || !in_force(m, t, on))
          continue;
        influence_step s;
        s.from = b;
        s.to = t;
        s.link = r.type == relation_type::reports_to ? influence_link::reports_to : influence_link::recommends_to;
        s.relation = r.type;
        add(s);
      }
    if (m[b].parent != no_vertex) {
      const vertex t = successor_on(m, m[b].parent, on).body;
      if (t != b && in_force(m, t, on)) {
        influence_step s;
        s.from = b;
        s.to = t;
        s.link = influence_link::parent;
        add(s);
      }
    }
  }

  for (auto& s : steps)
    boost::add_edge(s.from, s.to, s, ig.graph);
  return ig;
}

std::pair<vertex, vertex> resolve_ends(const model& m, vertex from, vertex to, date on) {
  if (!m.contains(from) || !m.contains(to))
    throw model_error("influence: from and to must be vertices of the model");
  const node_kind fk = m[from].kind;
  if (fk != node_kind::person && fk != node_kind::organization)
    throw model_error("influence: '" + std::string(m[from].id) + "' is a " + std::string(to_string(fk)) +
                      "; influence starts from a person or an organization");
  if (m[to].kind != node_kind::organization)
    throw model_error("influence: '" + std::string(m[to].id) + "' is a " + std::string(to_string(m[to].kind)) +
                      "; influence goes to an organization");
  if (fk == node_kind::organization)
    from = successor_on(m, from, on).body;
  to = successor_on(m, to, on).body;
  if (from == to)
    throw model_error("influence: '" + std::string(m[from].id) + "' is both the source and the target on " + on.to_string());
  return {from, to};
}

using graph_type = influence_graph::graph_type;
using edge_type = graph_type::edge_descriptor;

// Hides vertices and (from, to) pairs: Yen's algorithm's spur searches and the cut checks.
struct hidden {
  const graph_type* g = nullptr;
  const std::vector<char>* vertices = nullptr;
  const std::set<std::pair<vertex, vertex>>* edges = nullptr;

  bool operator()(vertex v) const { return vertices == nullptr || (*vertices)[v] == 0; }
  bool operator()(const edge_type& e) const {
    return edges == nullptr || edges->count({source(e, *g), target(e, *g)}) == 0;
  }
};

using filtered = boost::filtered_graph<graph_type, hidden, hidden>;

constexpr double unreachable = std::numeric_limits<double>::infinity();

influence_path make_path(const graph_type& g, const std::vector<vertex>& vertices) {
  influence_path p;
  p.vertices = vertices;
  for (std::size_t i = 0; i + 1 < vertices.size(); ++i) {
    const auto [e, found] = boost::edge(vertices[i], vertices[i + 1], g);
    (void)found; // every consecutive pair comes from a search over g
    p.steps.push_back(g[e]);
    p.length += g[e].weight;
  }
  return p;
}

// Single-source Dijkstra over the graph with `hide` applied: distances and predecessors.
struct search_result {
  std::vector<double> distance;
  std::vector<vertex> predecessor;
};

search_result dijkstra(const graph_type& g, vertex source, const hidden& hide) {
  const filtered fg(g, hide, hide);
  const std::size_t n = boost::num_vertices(g);
  search_result r;
  r.distance.assign(n, unreachable);
  r.predecessor.resize(n);
  for (vertex v = 0; v < n; ++v)
    r.predecessor[v] = v;
  boost::dijkstra_shortest_paths(
      fg, source,
      boost::predecessor_map(boost::make_iterator_property_map(r.predecessor.begin(), boost::get(boost::vertex_index, g)))
          .distance_map(boost::make_iterator_property_map(r.distance.begin(), boost::get(boost::vertex_index, g)))
          .weight_map(boost::get(&influence_step::weight, g))
          .distance_inf(unreachable));
  return r;
}

std::optional<std::vector<vertex>> path_to(const search_result& r, vertex source, vertex target) {
  if (r.distance[target] == unreachable)
    return std::nullopt;
  std::vector<vertex> out{target};
  for (vertex v = target; v != source; v = r.predecessor[v])
    out.push_back(r.predecessor[v]);
  std::reverse(out.begin(), out.end());
  return out;
}

bool shorter(const influence_path& a, const influence_path& b) {
  if (a.length != b.length)
    return a.length < b.length;
  return a.vertices < b.vertices;
}

bool reachable(const graph_type& g, vertex from, vertex to, const std::vector<char>& removed) {
  const hidden hide{&g, &removed, nullptr};
  const filtered fg(g, hide, hide);
  std::vector<boost::default_color_type> colour(boost::num_vertices(g), boost::white_color);
  boost::breadth_first_search(
      fg, from, boost::color_map(boost::make_iterator_property_map(colour.begin(), boost::get(boost::vertex_index, g))));
  return colour[to] != boost::white_color;
}

std::vector<influence_path> k_shortest_paths(const graph_type& g, vertex from, vertex to, std::size_t k) {
  std::vector<influence_path> accepted;
  if (k == 0)
    return accepted;
  const auto first = path_to(dijkstra(g, from, hidden{&g, nullptr, nullptr}), from, to);
  if (!first)
    return accepted;
  accepted.push_back(make_path(g, *first));

  // Yen's algorithm. It goes on past k while candidates tie with the k-th path, so that the order
  // among equals (shorter()) decides which of them are kept; `limit` bounds that for pathological ties.
  std::vector<influence_path> candidates;
  const std::size_t limit = 4 * k + 16;
  const std::size_t n = boost::num_vertices(g);
  while (accepted.size() < limit) {
    const influence_path& last = accepted.back();
    for (std::size_t i = 0; i + 1 < last.vertices.size(); ++i) {
      const vertex spur = last.vertices[i];
      const std::vector<vertex> root(last.vertices.begin(), last.vertices.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      std::set<std::pair<vertex, vertex>> removed_edges;
      for (const auto& p : accepted)
        if (p.vertices.size() > i + 1 && std::equal(root.begin(), root.end(), p.vertices.begin()))
          removed_edges.insert({p.vertices[i], p.vertices[i + 1]});
      std::vector<char> removed_vertices(n, 0);
      for (std::size_t j = 0; j < i; ++j)
        removed_vertices[root[j]] = 1;
      const auto spur_path = path_to(dijkstra(g, spur, hidden{&g, &removed_vertices, &removed_edges}), spur, to);
      if (!spur_path)
        continue;
      std::vector<vertex> whole = root;
      whole.insert(whole.end(), spur_path->begin() + 1, spur_path->end());
      const auto same = [&](const influence_path& p) { return p.vertices == whole; };
      if (std::any_of(accepted.begin(), accepted.end(), same) || std::any_of(candidates.begin(), candidates.end(), same))
        continue;
      candidates.push_back(make_path(g, whole));
    }
    if (candidates.empty())
      break;
    const auto best = std::min_element(candidates.begin(), candidates.end(), shorter);
    if (accepted.size() >= k) {
      std::vector<influence_path> sorted = accepted;
      std::sort(sorted.begin(), sorted.end(), shorter);
      if (best->length > sorted[k - 1].length)
        break; // nothing left that ties with the k-th path
    }
    accepted.push_back(std::move(*best));
    candidates.erase(best);
  }
  std::sort(accepted.begin(), accepted.end(), shorter);
  if (accepted.size() > k)
    accepted.resize(k);
  return accepted;
}

} // namespace
} // namespace detail

namespace detail {
namespace {

// The split-vertex graph for maximum flow: vertex v of the influence graph becomes v_in = 2v and
// v_out = 2v + 1 joined by an arc of capacity 1, so that each person or body carries one channel.
// Every vertex is split, the ends included: a query starts at source_out and ends at target_in, so
// the ends' own arcs never carry flow. Built once per network; queries keep their residuals apart.
struct flow_network {
  using traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
  using graph_type = boost::adjacency_list<
      boost::vecS, boost::vecS, boost::directedS, boost::no_property,
      boost::property<boost::edge_capacity_t, long,
                      boost::property<boost::edge_reverse_t, traits::edge_descriptor,
                                      boost::property<boost::edge_index_t, std::size_t>>>>;
  graph_type graph;
  std::size_t arcs = 0;
};

void build_flow(const influence_graph& ig, flow_network& f) {
  const auto& g = ig.graph;
  const std::size_t n = boost::num_vertices(g);
  f.graph = flow_network::graph_type(2 * n);
  auto capacity = boost::get(boost::edge_capacity, f.graph);
  auto reverse = boost::get(boost::edge_reverse, f.graph);
  auto index = boost::get(boost::edge_index, f.graph);
  const auto arc = [&](std::size_t u, std::size_t v) {
    const auto e = boost::add_edge(u, v, f.graph).first;
    const auto back = boost::add_edge(v, u, f.graph).first;
    capacity[e] = 1;
    capacity[back] = 0;
    reverse[e] = back;
    reverse[back] = e;
    index[e] = f.arcs++;
    index[back] = f.arcs++;
  };
  for (vertex v = 0; v < n; ++v)
    arc(2 * v, 2 * v + 1);
  for (auto [it, end] = edges(g); it != end; ++it)
    arc(2 * source(*it, g) + 1, 2 * target(*it, g));
}

// The shortest path by hops whose vertices, compared in order, come first: breadth-first, each level
// in the order of its paths, so a vertex's parent is its first-ranked discoverer. One pass, where
// Yen's algorithm would search on for ties.
std::optional<std::vector<vertex>> first_shortest_by_hops(const graph_type& g, vertex from, vertex to) {
  std::vector<vertex> parent(boost::num_vertices(g), no_vertex);
  parent[from] = from;
  std::vector<vertex> level{from}, next, children;
  while (!level.empty() && parent[to] == no_vertex) {
    next.clear();
    for (vertex u : level) {
      children.clear();
      for (auto [it, end] = out_edges(u, g); it != end; ++it) {
        const vertex v = target(*it, g);
        if (parent[v] == no_vertex) {
          parent[v] = u;
          children.push_back(v);
        }
      }
      std::sort(children.begin(), children.end());
      next.insert(next.end(), children.begin(), children.end());
    }
    std::swap(level, next);
  }
  if (parent[to] == no_vertex)
    return std::nullopt;
  std::vector<vertex> path{to};
  for (vertex v = to; v != from; v = parent[v])
    path.push_back(parent[v]);
  std::reverse(path.begin(), path.end());
  return path;
}

} // namespace

struct influence_network_data {
  influence_graph ig;
  mutable std::once_flag flow_once;
  mutable flow_network flow;

  const flow_network& flow_graph() const {
    std::call_once(flow_once, [this] { build_flow(ig, flow); });
    return flow;
  }
};

} // namespace detail

influence_network::influence_network(const orgraph::model& m, date on, const influence_options& options)
    : model_(&m), on_(on), options_(options), data_(std::make_unique<detail::influence_network_data>()) {
  data_->ig = detail::build_influence_graph(m, on, options);
}
influence_network::~influence_network() = default;
influence_network::influence_network(influence_network&&) noexcept = default;
influence_network& influence_network::operator=(influence_network&&) noexcept = default;

std::size_t influence_network::step_count() const noexcept { return boost::num_edges(data_->ig.graph); }

std::vector<influence_path> influence_paths(const influence_network& net, vertex from, vertex to, std::size_t k) {
  const auto [source, target] = detail::resolve_ends(net.model(), from, to, net.on());
  const auto& g = net.data().ig.graph;
  if (k == 1 && net.options().weighting == influence_weighting::hops) {
    std::vector<influence_path> out;
    if (const auto path = detail::first_shortest_by_hops(g, source, target))
      out.push_back(detail::make_path(g, *path));
    return out;
  }
  return detail::k_shortest_paths(g, source, target, k);
}

std::vector<influence_path> influence_paths(const model& m, vertex from, vertex to, date on,
                                            const influence_options& options) {
  return influence_paths(influence_network(m, on, options), from, to, options.k);
}

namespace detail {
namespace {

channel_answer max_channels(const influence_network_data& data, vertex source, vertex target) {
  const auto& g = data.ig.graph;
  // Nothing writes to the shared flow graph: residuals, colours and predecessors are this query's own.
  auto& f = const_cast<flow_network::graph_type&>(data.flow_graph().graph);
  const std::size_t arcs = data.flow_graph().arcs;
  const auto capacity = boost::get(boost::edge_capacity, f);
  const auto index = boost::get(boost::edge_index, f);
  std::vector<long> residual_store(arcs, 0);
  const auto residual = boost::make_iterator_property_map(residual_store.begin(), index);
  std::vector<boost::default_color_type> colour(boost::num_vertices(f));
  std::vector<flow_network::graph_type::edge_descriptor> predecessor(boost::num_vertices(f));
  const std::size_t s = 2 * source + 1;
  const std::size_t t = 2 * target;
  const long flow = boost::edmonds_karp_max_flow(
      f, s, t,
      boost::capacity_map(capacity)
          .residual_capacity_map(residual)
          .reverse_edge_map(boost::get(boost::edge_reverse, f))
          .color_map(boost::make_iterator_property_map(colour.begin(), boost::get(boost::vertex_index, f)))
          .predecessor_map(boost::make_iterator_property_map(predecessor.begin(), boost::get(boost::vertex_index, f))));

  // Recover the paths: from the source, follow arcs that carry flow. Each intermediate vertex carries
  // at most one unit, so every walk reaches the target without meeting another.
  channel_answer answer;
  for (long i = 0; i < flow; ++i) {
    std::vector<vertex> walk{source};
    std::size_t at = s;
    while (at != t) {
      bool moved = false;
      for (auto [it, end] = out_edges(at, f); it != end; ++it) {
        if (capacity[*it] == 1 && residual[*it] == 0) {
          residual[*it] = 1; // taken by this walk
          at = boost::target(*it, f);
          moved = true;
          break;
        }
      }
      if (!moved)
        break; // cannot happen for a valid flow
      if (at % 2 == 0)
        walk.push_back(at / 2); // entering a vertex of the influence graph
      else if (at / 2 != walk.back())
        break;
    }
    if (at == t)
      answer.paths.push_back(make_path(g, walk));
  }
  return answer;
}

std::vector<vertex> cut_vertices(const influence_network_data& data, vertex source, vertex target) {
  const influence_graph& ig = data.ig;
  const auto& g = ig.graph;
  const auto shortest = path_to(dijkstra(g, source, hidden{&g, nullptr, nullptr}), source, target);
  std::vector<vertex> out;
  if (!shortest)
    return out;
  // A vertex whose removal cuts every path lies on every path, so on this one: test each.
  std::vector<char> removed(boost::num_vertices(g), 0);
  for (std::size_t i = 1; i + 1 < shortest->size(); ++i) {
    const vertex v = (*shortest)[i];
    removed[v] = 1;
    if (!reachable(g, source, target, removed))
      out.push_back(v);
    removed[v] = 0;
  }
  return out;
}

} // namespace
} // namespace detail

channel_answer independent_channels(const influence_network& net, vertex from, vertex to) {
  const auto [source, target] = detail::resolve_ends(net.model(), from, to, net.on());
  return detail::max_channels(net.data(), source, target);
}

channel_answer independent_channels(const model& m, vertex from, vertex to, date on) {
  return independent_channels(influence_network(m, on), from, to);
}

std::vector<vertex> single_points_of_failure(const influence_network& net, vertex from, vertex to) {
  const auto [source, target] = detail::resolve_ends(net.model(), from, to, net.on());
  return detail::cut_vertices(net.data(), source, target);
}

std::vector<vertex> single_points_of_failure(const model& m, vertex from, vertex to, date on) {
  return single_points_of_failure(influence_network(m, on), from, to);
}

std::vector<reach_entry> influence_reach(const model& m, vertex from, date on, const influence_options& options) {
  return influence_reach(influence_network(m, on, options), from);
}

std::vector<reach_entry> influence_reach(const influence_network& net, vertex from) {
  const model& m = net.model();
  const date on = net.on();
  if (!m.contains(from))
    throw model_error("influence_reach: from must be a vertex of the model");
  const node_kind fk = m[from].kind;
  if (fk != node_kind::person && fk != node_kind::organization)
    throw model_error("influence_reach: '" + std::string(m[from].id) + "' is a " + std::string(to_string(fk)) +
                      "; influence starts from a person or an organization");
  if (fk == node_kind::organization)
    from = successor_on(m, from, on).body;
  const auto& ig = net.data().ig;
  const auto& g = ig.graph;
  const auto r = detail::dijkstra(g, from, detail::hidden{&g, nullptr, nullptr});
  std::vector<reach_entry> out;
  for (vertex v = 0; v < m.node_count(); ++v) {
    if (v == from || m[v].kind != node_kind::organization || !ig.present[v] || r.distance[v] == detail::unreachable)
      continue;
    reach_entry e;
    e.body = v;
    e.distance = r.distance[v];
    for (vertex u = v; u != from; u = r.predecessor[u])
      ++e.hops;
    out.push_back(e);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const reach_entry& a, const reach_entry& b) { return a.distance < b.distance; });
  return out;
}

std::vector<link_audit_entry> double_linking_audit(const model& m, date on) {
  std::vector<link_audit_entry> out;
  const auto& g = m.graph();
  const auto entry = [&](vertex body, vertex above, reporting_via via) {
    if (std::any_of(out.begin(), out.end(), [&](const link_audit_entry& e) { return e.body == body && e.above == above; }))
      return;
    link_audit_entry e;
    e.body = body;
    e.above = above;
    e.via = via;
    e.linking = shared_members(m, body, above, on);
    e.level = e.linking.empty()       ? link_level::unlinked
              : e.linking.size() == 1 ? link_level::single_linked
                                      : link_level::double_linked;
    out.push_back(std::move(e));
  };
  for (vertex b : active_bodies(m, on)) {
    bool reports = false;
    for (vertex named : detail::answering_for(m, b, on))
      for (auto [it, end] = out_edges(named, g); it != end; ++it) {
        const relation_view r = g[*it];
        if (r.type != relation_type::reports_to || !r.in_force(on))
          continue;
        const vertex above = successor_on(m, target(*it, g), on).body;
        if (above == b || !in_force(m, above, on))
          continue;
        reports = true;
        entry(b, above, reporting_via::reports_to);
      }
    if (!reports && m[b].parent != no_vertex) {
      const vertex above = successor_on(m, m[b].parent, on).body;
      if (above != b && in_force(m, above, on))
        entry(b, above, reporting_via::parent);
    }
  }
  return out;
}

} // namespace orgraph
