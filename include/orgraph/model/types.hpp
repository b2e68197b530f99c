#pragma once
/// @file
/// @brief The kinds of node and relation an organisation is made of, and their properties.

#include <orgraph/export.hpp>
#include <orgraph/time/date.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph {

/** @brief A node's position in a model: a compact index, stable while nodes are only added. */
using vertex = std::size_t;

/** @brief The value of a vertex field that names no node (no parent, no on-behalf-of). */
inline constexpr vertex no_vertex = std::numeric_limits<vertex>::max();

/** @brief What a node is. */
enum class node_kind : std::uint8_t {
  person,       ///< someone with a name and professional disciplines
  post,         ///< a position ("TASCC Manager, Harlow") that persons hold over time
  organization, ///< any body: council, cabinet, directorate, team, board, partnership, working group
  area          ///< a district, quadrant or other place bodies cover
};

/**
 * @brief What a relation means, read as "<from> TYPE <to>".
 *
 * `holds` and `member_of` are Popolo memberships: a person holding a post, and a person (or the
 * holder of a post) sitting on a body.
 */
enum class relation_type : std::uint8_t {
  manages,             ///< solid-line management: person or post → person or post
  supervises,          ///< professional supervision, which may differ from the line manager
  dotted_line_manages, ///< operational or locality reporting in a matrix
  reports_to,          ///< body → body
  recommends_to,       ///< body → body: the first recommends, the second decides
  covers,              ///< body → area, with an optional status such as "pilot"
  replaced_by,         ///< body → body: a renaming or replacement
  partners_with,       ///< body → body
  holds,               ///< person → post (a Popolo membership with a post_id)
  member_of            ///< person or post → body (a Popolo membership)
};

/** @brief The footing a manager or post holder is on. Anything but substantive is temporary. */
enum class arrangement : std::uint8_t {
  substantive, ///< the permanent arrangement (the default)
  acting,      ///< someone acting up into the role
  interim,     ///< a stop-gap arrangement, such as a central team covering for a seconded manager
  secondment   ///< someone seconded into the role from elsewhere
};

/**
 * @brief Rank of an arrangement for precedence: a temporary arrangement in force overrides the
 * substantive one; all temporary arrangements rank alike.
 */
[[nodiscard]] constexpr int precedence(arrangement a) noexcept { return a == arrangement::substantive ? 0 : 1; }

/** @brief The name of a kind as written in files and messages ("organization"). */
[[nodiscard]] ORGRAPH_EXPORT std::string_view to_string(node_kind k) noexcept;
/** @brief The name of a relation type as written in files ("dotted_line_manages"). */
[[nodiscard]] ORGRAPH_EXPORT std::string_view to_string(relation_type t) noexcept;
/** @brief The name of an arrangement as written in files ("interim"). */
[[nodiscard]] ORGRAPH_EXPORT std::string_view to_string(arrangement a) noexcept;

/** @brief The relation type with that name, if any. */
[[nodiscard]] ORGRAPH_EXPORT std::optional<relation_type> relation_type_from_string(std::string_view s) noexcept;
/** @brief The arrangement with that name, if any. */
[[nodiscard]] ORGRAPH_EXPORT std::optional<arrangement> arrangement_from_string(std::string_view s) noexcept;

/**
 * @brief One node of the organisation graph.
 *
 * A single record serves all four kinds so that the graph has one vertex type; fields a kind does
 * not use stay empty.
 */
struct node {
  node_kind kind = node_kind::person;   ///< person, post, organization or area: which fields apply
  std::string id;                       ///< the user's stable id, unique in a model
  std::string name;                     ///< person's or body's name, post's label, area's name
  std::string classification;           ///< bodies and areas: "board", "district", "team", ...
  std::vector<std::string> disciplines; ///< persons: professional disciplines
  vertex parent = no_vertex;            ///< body: parent body; area: parent area; post: its body
  orgraph::period lifetime;             ///< body: founding to dissolution; post: start to end

