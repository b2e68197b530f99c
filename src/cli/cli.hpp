#pragma once
// The orgraph command-line tool's framework: what a command line gives a command (an invocation),
// the command table entry, and loading the files a command reads. The command line is parsed by
// CLI11 from each command's declarations (parser.hpp); commands live in their own headers and are
// listed once, in main.cpp.

#include <orgraph/analysis/stats.hpp>
#include <orgraph/error.hpp>
#include <orgraph/io/load.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/time/date.hpp>

#include <array>
#include <cstddef>
#include <filesystem>
#include <iostream>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
} // namespace CLI

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

/// How a command prints its answer.
enum class output_format : unsigned char { table, json, csv };

/**
 * Everything a command line can give a command. Each command declares the part it takes (parser.hpp
 * binds the declarations to these members), so a member a command does not declare stays empty.
 */
struct invocation {
  std::string command; ///< the command's name, for messages

  // ---- files ----
  std::string file;                        ///< FILE (IN for convert, FILE_A for diff)
  std::string file_b;                      ///< diff's FILE_B
  std::vector<std::string> also;           ///< --also: more files loaded into FILE's model
  std::optional<std::string> mapping;      ///< --mapping: the CSV mapping file
  std::optional<std::string> input_format; ///< convert --from: the format to read IN as
  bool lenient = false;                    ///< --lenient: skip bad records, each one a warning

  // ---- the nodes asked about ----
  std::vector<std::string> node_slots;           ///< names of the node arguments it takes: {"ID"}
  std::array<std::optional<std::string>, 2> ids; ///< the node arguments given, by id
  std::vector<std::string> names;                ///< --name: the ones not given, by name

  // ---- dates ----
  bool takes_on = false;                 ///< the command answers for a date (--on)
  std::optional<std::string> on_text;    ///< --on
  std::optional<std::string> vs_text;    ///< diff --vs
  std::optional<std::string> since_text; ///< decisions-by --from
  std::optional<std::string> until_text; ///< decisions-by --to

  // ---- output ----
  bool json = false;               ///< --json
  bool csv = false;                ///< --csv
  bool stdout_is_terminal = false; ///< CSV on a terminal is escaped as tables are

  // ---- what single commands take ----
  bool all = false, tree = false, direct = false;
  std::optional<std::string> from, to, focus, classification, level, kind, output_format_name, seed_text;
  std::optional<std::string> area; ///< members --area: only the seats for this area (or one within it)
  std::string text;                ///< find's TEXT
  std::string out_file;            ///< OUT
  std::vector<std::string> pairs;  ///< diff --pair
  std::optional<std::size_t> paths, radius, persons, within;

  /// `--on`, or today when it was not given (checked when parsed).
  [[nodiscard]] orgraph::date on() const { return on_text ? orgraph::parse_date(*on_text) : orgraph::date::today(); }
  /// A date option's value, if given (checked when parsed).
  [[nodiscard]] static std::optional<orgraph::date> date_of(const std::optional<std::string>& text) {
    return text ? std::optional<orgraph::date>(orgraph::parse_date(*text)) : std::nullopt;
  }
  /// How to print the answer.
  [[nodiscard]] output_format format() const {
    return json ? output_format::json : csv ? output_format::csv : output_format::table;
  }
  /// The node argument in `slot`: given by id (`by_id`), or else by name.
  [[nodiscard]] std::string node_text(std::size_t slot, bool& by_id) const {
    std::size_t given = 0;
    for (const auto& id : ids)
      given += id ? 1 : 0;
    by_id = slot < given;
    return by_id ? *ids[slot] : names.at(slot - given);
  }
};

/// One entry of the command table: its name and summary, its declarations and what it does.
struct command {
  std::string_view name;    ///< "chain"
  std::string_view summary; ///< one line for `orgraph help`
  /// Declares its arguments and options on `app`, bound to `inv` (parser.hpp has the helpers).
  void (*declare)(CLI::App& app, invocation& inv);
  int (*run)(const invocation& inv, std::ostream& out); ///< returns an exit code; throws on bad input
};

namespace detail {

/// The load options a command line asks for: the mapping file, the input format, lenient loading
/// with each skipped record one escaped warning line on stderr.
orgraph::load_model_options load_options_of(const invocation& inv);

/// Says on stderr when a command run without --on answers for today on a file whose relations all
/// ended before it, with the span of the file's dates.
void note_if_all_ended(const invocation& inv, const orgraph::model& m, const std::string& file);

} // namespace detail

/// FILE and the files of --also, in one model, in any format orgraph reads (orgraph::load_model).
inline orgraph::model load(const invocation& inv) {
  std::vector<std::filesystem::path> files{inv.file};
  files.insert(files.end(), inv.also.begin(), inv.also.end());
  orgraph::model m = orgraph::load_model(files, detail::load_options_of(inv));
  detail::note_if_all_ended(inv, m, inv.file);
  return m;
}

/// One more file (diff's FILE_B), read as FILE is.
inline orgraph::model load_other(const invocation& inv, const std::string& file) {
  orgraph::model m = orgraph::load_model(file, detail::load_options_of(inv));
  detail::note_if_all_ended(inv, m, file);
  return m;
}

} // namespace orgraph::cli
