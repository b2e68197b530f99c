#pragma once
/// @file
/// @brief validate(): what is wrong or doubtful in a model on a date, as a report rather than an exception.

#include <orgraph/export.hpp>
#include <orgraph/model/types.hpp>
#include <orgraph/snapshot/snapshot.hpp>
#include <orgraph/time/date.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace orgraph {

/** @brief How bad a finding is: an error makes `orgraph validate` exit 1, a warning does not. */
enum class severity : std::uint8_t { error, warning };

/**
 * @brief One finding of validate(): a stable code, the ids involved and a readable message.
 *
 * Codes are stable. Line management (docs/concepts.md): `management_cycle`, `self_management`,
 * `ambiguous_manager` (errors); `no_manager`, `vacant_manager_post`, `outside_discipline` (warnings).
 * Governance (docs/governance.md): `membership_outside_lifetime` (error); `relation_to_replaced_body`,
 * `board_too_large`, `no_chair` (warnings).
 */
struct finding {
  std::string code;                             ///< what kind of problem, one of the codes above
  orgraph::severity severity = severity::error; ///< whether it is an error or only a warning
  std::vector<std::string> ids;                 ///< the nodes involved, in a meaningful order (a cycle in cycle order)
  std::string message;                          ///< a sentence for people, naming the nodes
};

/** @brief Everything validate() found, errors and warnings apart. */
struct validation_report {
  std::vector<finding> errors;   ///< the findings of severity::error
  std::vector<finding> warnings; ///< the findings of severity::warning

  /** @brief No errors (warnings allowed). */
  [[nodiscard]] bool ok() const noexcept { return errors.empty(); }
  /** @brief Whether any finding (error or warning) has this code. */
  [[nodiscard]] ORGRAPH_EXPORT bool has(std::string_view code) const noexcept;
};

/** @brief Thresholds for validate(); the defaults suit a local authority. */
struct validation_options {
  /// A board with more members than this on the date gets a `board_too_large` warning.
  std::size_t max_board_size = 20;
};

/**
 * @brief Check a model's line management as it stands on a date.
 *
 * Never throws for problems in the data: each is a finding. Finds line-management cycles (listing the
 * cycle), self-management, ambiguous managers, staff with no manager who head nothing, managing posts
 * that are vacant, and managers who share none of their report's professional disciplines (the 2009
 * letter's rule that line management stays within the worker's discipline).
 * @code
 * auto report = orgraph::validate(m, orgraph::date::from_ymd(2009, 12, 1));
 * for (const auto& e : report.errors) std::cerr << e.code << ": " << e.message << '\n';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT validation_report validate(const snapshot& s, const validation_options& options = {});
/** @brief validate() as on `on`. */
[[nodiscard]] inline validation_report validate(const model& m, date on = date::today(),
                                                const validation_options& options = {}) {
  return validate(snapshot(m, on), options);
}

} // namespace orgraph
