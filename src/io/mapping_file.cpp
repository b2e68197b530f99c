// CSV mapping files: which column of a CSV file is which, one `key = value` a line (docs/cli.md).

#include <orgraph/error.hpp>
#include <orgraph/io/file.hpp>
#include <orgraph/io/load.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

namespace orgraph {

namespace {

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos)
    return {};
  const auto last = s.find_last_not_of(" \t\r");
  return std::string(s.substr(first, last - first + 1));
}

/// Reads the lines of one mapping file into a mapping, each error naming the line.
class mapping_reader {
public:
  explicit mapping_reader(std::string_view source) : source_(source) {}

  csv_mapping read(std::string_view text) {
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0)
      text.remove_prefix(3);
    while (!text.empty()) {
      ++line_;
      const auto end = text.find('\n');
      const std::string_view line = text.substr(0, end);
      text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      read_line(trim(line));
    }
    return mapping_;
  }

private:
  [[noreturn]] void fail(const std::string& message) const {
    throw parse_error(std::string(source_), line_, 0, message);
  }

  char one_char(const std::string& key, const std::string& v) const {
    if (v == "tab")
      return '\t';
    if (v.size() != 1)
      fail("'" + key + "' must be one character or 'tab', not '" + v + "'");
    return v[0];
  }

  bool boolean(const std::string& key, const std::string& v) const {
    if (v == "true" || v == "yes")
      return true;
    if (v != "false" && v != "no")
      fail("'" + key + "' must be true or false, not '" + v + "'");
    return false;
  }

  void read_line(const std::string& text) {
    if (text.empty() || text[0] == '#')
      return;
    const auto eq = text.find('=');
    if (eq == std::string::npos)
      fail("expected 'key = value'");
    const std::string key = trim(std::string_view(text).substr(0, eq));
    std::string value = trim(std::string_view(text).substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    if (key == "base")
      set_base(value);
    else if (!set_column(key, value) && !set_setting(key, value))
      fail("unknown key '" + key + "'");
    any_key_ = true;
  }

  void set_base(const std::string& value) {
    if (any_key_)
      fail("'base' must come before every other key");
    if (value == "default")
      mapping_ = csv_mapping{};
    else if (value == "organogram")
      mapping_ = csv_mapping::organogram();
    else if (value == "organogram_junior")
      mapping_ = csv_mapping::organogram_junior();
    else
      fail("unknown base '" + value + "' (default, organogram or organogram_junior)");
  }

  /// The keys that name a column of the file.
  bool set_column(const std::string& key, const std::string& value) {
    std::string csv_mapping::*const columns[] = {&csv_mapping::id,           &csv_mapping::name,
                                                 &csv_mapping::manager_id,   &csv_mapping::discipline,
                                                 &csv_mapping::organization, &csv_mapping::post,
                                                 &csv_mapping::start_date,   &csv_mapping::end_date};
    const char* const names[] = {"id", "name", "manager_id", "discipline", "organization", "post", "start_date",
                                 "end_date"};
    for (std::size_t i = 0; i < std::size(names); ++i)
      if (key == names[i]) {
        mapping_.*columns[i] = value;
        return true;
      }
    return false;
  }

  /// The keys that say how to read values.
  bool set_setting(const std::string& key, const std::string& value) {
    if (key == "layout") {
      if (value == "person_rows")
        mapping_.layout = csv_layout::person_rows;
      else if (value == "post_rows")
        mapping_.layout = csv_layout::post_rows;
      else
        fail("unknown layout '" + value + "' (person_rows or post_rows)");
    } else if (key == "separator") {
      mapping_.separator = one_char(key, value);
    } else if (key == "discipline_separator") {
      mapping_.discipline_separator = one_char(key, value);
    } else if (key == "top_marker") {
      mapping_.top_markers.push_back(value);
    } else if (key == "vacant_name") {
      mapping_.vacant_names.push_back(value);
    } else if (key == "undisclosed") {
      mapping_.undisclosed.push_back(value);
    } else if (key == "organization_is_name") {
      mapping_.organization_is_name = boolean(key, value);
    } else if (key == "organization_id_prefix") {
      mapping_.organization_id_prefix = value;
    } else if (key == "organization_classification") {
      mapping_.organization_classification = value;
    } else if (key == "job_shares") {
      mapping_.job_shares = boolean(key, value);
    } else {
      return false;
    }
    return true;
  }

  std::string_view source_;
  std::size_t line_ = 0;
  bool any_key_ = false;
  csv_mapping mapping_;
};

} // namespace

csv_mapping parse_csv_mapping(std::string_view text, std::string_view source_name) {
  return mapping_reader(source_name).read(text);
}

csv_mapping load_csv_mapping(const std::filesystem::path& file) {
  const std::string text = read_file(file, std::uint64_t{1} << 20); // a page of settings, not more
  return parse_csv_mapping(text, file.string());
}

} // namespace orgraph
