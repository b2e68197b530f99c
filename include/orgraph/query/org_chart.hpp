#pragma once
/// @file
/// @brief orgraph::org_chart: line management on one date, computed once, queried at array speed.
///
/// The queries in line_management.hpp work out each answer from the model's relations. When many
/// questions are asked about one date (a whole-organisation report, a dashboard, a benchmark), build
/// an org_chart for that date instead: it resolves every effective line manager once, in time
/// proportional to the model, and then answers the same questions, with the same answers, from flat
/// arrays and a Boost.Graph compressed_sparse_row_graph of who reports to whom.

#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/query/line_management.hpp>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <range/v3/view/facade.hpp>
#include <range/v3/view/subrange.hpp>

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace orgraph {

/**
 * @brief Everyone's effective line manager and reports on one date: a read-only snapshot of a model.
 *
 * The free functions line_manager(), management_chain(), direct_reports(), all_reports(),
 * span_of_control(), post_holder() and lowest_common_manager() take an org_chart in place of a model
 * and a date, and give the same answers. The chart refers to the model it was built from, which must
 * outlive it and stay unchanged.
 * @code
 * orgraph::org_chart chart(m, orgraph::date::from_ymd(2009, 11, 2));
 * for (const auto& step : orgraph::management_chain(chart, m.at("practitioner-a"))) ...
 * auto team = orgraph::all_reports(chart, m.at("head-provider-services"));
 * @endcode
 */
class org_chart {
public:
  /** @brief Resolve line management in `m` as on `on`. Time and memory proportional to the model. */
  ORGRAPH_EXPORT org_chart(const model& m, date on);

  /** @brief The model the chart was built from. */
  [[nodiscard]] const orgraph::model& model() const noexcept { return *model_; }
  /** @brief The date the chart answers for. */
  [[nodiscard]] date on() const noexcept { return on_; }

  /** @brief The effective line manager of `x`, as line_manager(model, x, on) gives it. */
  [[nodiscard]] ORGRAPH_EXPORT std::optional<manager_answer> answer(vertex x) const;

  /** @brief The person `x`'s line manager resolves to, or `no_vertex`: the cheapest question. */
  [[nodiscard]] vertex manager_of(vertex x) const noexcept {
    const auto v = manager_[x];
    return v == none ? no_vertex : vertex{v};
  }

  /** @brief How many steps management_chain(x) has. */
  [[nodiscard]] std::size_t chain_length(vertex x) const noexcept { return chain_length_[x]; }

  /** @brief Who reports to whom on the date, as a Boost.Graph graph (an edge manager → report). */
  using reports_graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                           boost::no_property, std::uint32_t, std::uint32_t>;
  /** @brief The reports graph, for running Boost.Graph algorithms on the chart. */
  [[nodiscard]] const reports_graph& reports() const noexcept { return reports_; }

  /** @brief The person holding post `p` on the date, or `no_vertex`. */
  [[nodiscard]] vertex holder_of(vertex p) const noexcept {
    const auto v = holder_[p];
    return v == none ? no_vertex : vertex{v};
  }

private:
  static constexpr std::uint32_t none = 0xffffffffu;
  enum : std::uint8_t { has_answer = 1, is_ambiguous = 2 };

  const orgraph::model* model_;
  date on_;
  // One entry per vertex: flat arrays rather than a vector of answers keep a million-person chart small.
  std::vector<std::uint32_t> manager_;      // the person the answer resolves to
  std::vector<std::uint32_t> post_;         // the post managed through
  std::vector<std::uint32_t> holder_;       // posts: their holder
  std::vector<std::uint32_t> chain_length_; // steps in management_chain
  std::vector<std::uint8_t> flags_;
  std::vector<std::uint8_t> arrangement_;
  std::unordered_map<std::uint32_t, std::vector<vertex>> vacant_posts_; // rare: answers that passed vacancies
  reports_graph reports_;
};

/** @brief line_manager() on a chart: the same answer, without looking at relations. */
[[nodiscard]] inline std::optional<manager_answer> line_manager(const org_chart& chart, vertex x) {
  return chart.answer(x);
}

/** @brief post_holder() on a chart. */
[[nodiscard]] inline std::optional<vertex> post_holder(const org_chart& chart, vertex post) {
  const vertex h = chart.holder_of(post);
  return h == no_vertex ? std::nullopt : std::optional<vertex>(h);
}

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
 * costs two steps.
 */
[[nodiscard]] inline detail::chain_view management_chain(const org_chart& chart, vertex x) { return {chart, x}; }

/** @brief direct_reports() on a chart, as a range of vertices in the model's order. */
[[nodiscard]] inline auto direct_reports(const org_chart& chart, vertex x) {
  const auto [first, last] = boost::adjacent_vertices(static_cast<std::uint32_t>(x), chart.reports());
  return ranges::subrange(first, last);
}

/** @brief span_of_control() on a chart. */
[[nodiscard]] inline std::size_t span_of_control(const org_chart& chart, vertex x) {
  return boost::out_degree(static_cast<std::uint32_t>(x), chart.reports());
}

/** @brief all_reports() on a chart: the same nodes in the same breadth-first order. */
[[nodiscard]] ORGRAPH_EXPORT std::vector<vertex> all_reports(const org_chart& chart, vertex x);

/** @brief lowest_common_manager() on a chart. */
[[nodiscard]] ORGRAPH_EXPORT std::optional<vertex> lowest_common_manager(const org_chart& chart, vertex a, vertex b);

} // namespace orgraph
