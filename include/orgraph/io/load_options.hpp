#pragma once
/// @file
/// @brief What every loader takes: limits, so that a hostile or broken file cannot exhaust memory, and
/// whether to skip bad records (lenient loading) rather than refuse the file.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace orgraph {

/** @brief A record a lenient load skipped: where it is and why. */
struct skipped_record {
  std::string file;   ///< the file (or source name) it was read from
  std::string where;  ///< the line (`line 12`) or JSON path (`memberships[3]`) of the record
  std::string reason; ///< what was wrong with it, as the strict load would have said
};

/**
 * @brief Limits for loading untrusted input, and how to treat a bad record. Exceeding a limit is a
 * parse_error (or archive_error) that names the limit and how to raise it.
 *
 * The defaults admit a model of several million persons while refusing files meant to exhaust memory,
 * and refuse a file with any bad record (strict). With `lenient`, a loader that supports it loads every
 * valid record and reports each record it skips to `skipped`; a broken file (bad syntax, a limit) is
 * still refused.
 * @code
 * orgraph::load_options options;
 * options.max_file_size = 10 << 20; // 10 MiB
 * options.lenient = true;
 * options.skipped = [](const orgraph::skipped_record& r) { std::cerr << r.where << ": " << r.reason << '\n'; };
 * auto m = orgraph::load_json("upload.json", options);
 * @endcode
 */
struct load_options {
  std::uint64_t max_file_size = std::uint64_t{2} << 30; ///< bytes (2 GiB)
  std::size_t max_nodes = 20'000'000;                   ///< persons, posts, bodies and areas together
  std::size_t max_relations = 100'000'000;              ///< relations and memberships together
  std::size_t max_depth = 64;                           ///< nesting depth of JSON values
  bool lenient = false;                                 ///< skip bad records instead of refusing the file
  std::function<void(const skipped_record&)> skipped;   ///< told of each record a lenient load skips
};

} // namespace orgraph
