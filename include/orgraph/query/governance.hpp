#pragma once
/// @file
/// @brief Governance on a date: who sits on which body, reporting lines between bodies, succession
/// (renamings), time-limited groups and which bodies cover which areas.
///
/// The rules (docs/governance.md has them in full):
/// - A body's members are the persons with a `member_of` relation in force to it, the holders of
///   posts that sit on it ex officio (`post member_of body`), and the holders of posts that belong
///   to it (the post's parent) or whose holding names it (`relation::organization`). Every
///   membership in force is a seat of its own, with its own role, post, on_behalf_of and area. A
///   post is answered by its holders on the date (an acting, interim or seconded holder displaces
///   the substantive ones; job-sharers each have a seat); a post nobody holds is a vacant seat.
/// - A body is *in force* on a date when its lifetime contains the date and no `replaced_by`
///   relation has taken effect by then. A replacement takes effect on the first day of the
///   `replaced_by` relation: on that day the successor answers.
/// - A relation that names a replaced body as its target (reports_to, covers' source, ...) is read
///   as naming the successor in force on the date; the answer says which body was replaced.

#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/snapshot/governance_types.hpp>
#include <orgraph/snapshot/snapshot.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph {

// ---------------------------------------------------------------------------------------------
// Membership

/**
 * @brief One seat on a body on a date: who fills it, in what role, for whom, for which area, and
 * through what. Each membership in force is a seat of its own.
 *
 * The same record answers members() (where `body` is the body asked about) and bodies_of() (where
 * `person` is the person asked about).
 */
struct membership {
  vertex body = no_vertex;         ///< the body sat on
  std::optional<vertex> person;    ///< who fills the seat; empty for a vacant post
  vertex post = no_vertex;         ///< the post the seat goes with, `no_vertex` for a direct membership
  std::string role;                ///< the relation's role, else the holding's role, else the post's label
  vertex on_behalf_of = no_vertex; ///< the body the member represents (an MP's party), if any
  /// The area the member sits for (Popolo `area_id`: a constituency, a ward): the relation's, else the
  /// holding's, else the post's; `no_vertex` if none.
  vertex area = no_vertex;
  membership_basis basis = membership_basis::direct; ///< directly, ex officio or through a post of the body
  /// The relation followed: `member_of` for direct and ex officio seats, `holds` for posts of the body.
  relation_type via = relation_type::member_of;
  /// That relation's edge; empty only for a vacant post of the body (there is no relation to follow).
  std::optional<model::edge> edge;
  /// A seat through a post: the `holds` relation that makes `person` its holder (for a seat on a post of
  /// the body, `edge` itself); empty for a direct seat and a vacant post.
  std::optional<model::edge> holding;
  /// The replaced body the relation names, when `body` is its successor on the date.
  vertex replaced = no_vertex;

  /** @brief Whether nobody fills the seat on the date. */
  [[nodiscard]] bool vacant() const noexcept { return !person.has_value(); }

  /** @brief Equal when every field is. */
  friend bool operator==(const membership& x, const membership& y) {
    return x.body == y.body && x.person == y.person && x.post == y.post && x.role == y.role &&
           x.on_behalf_of == y.on_behalf_of && x.area == y.area && x.basis == y.basis && x.via == y.via &&
           x.edge == y.edge && x.holding == y.holding && x.replaced == y.replaced;
  }
};

/**
 * @brief Whether a role names the chair: "chair", "chairman", "chairwoman", "chairperson" or
 * "chair person", in any case, alone or followed by more words ("Chair of the Board", "Chair, West
 * Essex"). "Vice-chair" and "Deputy Chair" are not the chair.
 * @code
 * assert(orgraph::is_chair_role("Chairperson") && !orgraph::is_chair_role("vice chair"));
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT bool is_chair_role(std::string_view role) noexcept;

/**
 * @brief Everyone who sits on `body` on a date: every membership in force, each a seat with its own
 * role, post, on-behalf-of and area, and the relation followed.
 *
 * Direct memberships come first in the order they were added, then seats that go with posts in the
 * order the posts were added (a post's ex officio memberships in the order added, each for every
 * holder of the post in the order their holdings were added). A person with two memberships in force
 * (two roles, a change of party on one day, a seat directly and one through a post) has two seats;
 * membership_size() counts persons. Vacant posts are listed with an empty `person`. Memberships still
 * recorded on a body that `body` has replaced by the date count as memberships of `body` (their
 * `replaced` says so).
 *
 * Seats that agree in person, post, role, on_behalf_of and area are one seat, listed once as first
 * found (the body's own name before the names it replaced): a record repeated in the data, two
 * consecutive terms that meet on the date, or a seat recorded on both the old and the new name of a
 * renamed body.
 * @code
 * for (const auto& s : orgraph::members(m, m.at("org-west-essex-ctb"), orgraph::date::from_ymd(2011, 1, 31)))
 *   std::cout << (s.person ? m[*s.person].name : "(vacant)") << ", " << s.role << '\n';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<membership> members(const snapshot& s, vertex body);
/** @brief members() as on `on`. */
[[nodiscard]] inline std::vector<membership> members(const model& m, vertex body, date on = date::today()) {
  return members(snapshot(m, on), body);
}

