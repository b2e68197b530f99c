#pragma once
/// @file
/// @brief The kinds of node and relation an organisation is made of, and their properties.

#include <orgraph/detail/text.hpp>
#include <orgraph/export.hpp>
#include <orgraph/time/date.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
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

/** @brief Index of a term in a model, in the order terms were added. */
using term_index = std::size_t;
/** @brief The value of a term_index field that names no term. */
inline constexpr term_index no_term = std::numeric_limits<term_index>::max();

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
  vertex area = no_vertex;              ///< body, post: the area it serves (Popolo `area_id`)

  /** @name Comparison */
  ///@{
  /** @brief Equal when every field is. */
  friend bool operator==(const node& a, const node& b) {
    return a.kind == b.kind && a.id == b.id && a.name == b.name && a.classification == b.classification &&
           a.disciplines == b.disciplines && a.parent == b.parent && a.lifetime == b.lifetime && a.area == b.area;
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

  relation_type type = relation_type::manages;                 ///< what it means, and so which fields apply
  orgraph::period when;                                        ///< when it is in force, ends included
  orgraph::arrangement arrangement = arrangement::substantive; ///< manages, supervises, holds
  std::string role;                                            ///< holds, member_of: "chair", "member", ...
  vertex on_behalf_of = no_vertex;                             ///< holds, member_of: the body represented
  vertex organization = no_vertex;                             ///< holds: the body named by the membership
  vertex area = no_vertex; ///< holds, member_of: the area sat for (Popolo `area_id`)
  std::string status;      ///< covers: "pilot", ...
  std::string id;          ///< optional user id (Popolo membership ids)
  /// holds, member_of: the term (Popolo `legislative_period_id`) whose start and end the membership
  /// takes where `when` has none of its own; see model::add_term().
  term_index term = no_term;

  /** @brief Whether `when` contains `on` (a term's dates count only once the model has the relation). */
  [[nodiscard]] constexpr bool in_force(date on) const noexcept { return when.contains(on); }

  /** @name Comparison */
  ///@{
  /** @brief Equal when every field is; the two ends are not part of a relation. */
  friend bool operator==(const relation& a, const relation& b) {
    return a.type == b.type && a.when == b.when && a.arrangement == b.arrangement && a.role == b.role &&
           a.on_behalf_of == b.on_behalf_of && a.organization == b.organization && a.area == b.area &&
           a.status == b.status && a.id == b.id && a.term == b.term;
  }
  friend bool operator!=(const relation& a, const relation& b) { return !(a == b); }
  ///@}
};

/**
 * @brief The handle of one relation (or membership) in a model: its type and its place among the
 * relations of that type. Stable while relations are only added; removing one leaves the others valid.
 *
 * A default-constructed handle names no relation.
 * @code
 * for (orgraph::relation_id r : m.in_relations(worker, orgraph::relation_type::manages))
 *   std::cout << m[m.source(r)].name << '\n';
 * @endcode
 */
class relation_id {
public:
  /** @brief The most relations of one type a model holds: 2^28 - 1. */
  static constexpr std::uint32_t max_index = (std::uint32_t{1} << 28) - 1;

  /** @brief A handle that names no relation. */
  constexpr relation_id() noexcept = default;
  /** @brief The relation of type `t` at `index` among that type's relations. */
  constexpr relation_id(relation_type t, std::uint32_t index) noexcept
      : bits_((index << 4) | static_cast<std::uint32_t>(t)) {}

  /** @brief The relation's type. */
  [[nodiscard]] constexpr relation_type type() const noexcept { return static_cast<relation_type>(bits_ & 15u); }
  /** @brief Its place among the relations of its type, in the order they were added. */
  [[nodiscard]] constexpr std::uint32_t index() const noexcept { return bits_ >> 4; }
  /** @brief The handle as one number, for hashing and storage. */
  [[nodiscard]] constexpr std::uint32_t bits() const noexcept { return bits_; }

