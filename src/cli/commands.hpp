#pragma once
// Every command's handler, and what handlers share: printing a table as the command line asks, and
// the small phrases of answers. The command table in main.cpp names each handler and declares its
// arguments; the handlers live in one file per topic beside this one.

#include <orgraph/model/model.hpp>
#include <orgraph/query/governance.hpp>

#include "cli.hpp"
#include "lookup.hpp"
#include "output.hpp"

#include <boost/json.hpp>

#include <ostream>
#include <string>

namespace orgraph::cli {

// ---- line management (line_management_commands.cpp) ----
int run_validate(const invocation& inv, std::ostream& out);
int run_chain(const invocation& inv, std::ostream& out);
int run_reports(const invocation& inv, std::ostream& out);
int run_supervisor(const invocation& inv, std::ostream& out);
int run_common_manager(const invocation& inv, std::ostream& out);

// ---- governance (governance_commands.cpp) ----
int run_members(const invocation& inv, std::ostream& out);
int run_bodies(const invocation& inv, std::ostream& out);
int run_reporting_line(const invocation& inv, std::ostream& out);
int run_sub_bodies(const invocation& inv, std::ostream& out);
int run_lineage(const invocation& inv, std::ostream& out);
int run_expiring(const invocation& inv, std::ostream& out);
int run_interlocks(const invocation& inv, std::ostream& out);

// ---- over time (history_commands.cpp) ----
int run_history(const invocation& inv, std::ostream& out);
int run_timeline(const invocation& inv, std::ostream& out);
/// members or bodies with --from/--to: everyone who sat (every body sat on) in the period, with the periods.
int run_window(const invocation& inv, std::ostream& out, bool members);

// ---- decisions and coverage (decision_commands.cpp) ----
int run_route(const invocation& inv, std::ostream& out);
int run_decisions_by(const invocation& inv, std::ostream& out);
int run_covering(const invocation& inv, std::ostream& out);
int run_gaps(const invocation& inv, std::ostream& out);

// ---- influence (influence_commands.cpp, diff_command.cpp) ----
int run_influence(const invocation& inv, std::ostream& out);
int run_reach(const invocation& inv, std::ostream& out);
int run_links(const invocation& inv, std::ostream& out);
int run_dot(const invocation& inv, std::ostream& out);
int run_diff(const invocation& inv, std::ostream& out);

// ---- files (persistence_commands.cpp, find_command.cpp) ----
int run_convert(const invocation& inv, std::ostream& out);
int run_generate(const invocation& inv, std::ostream& out);
int run_stats(const invocation& inv, std::ostream& out);
int run_find(const invocation& inv, std::ostream& out);

// ---- shared by the handlers ----

/// The table as the command line asks: CSV with --csv, else aligned (`indent` spaces before each line).
inline void emit(std::ostream& out, const invocation& inv, const table& t, std::size_t indent = 0) {
  if (inv.csv)
    t.print_csv(out, inv.stdout_is_terminal);
  else
    t.print(out, indent);
}

/// Whether headlines and sentences are printed: in a table answer, not in CSV or JSON.
inline bool prose(const invocation& inv) { return inv.format() == output_format::table; }

/// An id, or "-" for `no_vertex`, for a table cell.
inline std::string id_or_dash(const orgraph::model& m, orgraph::vertex v) {
  return v == orgraph::no_vertex ? "-" : std::string(m[v].id);
}

/// A name for JSON: the node's, or null for `no_vertex`.
inline boost::json::value name_or_null(const orgraph::model& m, orgraph::vertex v) {
  return v == orgraph::no_vertex ? boost::json::value(nullptr) : boost::json::value(std::string(m[v].name));
}

/// "2008-04-01", or "-" when a period has no such bound.
inline std::string first_day_or_dash(const orgraph::period& p) { return p.start() ? p.first_day().to_string() : "-"; }

/// The body asked about (argument `slot`), resolved to the body in force for it on the snapshot's date.
inline orgraph::successor_answer resolved_body_arg(const orgraph::snapshot& s, const invocation& inv,
                                                   std::size_t slot = 0) {
  return orgraph::successor_on(s, node_arg(s.model(), inv, slot, a_body, inv.file));
}

/// The line that says an answer is for a successor: "west-essex-ctb has been replaced: ...".
inline void print_resolution(std::ostream& out, const orgraph::model& m, const orgraph::successor_answer& a,
                             orgraph::date on) {
  if (a.resolved())
    out << printable(m[a.requested].id) << " has been replaced: answering for its successor on " << on.to_string()
        << ", " << describe(m, a.body) << '\n';
}

/// The id asked about when it was resolved to a successor, else null.
inline boost::json::value resolved_from_json(const orgraph::model& m, const orgraph::successor_answer& a) {
  return a.resolved() ? boost::json::value(boost::json::string(std::string(m[a.requested].id)))
                      : boost::json::value(nullptr);
}

/// Strings as a JSON array.
inline boost::json::array strings_json(const std::vector<std::string>& items) {
  boost::json::array a;
  for (const auto& s : items)
    a.emplace_back(s);
  return a;
}

/// The ids of nodes.
inline std::vector<std::string> ids_of(const orgraph::model& m, const std::vector<orgraph::vertex>& vs) {
  std::vector<std::string> out;
  out.reserve(vs.size());
  for (auto v : vs)
    out.emplace_back(m[v].id);
  return out;
}

} // namespace orgraph::cli
