#pragma once
/// @file
/// @brief Who manages whom on a date: line manager, management chain, reports, supervision.
///
/// The rules (docs/concepts.md has them in full):
/// - A person's managers are the `manages` relations in force into the person and into every post
///   the person holds on that date.
/// - An acting, interim or secondment arrangement in force overrides the substantive one; for a
///   manager reached through a post, the holding's arrangement counts too, so a seconded person is
///   managed in their secondment post. Two different managers of the same rank are ambiguous: the
///   query answers with the first one added and validate() reports `ambiguous_manager`.
/// - A manager that is a post is answered by its holder on that date (again temporary holders
///   first). A vacant post is reported as vacant and the answer escalates to the post's own manager.

#include <orgraph/model/model.hpp>

#include <algorithm>
#include <optional>
#include <vector>

namespace orgraph {

/**
 * @brief The answer to "who manages x on this date".
 */
struct manager_answer {
  /// The person who manages; empty when every post up the line is vacant.
  std::optional<vertex> manager;
  /// The post through which they manage (`no_vertex` when the relation starts at the person).
  vertex post = no_vertex;
  /// The arrangement that made this manager win (acting, interim and secondment override substantive).
  orgraph::arrangement arrangement = arrangement::substantive;
  /// The relation followed: `manages`, `supervises` or `dotted_line_manages`.
  relation_type relation = relation_type::manages;
  /// Vacant posts passed over on the way up, nearest first.
  std::vector<vertex> vacant_posts;
  /// Another manager of the same rank was in force too (validate() reports it).
  bool ambiguous = false;

