#pragma once
/// @file
/// @brief orgraph::org_chart: a snapshot with line management resolved for every node at once, and the
/// array-speed questions a whole-organisation report asks of it.
///
/// An org_chart is a orgraph::snapshot (every query taking a snapshot takes it) that builds its line
/// management part when made, so that the first question does not pay for it.

#include <orgraph/query/line_management.hpp>
#include <orgraph/snapshot/snapshot.hpp>

#include <range/v3/view/facade.hpp>

#include <cstddef>
#include <optional>

namespace orgraph {

/**
 * @brief Everyone's effective line manager and reports on one date: a snapshot whose line management is
 * resolved when it is made.
 * @code
 * orgraph::org_chart chart(m, orgraph::date::from_ymd(2009, 11, 2));
 * for (const auto& step : orgraph::management_chain(chart, m.at("practitioner-a"))) ...
 * auto team = orgraph::all_reports(chart, m.at("head-provider-services"));
 * @endcode
 */
class org_chart : public snapshot {
public:
  /** @brief Resolve line management in `m` as on `on`. Time and memory proportional to the model. */
  org_chart(const orgraph::model& m, date on) : snapshot(m, on) { prepare(part::line_management); }

  /** @brief The effective line manager of `x`, as line_manager() gives it. */
  [[nodiscard]] std::optional<manager_answer> answer(vertex x) const { return line_manager(*this, x); }

  /** @brief The person `x`'s line manager resolves to, or `no_vertex`: the cheapest question. */
  [[nodiscard]] vertex manager_of(vertex x) const noexcept {
    const std::uint32_t v = line().manager[x];
    return v == detail::no_index ? no_vertex : vertex{v};
  }

  /** @brief How many steps management_chain(x) has. */
  [[nodiscard]] std::size_t chain_length(vertex x) const noexcept { return line().chain_length[x]; }

  /** @brief The person holding post `p` on the date, or `no_vertex`. */
  [[nodiscard]] vertex holder_of(vertex p) const { return holder(p); }
};

namespace detail {

/// A lazy walk up a chart's management chain: one manager_answer per step, made when read.
class chain_view : public ranges::view_facade<chain_view, ranges::finite> {
public:
  chain_view() = default;
  chain_view(const org_chart& chart, vertex x) : chart_(&chart), from_(x), steps_(chart.chain_length(x)) {}

private:
  friend ranges::range_access;
  struct cursor {
    const org_chart* chart = nullptr;
    vertex at = no_vertex; // the node whose manager is the current step
    std::size_t left = 0;
    [[nodiscard]] manager_answer read() const { return *chart->answer(at); }
    void next() {
      at = chart->manager_of(at);
      --left;
    }
    [[nodiscard]] bool equal(ranges::default_sentinel_t) const { return left == 0; }
  };
  [[nodiscard]] cursor begin_cursor() const { return {chart_, from_, steps_}; }

  const org_chart* chart_ = nullptr;
  vertex from_ = no_vertex;
  std::size_t steps_ = 0;
};

} // namespace detail

/**
 * @brief management_chain() on a chart, as a lazy range of manager_answer, nearest first.
 *
 * Nothing is computed until a step is read, so `management_chain(chart, x) | ranges::views::take(2)`
 * costs two steps; the steps are those management_chain() on a snapshot gives.
 */
[[nodiscard]] inline detail::chain_view management_chain(const org_chart& chart, vertex x) { return {chart, x}; }

} // namespace orgraph
