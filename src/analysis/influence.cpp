// Influence queries (docs/influence.md) on a snapshot's influence graph, by the generic algorithms of
// <orgraph/graph.hpp>: the graph is built once per snapshot, each question is one search.

#include <orgraph/analysis/influence.hpp>
#include <orgraph/graph/disjoint_paths.hpp>
#include <orgraph/graph/shortest_paths.hpp>
#include <orgraph/snapshot/influence_graph.hpp>

#include "../query/text.hpp"
#include "../snapshot/state.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <unordered_set>
#include <utility>

namespace orgraph {

std::string_view to_string(influence_link l) noexcept {
  switch (l) {
  case influence_link::sits_on: return "sits_on";
  case influence_link::carried_by: return "carried_by";
  case influence_link::represented_by: return "represented_by";
  case influence_link::reports_to: return "reports_to";
  case influence_link::recommends_to: return "recommends_to";
  case influence_link::parent: return "parent";
  }
  return "sits_on";
}

std::string_view to_string(link_level l) noexcept {
  switch (l) {
  case link_level::unlinked: return "unlinked";
  case link_level::single_linked: return "single_linked";
  case link_level::double_linked: return "double_linked";
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
  const bool membership = s.link == influence_link::sits_on || s.link == influence_link::carried_by ||
                          s.link == influence_link::represented_by;
  if (membership && !s.role.empty())
    out += ":" + s.role;
  return out;
}

std::size_t influence_network::step_count() const { return num_edges(influence_graph(snapshot_)); }

namespace {

using graph_t = influence_graph_type;

bool is_membership_link(influence_link l) noexcept {
  return l == influence_link::sits_on || l == influence_link::carried_by || l == influence_link::represented_by;
}

double cost(const detail::influence_step_record& s, const influence_options& o) {
  if (o.weighting == influence_weighting::hops)
    return 1.0;
  return is_membership_link(s.link) ? o.weights.of(s.rank) : o.weights.body_link;
}

/// The step an edge stands for under the options: the cheapest of its steps, the first found among equals.
std::uint32_t chosen_step(const detail::influence_part& p, std::uint32_t edge, const influence_options& o) {
  std::uint32_t best = p.step_offsets[edge];
  for (std::uint32_t i = best + 1; i < p.step_offsets[edge + 1]; ++i)
    if (cost(p.steps[i], o) < cost(p.steps[best], o))
      best = i;
  return best;
}

/// Every edge's weight under the options, by edge index.
std::vector<double> edge_weights(const detail::influence_part& p, const influence_options& o) {
  const std::size_t edges = p.step_offsets.size() - 1;
  std::vector<double> w(edges);
  for (std::uint32_t e = 0; e < edges; ++e)
    w[e] = cost(p.steps[chosen_step(p, e, o)], o);
  return w;
}

std::uint32_t edge_between(const graph_t& g, vertex u, vertex v) {
  const auto [e, found] = boost::edge(static_cast<std::uint32_t>(u), static_cast<std::uint32_t>(v), g);
  (void)found; // every consecutive pair of a path comes from a search over g
  return static_cast<std::uint32_t>(get(boost::edge_index, g, e));
}

influence_path make_path(const detail::influence_part& p, const std::vector<std::uint32_t>& vertices,
                         const influence_options& o) {
  influence_path path;
  path.vertices.assign(vertices.begin(), vertices.end());
  for (std::size_t i = 0; i + 1 < vertices.size(); ++i) {
    const auto& r = p.steps[chosen_step(p, edge_between(p.graph, vertices[i], vertices[i + 1]), o)];
    influence_step s;
    s.from = vertices[i];
    s.to = vertices[i + 1];
    s.link = r.link;
    s.relation = r.relation;
    s.role = std::string(r.role);
    s.post = r.post == detail::no_index ? no_vertex : vertex{r.post};
    s.body = r.body == detail::no_index ? no_vertex : vertex{r.body};
    s.weight = cost(r, o);
    path.length += s.weight;
    path.steps.push_back(std::move(s));
  }
  return path;
}

std::pair<vertex, vertex> resolve_ends(const snapshot& s, vertex from, vertex to) {
  const model& m = s.model();
  if (!m.contains(from) || !m.contains(to))
    throw model_error("influence: from and to must be vertices of the model");
  const node_kind fk = m.kind(from);
  if (fk != node_kind::person && fk != node_kind::organization)
    throw model_error("influence: '" + std::string(m.id(from)) + "' is a " + std::string(to_string(fk)) +
                      "; influence starts from a person or an organization");
  if (m.kind(to) != node_kind::organization)
    throw model_error("influence: '" + std::string(m.id(to)) + "' is a " + std::string(to_string(m.kind(to))) +
                      "; influence goes to an organization");
  if (fk == node_kind::organization)
    from = s.successor(from);
  to = s.successor(to);
  if (from == to)
    throw model_error("influence: '" + std::string(m.id(from)) + "' is both the source and the target on " +
                      s.on().to_string());
  return {from, to};
}

} // namespace

std::vector<influence_path> influence_paths(const snapshot& s, vertex from, vertex to,
                                            const influence_options& options) {
  const auto [source, target] = resolve_ends(s, from, to);
  const detail::influence_part& p = s.influence();
  const auto a = static_cast<std::uint32_t>(source), b = static_cast<std::uint32_t>(target);
  std::vector<std::vector<std::uint32_t>> found;
  if (options.weighting == influence_weighting::hops) {
    found = graph::k_shortest_paths(p.graph, a, b, options.k);
  } else {
    const std::vector<double> w = edge_weights(p, options);
    found = graph::k_shortest_paths(p.graph, a, b, options.k,
                                    boost::make_iterator_property_map(w.begin(), get(boost::edge_index, p.graph)));
  }
  std::vector<influence_path> out;
  for (const auto& path : found)
    out.push_back(make_path(p, path, options));
  return out;
}

channel_answer independent_channels(const snapshot& s, vertex from, vertex to) {
  const auto [source, target] = resolve_ends(s, from, to);
  const detail::influence_part& p = s.influence();
  auto paths =
      graph::vertex_disjoint_paths(p.graph, static_cast<std::uint32_t>(source), static_cast<std::uint32_t>(target));
  // Shortest first, and among equals by the tie rule, so the answer does not depend on the flow's order.
  std::sort(paths.begin(), paths.end(),
            [](const auto& a, const auto& b) { return a.size() != b.size() ? a.size() < b.size() : a < b; });
  channel_answer answer;
  for (const auto& path : paths)
    answer.paths.push_back(make_path(p, path, {}));
  return answer;
}

std::vector<vertex> single_points_of_failure(const snapshot& s, vertex from, vertex to) {
  const auto [source, target] = resolve_ends(s, from, to);
  const auto cut = graph::separating_vertices(s.influence().graph, static_cast<std::uint32_t>(source),
                                              static_cast<std::uint32_t>(target));
  return {cut.begin(), cut.end()};
}

std::vector<reach_entry> influence_reach(const snapshot& s, vertex from, const influence_options& options) {
  const model& m = s.model();
  if (!m.contains(from))
    throw model_error("influence_reach: from must be a vertex of the model");
  const node_kind fk = m.kind(from);
  if (fk != node_kind::person && fk != node_kind::organization)
    throw model_error("influence_reach: '" + std::string(m.id(from)) + "' is a " + std::string(to_string(fk)) +
                      "; influence starts from a person or an organization");
  if (fk == node_kind::organization)
    from = s.successor(from);
  const detail::influence_part& p = s.influence();
  const graph_t& g = p.graph;
  const std::vector<double> w = edge_weights(p, options);

  // Dijkstra on (distance, hops): the shortest distance, and the fewest steps among shortest paths.
  using key = std::pair<double, std::size_t>;
  const key unreached{std::numeric_limits<double>::infinity(), 0};
  std::vector<key> best(m.node_count(), unreached);
  std::priority_queue<std::pair<key, std::uint32_t>, std::vector<std::pair<key, std::uint32_t>>, std::greater<>> queue;
  best[from] = {0.0, 0};
  queue.push({best[from], static_cast<std::uint32_t>(from)});
  while (!queue.empty()) {
    const auto [k, u] = queue.top();
    queue.pop();
    if (k != best[u])
      continue;
    for (auto [it, end] = out_edges(u, g); it != end; ++it) {
      const std::uint32_t v = target(*it, g);
      const key next{k.first + w[get(boost::edge_index, g, *it)], k.second + 1};
      if (next < best[v]) {
        best[v] = next;
        queue.push({next, v});
      }
    }
  }
  std::vector<reach_entry> out;
  for (vertex v = 0; v < m.node_count(); ++v)
    if (v != from && m.kind(v) == node_kind::organization && best[v] != unreached && s.body_in_force(v))
      out.push_back({v, best[v].first, best[v].second});
  std::stable_sort(out.begin(), out.end(),
                   [](const reach_entry& a, const reach_entry& b) { return a.distance < b.distance; });
  return out;
}

std::vector<link_audit_entry> double_linking_audit(const snapshot& s) {
  std::vector<link_audit_entry> out;
  const model& m = s.model();
  (void)s.seats(); // every body's members are read below
  std::unordered_set<std::uint64_t> listed;
  const auto entry = [&](vertex body, vertex above, reporting_via via) {
    if (!listed.insert((std::uint64_t{body} << 32) | above).second)
      return;
    link_audit_entry e;
    e.body = body;
    e.above = above;
    e.via = via;
    e.linking = shared_members(s, body, above);
    e.level = e.linking.empty()       ? link_level::unlinked
              : e.linking.size() == 1 ? link_level::single_linked
                                      : link_level::double_linked;
    out.push_back(std::move(e));
  };
  for (vertex b : active_bodies(s)) {
    bool reports = false;
    for (vertex named : detail::names_of(s, b))
      for (relation_id r : m.out_relations(named, relation_type::reports_to)) {
        if (!s.in_force(r))
          continue;
        const vertex above = s.successor(m.target(r));
        if (above == b || !s.body_in_force(above))
          continue;
        reports = true;
        entry(b, above, reporting_via::reports_to);
      }
    if (!reports && m.parent(b) != no_vertex) {
      const vertex above = s.successor(m.parent(b));
      if (above != b && s.body_in_force(above))
        entry(b, above, reporting_via::parent);
    }
  }
  return out;
}

} // namespace orgraph
