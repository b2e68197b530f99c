// orgraph: answers about an organisation file from the command line.
//
//   orgraph COMMAND ARGS... [OPTIONS]     orgraph help [COMMAND]     orgraph --version
//
// Exit codes: 0 success, 1 `validate` found errors, 2 bad usage or bad input (one line on stderr).
// A new command is one function (in a header beside this file) and one entry in commands() below.

#include "cli.hpp"
#include "governance_commands.hpp"
#include "influence_commands.hpp"
#include "line_management_commands.hpp"
#include "output.hpp"
#include "persistence_commands.hpp"

#include <orgraph/error.hpp>
#include <orgraph/version.hpp>

#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <vector>

namespace orgraph::cli {
namespace {

const option_spec all_option{"all", option_value::none, "", "everyone below, not only direct reports"};
const option_spec classification_option{"classification", option_value::text, "C",
                                        "only bodies of this classification (any case), such as MAAG"};
const option_spec required_classification_option{"classification", option_value::text, "C",
                                                 "the classification of the bodies that should cover (required)"};
const option_spec level_option{"level", option_value::text, "L",
                               "the classification of the areas to check, such as district (required)"};
const option_spec from_option{"from", option_value::text, "A", "the person or body that influences"};
const option_spec to_option{"to", option_value::text, "B", "the body influenced"};
const option_spec paths_option{"paths", option_value::count, "K", "how many shortest paths to show (default 3)"};
const option_spec vs_option{"vs", option_value::date, "DATE", "with one file: the date to compare --on with"};
const option_spec pair_option{"pair", option_value::texts, "A:B",
                              "an influence pair to compare, FROM:TO ids (repeat for more)"};
const option_spec focus_option{"focus", option_value::text, "ID", "draw only this node and its neighbourhood"};
const option_spec radius_option{"radius", option_value::count, "N",
                                "with --focus: how many edges out from it to draw (default 1)"};
const option_spec dot_paths_option{"paths", option_value::count, "K",
                                   "highlight the K shortest paths instead of the independent channels"};

const option_spec from_format_option{"from", option_value::text, "FORMAT",
                                     "read IN as json, csv or archive (default: by content and extension)"};
const option_spec to_format_option{"to", option_value::text, "FORMAT",
                                   "write json, archive, archive-xml, archive-text or dot (default: by extension)"};
const option_spec dot_on_option{"on", option_value::date, "DATE", "for DOT output: the date pictured (default: today)"};
const option_spec also_option{"also", option_value::texts, "CSV",
                              "another CSV file loaded into the same model, such as a junior organogram"};
const option_spec persons_option{"persons", option_value::count, "N", "how many persons (required)"};
const option_spec seed_option{"seed", option_value::text, "S",
                              "the generator's seed, 0 to 2^64-1: the same seed gives the same file (default 1)"};
const option_spec stats_on_option{"on", option_value::date, "DATE",
                                  "the date for line management and body sizes (default: today)"};

// The command table: `help` lists it in this order.
const std::vector<command>& commands() {
  static const std::vector<command> table{
      {"validate", {"FILE"}, {on_option, json_option},
       "check line management on a date: cycles, self-management, ambiguity, vacancies, disciplines",
       run_validate},
      {"chain", {"FILE", "ID"}, {on_option, json_option},
       "the management chain above a person or post, nearest manager first", run_chain},
      {"reports", {"FILE", "ID"}, {on_option, all_option, json_option},
       "the direct reports of a person or post (--all: everyone below them)", run_reports},
      {"members", {"FILE", "BODY"}, {on_option, json_option},
       "everyone who sits on a body, with role and on whose behalf", run_members},
      {"bodies", {"FILE", "PERSON"}, {on_option, json_option}, "every body a person sits on, with the role",
       run_bodies},
      {"reporting-line", {"FILE", "BODY"}, {on_option, json_option},
       "the chain of bodies above a body, nearest first", run_reporting_line},
      {"route", {"FILE", "DECISION"}, {json_option},
       "the route of a decision, from the first recommendation to the final decision", run_route},
      {"lineage", {"FILE", "BODY"}, {on_option, json_option},
       "the bodies a body replaced or was replaced by, oldest first", run_lineage},
      {"covering", {"FILE", "AREA"}, {classification_option, on_option, json_option},
       "the bodies that cover an area (or an area it lies in)", run_covering},
      {"gaps", {"FILE"}, {required_classification_option, level_option, on_option, json_option},
       "the areas of a level that no body of a classification covers", run_gaps},
      {"influence", {"FILE"}, {from_option, to_option, on_option, paths_option, json_option},
       "how a person or body can influence a body: paths, independent channels, single points of failure",
       run_influence},
      {"reach", {"FILE", "ID"}, {on_option, json_option},
       "every body a person or body can influence, nearest first", run_reach},
      {"links", {"FILE"}, {on_option, json_option},
       "the double-linking audit: who sits on both a body and the body it reports to", run_links},
      {"diff", {"FILE_A", "[FILE_B]"}, {on_option, vs_option, pair_option, json_option},
       "what changed between two files on a date, or one file on two dates", run_diff},
      {"dot", {"FILE"}, {on_option, focus_option, radius_option, from_option, to_option, dot_paths_option},
       "GraphViz DOT of the organisation, with influence paths highlighted", run_dot},
      {"convert", {"IN", "OUT"}, {from_format_option, to_format_option, dot_on_option, also_option},
       "convert between JSON, CSV (in), archives (binary, XML, text) and DOT (out)", run_convert},
      {"stats", {"FILE"}, {stats_on_option, also_option, json_option},
       "counts of nodes and relations, dates, deepest chain, widest span, largest body, roots", run_stats},
      {"generate", {"OUT"}, {persons_option, seed_option, to_format_option, dot_on_option},
       "a synthetic organisation of N persons, the same for the same seed", run_generate},
  };
  return table;
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
      << "known) or an orgraph archive (.orgraph, .orgraph.xml, .orgraph.txt). DATE is YYYY-MM-DD\n"
      << "(without --on, today).\n"
      << "Exit codes: 0 success, 1 validate found errors, 2 bad usage or bad input.\n"
      << "Run 'orgraph help COMMAND' for a command's options.\n";
}

void print_command_help(std::ostream& out, const command& c) {
  out << "Usage: orgraph " << usage(c) << "\n\n" << c.summary << "\n";
  if (c.options.empty() && !reads_files(c))
    return;
  out << "\nOptions:\n";
  table t({"OPTION", "MEANING"});
  for (const auto& o : c.options) {
    std::string flag = "--" + std::string(o.name);
    if (o.value != option_value::none)
      flag.append(" ").append(o.value_name);
    t.add_row({flag, std::string(o.help)});
  }
  if (reads_files(c))
    t.add_row({"--mapping FILE", std::string(mapping_option.help)});
  t.add_row({"--help", "show this help"});
  t.print(out, 2, false);
}

// One line, whatever the exception held: a line break, an escape sequence or a bidirectional
// override in a file name, an id or a message is shown escaped (printable(), output.hpp).
int fail(const std::string& message) {
  std::cerr << "orgraph: " << printable(message) << '\n';
  return exit_bad_input;
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
    if (args.size() == 2) {
      const command* c = find_command(args[1]);
      if (!c)
        return fail("help: unknown command '" + args[1] + "' (run 'orgraph help' for the list)");
      print_command_help(std::cout, *c);
    } else {
      print_overview(std::cout);
    }
    return exit_ok;
  }
  const command* c = find_command(name);
  if (!c)
    return fail("unknown command '" + name + "' (run 'orgraph help' for the list)");

  invocation inv;
  try {
    inv = parse_invocation(*c, std::vector<std::string>(args.begin() + 1, args.end()));
  } catch (const usage_error& e) {
    return fail(std::string(c->name) + ": " + e.what() + " (usage: orgraph " + usage(*c) + ")");
  }
  if (inv.help) {
    print_command_help(std::cout, *c);
    return exit_ok;
  }
  mapping_file() = inv.value(mapping_option.name);
  try {
    const int code = c->run(inv, std::cout);
    std::cout.flush();
    if (!std::cout)
      return fail("cannot write the output");
    return code;
  } catch (const usage_error& e) { // an option missing or at odds with another: checked before reading files
    return fail(std::string(c->name) + ": " + e.what() + " (usage: orgraph " + usage(*c) + ")");
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