  /** @name Comparison */
  ///@{
  /** @brief Handles compare by type, then by the order relations of that type were added. */
  friend constexpr bool operator==(relation_id a, relation_id b) noexcept { return a.bits_ == b.bits_; }
  friend constexpr bool operator!=(relation_id a, relation_id b) noexcept { return a.bits_ != b.bits_; }
  friend constexpr bool operator<(relation_id a, relation_id b) noexcept {
    return a.type() != b.type() ? a.type() < b.type() : a.index() < b.index();
  }
  ///@}

private:
  std::uint32_t bits_ = 0xffffffffu;
};

/**
 * @brief A person's or post's professional disciplines as stored in a model: a range of
 * `std::string_view`, valid while the model is unchanged.
 * @code
 * for (std::string_view d : m[v].disciplines) std::cout << d << '\n';
 * @endcode
 */
class discipline_list {
public:
  /** @brief An iterator over the disciplines' texts. */
  class iterator {
  public:
    using iterator_category = std::random_access_iterator_tag; ///< iterator traits
    using value_type = std::string_view;                       ///< iterator traits
    using difference_type = std::ptrdiff_t;                    ///< iterator traits
    using pointer = void;                                      ///< iterator traits
    using reference = std::string_view;                        ///< iterator traits

    iterator() = default;
    /** @brief At `at` in a list of symbols of `symbols`. */
    iterator(const std::uint32_t* at, const detail::symbol_table* symbols) noexcept : at_(at), symbols_(symbols) {}
    /** @brief The discipline's text. */
    std::string_view operator*() const noexcept { return symbols_->text(*at_); }
    /** @brief The text `n` places on. */
    std::string_view operator[](difference_type n) const noexcept { return symbols_->text(at_[n]); }
    /** @brief Next. */
    iterator& operator++() noexcept {
      ++at_;
      return *this;
    }
    /** @brief Next, returning the old position. */
    iterator operator++(int) noexcept {
      iterator old = *this;
      ++at_;
      return old;
    }
    /** @brief Previous. */
    iterator& operator--() noexcept {
      --at_;
      return *this;
    }
    /** @brief Previous, returning the old position. */
    iterator operator--(int) noexcept {
      iterator old = *this;
      --at_;
      return old;
    }
    /** @brief Move by `n`. */
    iterator& operator+=(difference_type n) noexcept {
      at_ += n;
      return *this;
    }
    /** @brief Move back by `n`. */
    iterator& operator-=(difference_type n) noexcept {
      at_ -= n;
      return *this;
    }
    /** @brief `n` places on. */
    friend iterator operator+(iterator i, difference_type n) noexcept { return i += n; }
    /** @brief `n` places back. */
    friend iterator operator-(iterator i, difference_type n) noexcept { return i -= n; }
    /** @brief The distance between two positions. */
    friend difference_type operator-(iterator a, iterator b) noexcept { return a.at_ - b.at_; }
    /** @brief Same position. */
    friend bool operator==(iterator a, iterator b) noexcept { return a.at_ == b.at_; }
    /** @brief Different positions. */
    friend bool operator!=(iterator a, iterator b) noexcept { return a.at_ != b.at_; }
    /** @brief Earlier position. */
    friend bool operator<(iterator a, iterator b) noexcept { return a.at_ < b.at_; }

  private:
    const std::uint32_t* at_ = nullptr;
    const detail::symbol_table* symbols_ = nullptr;
  };

  discipline_list() = default;
  /** @brief The symbols [first, last) of a table. */
  discipline_list(const std::uint32_t* first, const std::uint32_t* last, const detail::symbol_table* symbols) noexcept
      : first_(first), last_(last), symbols_(symbols) {}

