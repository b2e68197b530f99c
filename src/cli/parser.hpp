#pragma once
// Declaring a command's arguments and options, and parsing a command line with them (CLI11). The
// declarations are the one source of the parser, the usage line, `orgraph help COMMAND` and the
// checks of options that need or exclude each other: a command states them and never checks them.

#include "cli.hpp"

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace CLI {
class Option;
} // namespace CLI

namespace orgraph::cli {

// ---- declarations, for the command table (main.cpp) ----

/// FILE (or IN, FILE_A), and the options of every command that reads a file: --also, --mapping, --lenient.
void add_file(CLI::App& app, invocation& inv, const std::string& name = "FILE");

/// Node arguments, in order ("ID", or "A", "B"): each an id, or one --name TEXT for each left out.
void add_nodes(CLI::App& app, invocation& inv, const std::vector<std::string>& names, const std::string& help);

/// --on DATE: the date the question is asked about.
CLI::Option* add_on(CLI::App& app, invocation& inv,
                    const std::string& help = "the date the question is asked about, YYYY-MM-DD (default: today)");

/// --json, and --csv for a command whose answer is a table; the two exclude each other. Returns both
/// (--csv null when not declared).
std::pair<CLI::Option*, CLI::Option*> add_output(CLI::App& app, invocation& inv, bool csv = true);

/// A flag.
CLI::Option* add_flag(CLI::App& app, const std::string& name, bool& into, const std::string& help);

/// An option with any text as its value.
CLI::Option* add_text(CLI::App& app, const std::string& name, std::optional<std::string>& into,
                      const std::string& value_name, const std::string& help);

/// An option that may be given more than once, every value kept in order.
CLI::Option* add_texts(CLI::App& app, const std::string& name, std::vector<std::string>& into,
                       const std::string& value_name, const std::string& help);

/// An option whose value is one of `choices` (a mistyped one gets a suggestion); help lists them.
CLI::Option* add_choice(CLI::App& app, const std::string& name, std::optional<std::string>& into,
                        const std::vector<std::string>& choices, const std::string& value_name,
                        const std::string& help);

/// A date option, YYYY-MM-DD (a date in another shape gets a suggestion).
CLI::Option* add_date(CLI::App& app, const std::string& name, std::optional<std::string>& into,
                      const std::string& help);

/// A whole number from 1 to `max`.
CLI::Option* add_count(CLI::App& app, const std::string& name, std::optional<std::size_t>& into,
                       const std::string& value_name, const std::string& help, std::size_t max = 999999);

/// A positional argument that must be given.
CLI::Option* add_argument(CLI::App& app, const std::string& name, std::string& into, const std::string& help);

/// A positional argument that may be left out.
CLI::Option* add_optional_argument(CLI::App& app, const std::string& name, std::string& into, const std::string& help);

/// `option` must be given.
void required(CLI::Option* option);
/// `option` may only be given with `other`.
void needs(CLI::Option* option, CLI::Option* other);
/// `option` may not be given with `other` (and the other way round).
void excludes(CLI::Option* option, CLI::Option* other);
/// Exactly one of the two must be given: `neither` and `both` are the messages when it is not.
void one_of(CLI::App& app, CLI::Option* a, CLI::Option* b, const std::string& neither, const std::string& both);

// ---- parsing and help ----

/// The usage line from a command's declarations: "chain FILE ID [--on DATE] [--json] [--csv]".
std::string usage_of(const command& c);

/// `orgraph help COMMAND`: the usage line, the summary and every argument and option.
void print_command_help(std::ostream& out, const command& c);

/**
 * Parse the arguments that follow the command's name into `inv`. Returns false when help was asked
 * for (and printed on `out`). Throws usage_error with the message for the one stderr line: a missing
 * argument or option, an unknown option (with the closest names), a bad value, options at odds.
 */
bool parse_command_line(const command& c, const std::vector<std::string>& args, invocation& inv, std::ostream& out);

} // namespace orgraph::cli
