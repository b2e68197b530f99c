#pragma once
/// @file
/// @brief Questions over a period rather than on one date: the history of a person, post or body (every
/// date on which something about it changed, with what it was before and after) and the window questions
/// (who sat on a body at any time between two dates, and when).
///
/// Every answer is the snapshot's own answer (docs/concepts.md, "The organisation on a date"), asked
/// only on the dates on which it can change: the first and day-after-last days of the relations,
/// lifetimes and replacements it can read, directly or through others (the holder of a managing post,
/// a vacant post it escalates through, a body renamed). A value that answers on consecutive days is one
/// item, so a history is exactly what asking every day would give, without asking every day.
/// docs/time.md describes the whole.

#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/snapshot/governance_types.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph {

namespace detail {
struct history_tables;
} // namespace detail

/**
 * @brief What a history follows. A person has line_manager, supervisor, dotted_line_manager, post and
 * membership; a post the same with holder in place of post; a body the last seven.
 */
enum class history_aspect : std::uint8_t {
  line_manager,        ///< person, post: the effective line manager (line_manager())
  supervisor,          ///< person, post: who gives supervision (supervisor())
  dotted_line_manager, ///< person, post: each dotted-line manager (dotted_line_managers())
  post,                ///< person: each post held (a `holds` relation in force)
  holder,              ///< post: who holds it (holding())
  membership,          ///< person: each seat on a body (bodies_of()); post: each seat that goes with it
  member,              ///< body: each seat on it (members())
  chair,               ///< body: its chair (chair())
  name,                ///< body: the body that answers for it (successor_on()); a change is a renaming
  successor,           ///< body: each other body it stands for (time rule 3); a change is a succession into it
  lifetime,            ///< body: whether it is present (founded and not dissolved, itself or its successor)
  reporting_line,      ///< body: the first step of its reporting line (reporting_line())
  decision             ///< body: each record it made; an event on its date, not a state
};

/** @brief How many aspects there are. */
inline constexpr std::size_t history_aspect_count = 13;

/**
 * @brief `"line_manager"`, `"dotted_line_manager"`, `"reporting_line"`, ...: the aspect's name as output writes it.
 * @code
 * std::cout << orgraph::to_string(change.aspect); // "line_manager"
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::string_view to_string(history_aspect a) noexcept;

/** @brief The aspect with that name, if any. */
[[nodiscard]] ORGRAPH_EXPORT std::optional<history_aspect> history_aspect_from_string(std::string_view s) noexcept;

/** @brief The days from `from` to `to`, both included. */
struct date_range {
  date from; ///< the first day
  date to;   ///< the last day

  /** @brief Whether `d` is one of the days. */
  [[nodiscard]] constexpr bool contains(date d) const noexcept { return from <= d && d <= to; }

  /** @brief Equal when both ends are. */
  friend constexpr bool operator==(const date_range& a, const date_range& b) noexcept {
    return a.from == b.from && a.to == b.to;
  }
  /** @brief Not equal. */
  friend constexpr bool operator!=(const date_range& a, const date_range& b) noexcept { return !(a == b); }
};

/**
 * @brief One item of an aspect's answer on a date: a manager, a post held, a seat, a body.
 *
 * `node` is what the aspect names; the other fields say more where the aspect has it, and keep their
 * defaults otherwise:
 *
 * - line_manager, supervisor: `node` the manager (`no_vertex` when every post up the line is vacant);
 *   post, arrangement, via (`manages` or `supervises`), vacant_posts, ambiguous.
 * - dotted_line_manager: `node` the manager (`no_vertex` for a vacant post); post, arrangement, via,
 *   vacant_posts.
 * - post: `node` the post held; arrangement, role, on_behalf_of, area, via (`holds`), relation.
 * - holder: `node` the person holding the post; arrangement, via, relation, and post: where they are
 *   seconded to while seconded out of it.
 * - membership: `node` the body sat on (in force); post, role, on_behalf_of, area, basis, via,
 *   relation, replaced.
 * - member, chair: `node` the person in the seat (`no_vertex` for a vacant post); post, role,
 *   on_behalf_of, area, basis, via, relation; not `replaced`, since a renaming is the `name` aspect's
 *   change, not one of every seat's.
 * - name: `node` the body answering. successor: `node` a body it stands for. lifetime: `node` the body
 *   asked about, while present.
 * - reporting_line: `node` the body above; relation (the `reports_to`; none for a parent step), replaced.
 * - decision: `node` the body that made the record; decision.
 */
