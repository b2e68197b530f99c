#pragma once
// The two sides of the differential test, one method per query and the same names on both:
// library_answers calls orgraph, reference_answers calls orgraph_reference.
//
// library_answers is the one place that says how the library is asked. When the snapshot lands, ask
// it here (for example `orgraph::line_manager(snap, x)` with `const orgraph::snapshot snap(m, on)` made
// once in the constructor) and every comparison follows.

#include <orgraph/analysis/influence.hpp>
#include <orgraph/analysis/validate.hpp>
#include <orgraph/query/decisions.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/query/line_management.hpp>

#include "../reference/reference.hpp"
#include "show.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace differential {

using orgraph::date;
using orgraph::decision_index;
using orgraph::influence_options;
using orgraph::relation_id;

/// The library's answers about one model on one date.
struct library_answers {
  const model& m;
  date on;

  // Line management.
  auto line_manager(vertex x) const { return orgraph::line_manager(m, x, on); }
  auto supervisor(vertex x) const { return orgraph::supervisor(m, x, on); }
  auto dotted_line_managers(vertex x) const { return orgraph::dotted_line_managers(m, x, on); }
  auto management_chain(vertex x) const { return orgraph::management_chain(m, x, on); }
  auto direct_reports(vertex x) const { return orgraph::direct_reports(m, x, on); }
  auto span_of_control(vertex x) const { return count{orgraph::span_of_control(m, x, on)}; }
  auto all_reports(vertex x) const { return orgraph::all_reports(m, x, on); }
  auto lowest_common_manager(vertex a, vertex b) const { return orgraph::lowest_common_manager(m, a, b, on); }
  auto post_holder(vertex p) const { return orgraph::post_holder(m, p, on); }
  auto holders(vertex p) const {
    std::vector<relation_id> out; // the holdings, in order: the person and footing follow from them
    for (const auto& h : orgraph::holders(m, p, on))
      out.push_back(h.relation);
    return out;
  }
  auto is_line_manager_of(vertex manager, vertex x) const { return orgraph::is_line_manager_of(m, manager, x, on); }

  // Governance.
  auto members(vertex b) const { return orgraph::members(m, b, on); }
  auto members_in_area(vertex b, vertex a) const { return orgraph::members_in_area(m, b, a, on); }
  auto chair(vertex b) const { return orgraph::chair(m, b, on); }
  auto bodies_of(vertex p) const { return orgraph::bodies_of(m, p, on); }
  auto membership_size(vertex b) const { return count{orgraph::membership_size(m, b, on)}; }
  auto shared_members(vertex a, vertex b) const { return orgraph::shared_members(m, a, b, on); }
  auto interlocks() const { return orgraph::interlocks(m, on); }

  // Reporting lines, succession, coverage.
  auto reporting_line(vertex b) const { return orgraph::reporting_line(m, b, on); }
  auto sub_bodies(vertex b, bool direct_only) const { return orgraph::sub_bodies(m, b, on, direct_only); }
  auto successor_on(vertex b) const { return orgraph::successor_on(m, b, on); }
  auto in_force(vertex b) const { return orgraph::in_force(m, b, on); }
  auto active_bodies() const { return orgraph::active_bodies(m, on); }
  auto expiring(std::int32_t days) const { return orgraph::expiring(m, days, on); }
  auto lineage(vertex b) const { return orgraph::lineage(m, b); }
  auto replacement_date(relation_id r) const { return orgraph::replacement_date(m, r); }
  auto covering(vertex area, std::string_view cls) const { return orgraph::covering(m, area, on, cls); }
  auto coverage_gaps(std::string_view cls, std::string_view level) const {
    return orgraph::coverage_gaps(m, cls, level, on);
  }

  // Decisions.
  auto decision_route(decision_index d) const { return orgraph::decision_route(m, d, on); }
  auto decisions_by(vertex b, date from, date to) const { return decision_list{orgraph::decisions_by(m, b, from, to)}; }
  auto bodies_without_decisions(date from, date to) const { return orgraph::bodies_without_decisions(m, from, to); }

  // Influence.
  auto influence_paths(vertex from, vertex to, const influence_options& o) const {
    return orgraph::influence_paths(m, from, to, on, o);
  }
  auto independent_channels(vertex from, vertex to) const { return orgraph::independent_channels(m, from, to, on); }
  auto single_points_of_failure(vertex from, vertex to) const {
    return orgraph::single_points_of_failure(m, from, to, on);
  }
  auto influence_reach(vertex from, const influence_options& o) const {
    return orgraph::influence_reach(m, from, on, o);
  }
  auto double_linking_audit() const { return orgraph::double_linking_audit(m, on); }

