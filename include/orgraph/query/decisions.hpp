#pragma once
/// @file
/// @brief The route a matter takes from recommendation to decision, what bodies decided in a
/// period, and which bodies took no real decision at all.
///
/// The rules (docs/governance.md has them in full):
/// - Only `approved` and `decided` are real decisions; `rejected` ends a route too.
/// - Two decisions are on the same route when one `follows` the other, or when one is a
///   recommendation that nothing follows and the other is the first decision its recipient (`to`)
///   took on the same subject on or after the recommendation's date. The second link lets four
///   groups' recommendations meet in the one decision that acts on all of them.

#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/snapshot/snapshot.hpp>

#include <optional>
#include <vector>

namespace orgraph {

/**
 * @brief Whether an outcome is a real decision (`approved` or `decided`), as opposed to
 * recommending, noting, deferring or rejecting.
 * @code
 * static_assert(orgraph::is_real_decision(orgraph::outcome::approved));
 * @endcode
 */
[[nodiscard]] constexpr bool is_real_decision(outcome o) noexcept {
  return o == outcome::approved || o == outcome::decided;
}

/** @brief The route of a matter: its decisions in order and how it ended. */
struct matter_route {
  /// Every decision on the route, oldest first (by date, then in the order added).
  std::vector<decision_index> steps;
  /// The last step when it is approved, decided or rejected: the final decision.
  std::optional<decision_index> final_decision;
  /// The route ends with a recommendation or a deferral: the matter awaits a decision.
  bool open = false;
  /// When open: the body the matter awaits (the last recommendation's `to`, or the deferring body),
  /// as the body in force on the date asked about.
  vertex awaiting = no_vertex;

  /** @brief Equal when every field is. */
  friend bool operator==(const matter_route& x, const matter_route& y) {
    return x.steps == y.steps && x.final_decision == y.final_decision && x.open == y.open && x.awaiting == y.awaiting;
  }
};

/**
 * @brief The whole route `d` lies on, from the first recommendation to the final decision.
 *
 * Links are followed backwards and forwards, so asking about any decision of the route gives the
 * same answer. A route whose last step is `noted` is neither open nor decided. An open route awaits
 * the body in force on `on`: a recommendation made to a body since renamed awaits its successor.
 * @code
 * auto r = orgraph::decision_route(m, *m.find_decision("d-cabinet-2009-12-08"));
 * for (auto i : r.steps) std::cout << m.decisions()[i].date.to_string() << ' ' << m[m.decisions()[i].organization].name
 * << '\n'; if (r.open) std::cout << "awaiting " << m[r.awaiting].name << '\n';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT matter_route decision_route(const snapshot& s, decision_index d);
/** @brief decision_route() as on `on`. */
[[nodiscard]] inline matter_route decision_route(const model& m, decision_index d, date on = date::today()) {
  return decision_route(snapshot(m, on), d);
}

/**
 * @brief The decisions `body` took from `from` to `to` (both included), by date then in the order added.
 * @code
 * auto ds = orgraph::decisions_by(m, board, orgraph::date::from_ymd(2009, 1, 1), orgraph::date::from_ymd(2009, 12,
 * 31));
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<decision_index> decisions_by(const model& m, vertex body, date from, date to);

/** @brief A body that was active in a period without taking a real decision, and what it did instead. */
struct body_without_decisions {
  vertex body = no_vertex;               ///< a body that recorded something in the period, but no real decision
  std::vector<decision_index> decisions; ///< everything it recorded in the period, oldest first

  /** @brief Equal when every field is. */
  friend bool operator==(const body_without_decisions& x, const body_without_decisions& y) {
    return x.body == y.body && x.decisions == y.decisions;
  }
};

/**
 * @brief The bodies that recorded something from `from` to `to` but no real decision (no
 * `approved` or `decided`): the 2011 review's "no real decisions had been taken by the Board".
 *
 * A body with no record at all in the period is not listed: an absence of records is no evidence.
 * Bodies come in the order added.
 * @code
 * for (const auto& b : orgraph::bodies_without_decisions(m, from, to)) std::cout << m[b.body].name << '\n';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<body_without_decisions> bodies_without_decisions(const model& m, date from,
                                                                                          date to);

} // namespace orgraph
