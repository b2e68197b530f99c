#pragma once
/// @file
/// @brief The steps and paths of influence, and how they are weighted: the vocabulary shared by the
/// snapshot's influence graph, the influence queries (<orgraph/analysis/influence.hpp>) and the DOT
/// output. Cheap to include.

#include <orgraph/export.hpp>
#include <orgraph/model/types.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph {

/** @brief The kind of link an influence step follows. */
enum class influence_link : std::uint8_t {
  sits_on,        ///< person → body: the person raises a matter at a body they sit on
  carried_by,     ///< body → person: a member carries the body's matters onward
  represented_by, ///< body → person: the person sits on another body on this body's behalf
  reports_to,     ///< body → body: a `reports_to` relation in force
  recommends_to,  ///< body → body: a `recommends_to` relation in force
  parent          ///< body → body: the body's parent organisation
};

/** @brief `"sits_on"`, `"carried_by"`, `"represented_by"`, `"reports_to"`, `"recommends_to"` or `"parent"`. */
[[nodiscard]] ORGRAPH_EXPORT std::string_view to_string(influence_link l) noexcept;

/** @brief How a role is ranked for weighting: read from the membership's role text. */
enum class role_rank : std::uint8_t {
  chair,      ///< is_chair_role()
  vice_chair, ///< "vice chair", "vice-chair", "deputy chair", ...
  member,     ///< any other role, or none
  observer    ///< a role containing "observer"
};

/**
 * @brief The rank of a role text: chair, vice-chair (a role with "vice" or "deputy"), observer (a
 * role with "observer"), otherwise member.
 * @code
 * assert(orgraph::rank_of_role("Chair, West Essex") == orgraph::role_rank::chair);
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT role_rank rank_of_role(std::string_view role) noexcept;

/** @brief What an influence distance counts. */
enum class influence_weighting : std::uint8_t {
  hops, ///< every step counts 1 (the default)
  roles ///< membership steps cost by role (role_weights); steps between bodies cost `body_link`
};

/**
 * @brief The cost of one step by role, for influence_weighting::roles: the lower, the more the
 * step carries. A membership step (sits_on, carried_by, represented_by) costs by the role of the
 * membership it uses. The defaults are binary fractions, so sums of them compare exactly.
 */
struct role_weights {
  double chair = 0.5;       ///< a step through a chair's seat
  double vice_chair = 0.75; ///< a step through a vice-chair's or deputy chair's seat
  double member = 1.0;      ///< a step through an ordinary seat, or one with no role given
  double observer = 2.0;    ///< a step through an observer's seat
  double body_link = 1.0;   ///< reports_to, recommends_to, parent

  /** @brief The cost of a membership step in a role of this rank. */
  [[nodiscard]] constexpr double of(role_rank r) const noexcept {
    switch (r) {
    case role_rank::chair: return chair;
    case role_rank::vice_chair: return vice_chair;
    case role_rank::observer: return observer;
    case role_rank::member: break;
    }
    return member;
  }
};

/**
 * @brief Options of the influence queries.
 * @code
 * orgraph::influence_options o{3, orgraph::influence_weighting::roles};
 * @endcode
 */
struct influence_options {
  std::size_t k = 1;                                         ///< influence_paths: at most this many paths
  influence_weighting weighting = influence_weighting::hops; ///< what a distance counts
  role_weights weights{};                                    ///< step costs when weighting by roles
};

/** @brief One step of an influence path, with the relation and role it uses. */
struct influence_step {
  vertex from = no_vertex;                       ///< where the matter is before the step
  vertex to = no_vertex;                         ///< where it is after the step
  influence_link link = influence_link::sits_on; ///< how it moves: a seat, a carrier, a representative or a body link
  /// The model relation behind it: member_of or holds (a seat through a post) for membership steps,
  /// reports_to or recommends_to for those links; for `parent`, none (left as member_of, ignore it).
  relation_type relation = relation_type::member_of;
  std::string role;        ///< membership steps: the membership's role ("chair", "member", ...)
  vertex post = no_vertex; ///< membership steps: the post the seat goes with, if any
  vertex body =
      no_vertex; ///< membership steps: the body of the membership used (for represented_by, where the person sits)
  double weight = 1.0; ///< the step's cost under the options asked with

  /** @brief Equal when every field is. */
  friend bool operator==(const influence_step& x, const influence_step& y) {
    return x.from == y.from && x.to == y.to && x.link == y.link && x.relation == y.relation && x.role == y.role &&
           x.post == y.post && x.body == y.body && x.weight == y.weight;
  }
};

/**
 * @brief A short label of a step: the link, and for membership steps the role after a colon.
 * @code
 * orgraph::step_label(step); // "sits_on:chair", "reports_to"
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::string step_label(const influence_step& s);

/** @brief A route from a person or body to a body: its vertices, its steps and its length. */
struct influence_path {
  std::vector<vertex> vertices;      ///< from the source to the target, both included
  std::vector<influence_step> steps; ///< one fewer than vertices
  double length = 0;                 ///< the sum of the steps' weights (their number, counting hops)

  /** @brief The number of steps. */
  [[nodiscard]] std::size_t hops() const noexcept { return steps.size(); }

  /** @brief Equal when every field is. */
  friend bool operator==(const influence_path& x, const influence_path& y) {
    return x.vertices == y.vertices && x.steps == y.steps && x.length == y.length;
  }
};

} // namespace orgraph
