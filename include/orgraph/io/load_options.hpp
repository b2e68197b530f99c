#pragma once
/// @file
/// @brief Limits every loader enforces, so that a hostile or broken file cannot exhaust memory.

#include <cstddef>
#include <cstdint>

namespace orgraph {

/**
 * @brief Limits for loading untrusted input. Exceeding one is a parse_error (or archive_error) that
 * names the limit and how to raise it.
 *
 * The defaults admit a model of several million persons while refusing files meant to exhaust memory.
 * @code
 * orgraph::load_options strict;
 * strict.max_file_size = 10 << 20; // 10 MiB
 * auto m = orgraph::load_json("upload.json", strict);
 * @endcode
 */
struct load_options {
  std::uint64_t max_file_size = std::uint64_t{2} << 30; ///< bytes (2 GiB)
  std::size_t max_nodes = 20'000'000;                   ///< persons, posts, bodies and areas together
  std::size_t max_relations = 100'000'000;              ///< relations and memberships together
  std::size_t max_depth = 64;                           ///< nesting depth of JSON values
};

} // namespace orgraph
