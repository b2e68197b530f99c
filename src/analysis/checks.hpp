#pragma once
// Internal: the groups of checks validate() runs, one compiled file each.

#include <orgraph/analysis/validate.hpp>
#include <orgraph/model/model.hpp>

namespace orgraph::detail {

/// Line management: cycles, self-management, ambiguity, vacancies, disciplines (src/validate.cpp).
void check_line_management(const model& m, date on, validation_report& report);

/// Governance: memberships outside a body's life, relations to replaced bodies, board size, chairs
/// (src/validate_governance.cpp).
void check_governance(const model& m, date on, const validation_options& options, validation_report& report);

} // namespace orgraph::detail
