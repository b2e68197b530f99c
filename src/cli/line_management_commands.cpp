// The line-management commands: validate, chain, reports, supervisor, common-manager. Each asks one
// snapshot of the file on the date, and prints a table, CSV or JSON.

#include <orgraph/analysis/validate.hpp>
#include <orgraph/query/line_management.hpp>

#include "commands.hpp"

#include <boost/json.hpp>

#include <cstddef>
#include <string>
#include <unordered_map>
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
  // Every holder of a job share; one seconded out of the post is listed as such, since their own line
  // is under the secondment.
  const auto held = orgraph::holders(s, r);
  if (held.empty())
    return "(vacant)";
  std::string text;
  for (const auto& h : held) {
    text.append(text.empty() ? "" : ", ").append(m[h.person].id);
    if (h.seconded_out())
      text += " (seconded to " + std::string(m[h.seconded_to].id) + ")";
  }
  return text;
}

/// Where each report of a listing sits: how far below the node asked about, and under which node of
/// the listing (or the node itself), so that the tree can be rebuilt from the rows.
struct placed_report {
  orgraph::vertex node = orgraph::no_vertex;
  std::size_t depth = 1;
  orgraph::vertex manager = orgraph::no_vertex;
};

std::vector<placed_report> place_reports(const orgraph::snapshot& s, orgraph::vertex top,
                                         const std::vector<orgraph::vertex>& reports) {
  const orgraph::model& m = s.model();
  std::unordered_map<orgraph::vertex, std::size_t> at; // position in the listing
  std::unordered_map<orgraph::vertex, orgraph::vertex> post_held_by;
  const auto note_post = [&](orgraph::vertex p) {
    if (m.kind(p) == orgraph::node_kind::post)
      if (const orgraph::vertex h = s.holder(p); h != orgraph::no_vertex)
        post_held_by.emplace(h, p);
  };
  note_post(top);
  for (std::size_t i = 0; i < reports.size(); ++i) {
    at.emplace(reports[i], i);
    note_post(reports[i]);
  }
  std::vector<placed_report> out;
  for (const orgraph::vertex r : reports) {
    // The node directly above: the nearest vacant post passed, else the post managed through, else
    // the manager, who appears in a listing as the post they hold when they are managed through it.
    orgraph::vertex up = top;
    if (const auto a = orgraph::line_manager(s, r)) {
      up = !a->vacant_posts.empty()        ? a->vacant_posts.front()
           : a->post != orgraph::no_vertex ? a->post
                                           : a->manager.value_or(top);
      if (up != top && !at.count(up) && post_held_by.count(up))
        up = post_held_by.at(up);
      if (up != top && !at.count(up))
        up = top;
    }
    out.push_back({r, 1, up});
  }
  // Depths follow the managers up; a chain that does not reach the top within the listing hangs from it.
  for (auto& p : out) {
    std::size_t depth = 1;
    for (orgraph::vertex up = p.manager; up != top && depth <= out.size(); up = out[at.at(up)].manager)
      ++depth;
    if (depth > out.size()) {
      p.manager = top;
      depth = 1;
    }
    p.depth = depth;
  }
  return out;
}

