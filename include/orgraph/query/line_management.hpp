#pragma once
/// @file
/// @brief Who manages whom on a date: line manager, management chain, reports, supervision.
///
/// The rules are in docs/concepts.md ("Line management"). Every function answers from a snapshot; the
/// forms that take a model and a date make one for the date. Each effective line manager is resolved
/// once by one rule, so the chain and the reports always agree.

#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/snapshot/snapshot.hpp>

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
    return a.manager == b.manager && a.post == b.post && a.arrangement == b.arrangement && a.relation == b.relation &&
           a.vacant_posts == b.vacant_posts && a.ambiguous == b.ambiguous;
  }
  /** @brief Not equal. */
  friend bool operator!=(const manager_answer& a, const manager_answer& b) { return !(a == b); }
};

/**
 * @brief Who holds a post on a date, on what footing, and whether they are seconded out of it.
 */
struct post_holding {
  vertex person = no_vertex;                                   ///< the holder
  relation_id relation;                                        ///< the `holds` relation that makes them so
  orgraph::arrangement arrangement = arrangement::substantive; ///< the holding's footing
  /// A post the holder holds on an acting, interim or secondment footing while holding this one
  /// substantively: they are seconded out of this post into that one. `no_vertex` otherwise.
  vertex seconded_to = no_vertex;

  /** @brief Whether the holder is away in another post. */
  [[nodiscard]] bool seconded_out() const noexcept { return seconded_to != no_vertex; }

  /** @brief Equal when every field is. */
  friend bool operator==(const post_holding& a, const post_holding& b) {
    return a.person == b.person && a.relation == b.relation && a.arrangement == b.arrangement &&
           a.seconded_to == b.seconded_to;
  }
};

// ---- on a snapshot ----------------------------------------------------------------------------

/**
 * @brief The effective line manager of a person or post on the snapshot's date.
 *
 * Empty when no `manages` relation is in force; otherwise the answer names the manager (or the vacant
 * posts that leave nobody), the post they manage through and the arrangement that won.
 * @code
 * orgraph::snapshot s(m, orgraph::date::from_ymd(2009, 11, 2));
 * if (auto a = orgraph::line_manager(s, m.at("practitioner-a")); a && a->manager) std::cout << m[*a->manager].name;
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::optional<manager_answer> line_manager(const snapshot& s, vertex x);

/**
 * @brief Who gives `x` professional supervision: a `supervises` relation in force (resolved as line
 * management is), else the line manager. The answer's `relation` says which.
 */
[[nodiscard]] ORGRAPH_EXPORT std::optional<manager_answer> supervisor(const snapshot& s, vertex x);

/**
 * @brief Every dotted-line (matrix) manager of `x`: the `dotted_line_manages` relations in force into it
 * and into the posts it holds, each resolved to a person (a vacant post is listed as such).
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<manager_answer> dotted_line_managers(const snapshot& s, vertex x);

/**
 * @brief The management chain above `x`: its line manager, theirs, and so on, nearest first.
 *
 * A step whose `manager` is empty is a vacant post at the top. The chain stops before it would repeat
 * a person, so a management cycle (which validate() reports) cannot make it endless.
 * @code
 * for (const auto& step : orgraph::management_chain(s, m.at("practitioner-a"))) ...
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<manager_answer> management_chain(const snapshot& s, vertex x);

/**
 * @brief The reports whose line manager is `x` (a person), or who are managed through `x` (a post,
 * including those whose first vacant post passed is `x`), in the order of the model's vertices.
 *
 * A report is the node a winning `manages` relation names: a person managed directly, or a post; a
 * person managed through a post they hold is represented by the post (post_holder() names them).
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<vertex> direct_reports(const snapshot& s, vertex x);

/** @brief The number of direct reports of `x`. */
[[nodiscard]] ORGRAPH_EXPORT std::size_t span_of_control(const snapshot& s, vertex x);

/**
 * @brief Everyone below `x`: every report whose management chain passes through `x` (as a person, or
 * for a post, as the post managed through or a vacant post passed), breadth-first, level by level,
 * each level in the order of the model's vertices.
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<vertex> all_reports(const snapshot& s, vertex x);

/**
 * @brief The nearest person who manages both `a` and `b`, directly or through the chain; either of
 * them counts if they manage the other.
 */
[[nodiscard]] ORGRAPH_EXPORT std::optional<vertex> lowest_common_manager(const snapshot& s, vertex a, vertex b);