  /** @brief Equal when every field is. */
  friend bool operator==(const manager_answer& a, const manager_answer& b) {
    return a.manager == b.manager && a.post == b.post && a.arrangement == b.arrangement &&
           a.relation == b.relation && a.vacant_posts == b.vacant_posts && a.ambiguous == b.ambiguous;
  }
};

namespace detail {

struct manager_candidate {
  vertex source;
  int rank;
  orgraph::arrangement arrangement;
};

template <class F>
void for_each_in_force(const model& m, vertex target, relation_type type, date on, F&& f) {
  for (relation_id id : m.in_relations(target, type))
    if (m.in_period(id, on))
      f(m.source(id), m[id]);
}

template <class F>
void for_each_out_in_force(const model& m, vertex from, relation_type type, date on, F&& f) {
  for (relation_id id : m.out_relations(from, type))
    if (m.in_period(id, on))
      f(m.target(id), m[id]);
}

/// The posts a person holds on a date, with the rank of each holding.
template <class F>
void for_each_post_held(const model& m, vertex person, date on, F&& f) {
  for_each_out_in_force(m, person, relation_type::holds, on, [&](vertex post, const relation_view& r) { f(post, r); });
}

/// The candidates of the highest rank for x's manager of the given relation type.
inline std::vector<manager_candidate> best_candidates(const model& m, vertex x, relation_type type, date on) {
  std::vector<manager_candidate> all;
  // A candidate's arrangement is the one that gives it its rank: the relation's, or the holding's when
  // the person holds the managed post on a temporary footing (a seconded person is managed as seconded).
  const auto add_from = [&](vertex target, orgraph::arrangement holding) {
    for_each_in_force(m, target, type, on, [&](vertex s, const relation_view& r) {
      const orgraph::arrangement a = precedence(holding) > precedence(r.arrangement) ? holding : r.arrangement;
      all.push_back({s, precedence(a), a});
    });
  };
  add_from(x, arrangement::substantive);
  if (m[x].kind == node_kind::person)
    for_each_post_held(m, x, on, [&](vertex post, const relation_view& h) { add_from(post, h.arrangement); });
  if (all.empty())
    return all;
  int best = 0;
  for (const auto& c : all)
    best = std::max(best, c.rank);
  all.erase(std::remove_if(all.begin(), all.end(), [&](const manager_candidate& c) { return c.rank != best; }),
            all.end());
  return all;
}

} // namespace detail

/**
 * @brief The person holding `post` on `on`, if any; an acting, interim or seconded holder first.
 *
 * @code
 * if (auto who = orgraph::post_holder(m, m.at("post-tascc-harlow"), on)) std::cout << m[*who].name;
 * @endcode
 */
[[nodiscard]] inline std::optional<vertex> post_holder(const model& m, vertex post, date on) {
  std::optional<vertex> best;
  int best_rank = -1;
  detail::for_each_in_force(m, post, relation_type::holds, on, [&](vertex person, const relation_view& r) {
    if (precedence(r.arrangement) > best_rank) {
      best = person;
      best_rank = precedence(r.arrangement);
    }
  });
  return best;
}

namespace detail {

/// Resolve the winning manager relation of `type` into x to a person, escalating past vacant posts.
inline std::optional<manager_answer> resolve_manager(const model& m, vertex x, relation_type type, date on) {
  auto candidates = best_candidates(m, x, type, on);
  if (candidates.empty())
    return std::nullopt;
  manager_answer answer;
  answer.relation = type;
  answer.arrangement = candidates.front().arrangement;

  // The person a candidate source stands for: itself, or the holder of a post.
  const auto person_of = [&](vertex s) -> std::optional<vertex> {
    return m[s].kind == node_kind::person ? std::optional<vertex>(s) : post_holder(m, s, on);
  };
  // Two candidates are the same manager if they are the same node or resolve to the same person; two
  // different vacant posts resolve to nobody, which does not make them the same.
  const auto first = person_of(candidates.front().source);
  for (std::size_t i = 1; i < candidates.size() && !answer.ambiguous; ++i)
    answer.ambiguous = candidates[i].source != candidates.front().source &&
                       !(first && person_of(candidates[i].source) == first);

  // Escalate through vacant posts along `manages` (a post's own line manager), never looping.
  vertex source = candidates.front().source;
  for (std::size_t guard = 0; guard <= m.node_count(); ++guard) {
    if (m[source].kind == node_kind::person) {
      answer.manager = source;
      return answer;
    }
    if (auto holder = post_holder(m, source, on)) {
      answer.manager = holder;
      answer.post = source;
      return answer;
    }
    answer.vacant_posts.push_back(source);
    auto above = best_candidates(m, source, relation_type::manages, on);
    if (above.empty())
      return answer; // vacant all the way to the top
    source = above.front().source;
    if (std::find(answer.vacant_posts.begin(), answer.vacant_posts.end(), source) != answer.vacant_posts.end())
      return answer; // a cycle of vacant posts: validate() reports it
  }
  return answer;
}

} // namespace detail

/**
 * @brief The effective line manager of a person or post on a date.
 *
 * Empty when no `manages` relation is in force; otherwise the answer names the manager (or the
 * vacant posts that leave nobody), the post they manage through and the arrangement that won.
 * @code
 * auto a = orgraph::line_manager(m, m.at("p-practitioner"), orgraph::date::from_ymd(2009, 11, 1));
 * if (a && a->manager) std::cout << m[*a->manager].name << '\n';
 * @endcode
 */
[[nodiscard]] inline std::optional<manager_answer> line_manager(const model& m, vertex x, date on = date::today()) {
  return detail::resolve_manager(m, x, relation_type::manages, on);
}

/**
 * @brief Who gives `x` professional supervision: a `supervises` relation in force, else the line manager.
 *
 * The answer's `relation` says which it was.
 */
[[nodiscard]] inline std::optional<manager_answer> supervisor(const model& m, vertex x, date on = date::today()) {
  if (auto s = detail::resolve_manager(m, x, relation_type::supervises, on))
    return s;
  return line_manager(m, x, on);
}

/**
 * @brief Every dotted-line (matrix) manager of `x` in force on a date, each resolved to a person.
 */
[[nodiscard]] inline std::vector<manager_answer> dotted_line_managers(const model& m, vertex x,
                                                                       date on = date::today()) {
  std::vector<manager_answer> out;
  const auto add_from = [&](vertex target, int) {
    detail::for_each_in_force(m, target, relation_type::dotted_line_manages, on, [&](vertex s, const relation_view& r) {
      manager_answer a;
      a.relation = relation_type::dotted_line_manages;
      a.arrangement = r.arrangement;
      if (m[s].kind == node_kind::person) {
        a.manager = s;
      } else {
        a.post = s;
        a.manager = post_holder(m, s, on);
        if (!a.manager)
          a.vacant_posts.push_back(s);
      }
      out.push_back(std::move(a));
    });
  };
  add_from(x, 0);
  if (m[x].kind == node_kind::person)
    detail::for_each_post_held(m, x, on, [&](vertex post, const relation_view&) { add_from(post, 0); });
  return out;
}

/**
 * @brief The management chain above `x`: its line manager, theirs, and so on to the top, nearest first.
 *
 * A step whose `manager` is empty is a vacant post at the top. The chain stops before it would
 * repeat a person, so a management cycle (which validate() reports) cannot make it endless.
 * @code
 * for (const auto& step : orgraph::management_chain(m, m.at("p-1"), on)) ...
 * @endcode
 */
[[nodiscard]] inline std::vector<manager_answer> management_chain(const model& m, vertex x,
                                                                  date on = date::today()) {
  std::vector<manager_answer> chain;
  std::vector<vertex> seen{x};
  vertex current = x;
  while (auto step = line_manager(m, current, on)) {
    if (!step->manager) {
      chain.push_back(std::move(*step));
      break;
    }
    const vertex next = *step->manager;
    if (std::find(seen.begin(), seen.end(), next) != seen.end())
      break;
    seen.push_back(next);
    chain.push_back(std::move(*step));
    current = next;
  }
  return chain;
}

namespace detail {

/// Whether `manager_node` is the effective line manager in the answer `a` for some x.
inline bool manages_in(const model& m, vertex manager_node, const std::optional<manager_answer>& a) {
  if (!a)
    return false;
  if (m[manager_node].kind == node_kind::person)
    return a->manager == manager_node;
  return a->post == manager_node || (!a->vacant_posts.empty() && a->vacant_posts.front() == manager_node);
}

/// direct_reports with the line manager of each candidate given by `answer_of(t)`, so that a
/// snapshot can reuse answers it has computed once. Appends to `out`.
template <class AnswerOf, class HolderOf>
void collect_direct_reports(const model& m, vertex x, date on, AnswerOf&& answer_of, HolderOf&& holder_of,
                            std::vector<vertex>& out) {
  std::vector<vertex> sources{x};
  if (m[x].kind == node_kind::person)
    for_each_post_held(m, x, on, [&](vertex post, const relation_view&) { sources.push_back(post); });
  std::vector<vertex> candidates;
  // Breadth-first through vacant posts: their reports escalate to whoever manages the post.
  for (std::size_t i = 0; i < sources.size(); ++i)
    for_each_out_in_force(m, sources[i], relation_type::manages, on, [&](vertex t, const relation_view&) {
      if (std::find(candidates.begin(), candidates.end(), t) != candidates.end())
        return;
      candidates.push_back(t);
      if (m[t].kind == node_kind::post && !holder_of(t) && std::find(sources.begin(), sources.end(), t) == sources.end())
        sources.push_back(t);
    });
  for (vertex t : candidates)
    if (t != x && manages_in(m, x, answer_of(t)))
      out.push_back(t);
}

} // namespace detail

/**
 * @brief Whether `manager_node` is the effective line manager of `x`: for a person, the manager person;
 * for a post, the post managed through (or the vacant post whose relation won).
 */
[[nodiscard]] inline bool is_line_manager_of(const model& m, vertex manager_node, vertex x, date on = date::today()) {
  return detail::manages_in(m, manager_node, line_manager(m, x, on));
}

/**
 * @brief The nodes whose effective line manager is `x` on a date, in the order their relations were added.
 *
 * For a person, that includes those managed through the posts they hold and those under a vacant
 * post they manage (the vacancy escalates to them). Each report is the node the relation names: a
 * person, or a post (use post_holder() to name who holds it).
 */
[[nodiscard]] inline std::vector<vertex> direct_reports(const model& m, vertex x, date on = date::today()) {
  std::vector<vertex> reports;
  detail::collect_direct_reports(
      m, x, on, [&](vertex t) { return line_manager(m, t, on); }, [&](vertex p) { return post_holder(m, p, on); },
      reports);
  return reports;
}

/** @brief The number of direct reports of `x` on a date. */
[[nodiscard]] inline std::size_t span_of_control(const model& m, vertex x, date on = date::today()) {
  return direct_reports(m, x, on).size();
}

/**
 * @brief Everyone below `x` on a date: direct reports, theirs, and so on, breadth-first.
 *
 * A report that is a post held by someone continues through its holder's reports.
 */
[[nodiscard]] inline std::vector<vertex> all_reports(const model& m, vertex x, date on = date::today()) {
  std::vector<vertex> out;
  std::vector<bool> seen(m.node_count(), false);
  seen[x] = true;
  std::vector<vertex> frontier{x};
  while (!frontier.empty()) {
    std::vector<vertex> next;
    for (vertex v : frontier)
      for (vertex r : direct_reports(m, v, on)) {
        if (seen[r])
          continue;
        seen[r] = true;
        out.push_back(r);
        next.push_back(r);
        if (m[r].kind == node_kind::post)
          if (auto h = post_holder(m, r, on); h && !seen[*h]) {
            seen[*h] = true;
            next.push_back(*h); // the holder manages the post's reports; the post is what is listed
          }
      }
    frontier = std::move(next);
  }
  return out;
}

/**
 * @brief The nearest person who manages both `a` and `b`, directly or through the chain; either of
 * them counts if they manage the other.
 */
[[nodiscard]] inline std::optional<vertex> lowest_common_manager(const model& m, vertex a, vertex b,
                                                                 date on = date::today()) {
  const auto line_of = [&](vertex x) {
    std::vector<vertex> line{x};
    for (const auto& step : management_chain(m, x, on))
      if (step.manager)
        line.push_back(*step.manager);
    return line;
  };
  const auto above_a = line_of(a);
  for (vertex v : line_of(b))
    if (std::find(above_a.begin(), above_a.end(), v) != above_a.end())
      return v;
  return std::nullopt;
}

} // namespace orgraph
