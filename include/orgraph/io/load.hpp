#pragma once
/// @file
/// @brief Loading a model from a file in any format orgraph reads, the format told by the file itself:
/// archives by their magic, JSON, HR and organogram CSV by their header row, with a mapping file
/// where a CSV file's columns are its own.
///
/// The formats are a table of (detector, loader) entries, model_formats(): a new format is one more
/// entry. Detectors grade what they see (a signature beats an extension, which beats a guess from the
/// content); the surest wins, the earlier entry on a tie.

#include <orgraph/export.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/load_options.hpp>
#include <orgraph/model/model.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph {

/**
 * @brief How load_model() reads files: the loaders' limits and leniency (the load_options it derives
 * from, passed to every loader that takes them), a CSV mapping, and a format to read every file as.
 * @code
 * orgraph::load_model_options o;
 * o.mapping = orgraph::read_csv_mapping("hr.mapping");
 * o.lenient = true;
 * o.skipped = [](const orgraph::skipped_record& r) { std::cerr << r.file << ": " << r.where << ": " << r.reason <<
 * '\n'; }; auto m = orgraph::load_model("hr.csv", o);
 * @endcode
 */
struct load_model_options : load_options {
  /// For every CSV file: this mapping instead of the one its header row calls for.
  std::optional<csv_mapping> mapping;
  /// The name of a format of model_formats() to read every file as ("json", "csv", "archive");
  /// empty: each file's own.
  std::string format;
};

/** @brief How sure a detector is that a file is in its format; the surest detector wins. */
enum class format_match : std::uint8_t {
  none,      ///< not this format
  content,   ///< the first bytes look like it (`{` for JSON, a known CSV header)
  extension, ///< the file name's extension says so
  signature  ///< the file starts with the format's magic
};

/** @brief What a format detector sees of a file: its name and first bytes, and the options. */
struct file_sample {
  std::string_view name;             ///< the file name as given
  std::string_view head;             ///< its first bytes (64 KiB at most), a UTF-8 byte order mark removed
  const load_model_options* options; ///< how the file is being loaded (a mapping given, say); never null
};

/**
 * @brief One format load_model() reads: its name, how to recognise a file of it, how to load one.
 * @code
 * for (const auto& f : orgraph::model_formats()) std::cout << f.name << " (" << f.extensions << ")\n";
 * @endcode
 */
struct model_format {
  std::string_view name;                             ///< the name options and tools use: "json", "csv", "archive"
  std::string_view extensions;                       ///< the extensions it is known by, for messages: ".json"
  format_match (*detect)(const file_sample& sample); ///< grades a file
  model (*load)(const std::filesystem::path& file, const load_model_options& options); ///< loads a file
  /// Adds a file's contents to a model already loaded (a junior organogram after its senior one);
  /// null for a format whose files are read alone.
  void (*load_into)(model& m, const std::filesystem::path& file, const load_model_options& options);
};

/** @brief Every format load_model() reads, in the order that breaks ties between detectors. */
[[nodiscard]] ORGRAPH_EXPORT const std::vector<model_format>& model_formats();

/** @brief The format of model_formats() with that name, or null. */
[[nodiscard]] ORGRAPH_EXPORT const model_format* model_format_named(std::string_view name) noexcept;

/**
 * @brief The format load_model() reads `file` as: the one `options.format` names, else the surest
 * detector's. Reads the file's first bytes; throws file_error if it cannot be read, or if no format
 * recognises it (the message lists the extensions that would say).
 */
[[nodiscard]] ORGRAPH_EXPORT const model_format& detect_model_format(const std::filesystem::path& file,
                                                                     const load_model_options& options = {});

/**
 * @brief Load a model from a file in any format orgraph reads, told by its content and name.
 *
 * An archive is recognised by its magic whatever its name, or by `.orgraph`, `.orgraph.xml` or
 * `.orgraph.txt`; JSON by `.json` or a first `{`; CSV by `.csv` or a header row orgraph knows (any
 * text when `options.mapping` is given), read with `options.mapping` or the mapping its header calls
 * for (detect_csv_mapping()). Running out of memory is a resource_error naming the file; every other
 * error is the loader's, naming the file and line or id.
 * @code
 * auto m = orgraph::load_model("staff.csv");     // the mapping its header calls for
 * auto a = orgraph::load_model("essex.data");     // an archive, by its magic
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT model load_model(const std::filesystem::path& file,
                                              const load_model_options& options = {});

/**
 * @brief Load several files into one model, in order: the first in any format, each next one added
 * to it by a format that can add (CSV: a junior organogram after its senior one). Every file's format
 * is told before any is loaded, so a file that cannot be added is refused (file_error) before the
 * loading starts.
 * @code
 * auto dh = orgraph::load_model(std::vector<std::filesystem::path>{"senior.csv", "junior.csv"});
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT model load_model(const std::vector<std::filesystem::path>& files,
                                              const load_model_options& options = {});

} // namespace orgraph
