#pragma once
// The orgraph command-line tool's framework: the command table entry, shared option parsing and the
// helpers every command uses to load a file and find a node. Commands live in their own headers and
// are listed once, in main.cpp.

#include <orgraph/error.hpp>
#include <orgraph/io/archive.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/file.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/time/date.hpp>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <map>
#include <new>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orgraph::cli {

/// Bad usage: a missing or unexpected argument, an unknown option, a bad option value. Exit code 2.
class usage_error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Exit codes, the same for every command.
enum exit_code : int {
  exit_ok = 0,       ///< success
  exit_findings = 1, ///< `validate` found errors (warnings alone do not count)
  exit_bad_input = 2 ///< bad usage or bad input; one line on stderr says why
};

/// What an option's value is, so that it is checked once, before any file is read.
enum class option_value : unsigned char {
  none,  ///< a flag: `--json`
  text,  ///< any text: `--to ID`
  date,  ///< a YYYY-MM-DD date: `--on DATE`
  count, ///< a whole number of at least 1: `--paths K`
  texts  ///< any text, and the option may be given more than once: `--pair A:B --pair C:D`
};

/// One `--name [VALUE]` option a command accepts.
struct option_spec {
  std::string_view name;       ///< without the dashes: "on"
  option_value value;          ///< what follows it, if anything
  std::string_view value_name; ///< how usage shows the value: "DATE"
  std::string_view help;       ///< one line for `orgraph help COMMAND`
};

/// The options most commands share.
inline constexpr option_spec on_option{"on", option_value::date, "DATE",
                                       "the date the question is asked about, YYYY-MM-DD (default: today)"};
inline constexpr option_spec json_option{"json", option_value::none, "", "print JSON instead of a table"};

/// `--mapping FILE`: accepted by every command that reads a file (see reads_files()), so it is not
/// repeated in each command's usage line; `help COMMAND` lists it.
inline constexpr option_spec mapping_option{"mapping", option_value::text, "FILE",
                                            "for CSV input: the file naming which column is which (docs/cli.md)"};

struct invocation;

/// One entry of the command table: everything `help`, the parser and the dispatcher need.
struct command {
  std::string_view name; ///< "chain"
  /// Names of the arguments, in order: {"FILE", "ID"}. A name in brackets is optional ("[FILE_B]")
  /// and may only follow the required ones.
  std::vector<std::string_view> positionals;
  std::vector<option_spec> options;          ///< the options it accepts (besides --help)
  std::string_view summary;                  ///< one line for `orgraph help`
  int (*run)(const invocation&, std::ostream& out); ///< returns an exit code; throws on bad input
};

/// Whether a positional argument's name marks it optional: "[FILE_B]".
constexpr bool is_optional_positional(std::string_view name) noexcept { return !name.empty() && name.front() == '['; }

/// How many positional arguments a command requires (those before the first optional one).
inline std::size_t required_positionals(const command& c) {
  std::size_t n = 0;
  while (n < c.positionals.size() && !is_optional_positional(c.positionals[n]))
    ++n;
  return n;
}

/// Whether a command reads a model file (a positional named FILE..., [FILE...] or IN), and so takes
/// `--mapping`.
inline bool reads_files(const command& c) {
  return std::any_of(c.positionals.begin(), c.positionals.end(), [](std::string_view p) {
    if (is_optional_positional(p))
      p.remove_prefix(1);
    return p.compare(0, 4, "FILE") == 0 || p == "IN";
  });
}

/// "chain FILE ID [--on DATE] [--json]", built from the table entry so it cannot drift.
/// An option that may be repeated shows "...": "[--pair A:B]...".
inline std::string usage(const command& c) {
  std::string s(c.name);
  for (auto p : c.positionals)
    s.append(" ").append(p);
  for (const auto& o : c.options) {
    s.append(" [--").append(o.name);
    if (o.value != option_value::none)
      s.append(" ").append(o.value_name);
    s.append("]");
    if (o.value == option_value::texts)
      s.append("...");
  }
  return s;
}

/// A command line, parsed and checked against its command's table entry.
struct invocation {
  const command* cmd = nullptr;
  std::vector<std::string> args;                      ///< the positional arguments, as many as the command names
  std::map<std::string, std::string, std::less<>> values; ///< options given with a value (the last, if repeated)
  std::map<std::string, std::vector<std::string>, std::less<>> lists; ///< every value of a repeatable option, in order
  std::set<std::string, std::less<>> flags;           ///< flags given
  bool help = false;                                  ///< --help or -h was given

