#pragma once
// Line management by docs/concepts.md ("Line management"), brute force over every relation.

#include <orgraph/query/line_management.hpp>

#include "time_rules.hpp"

#include <algorithm>
#include <optional>
#include <vector>

namespace orgraph_reference {

using orgraph::arrangement;
using orgraph::manager_answer;

inline bool is_temporary(arrangement a) { return a != arrangement::substantive; }
inline int rank_of(bool temporary) { return temporary ? 1 : 0; }

/// A relation that could make `source` x's manager.
struct candidate {
  vertex source = no_vertex;
  relation_id relation;
  bool through_post = false; ///< into a post x holds, not into x itself
  int rank = 0;
  arrangement arr = arrangement::substantive;
};

/// Rule 1 and the candidate order of rule 3: relations into x in the order added, then for each post x
/// holds (in the order its holdings were added) the relations into that post.
inline std::vector<candidate> all_candidates(const model& m, vertex x, relation_type type, date on) {
  std::vector<candidate> out;
  for (relation_id r : m.relations(type)) {
    if (m.target(r) != x || !orgraph_reference::in_force(m, r, on))
      continue;
    const auto rel = m[r];
    out.push_back({rel.from, r, false, orgraph_reference::rank_of(orgraph_reference::is_temporary(rel.arrangement)),
                   rel.arrangement});
  }
  if (m[x].kind != node_kind::person)
    return out;
  for (relation_id h : m.relations(relation_type::holds)) {
    if (m.source(h) != x || !orgraph_reference::in_force(m, h, on))
      continue;
    const auto holding = m[h];
    for (relation_id r : m.relations(type)) {
      if (m.target(r) != holding.to || !orgraph_reference::in_force(m, r, on))
        continue;
      const auto rel = m[r];
      // Rule 2: the holding's footing counts too; the answer names the arrangement that made the rank.
      const bool temp_holding = orgraph_reference::is_temporary(holding.arrangement);
      const bool temp_relation = orgraph_reference::is_temporary(rel.arrangement);
      out.push_back({rel.from, r, true, orgraph_reference::rank_of(temp_holding || temp_relation),
                     temp_holding && !temp_relation ? holding.arrangement : rel.arrangement});
    }
  }
  return out;
}

/// Rule 2: only the candidates of the best rank count.
inline std::vector<candidate> best_candidates(const model& m, vertex x, relation_type type, date on) {
  auto all = orgraph_reference::all_candidates(m, x, type, on);
  int best = 0;
  for (const auto& c : all)
    best = std::max(best, c.rank);
  std::vector<candidate> out;
  for (const auto& c : all)
    if (c.rank == best)
      out.push_back(c);
  return out;
}

/// Rule 4: among the holdings in force into the post, the first of the highest rank.
inline std::optional<relation_id> effective_holding(const model& m, vertex post, date on) {
  std::optional<relation_id> best;
  int best_rank = -1;
  for (relation_id h : m.relations(relation_type::holds)) {
    if (m.target(h) != post || !orgraph_reference::in_force(m, h, on))
      continue;
    const auto rel = m[h];
    const int rank = orgraph_reference::rank_of(orgraph_reference::is_temporary(rel.arrangement));
    if (rank > best_rank) {
      best = h;
      best_rank = rank;
    }
  }
  return best;
}

/// Every holding of the highest rank in force into the post, in the order added (a job share gives several).
inline std::vector<relation_id> effective_holdings(const model& m, vertex post, date on) {
  std::vector<relation_id> out;
  const auto best = orgraph_reference::effective_holding(m, post, on);
  if (!best)
    return out;
  const bool temporary = orgraph_reference::is_temporary(m[*best].arrangement);
  for (relation_id h : m.relations(relation_type::holds))
    if (m.target(h) == post && orgraph_reference::in_force(m, h, on) &&
        orgraph_reference::is_temporary(m[h].arrangement) == temporary)
      out.push_back(h);
  return out;
}

inline std::optional<vertex> post_holder(const model& m, vertex post, date on) {
  if (const auto h = orgraph_reference::effective_holding(m, post, on))
    return m[*h].from;
  return std::nullopt;
}

/// The person a candidate source stands for: itself, or its post's holder.
inline std::optional<vertex> person_of(const model& m, vertex source, date on) {
  if (m[source].kind == node_kind::person)
    return source;
  return orgraph_reference::post_holder(m, source, on);
}

/// An answer and how it was reached: `named` when the winning relation points at x itself.
struct resolution {
  std::optional<manager_answer> answer;
  bool named = false;
};

/// Rules 3 to 5 for one relation type.
inline resolution resolve(const model& m, vertex x, relation_type type, date on) {
  resolution out;
  const auto candidates = orgraph_reference::best_candidates(m, x, type, on);
  if (candidates.empty())
    return out;
  const candidate& first = candidates.front();
  manager_answer a;
  a.relation = type;
  a.arrangement = first.arr;
  const auto first_person = orgraph_reference::person_of(m, first.source, on);
  for (const auto& c : candidates)
    if (c.source != first.source && (!first_person || orgraph_reference::person_of(m, c.source, on) != first_person))
      a.ambiguous = true;
  out.named = !first.through_post;

  vertex source = first.source;
  for (;;) {
    if (m[source].kind == node_kind::person) {
      a.manager = source;
      break;
    }
    if (const auto holder = orgraph_reference::post_holder(m, source, on)) {
      a.manager = holder;
      a.post = source;
      break;
    }
    a.vacant_posts.push_back(source);
    const auto above = orgraph_reference::best_candidates(m, source, relation_type::manages, on);
    if (above.empty() || orgraph_reference::contains(a.vacant_posts, above.front().source))
      break;
    source = above.front().source;
  }
  out.answer = std::move(a);
  return out;
}

inline std::optional<manager_answer> line_manager(const model& m, vertex x, date on) {
  return orgraph_reference::resolve(m, x, relation_type::manages, on).answer;
}

inline std::optional<manager_answer> supervisor(const model& m, vertex x, date on) {
  if (auto s = orgraph_reference::resolve(m, x, relation_type::supervises, on).answer)
    return s;
  return orgraph_reference::line_manager(m, x, on);
}

/// Every dotted_line_manages in force into x, then into the posts x holds (in holding order).
inline std::vector<manager_answer> dotted_line_managers(const model& m, vertex x, date on) {
  std::vector<manager_answer> out;
  for (const auto& c : orgraph_reference::all_candidates(m, x, relation_type::dotted_line_manages, on)) {
    manager_answer a;
    a.relation = relation_type::dotted_line_manages;
    a.arrangement = m[c.relation].arrangement;
    if (m[c.source].kind == node_kind::person) {
      a.manager = c.source;
    } else {
      a.post = c.source;
      a.manager = orgraph_reference::post_holder(m, c.source, on);
      if (!a.manager)
        a.vacant_posts.push_back(c.source);
    }
    out.push_back(std::move(a));
  }
  return out;
}

/// Whether the answer makes `node` the manager: the person, or (for a post) the post managed through
/// or the first vacant post passed.
inline bool answer_names(const model& m, vertex node, const manager_answer& a) {
  if (m[node].kind == node_kind::person)
    return a.manager == node;
  if (m[node].kind == node_kind::post)
    return a.post == node || (!a.vacant_posts.empty() && a.vacant_posts.front() == node);
  return false;
}

inline bool is_line_manager_of(const model& m, vertex manager_node, vertex x, date on) {
  const auto a = orgraph_reference::line_manager(m, x, on);
  return a && orgraph_reference::answer_names(m, manager_node, *a);
}

inline std::vector<vertex> direct_reports(const model& m, vertex x, date on) {
  std::vector<vertex> out;
  for (vertex t = 0; t < m.node_count(); ++t) {
    if (t == x)
      continue;
    const auto r = orgraph_reference::resolve(m, t, relation_type::manages, on);
    if (r.answer && r.named && orgraph_reference::answer_names(m, x, *r.answer))
      out.push_back(t);
  }
  return out;
}

inline std::size_t span_of_control(const model& m, vertex x, date on) {
  return orgraph_reference::direct_reports(m, x, on).size();
}

/// Breadth-first by levels: level 1 are those whose answer passes through x (as the manager, or for a
/// post as the post managed through or any vacant post passed), then those managed by a person of the
/// previous level; each level in vertex order, each node once; the named ones are listed.
inline std::vector<vertex> all_reports(const model& m, vertex x, date on) {
  std::vector<resolution> answers;
  for (vertex t = 0; t < m.node_count(); ++t)
    answers.push_back(orgraph_reference::resolve(m, t, relation_type::manages, on));
  std::vector<bool> seen(m.node_count(), false);
  seen[x] = true;
  std::vector<vertex> level;
  for (vertex t = 0; t < m.node_count(); ++t) {
    const auto& a = answers[t].answer;
    if (t == x || !a)
      continue;
    const bool passes = m[x].kind == node_kind::person
                            ? a->manager == x
                            : a->post == x || orgraph_reference::contains(a->vacant_posts, x);
    if (passes) {
      level.push_back(t);
      seen[t] = true;
    }
  }
  std::vector<vertex> out;
  while (!level.empty()) {
    for (vertex t : level)
      if (answers[t].named)
        out.push_back(t);
    std::vector<vertex> next;
    for (vertex t = 0; t < m.node_count(); ++t) {
      const auto& a = answers[t].answer;
      if (!seen[t] && a && a->manager && orgraph_reference::contains(level, *a->manager)) {
        next.push_back(t);
        seen[t] = true;
      }
    }
    level = std::move(next);
  }
  return out;
}

/// x's line manager, theirs, ...: stops before repeating a person; a step without a manager ends it.
inline std::vector<manager_answer> management_chain(const model& m, vertex x, date on) {
  std::vector<manager_answer> chain;
  std::vector<vertex> seen{x};
  vertex current = x;
  for (;;) {
    auto step = orgraph_reference::line_manager(m, current, on);
    if (!step)
      break;
    if (!step->manager) {
      chain.push_back(std::move(*step));
      break;
    }
    const vertex next = *step->manager;
    if (orgraph_reference::contains(seen, next))
      break;
    seen.push_back(next);
    chain.push_back(std::move(*step));
    current = next;
  }
  return chain;
}

inline std::optional<vertex> lowest_common_manager(const model& m, vertex a, vertex b, date on) {
  const auto line_of = [&](vertex x) {
    std::vector<vertex> line{x};
    for (const auto& step : orgraph_reference::management_chain(m, x, on))
      if (step.manager)
        line.push_back(*step.manager);
    return line;
  };
  const auto above_a = line_of(a);
  for (vertex v : line_of(b))
    if (orgraph_reference::contains(above_a, v))
      return v;
  return std::nullopt;
}

} // namespace orgraph_reference