  /** @brief The first discipline. */
  [[nodiscard]] iterator begin() const noexcept { return {first_, symbols_}; }
  /** @brief Past the last discipline. */
  [[nodiscard]] iterator end() const noexcept { return {last_, symbols_}; }
  /** @brief How many there are. */
  [[nodiscard]] std::size_t size() const noexcept { return static_cast<std::size_t>(last_ - first_); }
  /** @brief Whether there are none. */
  [[nodiscard]] bool empty() const noexcept { return first_ == last_; }
  /** @brief The `i`-th discipline. */
  [[nodiscard]] std::string_view operator[](std::size_t i) const noexcept { return symbols_->text(first_[i]); }
  /** @brief Whether `d` is one of them. */
  [[nodiscard]] bool contains(std::string_view d) const noexcept {
    for (std::string_view x : *this)
      if (x == d)
        return true;
    return false;
  }
  /** @brief A copy as owning strings. */
  [[nodiscard]] std::vector<std::string> to_vector() const { return {begin(), end()}; }

  /** @name Comparison */
  ///@{
  /** @brief The same texts in the same order. */
  friend bool operator==(const discipline_list& a, const discipline_list& b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
  }
  friend bool operator!=(const discipline_list& a, const discipline_list& b) noexcept { return !(a == b); }
  friend bool operator==(const discipline_list& a, const std::vector<std::string>& b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
  }
  friend bool operator!=(const discipline_list& a, const std::vector<std::string>& b) noexcept { return !(a == b); }
  ///@}

private:
  const std::uint32_t* first_ = nullptr;
  const std::uint32_t* last_ = nullptr;
  const detail::symbol_table* symbols_ = nullptr;
};

/**
 * @brief A node as a model stores it, read through `model::operator[]`: the fields of orgraph::node,
 * with texts as `std::string_view` into the model. Valid while the model is unchanged.
 * @code
 * const auto n = m[v];
 * std::cout << n.id << ": " << n.name << '\n';
 * @endcode
 */
struct node_view {
  node_kind kind = node_kind::person; ///< person, post, organization or area
  std::string_view id;                ///< the user's stable id
  std::string_view name;              ///< person's or body's name, post's label, area's name
  std::string_view classification;    ///< bodies and areas: "board", "district", ...
  discipline_list disciplines;        ///< persons and posts: professional disciplines
  vertex parent = no_vertex;          ///< body: parent body; area: parent area; post: its body
  orgraph::period lifetime;           ///< when the node exists, ends included
  vertex area = no_vertex;            ///< body, post: the area it serves

  /** @brief An owning copy, as add_node() takes it. */
  [[nodiscard]] node to_node() const {
    node n;
    n.kind = kind;
    n.id = std::string(id);
    n.name = std::string(name);
    n.classification = std::string(classification);
    n.disciplines = disciplines.to_vector();
    n.parent = parent;
    n.lifetime = lifetime;
    n.area = area;
    return n;
  }

  /** @name Comparison */
  ///@{
  /** @brief Equal when every field is (texts compared as text; `parent` as a vertex number). */
  friend bool operator==(const node_view& a, const node_view& b) noexcept {
    return a.kind == b.kind && a.id == b.id && a.name == b.name && a.classification == b.classification &&
           a.disciplines == b.disciplines && a.parent == b.parent && a.lifetime == b.lifetime && a.area == b.area;
  }
  friend bool operator!=(const node_view& a, const node_view& b) noexcept { return !(a == b); }
  ///@}
};

/**
 * @brief A relation as a model stores it, read through `model::operator[]`: its ends and the fields of
 * orgraph::relation, texts as `std::string_view` into the model. Valid while the model is unchanged.
 * @code
 * const auto r = m[id];
 * if (r.type == orgraph::relation_type::member_of && r.in_force(on)) std::cout << r.role << '\n';
 * @endcode
 */
