#pragma once
// Internal: the groups of checks validate() runs, one compiled file each.

#include <orgraph/analysis/validate.hpp>
#include <orgraph/model/model.hpp>

namespace orgraph::detail {

/// Line management: cycles, self-management, ambiguity, vacancies, disciplines (validate.cpp).
void check_line_management(const snapshot& s, validation_report& report);

/// Governance: memberships outside a body's life, relations to replaced bodies, board size, chairs
/// (validate_governance.cpp).
void check_governance(const snapshot& s, const validation_options& options, validation_report& report);

} // namespace orgraph::detail
