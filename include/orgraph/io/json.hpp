#pragma once
/// @file
/// @brief Reading and writing orgraph's JSON format, a superset of Popolo JSON (docs/format.md).
///
/// This header declares only; Boost.JSON stays inside the compiled library.

#include <orgraph/export.hpp>
#include <orgraph/io/load_options.hpp>
#include <orgraph/model/model.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace orgraph {

/**
 * @brief Load a model from an orgraph or Popolo JSON file.
 *
 * Keys the format does not use are ignored, so a plain Popolo file loads, its legislative periods
 * (`events`) as terms and its `area_id`s as areas. Throws parse_error (naming file, line and column)
 * for malformed JSON, a wrong type or a bad date, JSON with none of the arrays orgraph or Popolo use, or
 * JSON Lines; reference_error (naming the id) for a duplicate or dangling id; parse_error when the file
 * exceeds a limit in `options`; file_error (with the operating system's reason) if it cannot be read,
 * and resource_error (`out of memory while loading FILE`) if memory runs out. Nothing half-loaded is
 * ever returned. With `options.lenient`, each bad record is left out and reported to
 * `options.skipped` instead (docs/format.md, "Lenient loading").
 * @code
 * auto m = orgraph::load_json("examples/essex_2009/essex_2009.json");
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT model load_json(const std::filesystem::path& file, const load_options& options = {});

/**
 * @brief Load a model from JSON text; `source_name` stands for the file name in error messages.
 */
[[nodiscard]] ORGRAPH_EXPORT model parse_json(std::string_view text, std::string_view source_name = "<string>",
                                              const load_options& options = {});

/**
 * @brief The model as orgraph JSON text, one record a line for people to read and edit; terms as
 * Popolo `events`, and memberships with their own dates and `legislative_period_id`.
 */
[[nodiscard]] ORGRAPH_EXPORT std::string to_json(const model& m);

/**
 * @brief Write the model as orgraph JSON to a file, through write_file_atomically(): a crash, a kill or
 * a full disk leaves the old file whole. Throws file_error, with the operating system's reason, if the
 * file cannot be written.
 */
ORGRAPH_EXPORT void save_json(const model& m, const std::filesystem::path& file);

} // namespace orgraph
