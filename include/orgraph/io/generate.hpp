#pragma once
/// @file
/// @brief Synthetic organisations of any size for tests, benchmarks and demonstrations.

#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>

#include <cstddef>
#include <cstdint>

namespace orgraph {

/**
 * @brief What generate() builds. The shape is described in docs/persistence.md.
 */
struct generate_options {
  std::size_t persons = 1000; ///< exactly this many persons
  std::uint64_t seed = 1;     ///< the same seed gives the same model, on every platform
  int first_year = 2015;      ///< relations start and end over ten years from 1 January of this year
  /// Share of persons with a temporary (acting, interim or secondment) manager for a while, in percent.
  unsigned temporary_percent = 5;
  /// Share of persons whose first line manager changed during the ten years, in percent.
  unsigned changed_manager_percent = 20;
};

/**
 * @brief A synthetic organisation of `options.persons` persons that looks like a real one: a
 * management tree with spans of 3 to 12 whose depth grows with size, posts for the managers, teams
 * within services within directorates within a council, districts within quadrants, boards and
 * partnerships with members, acting and interim arrangements, ended relations and decisions.
 *
 * Deterministic: it uses its own small generator (splitmix64), not the standard distributions whose
 * output differs between standard libraries. A million persons take seconds.
 * @code
 * auto m = orgraph::generate({10000, 42});
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT model generate(const generate_options& options = {});

} // namespace orgraph
