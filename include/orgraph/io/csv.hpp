#pragma once
/// @file
/// @brief Importing line management from CSV files as HR systems and government organograms export
/// them (RFC 4180). The formats and the shipped mappings are described in docs/persistence.md.

#include <orgraph/export.hpp>
#include <orgraph/io/load_options.hpp>
#include <orgraph/model/model.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph {

/** @brief What one row of a CSV file describes. */
enum class csv_layout : std::uint8_t {
  person_rows, ///< one row per person (or per person and period): an HR export
  post_rows    ///< one row per post, posts reporting to posts: an organogram
};

/**
 * @brief Which column of a CSV file is which, and how to read the values.
 *
 * Each column is named by its header (compared ignoring case and surrounding spaces). An empty name
 * means the format has no such column; every column the mapping names must be in the header row.
 * The default is orgraph's own person-per-row format:
 * `person_id,name,manager_id,discipline,organization_id,post,start_date,end_date`.
 * @code
 * orgraph::csv_mapping hr;            // start from the default and rename what differs
 * hr.id = "Employee Number";
 * hr.manager_id = "Line Manager Number";
 * hr.post = hr.start_date = hr.end_date = "";  // not in this export
 * auto m = orgraph::load_csv("hr.csv", hr);
 * @endcode
 */
struct csv_mapping {
  csv_layout layout = csv_layout::person_rows; ///< whether a row describes a person or a post
  std::string id = "person_id";          ///< person id, or post id for post rows (empty: generated from the manager)
  std::string name = "name";             ///< the person's name; for post rows the holder's name
  std::string manager_id = "manager_id"; ///< the manager's person id, or the manager post's id
  std::string discipline = "discipline"; ///< professional discipline(s), split at `discipline_separator`
  std::string organization = "organization_id"; ///< the team or unit the person or post belongs to
  std::string post = "post";                    ///< the post's label (job title)
  std::string start_date = "start_date";        ///< ISO-8601, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty: no start
  std::string end_date = "end_date";            ///< likewise; empty: still in force

  char separator = ',';            ///< field separator
  char discipline_separator = ';'; ///< between several disciplines in one field
  /// Manager values that mean "reports to no one" (an empty value always does), e.g. `XX`.
  std::vector<std::string> top_markers;
  /// Post rows: names that mean the post has no holder (compared ignoring case; empty always does).
  std::vector<std::string> vacant_names;
  /// Post rows: names that mean the post is filled by someone whose name is not disclosed (compared
  /// ignoring case): the post gets a holder named `undisclosed_holder`, so it is not vacant.
  std::vector<std::string> undisclosed_names;
  /// Post rows: names that mean the post no longer exists (compared ignoring case): the row makes no post.
  std::vector<std::string> eliminated_names;
  /// The name of a holder whose name the file does not disclose.
  std::string undisclosed_holder = "(not disclosed)";
  /// Discipline values that mean "not given" (compared ignoring case; empty always does).
  std::vector<std::string> undisclosed;
  /// The organization column holds a name, not an id: the id is `organization_id_prefix` + name.
  bool organization_is_name = false;
  std::string organization_id_prefix;               ///< see organization_is_name
  std::string organization_classification = "team"; ///< classification of organizations created
  /// Post rows: a post id repeated with the same label, organization, manager and discipline is one
  /// post held by several persons (a job share); otherwise a repeated id is an error.
  bool job_shares = false;

  /**
   * @brief The UK government senior organogram (data.gov.uk): `Post Unique Reference`, `Name`,
   * `Job Title`, `Unit`, `Reports to Senior Post` (`XX` = top), `Professional/Occupational Group`.
   * A Name of `N/D` or `Not disclosed` is a post held by someone not named (a holder named
   * `(not disclosed)`), `Vacant`, `Vacant post`, `N/A` or empty a vacant post, and `Eliminated` no post
   * at all; units become organizations `unit:<Unit>`. Each list can be replaced, not only extended.
   */
  [[nodiscard]] ORGRAPH_EXPORT static csv_mapping organogram();

  /**
   * @brief The junior organogram that goes with it: one row per group of junior posts under
   * `Reporting Senior Post`, labelled `Generic Job Title`. Each row becomes one post with the id
   * `<senior post>/<n>` (n counting that senior post's rows from 1); they have no holders.
   */
  [[nodiscard]] ORGRAPH_EXPORT static csv_mapping organogram_junior();
};

