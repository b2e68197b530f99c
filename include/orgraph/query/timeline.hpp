#pragma once
/// @file
/// @brief The timeline of a model: the dates in a period on which anything in it changed, with what
/// changed counted by kind, so that a user can see when the structure moved and ask about those dates.

#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace orgraph {

/** @brief What changed on one date, counted by kind. */
struct timeline_counts {
  /// Relations that come into force on the date (their first day), by relation_type; `replaced_by`
  /// is counted under `replacements` instead.
  std::array<std::uint32_t, detail::relation_type_count> started{};
  /// Relations that are no longer in force from the date (the day after their last day), by relation_type.
  std::array<std::uint32_t, detail::relation_type_count> ended{};
  /// Nodes whose lifetime begins on the date (a body founded, a post created), by node_kind.
  std::array<std::uint32_t, 4> began{};
  /// Nodes whose lifetime ended the day before (a body dissolved), by node_kind.
  std::array<std::uint32_t, 4> ceased{};
  /// `replaced_by` relations that take effect on the date (replacement_date()): renamings and successions.
  std::uint32_t replacements = 0;
  /// Decisions recorded on the date.
  std::uint32_t decisions = 0;

  /** @brief Relations of type `t` that start on the date. */
  [[nodiscard]] std::uint32_t started_of(relation_type t) const noexcept {
    return started[static_cast<std::size_t>(t)];
  }
  /** @brief Relations of type `t` no longer in force from the date. */
  [[nodiscard]] std::uint32_t ended_of(relation_type t) const noexcept { return ended[static_cast<std::size_t>(t)]; }
  /** @brief Nodes of kind `k` whose lifetime begins on the date. */
  [[nodiscard]] std::uint32_t began_of(node_kind k) const noexcept { return began[static_cast<std::size_t>(k)]; }
  /** @brief Nodes of kind `k` whose lifetime ended the day before. */
  [[nodiscard]] std::uint32_t ceased_of(node_kind k) const noexcept { return ceased[static_cast<std::size_t>(k)]; }
  /** @brief Everything counted. */
  [[nodiscard]] ORGRAPH_EXPORT std::uint32_t total() const noexcept;

  /** @brief Equal when every count is. */
  friend bool operator==(const timeline_counts& a, const timeline_counts& b) noexcept {
    return a.started == b.started && a.ended == b.ended && a.began == b.began && a.ceased == b.ceased &&
           a.replacements == b.replacements && a.decisions == b.decisions;
  }
  /** @brief Not equal. */
  friend bool operator!=(const timeline_counts& a, const timeline_counts& b) noexcept { return !(a == b); }
};

/** @brief A date on which something changed, and what. */
struct timeline_entry {
  date on;                ///< the first day of the new state
  timeline_counts counts; ///< what changed that day

  /** @brief Equal when both fields are. */
  friend bool operator==(const timeline_entry& a, const timeline_entry& b) noexcept {
    return a.on == b.on && a.counts == b.counts;
  }
  /** @brief Not equal. */
  friend bool operator!=(const timeline_entry& a, const timeline_entry& b) noexcept { return !(a == b); }
};

/**
 * @brief Every date from `from` to `to` (both included) on which a fact of the model changes, in date
 * order, with what changed: a relation's first day or the day after its last, a node's founding or the
 * day after its dissolution, a replacement taking effect, a decision.
 *
 * These are the only dates on which any answer of orgraph can change (the time rules read nothing
 * else that is dated), so the organisation on any other day is the organisation on the timeline date
 * before it. A fact may change on a date without changing an answer (a membership of a body not yet
 * founded begins). Time linear in the relations, nodes and decisions; throws date_error if `to` is
 * before `from`.
 * @code
 * for (const auto& e : orgraph::timeline(m, orgraph::date::from_ymd(2011, 1, 1), orgraph::date::from_ymd(2011, 12,
 * 31))) std::cout << e.on.to_string() << ": " << e.counts.total() << " changes\n";
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<timeline_entry> timeline(const model& m, date from, date to);

} // namespace orgraph