struct relation_view {
  relation_type type = relation_type::manages; ///< what it means
  vertex from = no_vertex;                     ///< its source node
  vertex to = no_vertex;                       ///< its target node
  /// When it is in force, ends included: its own dates, a bound it lacks taken from its term.
  orgraph::period when;
  orgraph::arrangement arrangement = arrangement::substantive; ///< manages, supervises, holds
  std::string_view role;                                       ///< holds, member_of
  vertex on_behalf_of = no_vertex;                             ///< holds, member_of: the body represented
  vertex organization = no_vertex;                             ///< holds: the body named by the membership
  vertex area = no_vertex;                                     ///< holds, member_of: the area sat for
  std::string_view status;                                     ///< covers
  std::string_view id;                                         ///< optional user id
  term_index term = no_term;                                   ///< holds, member_of: its term, if any
  bool start_from_term = false; ///< `when` starts on the term's first day: the relation gave no start
  bool end_from_term = false;   ///< `when` ends on the term's last day: the relation gave no end

  /** @brief Whether `when` contains `on` (see snapshot for the full time rules). */
  [[nodiscard]] constexpr bool in_force(date on) const noexcept { return when.contains(on); }

  /** @brief The dates the relation was given itself: `when` without the bounds its term filled. */
  [[nodiscard]] orgraph::period own_when() const {
    return orgraph::period(start_from_term ? std::nullopt : when.start(), end_from_term ? std::nullopt : when.end());
  }

  /** @brief An owning copy of the fields, as add_relation() takes them (its own dates and its term). */
  [[nodiscard]] relation to_relation() const {
    relation r(type, own_when(), arrangement);
    r.role = std::string(role);
    r.on_behalf_of = on_behalf_of;
    r.organization = organization;
    r.area = area;
    r.status = std::string(status);
    r.id = std::string(id);
    r.term = term;
    return r;
  }

  /** @name Comparison */
  ///@{
  /** @brief Equal when every field is, the ends included. */
  friend bool operator==(const relation_view& a, const relation_view& b) noexcept {
    return a.type == b.type && a.from == b.from && a.to == b.to && a.when == b.when && a.arrangement == b.arrangement &&
           a.role == b.role && a.on_behalf_of == b.on_behalf_of && a.organization == b.organization &&
           a.area == b.area && a.status == b.status && a.id == b.id && a.term == b.term &&
           a.start_from_term == b.start_from_term && a.end_from_term == b.end_from_term;
  }
  friend bool operator!=(const relation_view& a, const relation_view& b) noexcept { return !(a == b); }
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
  std::string id;                              ///< the user's stable id, unique among decisions
  std::string subject;                         ///< what it was about
  vertex organization = no_vertex;             ///< the body that took it
  orgraph::date date;                          ///< when
  orgraph::outcome outcome = outcome::decided; ///< what the body did with the matter
  vertex to = no_vertex;                       ///< for a recommendation: the body it went to
  decision_index follows = no_decision;        ///< the decision this one acts on

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

/**
 * @brief A term of office of a body, such as a parliament between two elections: a Popolo legislative
 * period (an entry of `events` whose classification is `legislative period`).
 *
 * A membership that names a term takes the term's start where it has no start of its own, and the
 * term's end where it has no end of its own; its own dates win where it gives them (a by-election
 * winner starts later, a member who resigns ends sooner).
 */
struct term {
  std::string id;                  ///< the user's stable id, unique among terms
  std::string name;                ///< "55th Parliament of the United Kingdom"
  vertex organization = no_vertex; ///< the body whose term it is, if known
  orgraph::period when;            ///< the term's first and last days, both included

  /** @name Comparison */
  ///@{
  /** @brief Equal when every field is. */
  friend bool operator==(const term& a, const term& b) {
    return a.id == b.id && a.name == b.name && a.organization == b.organization && a.when == b.when;
  }
  friend bool operator!=(const term& a, const term& b) { return !(a == b); }
  ///@}
};

} // namespace orgraph

/** @brief Hashing of relation handles, for unordered containers. */
template <> struct std::hash<orgraph::relation_id> {
  /** @brief The handle's bits, which are unique per relation. */
  std::size_t operator()(orgraph::relation_id r) const noexcept { return r.bits(); }
};
