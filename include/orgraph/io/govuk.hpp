#pragma once
/// @file
/// @brief Importing the GOV.UK organisations list (https://www.gov.uk/api/organisations, all pages, one
/// JSON object a line) as bodies with their types, reporting lines and successions
/// (docs/persistence.md, "GOV.UK organisations").
///
/// This header declares only; Boost.JSON stays inside the compiled library.

#include <orgraph/export.hpp>
#include <orgraph/io/load_options.hpp>
#include <orgraph/model/model.hpp>

#include <filesystem>
#include <string_view>

namespace orgraph {

/**
 * @brief Whether the first bytes of a file are the GOV.UK organisations list: JSON Lines whose first
 * line is an organisation object (`parent_organisations` with `child_organisations`, `details` or
 * `format`). Cheap and never throws; for a loader that picks the format by content.
 * @code
 * if (orgraph::looks_like_govuk_organisations(head)) m = orgraph::load_govuk_organisations(file);
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT bool looks_like_govuk_organisations(std::string_view head) noexcept;

/**
 * @brief Load the GOV.UK organisations list from JSON Lines text; `source_name` stands for the file in
 * messages.
 *
 * Each organisation becomes a body whose id is its slug (`details.slug`, else the last part of its
 * `id`), named by its `title`, classified by its `format` ("Executive agency"). Each of its
 * `parent_organisations` becomes a `reports_to` relation to that parent, in the order listed, so that
 * several parents are kept (the list is a DAG) and the reporting line follows the first parent in force.
 * A closed organisation is dissolved on its `details.closed_at` date (on its `updated_at` date when it
 * has none); `superseded_organisations` and `superseding_organisations` become `replaced_by` relations.
 *
 * Throws parse_error (file, line and column) for a line that is not JSON or not an organisation, and
 * for a limit of `options` passed; reference_error for a duplicate slug or a parent that is not in the
 * list. With `options.lenient`, a bad line (or a link to an unknown organisation) is left out and
 * reported to `options.skipped` instead.
 */
[[nodiscard]] ORGRAPH_EXPORT model parse_govuk_organisations(std::string_view text,
                                                             std::string_view source_name = "<string>",
                                                             const load_options& options = {});

/**
 * @brief parse_govuk_organisations() of a file; file_error if it cannot be read, parse_error if it is
 * larger than `options.max_file_size`, resource_error if memory runs out.
 * @code
 * auto m = orgraph::load_govuk_organisations("govuk_organisations.jsonl");
 * for (const auto& step : orgraph::reporting_line(m, m.at("civil-service-fast-stream"), on)) ...
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT model load_govuk_organisations(const std::filesystem::path& file,
                                                            const load_options& options = {});

} // namespace orgraph
