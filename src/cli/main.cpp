// orgraph: answers about an organisation file from the command line.
//
//   orgraph COMMAND ARGS... [OPTIONS]     orgraph help [COMMAND]     orgraph --version
//
// Exit codes: 0 success, 1 `validate` found errors, 2 bad usage or bad input (one line on stderr).
// A new command is one handler (commands.hpp) and one entry in commands() below, whose declarations
// are its parser, its usage line and its help.

#include <orgraph/error.hpp>
#include <orgraph/version.hpp>

#include "cli.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "parser.hpp"
#include "suggest.hpp"

#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#if defined(_WIN32)
#include <io.h>
#define ORGRAPH_ISATTY(fd) _isatty(fd)
#else
#include <unistd.h>
#define ORGRAPH_ISATTY(fd) isatty(fd)
#endif

namespace orgraph::cli {
namespace {

// Declarations several commands share.
void file_and_output(CLI::App& app, invocation& inv) {
  add_file(app, inv);
  add_output(app, inv);
}
void dated(CLI::App& app, invocation& inv) {
  file_and_output(app, inv);
  add_on(app, inv);
}
void dated_node(CLI::App& app, invocation& inv, const char* name, const char* help) {
  add_file(app, inv);
  add_nodes(app, inv, {name}, help);
  add_on(app, inv);
  add_output(app, inv);
}

/// --from and --to for a question over a period, which excludes the date of an as-on one (and `other`).
void window(CLI::App& app, invocation& inv, CLI::Option* on, CLI::Option* other) {
  CLI::Option* from = add_date(app, "--from", inv.since_text, "ask over a period from this day (with --to)");
  CLI::Option* to = add_date(app, "--to", inv.until_text, "the last day of the period (default: today)");
  needs(to, from);
  excludes(from, on);
  excludes(to, on);
  if (other != nullptr)
    excludes(from, other);
}

/// --from and --to for a history or timeline, both optional.
void period(CLI::App& app, invocation& inv) {
  add_date(app, "--from", inv.since_text, "the first day of the period (default: the first date the file names)");
  add_date(app, "--to", inv.until_text, "the last day (default: today, or the file's last date if later)");
}

/// The formats convert and generate write, as --to names them.
std::vector<std::string> written_formats() {
  return {"json", "archive", "archive-xml", "archive-text", "dot", "graphml"};
}

// The command table: `help` lists it in this order.
const std::vector<command>& commands() {
  static const std::vector<command> table{
      {"validate", "check line management on a date: cycles, self-management, ambiguity, vacancies, disciplines", dated,
       run_validate},
      {"chain", "the management chain above a person or post, nearest manager first",
       [](CLI::App& app, invocation& inv) { dated_node(app, inv, "ID", "the person or post"); }, run_chain},
      {"reports", "the direct reports of a person or post (--all: everyone below them; --tree: as a tree)",
       [](CLI::App& app, invocation& inv) {
         add_file(app, inv);
         add_nodes(app, inv, {"ID"}, "the person or post");
         add_on(app, inv);
         add_flag(app, "--all", inv.all, "everyone below, with each one's depth and the node above it");
         CLI::Option* tree = add_flag(app, "--tree", inv.tree, "everyone below, drawn as a tree");
         const auto [json, csv] = add_output(app, inv);
         excludes(tree, json);
         excludes(tree, csv);
       },
       run_reports},
      {"supervisor", "who supervises a person or post, and their dotted-line managers",
       [](CLI::App& app, invocation& inv) { dated_node(app, inv, "ID", "the person or post"); }, run_supervisor},
      {"common-manager", "the nearest manager two persons or posts share",
       [](CLI::App& app, invocation& inv) {
         add_file(app, inv);
         add_nodes(app, inv, {"A", "B"}, "a person or post");
         add_on(app, inv);
         add_output(app, inv);
       },
       run_common_manager},
      {"members", "everyone who sits on a body, with role and on whose behalf (--from/--to: in a period)",
       [](CLI::App& app, invocation& inv) {
         add_file(app, inv);
         add_nodes(app, inv, {"BODY"}, "the body");
         CLI::Option* on = add_on(app, inv);
         CLI::Option* area =
             add_text(app, "--area", inv.area, "AREA", "only those who sit for this area (or one within it)");
         window(app, inv, on, area);
         add_output(app, inv);
       },
       run_members},
      {"bodies", "every body a person sits on, with the role (--from/--to: in a period)",
       [](CLI::App& app, invocation& inv) {
         add_file(app, inv);
         add_nodes(app, inv, {"PERSON"}, "the person");
         window(app, inv, add_on(app, inv), nullptr);
         add_output(app, inv);
       },
       run_bodies},
      {"history", "what changed about a person, post or body over a period, and on which dates",
       [](CLI::App& app, invocation& inv) {
         add_file(app, inv);
         add_nodes(app, inv, {"ID"}, "the person, post or body");
         period(app, inv);
         add_output(app, inv);
       },
       run_history},
      {"timeline", "the dates on which anything in the file changed, with what changed",
       [](CLI::App& app, invocation& inv) {
         file_and_output(app, inv);
         period(app, inv);
       },
       run_timeline},
      {"reporting-line", "the chain of bodies above a body, nearest first",
       [](CLI::App& app, invocation& inv) { dated_node(app, inv, "BODY", "the body"); }, run_reporting_line},
      {"sub-bodies", "the bodies below a body, nearest first",
       [](CLI::App& app, invocation& inv) {
         dated_node(app, inv, "BODY", "the body");
         add_flag(app, "--direct", inv.direct, "only the bodies that report to it directly");
       },
       run_sub_bodies},
      {"lineage", "the bodies a body replaced or was replaced by, oldest first",
       [](CLI::App& app, invocation& inv) { dated_node(app, inv, "BODY", "the body"); }, run_lineage},
      {"expiring", "the bodies in force that end within some days, soonest first",
       [](CLI::App& app, invocation& inv) {
         dated(app, inv);
         add_count(app, "--within", inv.within, "DAYS", "how many days ahead to look (default 90)", 36500);
       },
       run_expiring},
      {"interlocks", "the persons who sit on two or more bodies", dated, run_interlocks},
      {"route", "the route of a decision, from the first recommendation to the final decision",
       [](CLI::App& app, invocation& inv) {
         add_file(app, inv);
         add_nodes(app, inv, {"DECISION"}, "the decision's id");
         add_output(app, inv);
       },
       run_route},
      {"decisions-by", "the decisions a body took, oldest first",
       [](CLI::App& app, invocation& inv) {
         add_file(app, inv);
         add_nodes(app, inv, {"BODY"}, "the body");
         add_date(app, "--from", inv.since_text, "the first day to look at (default: the first)");
         add_date(app, "--to", inv.until_text, "the last day to look at (default: the last)");
         add_output(app, inv);
       },
       run_decisions_by},
      {"covering", "the bodies that cover an area (or an area it lies in)",
       [](CLI::App& app, invocation& inv) {
         dated_node(app, inv, "AREA", "the area");
         add_text(app, "--classification", inv.classification, "C",
                  "only bodies of this classification (any case), such as MAAG");
       },
       run_covering},
      {"gaps", "the areas of a level that no body of a classification covers",
       [](CLI::App& app, invocation& inv) {
         dated(app, inv);
         required(add_text(app, "--classification", inv.classification, "C",
                           "the classification of the bodies that should cover"));
         required(
             add_text(app, "--level", inv.level, "L", "the classification of the areas to check, such as district"));
       },
       run_gaps},
      {"influence", "how a person or body can influence a body: paths, independent channels, single points of failure",
       [](CLI::App& app, invocation& inv) {
         dated(app, inv);
         required(add_text(app, "--from", inv.from, "A", "the person or body that influences"));
         required(add_text(app, "--to", inv.to, "B", "the body influenced"));
         add_count(app, "--paths", inv.paths, "K", "how many shortest paths to show (default 3)");
       },
       run_influence},
      {"reach", "every body a person or body can influence, nearest first",
       [](CLI::App& app, invocation& inv) { dated_node(app, inv, "ID", "the person or body"); }, run_reach},
      {"links", "the double-linking audit: who sits on both a body and the body it reports to", dated, run_links},
      {"diff", "what changed between two files on a date, or one file on two dates",
       [](CLI::App& app, invocation& inv) {
         add_file(app, inv, "FILE_A");
         CLI::Option* b = add_optional_argument(app, "FILE_B", inv.file_b, "the proposal, compared with FILE_A");
         add_on(app, inv);
         CLI::Option* vs = add_date(app, "--vs", inv.vs_text, "with one file: the date to compare --on with");
         one_of(app, b, vs, "one file needs --vs DATE to compare --on DATE with (or give two files)",
                "--vs compares two dates of one file: give one file, or drop --vs");
         add_texts(app, "--pair", inv.pairs, "A:B", "an influence pair to compare, FROM:TO ids (repeat for more)");
         add_output(app, inv);
       },
       run_diff},
      {"dot", "GraphViz DOT of the organisation, with influence paths highlighted",
       [](CLI::App& app, invocation& inv) {
         add_file(app, inv);
         add_on(app, inv);
         CLI::Option* focus = add_text(app, "--focus", inv.focus, "ID", "draw only this node and its neighbourhood");
         needs(add_count(app, "--radius", inv.radius, "N",
                         "with --focus: how many edges out from it to draw (default 1)"),
               focus);
         CLI::Option* from = add_text(app, "--from", inv.from, "A", "the person or body that influences");
         CLI::Option* to = add_text(app, "--to", inv.to, "B", "the body influenced");
         needs(from, to);
         needs(to, from);
         needs(add_count(app, "--paths", inv.paths, "K", "highlight the K shortest paths instead of the channels"),
               from);
       },
       run_dot},
      {"convert", "convert between JSON, CSV (in), archives, DOT and GraphML (out)",
       [](CLI::App& app, invocation& inv) {
         add_file(app, inv, "IN");
         add_argument(app, "OUT", inv.out_file, "the file to write, or - for stdout (with --to)");
         add_choice(app, "--from", inv.input_format,
                    {"json", "csv", "archive", "archive-xml", "archive-text", "dot", "graphml"}, "FORMAT",
                    "read IN as this format (default: by content and extension)");
         add_choice(app, "--to", inv.output_format_name, written_formats(), "FORMAT",
                    "write this format (default: by extension)");
         add_date(app, "--on", inv.on_text, "DOT: the date pictured (default today); GraphML: only what is in force");
       },
       run_convert},
      {"stats", "counts of nodes and relations, dates, deepest chain, widest span, largest body, roots",
       [](CLI::App& app, invocation& inv) {
         file_and_output(app, inv);
         add_on(app, inv, "the date for line management and body sizes (default: today)");
       },
       run_stats},
      {"find", "the nodes whose id or name contains a text, any case and accents",
       [](CLI::App& app, invocation& inv) {
         add_file(app, inv);
         add_argument(app, "TEXT", inv.text, "a piece of an id or name");
         add_choice(app, "--kind", inv.kind, {"person", "post", "body", "area"}, "KIND", "only nodes of this kind");
         add_output(app, inv);
       },
       run_find},
      {"generate", "a synthetic organisation of N persons, the same for the same seed",
       [](CLI::App& app, invocation& inv) {
         add_argument(app, "OUT", inv.out_file, "the file to write, or - for stdout (with --to)");
         required(add_count(app, "--persons", inv.persons, "N", "how many persons"));
         add_text(app, "--seed", inv.seed_text, "S",
                  "the generator's seed, 0 to 2^64-1: the same seed gives the same file (default 1)");
         add_choice(app, "--to", inv.output_format_name, written_formats(), "FORMAT",
                    "write this format (default: by extension)");
         add_date(app, "--on", inv.on_text, "DOT: the date pictured (default today); GraphML: only what is in force");
       },
       run_generate},
  };
  return table;
}

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const auto& c : commands())
    names.emplace_back(c.name);
  return names;
}

