// Line-management queries: each reads the one resolved answer per node (src/snapshot/line.cpp), from
// the snapshot's line part when it has been built, else resolved on the spot by the same rule.

#include <orgraph/graph/detail/scratch.hpp>
#include <orgraph/graph/tree.hpp>
#include <orgraph/query/line_management.hpp>

#include "../snapshot/state.hpp"

#include <algorithm>
#include <optional>
#include <utility>

namespace orgraph {

namespace {

// Answers are written into a default-constructed manager_answer already in its final place (in an
// optional or a vector), never built aside and copied: profiling showed the copy of the returned record
// to cost more than reading the answer.

/// A resolved answer of `type` into `out`.
void fill(manager_answer& out, detail::line_answer&& a, relation_type type) {
  if (a.manager != detail::no_index)
    out.manager = a.manager;
  out.post = a.post == detail::no_index ? no_vertex : vertex{a.post};
  out.arrangement = static_cast<arrangement>(a.arrangement);
  out.relation = type;
  out.vacant_posts = std::move(a.vacant_posts);
  out.ambiguous = a.ambiguous;
}

/// The effective line-management answer of `x` into `out`: from the part if built, else resolved by
/// the rule. False, with `out` untouched, when no `manages` relation is in force for `x`.
bool answer_into(const snapshot& s, vertex x, manager_answer& out) {
  if (!s.built(snapshot::part::line_management)) {
    detail::line_answer a = detail::resolve_answer(s, x, relation_type::manages);
    if (!a.found)
      return false;
    fill(out, std::move(a), relation_type::manages);
    return true;
  }
  const detail::line_part& p = s.line();
  const std::uint8_t flags = p.flags[x];
  if ((flags & detail::line_part::found) == 0)
    return false;
  if (p.manager[x] != detail::no_index)
    out.manager = p.manager[x];
  out.post = p.post[x] == detail::no_index ? no_vertex : vertex{p.post[x]};
  out.arrangement = static_cast<arrangement>(p.arrangement[x]);
  out.relation = relation_type::manages;
  out.ambiguous = (flags & detail::line_part::ambiguous) != 0;
  if ((flags & detail::line_part::vacant_passed) != 0) // rare: no hash lookup for the others
    if (const auto it = p.vacant.find(static_cast<std::uint32_t>(x)); it != p.vacant.end())
      out.vacant_posts = it->second;
  return true;
}

struct all_reports_tag {};

bool takes_part(const model& m, vertex x) {
  return m.contains(x) && (m.kind(x) == node_kind::person || m.kind(x) == node_kind::post);
}

/// A parent map for the generic tree walks: a node's manager (a person), resolved as needed.
struct manager_map {
  const snapshot* s;
  friend vertex get(const manager_map& m, vertex x) {
    manager_answer a;
    return answer_into(*m.s, x, a) && a.manager ? *a.manager : no_vertex;
  }
};

} // namespace

std::optional<manager_answer> line_manager(const snapshot& s, vertex x) {
  std::optional<manager_answer> out; // the only object returned, so that it is built in place
  if (takes_part(s.model(), x) && !answer_into(s, x, out.emplace()))
    out.reset();
  return out;
}

std::optional<manager_answer> supervisor(const snapshot& s, vertex x) {
  if (!takes_part(s.model(), x))
    return std::nullopt;
  if (detail::line_answer a = detail::resolve_answer(s, x, relation_type::supervises); a.found) {
    std::optional<manager_answer> out(std::in_place);
    fill(*out, std::move(a), relation_type::supervises);
    return out;
  }
  return line_manager(s, x);
}

std::vector<manager_answer> dotted_line_managers(const snapshot& s, vertex x) {
  std::vector<manager_answer> out;
  const model& m = s.model();
  if (!takes_part(m, x))
    return out;
  const auto add_from = [&](vertex target) {
    for (relation_id r : m.in_relations(target, relation_type::dotted_line_manages)) {
      if (!s.in_force(r))
        continue;
      manager_answer a;
      a.relation = relation_type::dotted_line_manages;
      a.arrangement = m.arrangement(r);
      const vertex from = m.source(r);
      if (m.kind(from) == node_kind::person) {
        a.manager = from;
      } else {
        a.post = from;
        if (const vertex h = s.holder(from); h != no_vertex)
          a.manager = h;
        else
          a.vacant_posts.push_back(from);
      }
      out.push_back(std::move(a));
    }
  };
  add_from(x);
  if (m.kind(x) == node_kind::person)
    for (relation_id h : m.out_relations(x, relation_type::holds))
      if (s.in_force(h))
        add_from(m.target(h));
  return out;
}

std::vector<manager_answer> management_chain(const snapshot& s, vertex x) {
  std::vector<manager_answer> chain;
  if (!takes_part(s.model(), x))
    return chain;
  if (s.built(snapshot::part::line_management)) {
    // The part knows how many steps the chain has (the walk below, counted once for every node), so
    // the walk needs no set of the persons met.
    const detail::line_part& p = s.line();
    std::size_t steps = p.chain_length[x];
    chain.reserve(steps);
    for (vertex at = x; steps > 0; --steps, at = p.manager[at])
      (void)answer_into(s, at, chain.emplace_back()); // every step counted has an answer
    return chain;
  }
  // The people above x, by the generic walk that stops before repeating; then each one's answer.
  const auto above = graph::path_to_root(manager_map{&s}, x, no_vertex);
  vertex at = x;
  for (vertex next : above) {
    (void)answer_into(s, at, chain.emplace_back()); // each node with a manager above has an answer
    at = next;
  }
  if (manager_answer top; answer_into(s, at, top) && !top.manager)
    chain.push_back(std::move(top)); // a vacant top ends the chain
  return chain;
}

std::vector<vertex> direct_reports(const snapshot& s, vertex x) {
  std::vector<vertex> out;
  if (!takes_part(s.model(), x))
    return out;
  const detail::line_part& p = s.line();
  const bool person = s.model().kind(x) == node_kind::person;
  const auto below =
      person ? detail::row(p.below_offsets, p.below, x) : detail::row(p.post_below_offsets, p.post_below, x);
  for (std::uint32_t t : below) {
    if ((p.flags[t] & detail::line_part::named) == 0 || t == x)
      continue;
    if (!person && p.post[t] != x) { // through a vacant post: only the first one passed counts
      const auto it = p.vacant.find(t);
      if (it == p.vacant.end() || it->second.front() != x)
        continue;
    }
    out.push_back(t);
  }
  return out;
}

std::size_t span_of_control(const snapshot& s, vertex x) { return direct_reports(s, x).size(); }

std::vector<vertex> all_reports(const snapshot& s, vertex x) {
  std::vector<vertex> out;
  const model& m = s.model();
  if (!takes_part(m, x))
    return out;
  const detail::line_part& p = s.line();
  // The persons met, in a per-thread table stamped per call: no table of every vertex to clear for a
  // manager with a few reports.
  auto& seen = graph::detail::thread_scratch<all_reports_tag, char>();
  seen.begin(m.node_count());
  seen.set(x, 1);
  std::vector<std::uint32_t> level;
  const auto start = m.kind(x) == node_kind::person ? detail::row(p.below_offsets, p.below, x)
                                                    : detail::row(p.post_below_offsets, p.post_below, x);
  for (std::uint32_t t : start)
    if (seen.mark(t, 1))
      level.push_back(t);
  std::vector<std::uint32_t> next;
  std::vector<std::uint8_t> marks;
  // A level in vertex order. Levels are often sorted already (reports listed in vertex order under
  // managers in vertex order); a dense one is put in order by marking its vertices in a table of its
  // range and reading them back, in time linear in its size rather than k log k.
  const auto in_vertex_order = [&marks](std::vector<std::uint32_t>& l) {
    if (std::is_sorted(l.begin(), l.end()))
      return;
    const auto [lo, hi] = std::minmax_element(l.begin(), l.end());
    const std::uint32_t first = *lo;
    const std::size_t range = std::size_t{*hi} - first + 1;
    if (range > 8 * l.size()) {
      std::sort(l.begin(), l.end());
      return;
    }
    marks.assign(range, 0);
    for (std::uint32_t t : l)
      marks[t - first] = 1;
    l.clear();
    for (std::size_t i = 0; i < range; ++i)
      if (marks[i] != 0)
        l.push_back(static_cast<std::uint32_t>(first + i));
  };
  while (!level.empty()) {
    in_vertex_order(level);
    next.clear();
    for (std::uint32_t t : level) {
      if ((p.flags[t] & detail::line_part::named) != 0)
        out.push_back(t);
      for (std::uint32_t u : detail::row(p.below_offsets, p.below, t))
        if (seen.mark(u, 1))
          next.push_back(u);
    }
    level.swap(next);
  }
  return out;
}

std::optional<vertex> lowest_common_manager(const snapshot& s, vertex a, vertex b) {
  if (!takes_part(s.model(), a) || !takes_part(s.model(), b))
    return std::nullopt;
  const vertex v = graph::lowest_common_ancestor(manager_map{&s}, a, b, no_vertex);
  return v == no_vertex ? std::nullopt : std::optional<vertex>(v);
}

bool is_line_manager_of(const snapshot& s, vertex manager_node, vertex x) {
  if (!takes_part(s.model(), x))
    return false;
  manager_answer a;
  if (!answer_into(s, x, a))
    return false;
  if (s.model().kind(manager_node) == node_kind::person)
    return a.manager == manager_node;
  return a.post == manager_node || (!a.vacant_posts.empty() && a.vacant_posts.front() == manager_node);
}

namespace {

post_holding holding_of(const snapshot& s, vertex post, relation_id h) {
  const model& m = s.model();
  post_holding out;
  out.person = m.source(h);
  out.relation = h;
  out.arrangement = m.arrangement(h);
  if (out.arrangement == arrangement::substantive)
    for (relation_id other : m.out_relations(out.person, relation_type::holds))
      if (m.target(other) != post && m.arrangement(other) != arrangement::substantive && s.in_force(other)) {
        out.seconded_to = m.target(other);
        break;
      }
  return out;
}

} // namespace

std::optional<post_holding> holding(const snapshot& s, vertex post) {
  const model& m = s.model();
  if (!m.contains(post) || m.kind(post) != node_kind::post)
    return std::nullopt;
  const relation_id h = s.holding(post);
  if (h == relation_id())
    return std::nullopt;
  return holding_of(s, post, h);
}

std::vector<post_holding> holders(const snapshot& s, vertex post) {
  std::vector<post_holding> out;
  const model& m = s.model();
  if (!m.contains(post) || m.kind(post) != node_kind::post || !s.exists(post))
    return out;
  for (relation_id h : detail::effective_holdings(s, post))
    out.push_back(holding_of(s, post, h));
  return out;
}

} // namespace orgraph