/**
 * @brief The seats of members() that are for `area` or for an area within it (its sub-areas, theirs,
 * and so on): who sat for a constituency, or for any ward of a district, on the date.
 * @code
 * for (const auto& s : orgraph::members_in_area(snap, m.at("legislature"), m.at("uk.org.publicwhip/cons/267")))
 *   std::cout << m[*s.person].name << '\n';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<membership> members_in_area(const snapshot& s, vertex body, vertex area);
/** @brief members_in_area() as on `on`. */
[[nodiscard]] inline std::vector<membership> members_in_area(const model& m, vertex body, vertex area,
                                                             date on = date::today()) {
  return members_in_area(snapshot(m, on), body, area);
}
/**
 * @brief The chair of `body` on a date: the first seat whose role is_chair_role(); a filled seat is
 * preferred, so the answer is a vacant seat only when every chair post is vacant. Empty if no seat
 * has a chair role.
 * @code
 * if (auto c = orgraph::chair(m, board, on); c && c->person) std::cout << m[*c->person].name;
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::optional<membership> chair(const snapshot& s, vertex body);
/** @brief chair() as on `on`. */
[[nodiscard]] inline std::optional<membership> chair(const model& m, vertex body, date on = date::today()) {
  return chair(snapshot(m, on), body);
}

/**
 * @brief Every seat a person has on a date, on every body, with the role: directly, and through each
 * post they are an effective holder of (an acting holder displaces the substantive one). Each
 * membership in force is its own seat, as in members().
 *
 * Direct memberships come first, then those through posts in the order of the holdings. A
 * membership of a body replaced by the date is answered for its successor (`replaced` names the
 * old body), so this is the inverse of members() asked about bodies in force.
 * @code
 * for (const auto& s : orgraph::bodies_of(m, m.at("p-wagland"), on)) std::cout << m[s.body].name << '\n';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<membership> bodies_of(const snapshot& s, vertex person);
/** @brief bodies_of() as on `on`. */
[[nodiscard]] inline std::vector<membership> bodies_of(const model& m, vertex person, date on = date::today()) {
  return bodies_of(snapshot(m, on), person);
}

/**
 * @brief How many distinct persons sit on `body` on a date; vacant seats are not counted.
 * @code
 * bool too_large = orgraph::membership_size(m, board, on) > 20;
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::size_t membership_size(const snapshot& s, vertex body);
/** @brief membership_size() as on `on`. */
[[nodiscard]] inline std::size_t membership_size(const model& m, vertex body, date on = date::today()) {
  return membership_size(snapshot(m, on), body);
}

/**
 * @brief The persons who sit on both `a` and `b` on a date, in the order of members(m, a, on).
 * @code
 * auto both = orgraph::shared_members(m, m.at("org-bmg"), m.at("org-ccdb"), on);
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<vertex> shared_members(const snapshot& s, vertex a, vertex b);
/** @brief shared_members() as on `on`. */
[[nodiscard]] inline std::vector<vertex> shared_members(const model& m, vertex a, vertex b, date on = date::today()) {
  return shared_members(snapshot(m, on), a, b);
}

/** @brief A person who sits on two or more bodies on the same date, and the bodies. */
struct interlock {
  vertex person = no_vertex;  ///< the person who sits on them all
  std::vector<vertex> bodies; ///< distinct, in the order of bodies_of()

  /** @brief Equal when every field is. */
  friend bool operator==(const interlock& x, const interlock& y) {
    return x.person == y.person && x.bodies == y.bodies;
  }
};

/**
 * @brief Every person who sits on two or more distinct bodies on a date, in the order persons were added.
 * @code
 * for (const auto& i : orgraph::interlocks(m, on)) std::cout << m[i.person].name << ": " << i.bodies.size() << '\n';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<interlock> interlocks(const snapshot& s);
/** @brief interlocks() as on `on`. */
[[nodiscard]] inline std::vector<interlock> interlocks(const model& m, date on = date::today()) {
  return interlocks(snapshot(m, on));
}

// ---------------------------------------------------------------------------------------------
// Reporting lines between bodies

