// CSV mappings: the shipped ones, detection from a header row, and mapping files.

#include <orgraph/io/file.hpp>

#include "csv_reader.hpp"

#include <functional>
#include <map>

namespace orgraph {

using namespace detail::csv;

csv_mapping csv_mapping::organogram() {
  csv_mapping m;
  m.layout = csv_layout::post_rows;
  m.id = "Post Unique Reference";
  m.name = "Name";
  m.manager_id = "Reports to Senior Post";
  m.discipline = "Professional/Occupational Group";
  m.organization = "Unit";
  m.post = "Job Title";
  m.start_date = m.end_date = "";
  m.top_markers = {"XX"};
  // data.gov.uk's senior-staff schema: Name is a person, 'N/D' (not disclosed), 'Vacant' or 'Eliminated'.
  m.vacant_names = {"Vacant", "Vacant post", "N/A"};
  m.undisclosed_names = {"N/D", "Not disclosed"};
  m.eliminated_names = {"Eliminated"};
  m.undisclosed = {"N/D", "N/A"};
  m.organization_is_name = true;
  m.organization_id_prefix = "unit:";
  m.organization_classification = "unit";
  m.job_shares = true;
  return m;
}

csv_mapping csv_mapping::organogram_junior() {
  csv_mapping m = organogram();
  m.id = "";
  m.name = "";
  m.manager_id = "Reporting Senior Post";
  m.post = "Generic Job Title";
  m.job_shares = false;
  return m;
}

std::optional<csv_mapping> detect_csv_mapping(std::string_view header, std::string_view source_name) {
  record_reader reader(header, ',', std::string(source_name));
  record first;
  try {
    if (!reader.next(first, max_columns, false))
      return std::nullopt;
  } catch (const parse_error&) {
    // A header wider than any mapping can read is refused with that reason, not passed off as one
    // that no shipped mapping fits; anything else malformed is simply not a header orgraph knows.
    if (reader.fields_counted() > max_columns)
      throw;
    return std::nullopt;
  }
  const auto has = [&](std::string_view name) {
    return std::any_of(first.begin(), first.end(),
                       [&](const field& f) { return same_ignoring_case(trimmed(f.text), name); });
  };
  if (has("Post Unique Reference") && has("Reports to Senior Post"))
    return csv_mapping::organogram();
  if (has("Reporting Senior Post") && has("Generic Job Title"))
    return csv_mapping::organogram_junior();
  if (has("person_id"))
    return csv_mapping{};
  return std::nullopt;
}

namespace {

// A mapping file's value, split at ';' for the plural keys that replace a list.
std::vector<std::string> values_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    std::size_t end = text.find(';', start);
    if (end == std::string::npos)
      end = text.size();
    std::string v = trimmed(std::string_view(text).substr(start, end - start));
    if (!v.empty())
      out.push_back(std::move(v));
    start = end + 1;
  }
  return out;
}

} // namespace

csv_mapping parse_csv_mapping(std::string_view text, std::string_view source_name) {
  const std::string source(source_name);
  csv_mapping m;
  bool any_key = false;
  std::size_t number = 0;
  const auto fail = [&](const std::string& message) { throw parse_error(source, number, 0, message); };
  const auto one_char = [&](const std::string& key, const std::string& v) {
    if (v == "tab")
      return '\t';
    if (v.size() != 1)
      fail("'" + key + "' must be one character or 'tab', not '" + v + "'");
    return v[0];
  };
  const auto boolean = [&](const std::string& key, const std::string& v) {
    if (v == "true" || v == "yes")
      return true;
    if (v != "false" && v != "no")
      fail("'" + key + "' must be true or false, not '" + v + "'");
    return false;
  };
  // Texts and lists by key: a singular list key adds a value, its plural replaces the list.
  const std::map<std::string, std::string*, std::less<>> texts{
      {"id", &m.id},
      {"name", &m.name},
      {"manager_id", &m.manager_id},
      {"discipline", &m.discipline},
      {"organization", &m.organization},
      {"post", &m.post},
      {"start_date", &m.start_date},
      {"end_date", &m.end_date},
      {"organization_id_prefix", &m.organization_id_prefix},
      {"organization_classification", &m.organization_classification},
      {"undisclosed_holder", &m.undisclosed_holder}};
  const std::map<std::string, std::vector<std::string>*, std::less<>> adds{
      {"top_marker", &m.top_markers},
      {"vacant_name", &m.vacant_names},
      {"undisclosed_name", &m.undisclosed_names},
      {"eliminated_name", &m.eliminated_names},
      {"undisclosed", &m.undisclosed}, // disciplines that mean "not given", as the CLI has always named it
      {"undisclosed_discipline", &m.undisclosed}};
  const std::map<std::string, std::vector<std::string>*, std::less<>> replaces{
      {"top_markers", &m.top_markers},
      {"vacant_names", &m.vacant_names},
      {"undisclosed_names", &m.undisclosed_names},
      {"eliminated_names", &m.eliminated_names},
      {"undisclosed_disciplines", &m.undisclosed}};
  std::size_t at = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF")
    at = 3;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos)
      end = text.size();
    const std::string line = trimmed(text.substr(at, end - at));
    at = end + 1;
    ++number;
    if (line.empty() || line[0] == '#')
      continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos)
      fail("expected 'key = value'");
    const std::string key = trimmed(std::string_view(line).substr(0, eq));
    std::string value = trimmed(std::string_view(line).substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    if (key == "base") {
      if (any_key)
        fail("'base' must come before every other key");
      if (value == "default")
        m = csv_mapping{};
      else if (value == "organogram")
        m = csv_mapping::organogram();
      else if (value == "organogram_junior")
        m = csv_mapping::organogram_junior();
      else
        fail("unknown base '" + value + "' (default, organogram or organogram_junior)");
    } else if (key == "layout") {
      if (value == "person_rows")
        m.layout = csv_layout::person_rows;
      else if (value == "post_rows")
        m.layout = csv_layout::post_rows;
      else
        fail("unknown layout '" + value + "' (person_rows or post_rows)");
    } else if (const auto t = texts.find(key); t != texts.end()) {
      *t->second = value;
    } else if (const auto a = adds.find(key); a != adds.end()) {
      a->second->push_back(value);
    } else if (const auto r = replaces.find(key); r != replaces.end()) {
      *r->second = values_of(value);
    } else if (key == "separator") {
      m.separator = one_char(key, value);
    } else if (key == "discipline_separator") {
      m.discipline_separator = one_char(key, value);
    } else if (key == "organization_is_name") {
      m.organization_is_name = boolean(key, value);
    } else if (key == "job_shares") {
      m.job_shares = boolean(key, value);
    } else {
      fail("unknown key '" + key + "'");
    }
    any_key = true;
  }
  return m;
}

csv_mapping read_csv_mapping(const std::filesystem::path& file) {
  return parse_csv_mapping(read_file(file, std::uint64_t{1} << 20), file.string()); // a page of settings
}

} // namespace orgraph