  // Validation, as (code, severity, ids) sorted, cycles rotated to start at their smallest id.
  auto validate(const orgraph::validation_options& options) const {
    const auto report = orgraph::validate(m, on, options);
    std::vector<orgraph_reference::finding> out;
    for (const auto* list : {&report.errors, &report.warnings})
      for (const auto& f : *list)
        out.push_back(
            {f.code, f.severity, f.code == "management_cycle" ? orgraph_reference::rotated_to_smallest(f.ids) : f.ids});
    std::sort(out.begin(), out.end());
    return out;
  }
};

/// The reference's answers to the same questions.
struct reference_answers {
  const model& m;
  date on;

  auto line_manager(vertex x) const { return orgraph_reference::line_manager(m, x, on); }
  auto supervisor(vertex x) const { return orgraph_reference::supervisor(m, x, on); }
  auto dotted_line_managers(vertex x) const { return orgraph_reference::dotted_line_managers(m, x, on); }
  auto management_chain(vertex x) const { return orgraph_reference::management_chain(m, x, on); }
  auto direct_reports(vertex x) const { return orgraph_reference::direct_reports(m, x, on); }
  auto span_of_control(vertex x) const { return count{orgraph_reference::span_of_control(m, x, on)}; }
  auto all_reports(vertex x) const { return orgraph_reference::all_reports(m, x, on); }
  auto lowest_common_manager(vertex a, vertex b) const { return orgraph_reference::lowest_common_manager(m, a, b, on); }
  auto post_holder(vertex p) const { return orgraph_reference::post_holder(m, p, on); }
  auto holders(vertex p) const {
    return m[p].lifetime.contains(on) ? orgraph_reference::effective_holdings(m, p, on) : std::vector<relation_id>{};
  }
  auto is_line_manager_of(vertex manager, vertex x) const {
    return orgraph_reference::is_line_manager_of(m, manager, x, on);
  }

  auto members(vertex b) const { return orgraph_reference::members(m, b, on); }
  auto members_in_area(vertex b, vertex a) const { return orgraph_reference::members_in_area(m, b, a, on); }
  auto chair(vertex b) const { return orgraph_reference::chair(m, b, on); }
  auto bodies_of(vertex p) const { return orgraph_reference::bodies_of(m, p, on); }
  auto membership_size(vertex b) const { return count{orgraph_reference::membership_size(m, b, on)}; }
  auto shared_members(vertex a, vertex b) const { return orgraph_reference::shared_members(m, a, b, on); }
  auto interlocks() const { return orgraph_reference::interlocks(m, on); }

  auto reporting_line(vertex b) const { return orgraph_reference::reporting_line(m, b, on); }
  auto sub_bodies(vertex b, bool direct_only) const { return orgraph_reference::sub_bodies(m, b, on, direct_only); }
  auto successor_on(vertex b) const { return orgraph_reference::successor_on(m, b, on); }
  auto in_force(vertex b) const { return orgraph_reference::in_force(m, b, on); }
  auto active_bodies() const { return orgraph_reference::active_bodies(m, on); }
  auto expiring(std::int32_t days) const { return orgraph_reference::expiring(m, days, on); }
  auto lineage(vertex b) const { return orgraph_reference::lineage(m, b); }
  auto replacement_date(relation_id r) const { return orgraph_reference::replacement_date(m, r); }
  auto covering(vertex area, std::string_view cls) const { return orgraph_reference::covering(m, area, on, cls); }
  auto coverage_gaps(std::string_view cls, std::string_view level) const {
    return orgraph_reference::coverage_gaps(m, cls, level, on);
  }

  auto decision_route(decision_index d) const { return orgraph_reference::decision_route(m, d, on); }
  auto decisions_by(vertex b, date from, date to) const {
    return decision_list{orgraph_reference::decisions_by(m, b, from, to)};
  }
  auto bodies_without_decisions(date from, date to) const {
    return orgraph_reference::bodies_without_decisions(m, from, to);
  }

  auto double_linking_audit() const { return orgraph_reference::double_linking_audit(m, on); }
  auto validate(const orgraph::validation_options& options) const {
    return orgraph_reference::validate(m, on, options);
  }
};

} // namespace differential