/** @brief One step up a reporting line: the body above and how it was reached. */
struct reporting_step {
  vertex body = no_vertex; ///< the body reported to (the successor, if the relation names a replaced body)
  reporting_via via = reporting_via::reports_to; ///< by a `reports_to` relation or to the parent organization
  std::optional<model::edge> edge;               ///< the `reports_to` edge followed; empty for a parent step
  vertex replaced = no_vertex;                   ///< the replaced body the relation named, when `body` is its successor

  /** @brief Equal when every field is. */
  friend bool operator==(const reporting_step& x, const reporting_step& y) {
    return x.body == y.body && x.via == y.via && x.edge == y.edge && x.replaced == y.replaced;
  }
};

/**
 * @brief The chain of bodies above `body` on a date, nearest first.
 *
 * At each step a `reports_to` relation in force wins over the parent organization (the first one
 * added, if several are in force); the parent is followed only when no `reports_to` is. A target
 * that has been replaced by the date is read as its successor. `recommends_to` is not followed:
 * it is a separate line, the one decisions take (see decision_route()). The chain stops before it
 * would repeat a body, so a cycle cannot make it endless.
 * @code
 * for (const auto& s : orgraph::reporting_line(m, m.at("org-dcp-harlow"), on))
 *   std::cout << m[s.body].name << " (" << orgraph::to_string(s.via) << ")\n";
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<reporting_step> reporting_line(const snapshot& s, vertex body);
/** @brief reporting_line() as on `on`. */
[[nodiscard]] inline std::vector<reporting_step> reporting_line(const model& m, vertex body, date on = date::today()) {
  return reporting_line(snapshot(m, on), body);
}

/** @brief A body below another: the body, the one it reports to directly, and how far down it is. */
struct sub_body {
  vertex body = no_vertex; ///< the body below, in force on the date
  reporting_step above;    ///< its first reporting step (to the body asked about when depth is 1)
  std::size_t depth = 1;   ///< 1 for a direct sub-body, 2 for one below that, ...

  /** @brief Equal when every field is. */
  friend bool operator==(const sub_body& x, const sub_body& y) {
    return x.body == y.body && x.above == y.above && x.depth == y.depth;
  }
};

/**
 * @brief The bodies in force on a date whose reporting line passes through `body`, breadth-first
 * (direct sub-bodies first, each level in the order bodies were added); with `direct_only`, only
 * those whose first step is `body`.
 * @code
 * auto partnerships = orgraph::sub_bodies(m, m.at("org-ccdb"), on, true);
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<sub_body> sub_bodies(const snapshot& s, vertex body, bool direct_only = false);
/** @brief sub_bodies() as on `on`. */
[[nodiscard]] inline std::vector<sub_body> sub_bodies(const model& m, vertex body, date on = date::today(),
                                                      bool direct_only = false) {
  return sub_bodies(snapshot(m, on), body, direct_only);
}

// ---------------------------------------------------------------------------------------------
// Succession and time-limited groups

/**
 * @brief The date a `replaced_by` relation takes effect: its start if given, else the successor's
 * founding, else the day after the predecessor's dissolution; date::min() if none is known.
 * @code
 * auto from = orgraph::replacement_date(m, edge); // the successor's first day
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT date replacement_date(const model& m, model::edge replaced_by);

/**
 * @brief Every body of the succession `body` belongs to, oldest first, through `replaced_by` in
 * both directions, so any member of the lineage gives the same answer. Where a body was replaced
 * by several (a split) or replaced several (a merger), the link that took effect first is followed
 * (the first added among equals). A body nothing replaced or was replaced by is its own lineage.
 * @code
 * auto names = orgraph::lineage(m, m.at("org-ccdb")); // {ctb, ccdb}
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<vertex> lineage(const model& m, vertex body);

/** @brief The body that answers for a body id on a date. */
struct successor_answer {
  vertex requested = no_vertex; ///< the body asked about
  vertex body = no_vertex;      ///< the body in force for it on the date (`requested` if not replaced)
  std::vector<vertex> replaced; ///< the bodies passed on the way, oldest first (empty if not replaced)

  /** @brief Whether the answer is for a successor rather than the body asked about. */
  [[nodiscard]] bool resolved() const noexcept { return body != requested; }

  /** @brief Equal when every field is. */
  friend bool operator==(const successor_answer& x, const successor_answer& y) {
    return x.requested == y.requested && x.body == y.body && x.replaced == y.replaced;
  }
};

