#pragma once
/// @file
/// @brief The words governance answers use, which the snapshot's parts record: how a member comes to sit
/// on a body, and which link a step of a reporting line follows. Cheap to include.

#include <orgraph/export.hpp>

#include <cstdint>
#include <string_view>

namespace orgraph {

/** @brief How a member comes to sit on a body. */
enum class membership_basis : std::uint8_t {
  direct,      ///< a `member_of` relation from the person to the body
  ex_officio,  ///< a `member_of` relation from a post the person holds to the body
  post_of_body ///< the person holds a post that belongs to the body or whose holding names it
};

/**
 * @brief `"direct"`, `"ex_officio"` or `"post_of_body"`, as written in output.
 * @code
 * std::cout << orgraph::to_string(seat.basis); // "ex_officio"
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::string_view to_string(membership_basis b) noexcept;

/** @brief Which link a step of a reporting line follows. */
enum class reporting_via : std::uint8_t {
  reports_to, ///< a `reports_to` relation in force
  parent      ///< the body's parent organization (used only when no `reports_to` is in force)
};

/**
 * @brief `"reports_to"` or `"parent"`, as written in output.
 * @code
 * std::cout << orgraph::to_string(step.via); // "parent"
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::string_view to_string(reporting_via v) noexcept;

} // namespace orgraph