/**
 * @brief A mapping from a mapping file's text: one `key = value` a line, `#` starting a comment line, a
 * value optionally in double quotes. `base = default | organogram | organogram_junior` (first, if given)
 * starts from that mapping; `layout = person_rows | post_rows`; the column keys `id`, `name`,
 * `manager_id`, `discipline`, `organization`, `post`, `start_date`, `end_date` name the file's headers
 * (empty: no such column); `separator` and `discipline_separator` are one character or `tab`;
 * `organization_is_name` and `job_shares` are `true` or `false`; `organization_id_prefix`,
 * `organization_classification` and `undisclosed_holder` are text.
 *
 * Each list has a key that adds one value (`top_marker`, `vacant_name`, `undisclosed_name`,
 * `eliminated_name`, `undisclosed_discipline` or its older name `undisclosed`) and a plural key that
 * replaces the whole list with the values given, separated by `;` (`top_markers`, `vacant_names`,
 * `undisclosed_names`, `eliminated_names`, `undisclosed_disciplines`); an empty plural value empties
 * the list. Throws parse_error
 * naming `source_name` and the line for an unknown key or a bad value.
 * @code
 * auto m = orgraph::parse_csv_mapping("base = organogram\nvacant_names = Vacant; Unfilled\n");
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT csv_mapping parse_csv_mapping(std::string_view text,
                                                           std::string_view source_name = "<mapping>");

/** @brief parse_csv_mapping() of a file (at most 1 MiB); file_error if it cannot be read. */
[[nodiscard]] ORGRAPH_EXPORT csv_mapping read_csv_mapping(const std::filesystem::path& file);

/**
 * @brief The shipped mapping that fits a header row, if any: organogram() for a senior organogram,
 * organogram_junior() for a junior one, the default for orgraph's own format (a `person_id`
 * column). `header` is the CSV text (only its first record is read) or just its header line; give
 * the whole first record, since a header cut short is read as a shorter one.
 *
 * A header row with more columns than orgraph reads (4096) fits no mapping for that reason, so it is
 * a parse_error naming `source_name` and the count rather than an empty answer.
 */
[[nodiscard]] ORGRAPH_EXPORT std::optional<csv_mapping> detect_csv_mapping(std::string_view header,
                                                                           std::string_view source_name = "<header>");

/**
 * @brief Load a model from a CSV file.
 *
 * Throws parse_error naming the file, line, column and header for malformed CSV (RFC 4180), a
 * missing column, a missing id or a bad date; reference_error naming the id (and where it was met)
 * for an unknown manager or a duplicate post; file_error if the file cannot be read; resource_error
 * (`out of memory while loading FILE`) if memory runs out. A file with any error loads nothing.
 *
 * With `options.lenient`, a row with an error is left out instead and reported to `options.skipped`
 * (`line 12` and the reason); a part of a row that refers to something missing (an unknown manager)
 * is left out and the rest kept. Broken CSV (a quote), a bad header and a limit are still refused.
 *
 * `options` bounds what the file may cost (docs/reliability.md): a file larger than
 * `max_file_size` is refused before it is read; a row that takes the nodes or relations the file
 * creates past `max_nodes` or `max_relations` is refused before anything is built. Each is a
 * parse_error naming the limit (`load_options::max_nodes`). A header row may have at most 4096
 * columns and a data row no more fields than its header.
 * @code
 * auto senior = orgraph::load_csv("organogram-senior.csv", orgraph::csv_mapping::organogram());
 * orgraph::load_options strict;
 * strict.max_file_size = 10 << 20; // an upload: 10 MiB at most
 * auto upload = orgraph::load_csv("upload.csv", {}, strict);
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT model load_csv(const std::filesystem::path& file, const csv_mapping& mapping = {},
                                            const load_options& options = {});

/**
 * @brief Load several CSV files into one model, in order, each with the mapping detect_csv_mapping
 * picks from its header (so a junior organogram may follow its senior one). Throws parse_error at
 * line 1 of a file whose header no shipped mapping fits. All or nothing. `max_file_size` applies
 * to each file, `max_nodes` and `max_relations` to what all the files create together.
 */
[[nodiscard]] ORGRAPH_EXPORT model load_csv(const std::vector<std::filesystem::path>& files,
                                            const load_options& options = {});

/** @brief Load a model from CSV text; `source_name` stands for the file name in messages. */
[[nodiscard]] ORGRAPH_EXPORT model parse_csv(std::string_view text, const csv_mapping& mapping = {},
                                             std::string_view source_name = "<string>");

/** @brief As above, within `options` (`max_file_size` applies to the text's length), as load_csv. */
[[nodiscard]] ORGRAPH_EXPORT model parse_csv(std::string_view text, const csv_mapping& mapping,
                                             const load_options& options, std::string_view source_name = "<string>");

/**
 * @brief Add the rows of CSV text to an existing model; ids in the text may refer to its nodes
 * (a manager loaded from an earlier file). Strong guarantee: on any error `m` is unchanged.
 */
ORGRAPH_EXPORT void parse_csv_into(model& m, std::string_view text, const csv_mapping& mapping = {},
                                   std::string_view source_name = "<string>");

/**
 * @brief As above, within `options`; `max_nodes` and `max_relations` bound what the text adds to
 * `m`, not what `m` already holds.
 */
ORGRAPH_EXPORT void parse_csv_into(model& m, std::string_view text, const csv_mapping& mapping,
                                   const load_options& options, std::string_view source_name = "<string>");

/** @brief As parse_csv_into, reading a file (its size checked against `options` before it is read). */
ORGRAPH_EXPORT void load_csv_into(model& m, const std::filesystem::path& file, const csv_mapping& mapping = {},
                                  const load_options& options = {});

} // namespace orgraph