struct history_value {
  vertex node = no_vertex;                                     ///< what the aspect names (see above)
  vertex post = no_vertex;                                     ///< the post it comes through
  orgraph::arrangement arrangement = arrangement::substantive; ///< the footing
  std::string role;                                            ///< the seat's or holding's role
  vertex on_behalf_of = no_vertex;                             ///< the body represented
  vertex area = no_vertex;                                     ///< the area sat for (the relation's `area`)
  membership_basis basis = membership_basis::direct;           ///< how a seat comes about
  relation_type via = relation_type::manages;                  ///< the type of relation followed
  std::optional<relation_id> relation;                         ///< the relation followed, where there is one
  vertex replaced = no_vertex;                                 ///< the replaced body a relation names (time rule 3)
  std::vector<vertex> vacant_posts;                            ///< vacant posts passed on the way up
  bool ambiguous = false;                                      ///< another manager of the same rank was in force
  decision_index decision = no_decision;                       ///< the decision

  /** @brief Equal when every field is. */
  friend bool operator==(const history_value& a, const history_value& b) {
    return a.node == b.node && a.post == b.post && a.arrangement == b.arrangement && a.role == b.role &&
           a.on_behalf_of == b.on_behalf_of && a.area == b.area && a.basis == b.basis && a.via == b.via &&
           a.relation == b.relation && a.replaced == b.replaced && a.vacant_posts == b.vacant_posts &&
           a.ambiguous == b.ambiguous && a.decision == b.decision;
  }
  /** @brief Not equal. */
  friend bool operator!=(const history_value& a, const history_value& b) { return !(a == b); }
};

/**
 * @brief One item of an aspect's answer and the days it is part of the answer: a line manager from one
 * date to another, a seat from joining to leaving. Each item runs as long as the same value answers
 * without a break, so the same value never ends one day and begins again the next.
 */
struct history_item {
  date_range when;     ///< the days, within the period asked about
  history_value value; ///< the item

  /** @brief Equal when both fields are. */
  friend bool operator==(const history_item& a, const history_item& b) {
    return a.when == b.when && a.value == b.value;
  }
  /** @brief Not equal. */
  friend bool operator!=(const history_item& a, const history_item& b) { return !(a == b); }
};

/**
 * @brief One change: on `on`, an aspect's item was `before` and became `after`.
 *
 * An aspect with one answer (line_manager, supervisor, holder, chair, name, lifetime, reporting_line)
 * changes from its answer of the day before to its answer of the day; `before` or `after` is empty
 * when there was or is none. An aspect with several items (dotted_line_manager, post, membership,
 * member, successor) changes item by item: an item that ends has no `after`, one that begins no
 * `before`, and an item that ends on the day another with the same node and post begins (a seat
 * whose role changes) is one change with both. A decision has only an `after`.
 */
struct history_change {
  date on;                                              ///< the first day of the new answer
  history_aspect aspect = history_aspect::line_manager; ///< what changed
  std::optional<history_value> before;                  ///< the item until the day before, if any
  std::optional<history_value> after;                   ///< the item from `on`, if any

  /** @brief Equal when every field is. */
  friend bool operator==(const history_change& a, const history_change& b) {
    return a.on == b.on && a.aspect == b.aspect && a.before == b.before && a.after == b.after;
  }
  /** @brief Not equal. */
  friend bool operator!=(const history_change& a, const history_change& b) { return !(a == b); }
};

/**
 * @brief The history of a person, post or body from one date to another: each aspect as the items of
 * its answers with the days of each, and every change in the period in date order.
 *
 * The answer of an aspect on a day is the values of its items whose days contain it. An aspect with one
 * answer (line_manager, supervisor, holder, chair, name, lifetime, reporting_line) has items that never
 * overlap, and a day in no item is a day without an answer; an aspect with several items may overlap.
 */
struct node_history {
  vertex node = no_vertex; ///< the node asked about
  date from;               ///< the first day of the period
  date to;                 ///< the last day of the period
  /// Each aspect's items, indexed by the aspect, by their first day, then in the order of the answer on
  /// that day; empty for an aspect not followed or never answered (decisions are only changes).
  std::array<std::vector<history_item>, history_aspect_count> items;
  /// Every change from `from` to `to` (a change on `from` itself when the answer of the day before
  /// differs), by date, then in the order of history_aspect, then item by item.
  std::vector<history_change> changes;
  /// Whether each aspect was followed.
  std::array<bool, history_aspect_count> followed{};

  /** @brief The items of aspect `a`. */
  [[nodiscard]] const std::vector<history_item>& of(history_aspect a) const noexcept {
    return items[static_cast<std::size_t>(a)];
  }

  /** @brief The answer of aspect `a` on `d`: the values of its items that contain `d`, in item order. */
  [[nodiscard]] ORGRAPH_EXPORT std::vector<history_value> on(history_aspect a, date d) const;

  /** @brief The changes of aspect `a`, in date order. */
  [[nodiscard]] ORGRAPH_EXPORT std::vector<history_change> changes_of(history_aspect a) const;
};

