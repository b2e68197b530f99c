#pragma once
/// @file
/// @brief What changed between two models (a proposal against the current structure) or between
/// two dates of one model: bodies, memberships, line managers and influence between chosen pairs.
///
/// Everything is matched and reported by id, since the vertices of two models need not agree.

#include <orgraph/analysis/influence.hpp>
#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace orgraph {

/** @brief A (from, to) pair of ids whose influence is compared: a person or body, and a body. */
struct influence_pair {
  std::string from; ///< the person or body raising matters
  std::string to;   ///< the body they are raised at
};

/**
 * @brief A seat as compare() tells seats apart: what members() says of it, by ids and text, so that
 * the seats of two models can be compared. Two seats differ when any field does.
 */
struct seat_summary {
  std::string post;         ///< the post's id; empty for a direct membership
  std::string role;         ///< the seat's role
  std::string on_behalf_of; ///< the id of the body the member represents (an MP's party); empty if none
  std::string area;         ///< the id of the area the member sits for; empty if none

  /** @name Comparison */
  ///@{
  /** @brief Equal when every field is. */
  friend bool operator==(const seat_summary& x, const seat_summary& y) {
    return x.post == y.post && x.role == y.role && x.on_behalf_of == y.on_behalf_of && x.area == y.area;
  }
  friend bool operator!=(const seat_summary& x, const seat_summary& y) { return !(x == y); }
  /** @brief By post, role, on_behalf_of, then area: the order compare() lists a person's seats in. */
  friend bool operator<(const seat_summary& x, const seat_summary& y) {
    if (x.post != y.post)
      return x.post < y.post;
    if (x.role != y.role)
      return x.role < y.role;
    return x.on_behalf_of != y.on_behalf_of ? x.on_behalf_of < y.on_behalf_of : x.area < y.area;
  }
  ///@}
};

/**
 * @brief A person whose seats on a body changed: who joined it (no seats before), left it (none
 * after), or sits on it on both sides with other seats (a change of party, role, post or area).
 */
struct membership_change {
  std::string body;                 ///< the body whose membership changed
  std::string person;               ///< who joined it, left it or sits on it differently
  std::vector<seat_summary> before; ///< the person's seats on side "before", sorted; empty if they joined
  std::vector<seat_summary> after;  ///< the person's seats on side "after", sorted; empty if they left

  /** @brief Equal when every field is. */
  friend bool operator==(const membership_change& x, const membership_change& y) {
    return x.body == y.body && x.person == y.person && x.before == y.before && x.after == y.after;
  }
};

/** @brief A body's membership size before and after; empty where the body is not in force. */
struct size_change {
  std::string body;                  ///< the body counted
  std::optional<std::size_t> before; ///< how many sat on it on side "before"; empty if not in force there
  std::optional<std::size_t> after;  ///< how many sit on it on side "after"; empty if not in force there

  /** @brief Whether the size (or the body's presence) differs. */
  [[nodiscard]] bool changed() const noexcept { return before != after; }

  /** @brief Equal when every field is. */
  friend bool operator==(const size_change& x, const size_change& y) {
    return x.body == y.body && x.before == y.before && x.after == y.after;
  }
};

/** @brief A person whose effective line manager differs; empty where they have none. */
struct manager_change {
  std::string person;                ///< the person whose line manager changed
  std::optional<std::string> before; ///< the manager's id on side "before"
  std::optional<std::string> after;  ///< the manager's id on side "after"

  /** @brief Equal when every field is. */
  friend bool operator==(const manager_change& x, const manager_change& y) {
    return x.person == y.person && x.before == y.before && x.after == y.after;
  }
};

/** @brief Influence from one node to a body on one side of a comparison. */
struct influence_measure {
  bool found = false;                                ///< both ids name nodes on this side
  std::optional<double> distance;                    ///< the shortest distance; empty when there is no path
  std::optional<std::size_t> hops;                   ///< the steps of that shortest path
  std::size_t channels = 0;                          ///< independent_channels().count()
  std::vector<std::string> single_points_of_failure; ///< ids, as single_points_of_failure() orders them

  /** @brief Equal when every field is. */
  friend bool operator==(const influence_measure& x, const influence_measure& y) {
    return x.found == y.found && x.distance == y.distance && x.hops == y.hops && x.channels == y.channels &&
           x.single_points_of_failure == y.single_points_of_failure;
  }
};

/** @brief A pair's influence before and after. */
struct pair_change {
  std::string from;         ///< the person or body raising matters, as the pair asked
  std::string to;           ///< the body they are raised at
  influence_measure before; ///< the influence on side "before"
  influence_measure after;  ///< the influence on side "after"
};

/** @brief What changed, side "before" (model a, or the first date) to side "after". */
struct comparison {
  std::vector<std::string> bodies_added;          ///< in force after, not before; in the order added
  std::vector<std::string> bodies_removed;        ///< in force before, not after; in the order added
  std::vector<membership_change> members_added;   ///< per body (before's bodies first), in members() order
  std::vector<membership_change> members_removed; ///< as members_added, for those who left
  /// Persons who sit on a body on both sides, but with seats that differ in post, role, on_behalf_of or
  /// area: a party switch, a new role, a move to another post. Per body, in members() order of "after".
  std::vector<membership_change> members_changed;
  std::vector<size_change> sizes;               ///< every body in force on either side, before's first
  std::vector<manager_change> managers_changed; ///< persons on both sides, in before's order
  std::vector<pair_change> pairs;               ///< one per pair asked about, in that order
};

/**
 * @brief Compare two models on one date: a proposal (`after`) against the current structure
 * (`before`). Bodies count when in force on the date; persons' memberships as members() gives them,
 * a person's seats on a body compared as sets of seat_summary (vacant seats are not compared).
 * Throws model_error if a pair names the wrong kind of node on a side where both ids exist.
 * @code
 * auto c = orgraph::compare(current, proposal, on, {{"org-dcp-harlow", "org-essex"}});
 * for (const auto& p : c.pairs) std::cout << p.before.channels << " -> " << p.after.channels << '\n';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT comparison compare(const snapshot& before, const snapshot& after,
                                                const std::vector<influence_pair>& pairs = {},
                                                const influence_options& options = {});

/**
 * @brief Compare two models on one date: a proposal (`after`) against the current structure (`before`).
 * @code
 * auto c = orgraph::compare(current, proposal, on, {{"org-dcp-harlow", "org-essex"}});
 * @endcode
 */
[[nodiscard]] inline comparison compare(const model& before, const model& after, date on,
                                        const std::vector<influence_pair>& pairs = {},
                                        const influence_options& options = {}) {
  return compare(snapshot(before, on), snapshot(after, on), pairs, options);
}

/**
 * @brief Compare one model on two dates.
 * @code
 * auto c = orgraph::compare(m, orgraph::date::from_ymd(2011, 1, 31), orgraph::date::from_ymd(2011, 5, 1));
 * @endcode
 */
[[nodiscard]] inline comparison compare(const model& m, date before, date after,
                                        const std::vector<influence_pair>& pairs = {},
                                        const influence_options& options = {}) {
  return compare(snapshot(m, before), snapshot(m, after), pairs, options);
}

} // namespace orgraph
