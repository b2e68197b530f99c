#pragma once
// The line-management commands: validate, chain, reports. Each is one function that the command
// table in main.cpp names; each prints a table, or JSON with --json.

#include "cli.hpp"
#include "output.hpp"

#include <orgraph/analysis/validate.hpp>
#include <orgraph/query/line_management.hpp>

#include <boost/json.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace orgraph::cli {

// ---- validate FILE [--on DATE] [--json] ----

inline boost::json::array findings_json(const std::vector<orgraph::finding>& findings) {
  boost::json::array out;
  for (const auto& f : findings) {
    boost::json::array ids;
    for (const auto& id : f.ids)
      ids.emplace_back(id);
    out.emplace_back(boost::json::object{{"code", f.code}, {"message", f.message}, {"ids", std::move(ids)}});
  }
  return out;
}

/// Every line-management problem on the date; exit 1 if any is an error.
inline int run_validate(const invocation& inv, std::ostream& out) {
  const auto m = load_model(inv.args[0]);
  const auto on = inv.on();
  const auto report = orgraph::validate(m, on);
  if (inv.json()) {
    boost::json::object o;
    o["on"] = on.to_string();
    o["errors"] = findings_json(report.errors);
    o["warnings"] = findings_json(report.warnings);
    print_json(out, o);
  } else {
    const auto count = [](std::size_t n, const char* what) {
      return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
    };
    if (report.errors.empty() && report.warnings.empty()) {
      out << "Validation on " << on.to_string() << ": no problems found\n";
    } else {
      out << "Validation on " << on.to_string() << ": " << count(report.errors.size(), "error") << ", "
          << count(report.warnings.size(), "warning") << '\n';
      table t({"SEVERITY", "CODE", "IDS", "MESSAGE"});
      for (const auto& f : report.errors)
        t.add_row({"error", f.code, join_or_dash(f.ids), f.message});
      for (const auto& f : report.warnings)
        t.add_row({"warning", f.code, join_or_dash(f.ids), f.message});
      t.print(out);
    }
  }
  return report.ok() ? exit_ok : exit_findings;
}

// ---- chain FILE ID [--on DATE] [--json] ----

/// The management chain above a person or post, nearest manager first.
inline int run_chain(const invocation& inv, std::ostream& out) {
  const std::string& file = inv.args[0];
  const auto m = load_model(file);
  const auto x = person_or_post_at(m, file, inv.args[1], "chain");
  const auto on = inv.on();
  const auto chain = orgraph::management_chain(m, x, on);

  const auto vacant_ids = [&](const orgraph::manager_answer& step) {
    std::vector<std::string> ids;
    for (auto p : step.vacant_posts)
      ids.push_back(std::string(m[p].id));
    return ids;
  };

  if (inv.json()) {
    boost::json::array steps;
    for (const auto& step : chain) {
      const auto who = step.manager.value_or(orgraph::no_vertex);
      boost::json::array vacant;
      for (auto& id : vacant_ids(step))
        vacant.emplace_back(id);
      steps.emplace_back(boost::json::object{
          {"id", id_or_null(m, who)},
          {"name", who == orgraph::no_vertex ? boost::json::value(nullptr) : boost::json::value(std::string(m[who].name))},
          {"post", id_or_null(m, step.post)},
          {"arrangement", orgraph::to_string(step.arrangement)},
          {"vacant_posts", std::move(vacant)},
          {"ambiguous", step.ambiguous}});
    }
    print_json(out, boost::json::object{{"id", std::string(m[x].id)}, {"on", on.to_string()}, {"chain", std::move(steps)}});
    return exit_ok;
  }

  if (chain.empty()) {
    out << describe(m, x) << " has no line manager on " << on.to_string() << '\n';
    return exit_ok;
  }
  out << "Management chain of " << describe(m, x) << " on " << on.to_string() << ", nearest first\n";
  table t({"#", "ID", "NAME", "POST", "ARRANGEMENT", "VACANT POSTS PASSED"});
  std::size_t level = 0;
  for (const auto& step : chain) {
    std::string arrangement(orgraph::to_string(step.arrangement));
    if (step.ambiguous)
      arrangement += ", ambiguous";
    t.add_row({std::to_string(++level), step.manager ? std::string(m[*step.manager].id) : "-",
               step.manager ? m[*step.manager].name : "(every post vacant)",
               step.post == orgraph::no_vertex ? "-" : m[step.post].id, arrangement, join_or_dash(vacant_ids(step))});
  }
  t.print(out);
  return exit_ok;
}

// ---- reports FILE ID [--on DATE] [--all] [--json] ----

/// Direct reports of a person or post (or, with --all, everyone below them), in breadth-first order.
inline int run_reports(const invocation& inv, std::ostream& out) {
  const std::string& file = inv.args[0];
  const auto m = load_model(file);
  const auto x = person_or_post_at(m, file, inv.args[1], "reports");
  const auto on = inv.on();
  const bool all = inv.has("all");
  const orgraph::snapshot snap(m, on);
  const auto reports = all ? orgraph::all_reports(snap, x) : orgraph::direct_reports(snap, x);

  if (inv.json()) {
    boost::json::array items;
    for (auto r : reports) {
      boost::json::object o{{"id", std::string(m[r].id)}, {"name", std::string(m[r].name)}, {"kind", orgraph::to_string(m[r].kind)}};
      if (m[r].kind == orgraph::node_kind::post) {
        const auto held = orgraph::holding(snap, r);
        o["holder"] = id_or_null(m, held ? held->person : orgraph::no_vertex);
        if (held && held->seconded_out())
          o["holder_seconded_to"] = std::string(m[held->seconded_to].id);
      }
      items.emplace_back(std::move(o));
    }
    print_json(out, boost::json::object{
                        {"id", std::string(m[x].id)}, {"on", on.to_string()}, {"all", all}, {"reports", std::move(items)}});
    return exit_ok;
  }

  const char* what = all ? "reports" : "direct reports";
  if (reports.empty()) {
    out << describe(m, x) << " has no " << what << " on " << on.to_string() << '\n';
    return exit_ok;
  }
  out << (all ? "All reports of " : "Direct reports of ") << describe(m, x) << " on " << on.to_string() << '\n';
  table t({"ID", "NAME", "KIND", "HOLDER"});
  for (auto r : reports) {
    std::string holder = "-";
    if (m[r].kind == orgraph::node_kind::post) {
      // A holder seconded out of the post is listed as such: their own line is under the secondment.
      const auto held = orgraph::holding(snap, r);
      holder = !held ? std::string("(vacant)") : std::string(m[held->person].id);
      if (held && held->seconded_out())
        holder += " (seconded to " + std::string(m[held->seconded_to].id) + ")";
    }
    t.add_row({std::string(m[r].id), std::string(m[r].name), std::string(orgraph::to_string(m[r].kind)), holder});
  }
  t.print(out);
  return exit_ok;
}

} // namespace orgraph::cli
