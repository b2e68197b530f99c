#include <orgraph/error.hpp>
#include <orgraph/query/org_chart.hpp>

#include <algorithm>
#include <limits>
#include <utility>

namespace orgraph {

namespace {
bool takes_part(node_kind k) noexcept { return k == node_kind::person || k == node_kind::post; }
} // namespace

org_chart::org_chart(const orgraph::model& m, date on) : model_(&m), on_(on) {
  const std::size_t n = m.node_count();
  if (n >= none)
    throw model_error("org_chart: the model has more nodes than a chart can index (" + std::to_string(n) + ")");
  manager_.assign(n, none);
  post_.assign(n, none);
  holder_.assign(n, none);
  chain_length_.assign(n, 0);
  flags_.assign(n, 0);
  arrangement_.assign(n, 0);

  // 1. Every answer, once. A post's holder is cached first because answers and reports use it.
  for (vertex v = 0; v < n; ++v)
    if (m[v].kind == node_kind::post)
      if (const auto h = orgraph::post_holder(m, v, on))
        holder_[v] = static_cast<std::uint32_t>(*h);
  for (vertex v = 0; v < n; ++v) {
    if (!takes_part(m[v].kind))
      continue;
    const auto a = orgraph::line_manager(m, v, on);
    if (!a)
      continue;
    flags_[v] = has_answer | (a->ambiguous ? is_ambiguous : 0);
    arrangement_[v] = static_cast<std::uint8_t>(a->arrangement);
    if (a->manager)
      manager_[v] = static_cast<std::uint32_t>(*a->manager);
    if (a->post != no_vertex)
      post_[v] = static_cast<std::uint32_t>(a->post);
    if (!a->vacant_posts.empty())
      vacant_posts_.emplace(static_cast<std::uint32_t>(v), a->vacant_posts);
  }

  // 2. Chain lengths, as management_chain counts them: a step per answer, the last one the vacant
  // top or the step before someone would repeat. Memoised along the walk, so linear overall.
  enum : std::uint8_t { unseen, walking, known };
  std::vector<std::uint8_t> state(n, unseen);
  std::vector<vertex> path;
  for (vertex start = 0; start < n; ++start) {
    if (state[start] != unseen)
      continue;
    path.clear();
    vertex v = start;
    while (v != no_vertex && state[v] == unseen) {
      state[v] = walking;
      path.push_back(v);
      v = manager_of(v);
    }
    std::size_t i = path.size();
    if (v != no_vertex && state[v] == walking) {
      // path ends in a cycle that starts at v: from a node on it the chain goes round once and stops.
      const auto first = static_cast<std::size_t>(std::find(path.begin(), path.end(), v) - path.begin());
      const std::size_t cycle = path.size() - first;
      for (std::size_t j = first; j < path.size(); ++j) {
        chain_length_[path[j]] = static_cast<std::uint32_t>(cycle - 1);
        state[path[j]] = known;
      }
      i = first;
    }
    while (i-- > 0) {
      const vertex u = path[i];
      const vertex next = manager_of(u);
      std::uint32_t len = 0;
      if (flags_[u] & has_answer)
        len = next == no_vertex ? 1 : 1 + chain_length_[next];
      chain_length_[u] = len;
      state[u] = known;
    }
  }

  // 3. Direct reports with the model's own rule, reading the answers computed above.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<vertex> found;
  const auto answer_of = [&](vertex t) { return answer(t); };
  const auto holder_of_post = [&](vertex p) {
    return holder_[p] == none ? std::optional<vertex>() : std::optional<vertex>(holder_[p]);
  };
  const auto& g = m.graph();
  for (vertex x = 0; x < n; ++x) {
    if (!takes_part(m[x].kind))
      continue;
    if (out_degree(x, g) == 0)
      continue; // manages nothing and holds nothing
    found.clear();
    detail::collect_direct_reports(m, x, on, answer_of, holder_of_post, found);
    for (vertex t : found)
      edges.emplace_back(static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(t));
  }
  reports_ = reports_graph(boost::edges_are_sorted, edges.begin(), edges.end(), static_cast<std::uint32_t>(n));
}

std::optional<manager_answer> org_chart::answer(vertex x) const {
  if (!(flags_[x] & has_answer))
    return std::nullopt;
  manager_answer a;
  if (manager_[x] != none)
    a.manager = manager_[x];
  if (post_[x] != none)
    a.post = post_[x];
  a.arrangement = static_cast<orgraph::arrangement>(arrangement_[x]);
  a.ambiguous = (flags_[x] & is_ambiguous) != 0;
  if (const auto it = vacant_posts_.find(static_cast<std::uint32_t>(x)); it != vacant_posts_.end())
    a.vacant_posts = it->second;
  return a;
}

std::vector<vertex> all_reports(const org_chart& chart, vertex x) {
  const orgraph::model& m = chart.model();
  std::vector<vertex> out;
  std::vector<bool> seen(m.node_count(), false);
  seen[x] = true;
  std::vector<vertex> frontier{x}, next;
  while (!frontier.empty()) {
    next.clear();
    for (vertex v : frontier)
      for (vertex r : direct_reports(chart, v)) {
        if (seen[r])
          continue;
        seen[r] = true;
        out.push_back(r);
        next.push_back(r);
        // holder_of is no_vertex for anything but a held post, so no kind test is needed here.
        if (const vertex h = chart.holder_of(r); h != no_vertex && !seen[h]) {
          seen[h] = true;
          next.push_back(h); // the holder manages the post's reports; the post is what is listed
        }
      }
    std::swap(frontier, next);
  }
  return out;
}

std::optional<vertex> lowest_common_manager(const org_chart& chart, vertex a, vertex b) {
  const auto line_of = [&](vertex x) {
    std::vector<vertex> line{x};
    for (vertex v = x, steps = chart.chain_length(x); steps > 0; --steps) {
      v = chart.manager_of(v);
      if (v == no_vertex)
        break;
      line.push_back(v);
    }
    return line;
  };
  const auto above_a = line_of(a);
  for (vertex v : line_of(b))
    if (std::find(above_a.begin(), above_a.end(), v) != above_a.end())
      return v;
  return std::nullopt;
}

} // namespace orgraph