  /** @name Comparison */
  ///@{
  /** @brief Equal when every field is. */
  friend bool operator==(const node& a, const node& b) {
    return a.kind == b.kind && a.id == b.id && a.name == b.name && a.classification == b.classification &&
           a.disciplines == b.disciplines && a.parent == b.parent && a.lifetime == b.lifetime;
  }
  friend bool operator!=(const node& a, const node& b) { return !(a == b); }
  ///@}
};

/**
 * @brief One dated, typed relation between two nodes: an edge of the graph.
 */
struct relation {
  /** @brief A `manages` relation always in force. */
  relation() = default;
  /**
   * @brief A relation of a type, in force for a period, on an arrangement; set the other fields after.
   * @code
   * m.add_relation(core, worker, {orgraph::relation_type::manages, when, orgraph::arrangement::interim});
   * @endcode
   */
  relation(relation_type t, orgraph::period p = {}, orgraph::arrangement a = arrangement::substantive)
      : type(t), when(p), arrangement(a) {}

  relation_type type = relation_type::manages;          ///< what it means, and so which fields apply
  orgraph::period when;                                 ///< when it is in force, ends included
  orgraph::arrangement arrangement = arrangement::substantive; ///< manages, supervises, holds
  std::string role;                                     ///< holds, member_of: "chair", "member", ...
  vertex on_behalf_of = no_vertex;                      ///< holds, member_of: the body represented
  vertex organization = no_vertex;                      ///< holds: the body named by the membership
  std::string status;                                   ///< covers: "pilot", ...
  std::string id;                                       ///< optional user id (Popolo membership ids)

  /** @brief Whether the relation is in force on `on`. */
  [[nodiscard]] constexpr bool in_force(date on) const noexcept { return when.contains(on); }

  /** @name Comparison */
  ///@{
  /** @brief Equal when every field is; the two ends are not part of a relation. */
  friend bool operator==(const relation& a, const relation& b) {
    return a.type == b.type && a.when == b.when && a.arrangement == b.arrangement && a.role == b.role &&
           a.on_behalf_of == b.on_behalf_of && a.organization == b.organization && a.status == b.status &&
           a.id == b.id;
  }
  friend bool operator!=(const relation& a, const relation& b) { return !(a == b); }
  ///@}
};

/** @brief What a body did with a matter. Only `approved` and `decided` are "real" decisions. */
enum class outcome : std::uint8_t { recommended, approved, decided, noted, deferred, rejected };

/** @brief The name of an outcome as written in files ("recommended"). */
[[nodiscard]] ORGRAPH_EXPORT std::string_view to_string(outcome o) noexcept;
/** @brief The outcome with that name, if any. */
[[nodiscard]] ORGRAPH_EXPORT std::optional<outcome> outcome_from_string(std::string_view s) noexcept;

/** @brief Index of a decision in a model, in the order decisions were added. */
using decision_index = std::size_t;
/** @brief The value of a decision_index field that names no decision. */
inline constexpr decision_index no_decision = std::numeric_limits<decision_index>::max();

/**
 * @brief A first-class record of what a body did on a date: recommended a matter to another body,
 * approved it, decided it, noted, deferred or rejected it.
 *
 * `follows` links a decision to the one it acts on, so a chain of them is the route a matter took
 * (four Business Design groups recommend, the County group recommends, the Cabinet decides).
 */
struct decision {
  std::string id;                          ///< the user's stable id, unique among decisions
  std::string subject;                     ///< what it was about
  vertex organization = no_vertex;         ///< the body that took it
  orgraph::date date;                      ///< when
  orgraph::outcome outcome = outcome::decided; ///< what the body did with the matter
  vertex to = no_vertex;                   ///< for a recommendation: the body it went to
  decision_index follows = no_decision;    ///< the decision this one acts on

  /** @name Comparison */
  ///@{
  /** @brief Equal when every field is. */
  friend bool operator==(const decision& a, const decision& b) {
    return a.id == b.id && a.subject == b.subject && a.organization == b.organization && a.date == b.date &&
           a.outcome == b.outcome && a.to == b.to && a.follows == b.follows;
  }
  friend bool operator!=(const decision& a, const decision& b) { return !(a == b); }
  ///@}
};

} // namespace orgraph