  /// Whether the flag `--name` was given.
  [[nodiscard]] bool has(std::string_view name) const { return flags.count(name) != 0; }
  /// The value of `--name`, if given.
  [[nodiscard]] std::optional<std::string> value(std::string_view name) const {
    const auto it = values.find(name);
    return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  /// Every value of a repeatable option `--name`, in the order given; empty if not given.
  [[nodiscard]] std::vector<std::string> values_of(std::string_view name) const {
    const auto it = lists.find(name);
    return it == lists.end() ? std::vector<std::string>() : it->second;
  }
  /// The value of a `count` option `--name` (checked when parsed), or `fallback` when not given.
  [[nodiscard]] std::size_t count(std::string_view name, std::size_t fallback) const {
    const auto text = value(name);
    return text ? static_cast<std::size_t>(std::stoul(*text)) : fallback;
  }
  /// A date option `--name` (checked when parsed), if given.
  [[nodiscard]] std::optional<orgraph::date> date_value(std::string_view name) const {
    const auto text = value(name);
    return text ? std::optional<orgraph::date>(orgraph::parse_date(*text)) : std::nullopt;
  }
  /// `--on`, or today when it was not given.
  [[nodiscard]] orgraph::date on() const {
    const auto text = value("on");
    return text ? orgraph::parse_date(*text) : orgraph::date::today();
  }
  /// Whether `--json` was given.
  [[nodiscard]] bool json() const { return has("json"); }
};

/// Parse `args` (what follows the command name) against the command's table entry.
/// Throws usage_error naming the problem; date options are checked here.
inline invocation parse_invocation(const command& c, const std::vector<std::string>& args) {
  invocation inv;
  inv.cmd = &c;
  const auto spec_of = [&](std::string_view name) -> const option_spec* {
    for (const auto& o : c.options)
      if (o.name == name)
        return &o;
    if (name == mapping_option.name && reads_files(c))
      return &mapping_option;
    return nullptr;
  };
  bool options_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (options_done || a.size() < 2 || a[0] != '-') {
      inv.args.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    if (a == "--help" || a == "-h") {
      inv.help = true;
      continue;
    }
    if (a.compare(0, 2, "--") != 0)
      throw usage_error("unknown option '" + a + "'");
    const auto eq = a.find('=');
    const std::string name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    const option_spec* spec = spec_of(name);
    if (!spec)
      throw usage_error("unknown option '--" + name + "'");
    if (spec->value == option_value::none) {
      if (eq != std::string::npos)
        throw usage_error("--" + name + " takes no value");
      inv.flags.insert(name);
      continue;
    }
    std::string value;
    if (eq != std::string::npos) {
      value = a.substr(eq + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      throw usage_error("--" + name + " needs a value (" + std::string(spec->value_name) + ")");
    }
    if (spec->value == option_value::date) {
      try {
        (void)orgraph::parse_date(value);
      } catch (const orgraph::date_error& e) {
        throw usage_error("--" + name + ": " + e.what() + " (expected YYYY-MM-DD)");
      }
    }
    if (spec->value == option_value::count) {
      const bool digits = !value.empty() && value.size() <= 6 &&
                          std::all_of(value.begin(), value.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      if (!digits || std::stoul(value) == 0)
        throw usage_error("--" + name + ": '" + value + "' is not a whole number from 1 to 999999");
    }
    if (spec->value == option_value::texts)
      inv.lists[name].push_back(value);
    inv.values[name] = std::move(value);
  }
  if (inv.help)
    return inv;
  if (inv.args.size() < required_positionals(c))
    throw usage_error("missing " + std::string(c.positionals[inv.args.size()]));
  if (inv.args.size() > c.positionals.size())
    throw usage_error("unexpected argument '" + inv.args[c.positionals.size()] + "'");
  return inv;
}

/// The CSV mapping file given with `--mapping FILE`, if any: main sets it before a command runs, and
/// load_model() uses it for every CSV file the command reads.
inline std::optional<std::string>& mapping_file() {
  static std::optional<std::string> file;
  return file;
}

/// The file formats the tool reads and writes; `--from` and `--to` name them.
enum class file_format : unsigned char { json, csv, archive, archive_xml, archive_text, dot };

/// The name `--from`/`--to` use: "json", "csv", "archive", "archive-xml", "archive-text", "dot".
inline std::string_view format_name(file_format f) noexcept {
  switch (f) {
  case file_format::json: return "json";
  case file_format::csv: return "csv";
  case file_format::archive: return "archive";
  case file_format::archive_xml: return "archive-xml";
  case file_format::archive_text: return "archive-text";
  case file_format::dot: return "dot";
  }
  return "json";
}

/// The format with that `--from`/`--to` name; usage_error naming the option otherwise.
inline file_format format_named(std::string_view option, const std::string& name) {
  for (auto f : {file_format::json, file_format::csv, file_format::archive, file_format::archive_xml,
                 file_format::archive_text, file_format::dot})
    if (format_name(f) == name)
      return f;
  throw usage_error("--" + std::string(option) + ": unknown format '" + name +
                    "' (json, csv, archive, archive-xml, archive-text or dot)");
}

namespace detail {
inline bool ends_with_ignoring_case(std::string_view s, std::string_view tail) {
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

inline std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos)
    return {};
  const auto last = s.find_last_not_of(" \t\r");
  return std::string(s.substr(first, last - first + 1));
}
} // namespace detail

/// The format a file name's extension says: `.json`, `.csv`, `.orgraph` (binary archive),
/// `.orgraph.xml`, `.orgraph.txt`, `.dot` or `.gv`; none for anything else.
inline std::optional<file_format> format_of_extension(std::string_view file) {
  using detail::ends_with_ignoring_case;
  if (ends_with_ignoring_case(file, ".orgraph.xml"))
    return file_format::archive_xml;
  if (ends_with_ignoring_case(file, ".orgraph.txt"))
    return file_format::archive_text;
  if (ends_with_ignoring_case(file, ".orgraph"))
    return file_format::archive;
  if (ends_with_ignoring_case(file, ".json"))
    return file_format::json;
  if (ends_with_ignoring_case(file, ".csv"))
    return file_format::csv;
  if (ends_with_ignoring_case(file, ".dot") || ends_with_ignoring_case(file, ".gv"))
    return file_format::dot;
  return std::nullopt;
}

/**
 * Read a CSV mapping file (`--mapping FILE`): one `key = value` a line, `#` starts a comment line.
 * `base` (default, organogram or organogram_junior) must come first if given; the column keys
 * (`id`, `name`, `manager_id`, `discipline`, `organization`, `post`, `start_date`, `end_date`) name
 * the file's header, an empty value meaning the file has no such column; the list keys (`top_marker`,
 * `vacant_name`, `undisclosed`) add one value each time they appear. docs/cli.md has the full list.
 */
inline orgraph::csv_mapping load_csv_mapping(const std::string& file) {
  std::istringstream in(orgraph::read_file(file, std::uint64_t{1} << 20)); // a page of settings, not more
  orgraph::csv_mapping m;
  bool any_key = false;
  std::string line;
  std::size_t number = 0;
  const auto fail = [&](const std::string& message) { throw orgraph::parse_error(file, number, 0, message); };
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
    if (v == "false" || v == "no")
      return false;
    fail("'" + key + "' must be true or false, not '" + v + "'");
    return false;
  };
  while (std::getline(in, line)) {
    ++number;
    if (number == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0)
      line.erase(0, 3);
    const std::string text = detail::trim(line);
    if (text.empty() || text[0] == '#')
      continue;
    const auto eq = text.find('=');
    if (eq == std::string::npos)
      fail("expected 'key = value'");
    const std::string key = detail::trim(std::string_view(text).substr(0, eq));
    std::string value = detail::trim(std::string_view(text).substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    if (key == "base") {
      if (any_key)
        fail("'base' must come before every other key");
      if (value == "default")
        m = orgraph::csv_mapping{};
      else if (value == "organogram")
        m = orgraph::csv_mapping::organogram();
      else if (value == "organogram_junior")
        m = orgraph::csv_mapping::organogram_junior();
      else
        fail("unknown base '" + value + "' (default, organogram or organogram_junior)");
    } else if (key == "layout") {
      if (value == "person_rows")
        m.layout = orgraph::csv_layout::person_rows;
      else if (value == "post_rows")
        m.layout = orgraph::csv_layout::post_rows;
      else
        fail("unknown layout '" + value + "' (person_rows or post_rows)");
    } else if (key == "id") {
      m.id = value;
    } else if (key == "name") {
      m.name = value;
    } else if (key == "manager_id") {
      m.manager_id = value;
    } else if (key == "discipline") {
      m.discipline = value;
    } else if (key == "organization") {
      m.organization = value;
    } else if (key == "post") {
      m.post = value;
    } else if (key == "start_date") {
      m.start_date = value;
    } else if (key == "end_date") {
      m.end_date = value;
    } else if (key == "separator") {
      m.separator = one_char(key, value);
    } else if (key == "discipline_separator") {
      m.discipline_separator = one_char(key, value);
    } else if (key == "top_marker") {
      m.top_markers.push_back(value);
    } else if (key == "vacant_name") {
      m.vacant_names.push_back(value);
    } else if (key == "undisclosed") {
      m.undisclosed.push_back(value);
    } else if (key == "organization_is_name") {
      m.organization_is_name = boolean(key, value);
    } else if (key == "organization_id_prefix") {
      m.organization_id_prefix = value;
    } else if (key == "organization_classification") {
      m.organization_classification = value;
    } else if (key == "job_shares") {
      m.job_shares = boolean(key, value);
    } else {
      fail("unknown key '" + key + "'");
    }
    any_key = true;
  }
  if (in.bad()) // getline hides an exception in the stream's state; in memory, only allocation can fail
    throw std::bad_alloc();
  return m;
}

namespace detail {
/// How much of a file format detection reads: enough for the archive magic and a usual CSV header row.
inline constexpr std::size_t head_size = 64 * 1024;

/// The first bytes of a file, read with every error checked: a file that cannot be read is reported
/// here, with the operating system's reason.
inline std::string head_of(const std::string& file) { return orgraph::read_file_start(file, head_size); }

/// Run a load; a shortage of memory anywhere in it (detection included) is one clear error that
/// blames neither the file nor the command.
template <class Load> auto memory_checked(const std::string& file, Load&& load) -> decltype(load()) {
  try {
    return load();
  } catch (const std::bad_alloc&) {
    throw orgraph::resource_error(file, "out of memory while loading " + file);
  }
}
} // namespace detail

/// Add the rows of a CSV file to `m`, with the `--mapping` file if one was given, else the mapping
/// its header row calls for.
inline void load_csv_file_into(orgraph::model& m, const std::string& file) {
  if (const auto& mapping = mapping_file()) {
    orgraph::load_csv_into(m, file, load_csv_mapping(*mapping));
    return;
  }
  std::string head = detail::head_of(file);
  // A header row longer than the head is read whole, so that its columns are counted (and one past
  // the column limit is refused for that reason) rather than a cut-off header being misread.
  if (head.size() == detail::head_size && head.find_first_of("\r\n") == std::string::npos)
    head = orgraph::read_file(file, orgraph::load_options{}.max_file_size);
  const auto detected = orgraph::detect_csv_mapping(head, file);
  if (!detected)
    throw orgraph::parse_error(file, 1, 0,
                               "the header row is neither orgraph's (person_id, ...) nor a UK organogram's: "
                               "give --mapping FILE");
  head = std::string(); // the loader reads the file again; no need to hold two copies
  orgraph::load_csv_into(m, file, *detected);
}

/// Whether a file's first bytes are a CSV header row orgraph knows. A header past the column limit
/// is not taken for one here: its name does not say CSV, and its head may cut it short.
inline bool looks_like_known_csv(std::string_view head) {
  try {
    return orgraph::detect_csv_mapping(head).has_value();
  } catch (const orgraph::parse_error&) {
    return false;
  }
}

/**
 * Load a model from any format the tool reads, for every command: an archive when the content starts
 * with orgraph's archive magic or the name ends in `.orgraph`, `.orgraph.xml` or `.orgraph.txt`;
 * JSON for `.json`; CSV for `.csv` (see load_csv_file_into); any other name by its content (`{` is
 * JSON, a known CSV header is CSV). `forced` is the `--from` format, where a command takes one.
 * Errors name the file and line, or the id.
 */
inline orgraph::model load_model(const std::string& file, std::optional<file_format> forced = std::nullopt) {
  return detail::memory_checked(file, [&]() -> orgraph::model {
    std::optional<file_format> format = forced;
    std::string head;
    if (!format)
      head = detail::head_of(file);
    if (!format && orgraph::looks_like_archive(head))
      format = file_format::archive;
    if (!format)
      format = format_of_extension(file);
    if (!format) {
      std::string_view text(head);
      if (text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        text.remove_prefix(3);
      const auto first = text.find_first_not_of(" \t\r\n");
      if (first != std::string_view::npos && text[first] == '{')
        format = file_format::json;
      else if (mapping_file() || looks_like_known_csv(text))
        format = file_format::csv;
    }
    if (!format)
      throw orgraph::file_error(file,
                                "cannot tell the format: name it .json, .csv, .orgraph, .orgraph.xml or .orgraph.txt");
    head = std::string();
    switch (*format) {
    case file_format::json:
      return orgraph::load_json(file);
    case file_format::csv: {
      orgraph::model m;
      load_csv_file_into(m, file);
      return m;
    }
    case file_format::archive:
    case file_format::archive_xml:
    case file_format::archive_text:
      return orgraph::load_archive(file); // the kind is read from the envelope
    case file_format::dot:
      break;
    }
    throw orgraph::file_error(file, "DOT is an output format only: orgraph cannot read it");
  });
}

/// The node with that id; throws reference_error naming the file and the id if there is none.
inline orgraph::vertex node_at(const orgraph::model& m, const std::string& file, const std::string& id) {
  if (const auto v = m.find(id))
    return *v;
  throw orgraph::reference_error(id, file + ": unknown id '" + id + "'");
}

/// "a" or "an", for "'x' is an organization".
inline const char* article(orgraph::node_kind kind) noexcept {
  return kind == orgraph::node_kind::organization || kind == orgraph::node_kind::area ? "an" : "a";
}

/// A person or a post with that id; anything else is bad input for line-management commands.
inline orgraph::vertex person_or_post_at(const orgraph::model& m, const std::string& file, const std::string& id,
                                         std::string_view command_name) {
  const orgraph::vertex v = node_at(m, file, id);
  const auto kind = m[v].kind;
  if (kind != orgraph::node_kind::person && kind != orgraph::node_kind::post)
    throw orgraph::reference_error(id, file + ": '" + id + "' is an " + std::string(orgraph::to_string(kind)) +
                                           ": " + std::string(command_name) + " needs a person or a post");
  return v;
}

/// A node of one kind with that id; anything else is bad input, named with what the command needs.
inline orgraph::vertex node_of_kind_at(const orgraph::model& m, const std::string& file, const std::string& id,
                                       orgraph::node_kind kind, std::string_view command_name,
                                       std::string_view needs) {
  const orgraph::vertex v = node_at(m, file, id);
  if (m[v].kind != kind)
    throw orgraph::reference_error(id, file + ": '" + id + "' is " + article(m[v].kind) + " " +
                                           std::string(orgraph::to_string(m[v].kind)) + ": " +
                                           std::string(command_name) + " needs " + std::string(needs));
  return v;
}

/// A body (an organization) with that id.
inline orgraph::vertex body_at(const orgraph::model& m, const std::string& file, const std::string& id,
                               std::string_view command_name) {
  return node_of_kind_at(m, file, id, orgraph::node_kind::organization, command_name, "a body (an organization)");
}

/// A person with that id.
inline orgraph::vertex person_at(const orgraph::model& m, const std::string& file, const std::string& id,
                                 std::string_view command_name) {
  return node_of_kind_at(m, file, id, orgraph::node_kind::person, command_name, "a person");
}

/// An area with that id.
inline orgraph::vertex area_at(const orgraph::model& m, const std::string& file, const std::string& id,
                               std::string_view command_name) {
  return node_of_kind_at(m, file, id, orgraph::node_kind::area, command_name, "an area");
}

/// A person or a body with that id: where influence can start.
inline orgraph::vertex person_or_body_at(const orgraph::model& m, const std::string& file, const std::string& id,
                                         std::string_view command_name) {
  const orgraph::vertex v = node_at(m, file, id);
  const auto kind = m[v].kind;
  if (kind != orgraph::node_kind::person && kind != orgraph::node_kind::organization)
    throw orgraph::reference_error(id, file + ": '" + id + "' is " + article(kind) + " " +
                                           std::string(orgraph::to_string(kind)) + ": " +
                                           std::string(command_name) + " needs a person or a body");
  return v;
}

/// The decision with that id; throws reference_error naming the file and the id if there is none.
inline orgraph::decision_index decision_at(const orgraph::model& m, const std::string& file, const std::string& id) {
  if (const auto d = m.find_decision(id))
    return *d;
  throw orgraph::reference_error(id, file + ": unknown decision '" + id + "'");
}

} // namespace orgraph::cli