const command* find_command(std::string_view name) {
  for (const auto& c : commands())
    if (c.name == name)
      return &c;
  return nullptr;
}

void print_overview(std::ostream& out) {
  out << "orgraph " << ORGRAPH_VERSION_STRING << ": questions about an organisation as a time-aware graph\n\n"
      << "Usage: orgraph COMMAND ARGS... [OPTIONS]\n"
      << "       orgraph help [COMMAND]\n"
      << "       orgraph --version\n\n"
      << "Commands:\n";
  table t({"COMMAND", "SUMMARY"});
  for (const auto& c : commands())
    t.add_row({std::string(c.name), std::string(c.summary)});
  t.print(out, 2, false);
  out << '\n'
      << "FILE is orgraph JSON (a superset of Popolo JSON), CSV (with --mapping FILE unless the header is\n"
      << "known) or an orgraph archive. An ID may be given by name with --name TEXT. DATE is YYYY-MM-DD\n"
      << "(without --on, today). Tables print as CSV with --csv, answers as JSON with --json.\n"
      << "Exit codes: 0 success, 1 validate found errors, 2 bad usage or bad input.\n"
      << "Run 'orgraph help COMMAND' for a command's options.\n";
}

// One line, whatever the exception held: a line break, an escape sequence or a bidirectional
// override in a file name, an id or a message is shown escaped (printable(), output.hpp).
int fail(const std::string& message) {
  std::cerr << "orgraph: " << printable(message) << '\n';
  return exit_bad_input;
}

