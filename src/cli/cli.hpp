#pragma once
// The orgraph command-line tool's framework: the command table entry, shared option parsing and the
// helpers every command uses to load a file and find a node. Commands live in their own headers and
// are listed once, in main.cpp.

#include <orgraph/error.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/time/date.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <ostream>
#include <set>
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

/// Load a model from an orgraph or Popolo JSON file; errors name the file and line, or the id.
inline orgraph::model load_model(const std::string& file) { return orgraph::load_json(file); }

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