/// The reports as a tree under the node asked about, two columns of indent a level.
void print_tree(std::ostream& out, const orgraph::snapshot& s, orgraph::vertex top,
                const std::vector<placed_report>& placed) {
  const orgraph::model& m = s.model();
  std::unordered_map<orgraph::vertex, std::vector<std::size_t>> children;
  for (std::size_t i = 0; i < placed.size(); ++i)
    children[placed[i].manager].push_back(i);
  out << describe(m, top) << '\n';
  const auto walk = [&](const auto& self, orgraph::vertex v, const std::string& indent) -> void {
    const auto it = children.find(v);
    if (it == children.end())
      return;
    for (std::size_t k = 0; k < it->second.size(); ++k) {
      const bool last = k + 1 == it->second.size();
      const orgraph::vertex r = placed[it->second[k]].node;
      std::string line = indent + (last ? "\u2514\u2500 " : "\u251c\u2500 ") + describe(m, r);
      if (m[r].kind == orgraph::node_kind::post)
        line += ", held by " + printable(holder_text(s, r));
      out << line << '\n';
      self(self, r, indent + (last ? "   " : "\u2502  "));
    }
  };
  walk(walk, top, "");
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

// ---- reports FILE ID [--on DATE] [--all] [--tree] [--json|--csv] ----

int run_reports(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const auto x = node_arg(m, inv, 0, person_or_post, inv.file);
  const bool all = inv.all || inv.tree;
  const auto reports = all ? orgraph::all_reports(s, x) : orgraph::direct_reports(s, x);
  const auto placed = place_reports(s, x, reports);
  const std::string on = s.on().to_string();

  if (inv.json) {
    boost::json::array items;
    for (const auto& p : placed) {
      const auto r = p.node;
      boost::json::object o{
          {"id", std::string(m[r].id)}, {"name", std::string(m[r].name)}, {"kind", orgraph::to_string(m[r].kind)}};
      if (m[r].kind == orgraph::node_kind::post) {
        const auto held = orgraph::holders(s, r);
        o["holder"] = id_or_null(m, held.empty() ? orgraph::no_vertex : held.front().person);
        if (!held.empty() && held.front().seconded_out())
          o["holder_seconded_to"] = std::string(m[held.front().seconded_to].id);
        if (held.size() > 1) { // a job share
          boost::json::array all;
          for (const auto& h : held)
            all.emplace_back(std::string(m[h.person].id));
          o["holders"] = std::move(all);
        }
      }
      o["depth"] = p.depth;
      o["manager"] = std::string(m[p.manager].id);
      items.emplace_back(std::move(o));
    }
    print_json(out, boost::json::object{
                        {"id", std::string(m[x].id)}, {"on", on}, {"all", all}, {"reports", std::move(items)}});
    return exit_ok;
  }

  const char* what = all ? "reports" : "direct reports";
  if (reports.empty() && prose(inv)) {
    out << describe(m, x) << " has no " << what << " on " << on << '\n';
    return exit_ok;
  }
  if (inv.tree) {
    out << "Reports of " << describe(m, x) << " on " << on << ", as a tree\n";
    print_tree(out, s, x, placed);
    return exit_ok;
  }
  std::vector<std::string> headers{"ID", "NAME", "KIND", "HOLDER"};
  if (all) // depth and the node above: enough to rebuild the tree from the rows
    headers.insert(headers.end(), {"DEPTH", "MANAGER"});
  table t(headers);
  for (const auto& p : placed)
    t.add_row({std::string(m[p.node].id), std::string(m[p.node].name), std::string(orgraph::to_string(m[p.node].kind)),
               holder_text(s, p.node), std::to_string(p.depth), std::string(m[p.manager].id)});
  if (prose(inv))
    out << (all ? "All reports of " : "Direct reports of ") << describe(m, x) << " on " << on << '\n';
  emit(out, inv, t);
  return exit_ok;
}

// ---- supervisor FILE ID [--on DATE] [--json|--csv] ----

int run_supervisor(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const auto x = node_arg(m, inv, 0, person_or_post, inv.file);
  const auto supervisor = orgraph::supervisor(s, x);
  const auto dotted = orgraph::dotted_line_managers(s, x);
  const std::string on = s.on().to_string();
  if (inv.json) {
    boost::json::value sup = nullptr;
    if (supervisor) {
      auto o = answer_json(m, *supervisor);
      o["relation"] = orgraph::to_string(supervisor->relation);
      sup = std::move(o);
    }
    boost::json::array others;
    for (const auto& d : dotted)
      others.emplace_back(answer_json(m, d));
    print_json(out, boost::json::object{{"id", std::string(m[x].id)},
                                        {"on", on},
                                        {"supervisor", std::move(sup)},
                                        {"dotted_line_managers", std::move(others)}});
    return exit_ok;
  }
  if (!supervisor && dotted.empty() && prose(inv)) {
    out << describe(m, x) << " has no supervisor and no dotted-line manager on " << on << '\n';
    return exit_ok;
  }
  table t({"ROLE", "ID", "NAME", "POST", "ARRANGEMENT", "RELATION", "VACANT POSTS PASSED"});
  const auto row = [&](const char* role, const orgraph::manager_answer& a) {
    t.add_row({role, a.manager ? std::string(m[*a.manager].id) : "-",
               a.manager ? m[*a.manager].name : "(every post vacant)", id_or_dash(m, a.post),
               std::string(orgraph::to_string(a.arrangement)), std::string(orgraph::to_string(a.relation)),
               join_or_dash(vacant_ids(m, a))});
  };
  if (supervisor) // `manages` when no supervision is recorded: the line manager supervises
    row("supervisor", *supervisor);
  for (const auto& d : dotted)
    row("dotted-line manager", d);
  if (prose(inv))
    out << "Supervision of " << describe(m, x) << " on " << on << '\n';
  emit(out, inv, t);
  return exit_ok;
}

// ---- common-manager FILE A B [--on DATE] [--json|--csv] ----

int run_common_manager(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const auto a = node_arg(m, inv, 0, person_or_post, inv.file);
  const auto b = node_arg(m, inv, 1, person_or_post, inv.file);
  const auto common = orgraph::lowest_common_manager(s, a, b).value_or(orgraph::no_vertex);
  const std::string on = s.on().to_string();
  if (inv.json) {
    print_json(out, boost::json::object{{"a", std::string(m[a].id)},
                                        {"b", std::string(m[b].id)},
                                        {"on", on},
                                        {"manager", id_or_null(m, common)},
                                        {"name", name_or_null(m, common)}});
    return exit_ok;
  }
  if (inv.csv) {
    table t({"A", "B", "MANAGER", "NAME"});
    t.add_row({std::string(m[a].id), std::string(m[b].id), id_or_dash(m, common),
               common == orgraph::no_vertex ? "-" : std::string(m[common].name)});
    emit(out, inv, t);
    return exit_ok;
  }
  if (common == orgraph::no_vertex)
    out << describe(m, a) << " and " << describe(m, b) << " have no common manager on " << on << '\n';
  else
    out << "Lowest common manager of " << describe(m, a) << " and " << describe(m, b) << " on " << on << ": "
        << describe(m, common) << '\n';
  return exit_ok;
}

} // namespace orgraph::cli
