#pragma once
/// @file
/// @brief orgraph::snapshot: a model as it stands on one date, the time rules applied once, every
/// query answering from it (docs/concepts.md, "The organisation on a date").

#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/snapshot/detail/parts.hpp>

#include <cstdint>
#include <memory>

namespace orgraph {

namespace detail {
struct snapshot_state;
} // namespace detail

/**
 * @brief An immutable view of a model on one date, in which the time rules are applied once: which
 * nodes exist, which relations are in force, each body's successor, each post's holder, each effective
 * line manager, the seats of every body, the links between bodies and the influence graph.
 *
 * Making one costs next to nothing; each part is built the first time a question needs it and kept for
 * the next, so a one-off question on a large model pays only for what it uses. Copies share their
 * parts. A snapshot is safe to share between threads: parts are built once, under a lock, whichever
 * thread asks first. It refers to its model, which must outlive it and stay unchanged.
 *
 * Every query of orgraph takes a snapshot (`line_manager(snap, x)`); the forms that take a model and a
 * date make a snapshot for the date and ask it.
 * @code
 * const orgraph::snapshot essex(m, orgraph::date::from_ymd(2009, 11, 2));
 * auto boss = orgraph::line_manager(essex, m.at("practitioner-a"));
 * auto team = orgraph::all_reports(essex, m.at("head-provider-services"));
 * @endcode
 */
class snapshot {
public:
  /** @brief The parts a snapshot builds, for prepare(). */
  enum class part : std::uint8_t {
    holders = 1,         ///< each post's holder
    line_management = 2, ///< each effective line manager, the chains and the reports
    bodies = 4,          ///< each body's successor and the predecessors it answers for
    seats = 8,           ///< the seats of every body and every person
    links = 16,          ///< each body's first reporting step
    influence = 32,      ///< the influence graph
    all = 63             ///< every part
  };

  /** @brief The model `m` as on `on`. Nothing is computed yet. */
  ORGRAPH_EXPORT snapshot(const orgraph::model& m, date on);

  /** @brief The model it views. */
  [[nodiscard]] const orgraph::model& model() const noexcept { return *model_; }
  /** @brief The date it answers for. */
  [[nodiscard]] date on() const noexcept { return on_; }

  /**
   * @brief Build parts now rather than on first use: before timing questions, or so that threads
   * sharing the snapshot never wait for one another.
   * @code
   * snap.prepare(orgraph::snapshot::part::line_management);
   * @endcode
   */
  ORGRAPH_EXPORT void prepare(part p = part::all) const;

  // ---- the time rules -------------------------------------------------------------------------

  /** @brief Rule 1: whether `v` exists on the date (its lifetime contains it). */
  [[nodiscard]] bool exists(vertex v) const noexcept { return model().lifetime(v).contains(on()); }

  /** @brief Rule 2: the body that answers for `v` on the date (`v` itself unless it has been replaced). */
  [[nodiscard]] ORGRAPH_EXPORT vertex successor(vertex v) const;

  /** @brief Rule 2: whether `v` is a body in force: it exists and has not been replaced. */
  [[nodiscard]] bool body_in_force(vertex v) const {
    return model().kind(v) == node_kind::organization && exists(v) && successor(v) == v;
  }

  /** @brief Rule 3: whether `v` is present: it exists, or for a replaced body, its successor does. */
  [[nodiscard]] bool present(vertex v) const {
    return exists(model().kind(v) == node_kind::organization ? successor(v) : v);
  }

  /** @brief Rule 4: whether relation `r` is in force: its period contains the date and both ends are present. */
  [[nodiscard]] bool in_force(relation_id r) const {
    const orgraph::model& m = model();
    return m.in_period(r, on()) && present(m.source(r)) && present(m.target(r));
  }

  /**
   * @brief The holding that makes someone a post's holder on the date (rule 4 of line management):
   * among the `holds` relations in force into the post, a temporary one before the substantive, the
   * first added among equals; a default handle when the post is vacant.
   */
  [[nodiscard]] ORGRAPH_EXPORT relation_id holding(vertex post) const;

  /** @brief The person holding `post` on the date, or `no_vertex`. */
  [[nodiscard]] vertex holder(vertex post) const {
    const relation_id h = holding(post);
    return h == relation_id() ? no_vertex : model().source(h);
  }

  /// @cond internal
  // The parts, built on first use. For orgraph's own queries; their layout may change.
  [[nodiscard]] ORGRAPH_EXPORT const detail::bodies_part& bodies() const;
  [[nodiscard]] ORGRAPH_EXPORT const detail::holders_part& holders() const;
  [[nodiscard]] ORGRAPH_EXPORT const detail::line_part& line() const;
  [[nodiscard]] ORGRAPH_EXPORT const detail::seats_part& seats() const;
  [[nodiscard]] ORGRAPH_EXPORT const detail::links_part& links() const;
  [[nodiscard]] ORGRAPH_EXPORT const detail::influence_part& influence() const;
  [[nodiscard]] ORGRAPH_EXPORT bool built(part p) const noexcept;
  /// @endcond

private:
  std::shared_ptr<const detail::snapshot_state> state_;
  const orgraph::model* model_;
  date on_;
};

} // namespace orgraph