/**
 * @brief Whether `manager_node` is the effective line manager of `x`: for a person, the manager person;
 * for a post, the post managed through (or the vacant post whose relation won).
 */
[[nodiscard]] ORGRAPH_EXPORT bool is_line_manager_of(const snapshot& s, vertex manager_node, vertex x);

/**
 * @brief The person holding `post` on the date, if any; an acting, interim or seconded holder first.
 * @code
 * if (auto who = orgraph::post_holder(s, m.at("post-tascc-manager-harlow"))) std::cout << m[*who].name;
 * @endcode
 */
[[nodiscard]] inline std::optional<vertex> post_holder(const snapshot& s, vertex post) {
  const vertex h = s.holder(post);
  return h == no_vertex ? std::nullopt : std::optional<vertex>(h);
}

/** @brief Who holds `post`, on what footing, and whether they are seconded out of it; empty if vacant. */
[[nodiscard]] ORGRAPH_EXPORT std::optional<post_holding> holding(const snapshot& s, vertex post);

/**
 * @brief Everyone who holds `post` on the date: each `holds` relation in force of the best footing
 * (an acting, interim or seconded holder displaces the substantive ones), in the order added. A job
 * share (one post, two substantive holders) gives both; the first is holding()'s, and the holder line
 * management answers with. Empty if the post is vacant or does not exist on the date.
 * @code
 * for (const auto& h : orgraph::holders(s, m.at("00000609"))) std::cout << m[h.person].name << '\n';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<post_holding> holders(const snapshot& s, vertex post);

// ---- on a model and a date --------------------------------------------------------------------

/** @brief holders() as on `on`. */
[[nodiscard]] inline std::vector<post_holding> holders(const model& m, vertex post, date on = date::today()) {
  return holders(snapshot(m, on), post);
}

/**
 * @brief line_manager() as on `on`.
 * @code
 * auto a = orgraph::line_manager(m, m.at("p-practitioner"), orgraph::date::from_ymd(2009, 11, 1));
 * @endcode
 */
[[nodiscard]] inline std::optional<manager_answer> line_manager(const model& m, vertex x, date on = date::today()) {
  return line_manager(snapshot(m, on), x);
}
/** @brief supervisor() as on `on`. */
[[nodiscard]] inline std::optional<manager_answer> supervisor(const model& m, vertex x, date on = date::today()) {
  return supervisor(snapshot(m, on), x);
}
/** @brief dotted_line_managers() as on `on`. */
[[nodiscard]] inline std::vector<manager_answer> dotted_line_managers(const model& m, vertex x,
                                                                      date on = date::today()) {
  return dotted_line_managers(snapshot(m, on), x);
}
/** @brief management_chain() as on `on`. */
[[nodiscard]] inline std::vector<manager_answer> management_chain(const model& m, vertex x, date on = date::today()) {
  return management_chain(snapshot(m, on), x);
}
/** @brief direct_reports() as on `on`. */
[[nodiscard]] inline std::vector<vertex> direct_reports(const model& m, vertex x, date on = date::today()) {
  return direct_reports(snapshot(m, on), x);
}
/** @brief span_of_control() as on `on`. */
[[nodiscard]] inline std::size_t span_of_control(const model& m, vertex x, date on = date::today()) {
  return span_of_control(snapshot(m, on), x);
}
/** @brief all_reports() as on `on`. */
[[nodiscard]] inline std::vector<vertex> all_reports(const model& m, vertex x, date on = date::today()) {
  return all_reports(snapshot(m, on), x);
}
/** @brief lowest_common_manager() as on `on`. */
[[nodiscard]] inline std::optional<vertex> lowest_common_manager(const model& m, vertex a, vertex b,
                                                                 date on = date::today()) {
  return lowest_common_manager(snapshot(m, on), a, b);
}
/** @brief is_line_manager_of() as on `on`. */
[[nodiscard]] inline bool is_line_manager_of(const model& m, vertex manager_node, vertex x, date on = date::today()) {
  return is_line_manager_of(snapshot(m, on), manager_node, x);
}
/** @brief post_holder() as on `on`. */
[[nodiscard]] inline std::optional<vertex> post_holder(const model& m, vertex post, date on = date::today()) {
  return post_holder(snapshot(m, on), post);
}
/** @brief holding() as on `on`. */
[[nodiscard]] inline std::optional<post_holding> holding(const model& m, vertex post, date on = date::today()) {
  return holding(snapshot(m, on), post);
}

} // namespace orgraph