std::string unknown_command(const std::string& name) {
  return "unknown command '" + name + "'" + did_you_mean(closest(name, command_names())) +
         " (run 'orgraph help' for the list)";
}

int run(const std::vector<std::string>& args) {
  if (args.empty())
    return fail("missing command (run 'orgraph help' for the list)");
  const std::string& name = args[0];
  if (name == "--version" || name == "version") {
    std::cout << "orgraph " << ORGRAPH_VERSION_STRING << '\n';
    return exit_ok;
  }
  if (name == "--help" || name == "-h" || name == "help") {
    if (args.size() > 2)
      return fail("help: unexpected argument '" + args[2] + "'");
    if (args.size() == 1) {
      print_overview(std::cout);
      return exit_ok;
    }
    const command* c = find_command(args[1]);
    if (!c)
      return fail("help: " + unknown_command(args[1]));
    print_command_help(std::cout, *c);
    return exit_ok;
  }
  const command* c = find_command(name);
  if (!c)
    return fail(unknown_command(name));

  invocation inv;
  inv.stdout_is_terminal = ORGRAPH_ISATTY(1) != 0;
  try {
    if (!parse_command_line(*c, std::vector<std::string>(args.begin() + 1, args.end()), inv, std::cout))
      return exit_ok; // help was asked for
    const int code = c->run(inv, std::cout);
    std::cout.flush();
    if (!std::cout)
      return fail("cannot write the output");
    return code;
  } catch (const usage_error& e) { // checked before any file is read
    return fail(std::string(c->name) + ": " + e.what() + " (usage: orgraph " + usage_of(*c) + ")");
  } catch (const orgraph::error& e) { // parse_error, reference_error, file_error, ...: they say where
    return fail(e.what());
  } catch (const std::bad_alloc&) {
    return fail(std::string(c->name) + ": out of memory");
  } catch (const std::exception& e) {
    return fail(std::string(c->name) + ": " + e.what());
  }
}

} // namespace
} // namespace orgraph::cli

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return orgraph::cli::run(args);
}