/**
 * @brief Resolve `body` forwards along `replaced_by` to the body in force on a date.
 *
 * A replacement counts from replacement_date() on, so a body renamed on `on` already answers with
 * its new name. Only forwards: asking about a successor before it existed answers the successor.
 * @code
 * auto a = orgraph::successor_on(m, m.at("org-west-essex-ctb"), orgraph::date::from_ymd(2011, 4, 14));
 * if (a.resolved()) std::cout << "now " << m[a.body].name << '\n';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT successor_answer successor_on(const snapshot& s, vertex body);
/** @brief successor_on() as on `on`. */
[[nodiscard]] inline successor_answer successor_on(const model& m, vertex body, date on = date::today()) {
  return successor_on(snapshot(m, on), body);
}

/**
 * @brief Whether `body` is in force on a date: its lifetime contains the date and it has not been
 * replaced by then.
 * @code
 * if (!orgraph::in_force(m, group, on)) ...
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT bool in_force(const snapshot& s, vertex body);
/** @brief in_force() as on `on`. */
[[nodiscard]] inline bool in_force(const model& m, vertex body, date on = date::today()) {
  return in_force(snapshot(m, on), body);
}

/**
 * @brief Every body (organization) in force on a date, in the order added.
 * @code
 * std::cout << orgraph::active_bodies(m, on).size() << " bodies\n";
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<vertex> active_bodies(const snapshot& s);
/** @brief active_bodies() as on `on`. */
[[nodiscard]] inline std::vector<vertex> active_bodies(const model& m, date on = date::today()) {
  return active_bodies(snapshot(m, on));
}

/** @brief A body that is due to be dissolved, and when. */
struct expiring_body {
  vertex body = no_vertex;    ///< the body due to be dissolved, in force on the query date
  date last_day;              ///< its last day in force (the lifetime's end, inclusive)
  std::int32_t days_left = 0; ///< days from the query date to last_day; 0 when it ends that day

  /** @brief Equal when every field is. */
  friend bool operator==(const expiring_body& x, const expiring_body& y) {
    return x.body == y.body && x.last_day == y.last_day && x.days_left == y.days_left;
  }
};

/**
 * @brief The bodies in force on `on` whose lifetime ends within `within_days` days (ending on `on`
 * counts, as does ending on `on + within_days`), soonest first.
 * @code
 * for (const auto& e : orgraph::expiring(m, 30, on)) std::cout << m[e.body].name << " ends " << e.last_day.to_string();
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<expiring_body> expiring(const snapshot& s, std::int32_t within_days);
/** @brief expiring() as on `on`. */
[[nodiscard]] inline std::vector<expiring_body> expiring(const model& m, std::int32_t within_days,
                                                         date on = date::today()) {
  return expiring(snapshot(m, on), within_days);
}

// ---------------------------------------------------------------------------------------------
// Coverage

/** @brief A body that covers an area on a date. */
struct coverage {
  vertex body = no_vertex;     ///< the body in force (a successor, if the relation's body was replaced)
  vertex area = no_vertex;     ///< the area the `covers` relation names: the one asked about or a parent
  std::string status;          ///< the relation's status: "pilot", or empty
  model::edge edge;            ///< the `covers` edge
  vertex replaced = no_vertex; ///< the replaced body the relation starts from, when `body` is its successor

  /** @brief Equal when every field is. */
  friend bool operator==(const coverage& x, const coverage& y) {
    return x.body == y.body && x.area == y.area && x.status == y.status && x.edge == y.edge && x.replaced == y.replaced;
  }
};

/**
 * @brief The bodies that cover `area` on a date: those with a `covers` relation in force to the
 * area itself or to one of its parent areas (a county-wide body covers each district), nearest
 * area first. Only bodies in force count; with a `classification`, only bodies of that
 * classification (compared case-insensitively; empty means any). Each body appears once.
 * @code
 * for (const auto& c : orgraph::covering(m, m.at("area-basildon"), on, "maag")) std::cout << c.status;
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<coverage> covering(const snapshot& s, vertex area,
                                                            std::string_view classification = {});
/** @brief covering() as on `on`. */
[[nodiscard]] inline std::vector<coverage> covering(const model& m, vertex area, date on = date::today(),
                                                    std::string_view classification = {}) {
  return covering(snapshot(m, on), area, classification);
}

/**
 * @brief The areas of classification `level` (for example "district") that no body of
 * `classification` covers on a date, as covering() counts it, in the order the areas were added.
 * @code
 * auto gaps = orgraph::coverage_gaps(m, "maag", "district", orgraph::date::from_ymd(2009, 10, 26));
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<vertex> coverage_gaps(const snapshot& s, std::string_view classification,
                                                               std::string_view level);
/** @brief coverage_gaps() as on `on`. */
[[nodiscard]] inline std::vector<vertex> coverage_gaps(const model& m, std::string_view classification,
                                                       std::string_view level, date on = date::today()) {
  return coverage_gaps(snapshot(m, on), classification, level);
}

} // namespace orgraph
