#pragma once
/// @file
/// @brief statistics(): what a model holds, and its line management and bodies on a date: the counts
/// and extremes `orgraph stats` prints.

#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/snapshot/snapshot.hpp>
#include <orgraph/time/date.hpp>

#include <array>
#include <cstddef>
#include <optional>

namespace orgraph {

/** @brief The earliest and the latest day a model names. */
struct date_span {
  date earliest; ///< the first day named
  date latest;   ///< the last day named

  /** @brief Equal when both ends are. */
  friend bool operator==(const date_span& a, const date_span& b) {
    return a.earliest == b.earliest && a.latest == b.latest;
  }
};

/**
 * @brief The earliest and latest day named anywhere in `m`: the start and end of every relation, every
 * node's lifetime and every decision's date; empty when the model names no date at all.
 * @code
 * if (auto span = orgraph::dates_named(m)) std::cout << span->earliest.to_string() << " to " <<
 * span->latest.to_string();
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::optional<date_span> dates_named(const model& m);

/**
 * @brief The last day any relation of `m` is in force by its own dates: date::max() when one has no
 * end, empty when `m` has no relations. Before the day after it, the model has nothing in force.
 * @code
 * if (auto last = orgraph::last_day_in_force(m); last && *last < orgraph::date::today()) std::cout << "history\n";
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::optional<date> last_day_in_force(const model& m);

/**
 * @brief What a model holds, and its line management and bodies on a date.
 *
 * Line management counts persons and vacant posts only: a post someone holds answers as its holder
 * does. A level of a chain is a manager or a vacant post passed on the way up. On a tie the node
 * added first wins.
 */
struct model_statistics {
  std::array<std::size_t, 4> nodes_of_kind{}; ///< nodes of each node_kind, by its value
  /// Relations and memberships of each relation_type, by its value, in force or not.
  std::array<std::size_t, detail::relation_type_count> relations_of_type{};
  std::optional<date_span> dates; ///< dates_named()

  vertex deepest = no_vertex;           ///< the person or vacant post with the most levels above it
  std::size_t deepest_managers = 0;     ///< the managers (persons) above it
  std::size_t deepest_vacant_posts = 0; ///< the vacant posts passed on the way up
  vertex widest = no_vertex;            ///< the person or vacant post with the most direct reports
  std::size_t widest_span = 0;          ///< its direct reports
  vertex largest_body = no_vertex;      ///< the body in force with the most distinct persons on it
  std::size_t largest_body_size = 0;    ///< those persons
  std::size_t roots = 0;                ///< persons and vacant posts with no line manager who have direct reports

  /** @brief The levels above the deepest: managers and vacant posts. */
  [[nodiscard]] std::size_t deepest_levels() const noexcept { return deepest_managers + deepest_vacant_posts; }
  /** @brief How many nodes of a kind. */
  [[nodiscard]] std::size_t nodes(node_kind k) const noexcept { return nodes_of_kind[static_cast<std::size_t>(k)]; }
  /** @brief How many relations of a type. */
  [[nodiscard]] std::size_t relations(relation_type t) const noexcept {
    return relations_of_type[static_cast<std::size_t>(t)];
  }
};

/**
 * @brief The statistics of the snapshot's model on its date. Resolves line management for every node
 * and the seats of every body (the snapshot keeps both), so a million-person model takes seconds.
 * @code
 * const auto s = orgraph::statistics(orgraph::snapshot(m, orgraph::date::from_ymd(2009, 11, 2)));
 * std::cout << s.roots << " roots, the deepest " << s.deepest_levels() << " levels down\n";
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT model_statistics statistics(const snapshot& s);

} // namespace orgraph
