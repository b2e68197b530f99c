// The line-management commands: validate, chain, reports. Each asks one
// snapshot of the file on the date, and prints a table, CSV or JSON.

#include "commands.hpp"

#include <orgraph/analysis/validate.hpp>
#include <orgraph/query/line_management.hpp>

#include <boost/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace orgraph::cli {

namespace {

boost::json::array findings_json(const std::vector<orgraph::finding>& findings) {
  boost::json::array out;
  for (const auto& f : findings)
    out.emplace_back(boost::json::object{{"code", f.code}, {"message", f.message}, {"ids", strings_json(f.ids)}});
  return out;
}

std::vector<std::string> vacant_ids(const orgraph::model& m, const orgraph::manager_answer& a) {
  return ids_of(m, a.vacant_posts);
}

/// One manager answer in JSON: the manager, the post, the arrangement, the vacant posts passed.
boost::json::object answer_json(const orgraph::model& m, const orgraph::manager_answer& a) {
  const auto who = a.manager.value_or(orgraph::no_vertex);
  return boost::json::object{{"id", id_or_null(m, who)},
                             {"name", name_or_null(m, who)},
                             {"post", id_or_null(m, a.post)},
                             {"arrangement", orgraph::to_string(a.arrangement)},
                             {"vacant_posts", strings_json(vacant_ids(m, a))},
                             {"ambiguous", a.ambiguous}};
}

/// A post's holder for a reports row: "-" for a person, "(vacant)", or the holder, seconded out or not.
std::string holder_text(const orgraph::snapshot& s, orgraph::vertex r) {
  const orgraph::model& m = s.model();
  if (m[r].kind != orgraph::node_kind::post)
    return "-";
  // A holder seconded out of the post is listed as such: their own line is under the secondment.
  const auto held = orgraph::holding(s, r);
  if (!held)
    return "(vacant)";
  std::string text(m[held->person].id);
  if (held->seconded_out())
    text += " (seconded to " + std::string(m[held->seconded_to].id) + ")";
  return text;
}

} // namespace

// ---- validate FILE [--on DATE] [--json|--csv] ----

int run_validate(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const auto on = inv.on();
  const auto report = orgraph::validate(m, on);
  const int code = report.ok() ? exit_ok : exit_findings;
  if (inv.json) {
    print_json(out, boost::json::object{{"on", on.to_string()},
                                        {"errors", findings_json(report.errors)},
                                        {"warnings", findings_json(report.warnings)}});
    return code;
  }
  table t({"SEVERITY", "CODE", "IDS", "MESSAGE"});
  for (const auto& f : report.errors)
    t.add_row({"error", f.code, join_or_dash(f.ids), f.message});
  for (const auto& f : report.warnings)
    t.add_row({"warning", f.code, join_or_dash(f.ids), f.message});
  if (prose(inv)) {
    const auto count = [](std::size_t n, const char* what) {
      return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
    };
    out << "Validation on " << on.to_string() << ": ";
    if (t.empty()) {
      out << "no problems found\n";
      return code;
    }
    out << count(report.errors.size(), "error") << ", " << count(report.warnings.size(), "warning") << '\n';
  }
  emit(out, inv, t);
  return code;
}

// ---- chain FILE ID [--on DATE] [--json|--csv] ----

int run_chain(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const auto x = node_arg(m, inv, 0, person_or_post, inv.file);
  const auto chain = orgraph::management_chain(s, x);
  if (inv.json) {
    boost::json::array steps;
    for (const auto& step : chain)
      steps.emplace_back(answer_json(m, step));
    print_json(out, boost::json::object{{"id", std::string(m[x].id)}, {"on", s.on().to_string()}, {"chain", steps}});
    return exit_ok;
  }
  if (chain.empty() && prose(inv)) {
    out << describe(m, x) << " has no line manager on " << s.on().to_string() << '\n';
    return exit_ok;
  }
  table t({"#", "ID", "NAME", "POST", "ARRANGEMENT", "VACANT POSTS PASSED"});
  std::size_t level = 0;
  for (const auto& step : chain) {
    std::string arrangement(orgraph::to_string(step.arrangement));
    if (step.ambiguous)
      arrangement += ", ambiguous";
    t.add_row({std::to_string(++level), step.manager ? std::string(m[*step.manager].id) : "-",
               step.manager ? m[*step.manager].name : "(every post vacant)", id_or_dash(m, step.post), arrangement,
               join_or_dash(vacant_ids(m, step))});
  }
  if (prose(inv))
    out << "Management chain of " << describe(m, x) << " on " << s.on().to_string() << ", nearest first\n";
  emit(out, inv, t);
  return exit_ok;
}

// ---- reports FILE ID [--on DATE] [--all] [--json|--csv] ----

int run_reports(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const auto x = node_arg(m, inv, 0, person_or_post, inv.file);
  const auto reports = inv.all ? orgraph::all_reports(s, x) : orgraph::direct_reports(s, x);
  const std::string on = s.on().to_string();

  if (inv.json) {
    boost::json::array items;
    for (const auto r : reports) {
      boost::json::object o{
          {"id", std::string(m[r].id)}, {"name", std::string(m[r].name)}, {"kind", orgraph::to_string(m[r].kind)}};
      if (m[r].kind == orgraph::node_kind::post) {
        const auto held = orgraph::holding(s, r);
        o["holder"] = id_or_null(m, held ? held->person : orgraph::no_vertex);
        if (held && held->seconded_out())
          o["holder_seconded_to"] = std::string(m[held->seconded_to].id);
      }
      items.emplace_back(std::move(o));
    }
    print_json(out, boost::json::object{
                        {"id", std::string(m[x].id)}, {"on", on}, {"all", inv.all}, {"reports", std::move(items)}});
    return exit_ok;
  }

  const char* what = inv.all ? "reports" : "direct reports";
  if (reports.empty() && prose(inv)) {
    out << describe(m, x) << " has no " << what << " on " << on << '\n';
    return exit_ok;
  }
  table t({"ID", "NAME", "KIND", "HOLDER"});
  for (const auto r : reports)
    t.add_row(
        {std::string(m[r].id), std::string(m[r].name), std::string(orgraph::to_string(m[r].kind)), holder_text(s, r)});
  if (prose(inv))
    out << (inv.all ? "All reports of " : "Direct reports of ") << describe(m, x) << " on " << on << '\n';
  emit(out, inv, t);
  return exit_ok;
}

} // namespace orgraph::cli
