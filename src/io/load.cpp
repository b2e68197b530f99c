// load_model(): the table of formats orgraph reads, each a detector and a loader, and the choice
// between them. A new format is one function pair and one line in formats() below.

#include <orgraph/error.hpp>
#include <orgraph/io/archive.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/file.hpp>
#include <orgraph/io/govuk.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/io/load.hpp>

#include "load_guards.hpp"

#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orgraph {

namespace {

namespace fs = std::filesystem;

/// How much of a file detection reads: the archive magic and a usual CSV header row.
constexpr std::size_t head_size = 64 * 1024;

bool ends_with_ignoring_case(std::string_view s, std::string_view tail) {
  if (s.size() < tail.size())
    return false;
  for (std::size_t i = 0; i < tail.size(); ++i) {
    const auto a = static_cast<unsigned char>(s[s.size() - tail.size() + i]);
    const auto b = static_cast<unsigned char>(tail[i]);
    if (std::tolower(a) != std::tolower(b))
      return false;
  }
  return true;
}

std::string_view without_bom(std::string_view text) {
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0)
    text.remove_prefix(3);
  return text;
}

// ---- archives: by the magic, whatever the name ----

format_match detect_archive(const file_sample& s) {
  if (looks_like_archive(s.head))
    return format_match::signature;
  for (std::string_view ext : {".orgraph", ".orgraph.xml", ".orgraph.txt"})
    if (ends_with_ignoring_case(s.name, ext))
      return format_match::extension;
  return format_match::none;
}

model load_archive_file(const fs::path& file, const load_model_options&) {
  return load_archive(file); // the kind is read from the envelope
}

// ---- JSON (orgraph's superset of Popolo) ----

format_match detect_json(const file_sample& s) {
  if (ends_with_ignoring_case(s.name, ".json"))
    return format_match::extension;
  const auto first = s.head.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && s.head[first] == '{' ? format_match::content : format_match::none;
}

model load_json_file(const fs::path& file, const load_model_options& options) { return load_json(file, options); }

// ---- GOV.UK organisations (JSON Lines), told by the fields of its first record ----

format_match detect_govuk(const file_sample& s) {
  if (looks_like_govuk_organisations(s.head))
    return format_match::signature; // surer than a .json name or a leading '{'
  return ends_with_ignoring_case(s.name, ".jsonl") ? format_match::extension : format_match::none;
}

model load_govuk_file(const fs::path& file, const load_model_options& options) {
  return load_govuk_organisations(file, options);
}

// ---- CSV: HR exports and organograms, the mapping told by the header row ----

/// Whether a file's first bytes are a CSV header row orgraph knows. A header past the column limit is
/// not taken for one here: its name does not say CSV, and its head may cut it short.
bool looks_like_known_csv(std::string_view head) {
  try {
    return detect_csv_mapping(head).has_value();
  } catch (const parse_error&) {
    return false;
  }
}

format_match detect_csv(const file_sample& s) {
  if (ends_with_ignoring_case(s.name, ".csv"))
    return format_match::extension;
  return s.options->mapping || looks_like_known_csv(s.head) ? format_match::content : format_match::none;
}

void load_csv_file_into(model& m, const fs::path& file, const load_model_options& options) {
  if (options.mapping) {
    load_csv_into(m, file, *options.mapping, options);
    return;
  }
  std::string head = read_file_start(file, head_size);
  // A header row longer than the head is read whole, so that its columns are counted (and one past
  // the column limit is refused for that reason) rather than a cut-off header being misread.
  if (head.size() == head_size && head.find_first_of("\r\n") == std::string::npos)
    head = read_file(file, options.max_file_size);
  const auto detected = detect_csv_mapping(head, file.string());
  if (!detected)
    throw parse_error(file.string(), 1, 0,
                      "the header row is neither orgraph's (person_id, ...) nor a UK organogram's: "
                      "give a mapping (--mapping FILE)");
  head = std::string(); // the loader reads the file again; no need to hold two copies
  load_csv_into(m, file, *detected, options);
}

model load_csv_file(const fs::path& file, const load_model_options& options) {
  model m;
  load_csv_file_into(m, file, options);
  return m;
}

/// The formats, in the order that breaks a tie between two detectors equally sure.
const std::vector<model_format>& formats() {
  static const std::vector<model_format> table{
      {"archive", ".orgraph, .orgraph.xml, .orgraph.txt", detect_archive, load_archive_file, nullptr},
      {"govuk", ".jsonl", detect_govuk, load_govuk_file, nullptr},
      {"json", ".json", detect_json, load_json_file, nullptr},
      {"csv", ".csv", detect_csv, load_csv_file, load_csv_file_into},
  };
  return table;
}

/// ".orgraph, .orgraph.xml, .orgraph.txt, .json or .csv"
std::string known_extensions() {
  std::string s;
  for (const auto& f : formats())
    s.append(s.empty() ? "" : ", ").append(f.extensions);
  if (const auto last = s.rfind(", "); last != std::string::npos)
    s.replace(last, 2, " or ");
  return s;
}

} // namespace

const std::vector<model_format>& model_formats() { return formats(); }

const model_format* model_format_named(std::string_view name) noexcept {
  for (const auto& f : formats())
    if (f.name == name)
      return &f;
  return nullptr;
}

const model_format& detect_model_format(const fs::path& file, const load_model_options& options) {
  if (!options.format.empty()) {
    if (const model_format* f = model_format_named(options.format))
      return *f;
    throw file_error(file.string(), "unknown format '" + options.format + "'");
  }
  const std::string head = read_file_start(file, head_size); // an unreadable file says why here
  const std::string name = file.string();
  const file_sample sample{name, without_bom(head), &options};
  const model_format* best = nullptr;
  format_match best_match = format_match::none;
  for (const auto& f : formats()) {
    const format_match match = f.detect(sample);
    if (match > best_match) {
      best = &f;
      best_match = match;
    }
  }
  if (!best)
    throw file_error(name, "cannot tell the format: name it " + known_extensions());
  return *best;
}

model load_model(const fs::path& file, const load_model_options& options) {
  return detail::memory_checked(file.string(), [&] { return detect_model_format(file, options).load(file, options); });
}

model load_model(const std::vector<fs::path>& files, const load_model_options& options) {
  if (files.empty())
    return model();
  std::vector<const model_format*> chosen;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const model_format& f = detail::memory_checked(
        files[i].string(), [&]() -> const model_format& { return detect_model_format(files[i], options); });
    if (i > 0 && !f.load_into)
      throw file_error(files[i].string(), "a " + std::string(f.name) +
                                              " file is read alone: it cannot be added to the model of " +
                                              files[0].string() + " (CSV files can)");
    chosen.push_back(&f);
  }
  model m = detail::memory_checked(files[0].string(), [&] { return chosen[0]->load(files[0], options); });
  for (std::size_t i = 1; i < files.size(); ++i)
    detail::memory_checked(files[i].string(), [&] { chosen[i]->load_into(m, files[i], options); });
  return m;
}

} // namespace orgraph