/**
 * @brief A model made ready for questions over time: the tables a history reads that no snapshot
 * keeps (the posts each body's holdings name, each body's decisions by date), built once in time
 * linear in the model. Cheap to copy (copies share the tables) and safe to share between threads.
 * It refers to its model, which must outlive it and stay unchanged.
 * @code
 * const orgraph::history_index h(m);
 * auto a = orgraph::history_of(h, m.at("practitioner-a"), orgraph::date::from_ymd(2009, 1, 1),
 *                              orgraph::date::from_ymd(2010, 12, 31));
 * @endcode
 */
class history_index {
public:
  /** @brief Read `m` once. */
  ORGRAPH_EXPORT explicit history_index(const orgraph::model& m);

  /** @brief The model it reads. */
  [[nodiscard]] const orgraph::model& model() const noexcept { return *model_; }

  /// @cond internal
  [[nodiscard]] const detail::history_tables& tables() const noexcept { return *tables_; }
  /// @endcond

private:
  std::shared_ptr<const detail::history_tables> tables_;
  const orgraph::model* model_;
};

/**
 * @brief The history of `x` (a person, post or body) from `from` to `to`, both included: the aspects
 * that apply to its kind, or only those in `only` (the others are left empty).
 *
 * Each aspect is the answer of the query named in history_aspect, asked on `from` and on each date in
 * the period on which a relation, lifetime or replacement it can read begins or ends; the answer
 * cannot change on any other day. A body's history follows the body that answers for it (time rule
 * 3), as members() does: a renamed board's history goes on under its new name. An area, or a vertex
 * not in the model, has an empty history. Throws date_error if `to` is before `from`.
 * @code
 * const auto a = orgraph::history_of(h, m.at("practitioner-a"), from, to, {orgraph::history_aspect::line_manager});
 * for (const auto& c : a.changes)
 *   std::cout << c.on.to_string() << ": " << (c.after && c.after->node != orgraph::no_vertex ? m[c.after->node].name :
 * "-");
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT node_history history_of(const history_index& h, vertex x, date from, date to,
                                                     const std::vector<history_aspect>& only = {});

/** @brief history_of() on a model: builds a history_index first (linear time); make one to ask many. */
[[nodiscard]] inline node_history history_of(const model& m, vertex x, date from, date to,
                                             const std::vector<history_aspect>& only = {}) {
  return history_of(history_index(m), x, from, to, only);
}

// ---- window questions -------------------------------------------------------------------------

/** @brief A node and the days within a window on which the question holds for it. */
struct window_entry {
  vertex node = no_vertex;         ///< the member, the body or the report
  std::vector<date_range> periods; ///< in date order; none of them touch

  /** @brief Equal when both fields are. */
  friend bool operator==(const window_entry& a, const window_entry& b) {
    return a.node == b.node && a.periods == b.periods;
  }
  /** @brief Not equal. */
  friend bool operator!=(const window_entry& a, const window_entry& b) { return !(a == b); }
};

/**
 * @brief Everyone who sat on `body` at any time from `from` to `to`, with the days they sat (on any
 * seat: members() asked each day), in the order of their first day, then of the model.
 *
 * As members() does, the answer on each day is for the body answering for `body` then: a member who
 * sat on a board before and after its renaming sat without a break.
 * @code
 * for (const auto& e : orgraph::members_between(h, board, from, to))
 *   std::cout << m[e.node].name << " from " << e.periods.front().from.to_string() << '\n';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<window_entry> members_between(const history_index& h, vertex body, date from,
                                                                       date to);
/** @brief members_between() on a model (builds a history_index first). */
[[nodiscard]] inline std::vector<window_entry> members_between(const model& m, vertex body, date from, date to) {
  return members_between(history_index(m), body, from, to);
}

/**
 * @brief Every body `person` sat on at any time from `from` to `to` (bodies_of() asked each day), with
 * the days, in the order of their first day, then of the model. A body is the one in force on each
 * day, so a renamed body appears under each name for its own days.
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<window_entry> bodies_between(const history_index& h, vertex person, date from,
                                                                      date to);
/** @brief bodies_between() on a model (builds a history_index first). */
[[nodiscard]] inline std::vector<window_entry> bodies_between(const model& m, vertex person, date from, date to) {
  return bodies_between(history_index(m), person, from, to);
}

/**
 * @brief Every person whose effective line manager was `manager` at any time from `from` to `to`
 * (is_line_manager_of() asked each day: for a post, those managed through it or through a vacant post
 * it is the first of), with the days, in the order of their first day, then of the model.
 *
 * The persons asked about are those a `manages` relation from `manager`, from a post it holds, or down
 * through posts below them, can reach: the only ones the rules can give it.
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<window_entry> managed_between(const history_index& h, vertex manager,
                                                                       date from, date to);
/** @brief managed_between() on a model (builds a history_index first). */
[[nodiscard]] inline std::vector<window_entry> managed_between(const model& m, vertex manager, date from, date to) {
  return managed_between(history_index(m), manager, from, to);
}

} // namespace orgraph
