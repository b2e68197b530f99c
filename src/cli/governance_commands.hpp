#pragma once
// The governance commands: members, bodies, reporting-line, route, lineage, covering, gaps. Each is
// one function that the command table in main.cpp names; each prints a table, or JSON with --json.
//
// A body id that names a body replaced by the date (a renamed board) is answered for its successor
// on that date, and the answer says so: a line before the table, "resolved_from" in JSON.

#include "cli.hpp"
#include "output.hpp"

#include <orgraph/query/decisions.hpp>
#include <orgraph/query/governance.hpp>

#include <boost/json.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace orgraph::cli {

// ---- shared by the governance commands ----

/// The body asked about, resolved to the body in force for it on the date.
inline orgraph::successor_answer resolved_body_at(const orgraph::model& m, const std::string& file,
                                                  const std::string& id, orgraph::date on,
                                                  std::string_view command_name) {
  return orgraph::successor_on(m, body_at(m, file, id, command_name), on);
}

/// The line that says an answer is for a successor: "west-essex-ctb has been replaced: ...".
inline void print_resolution(std::ostream& out, const orgraph::model& m, const orgraph::successor_answer& a,
                             orgraph::date on) {
  if (!a.resolved())
    return;
  out << printable(m[a.requested].id) << " has been replaced: answering for its successor on "
      << on.to_string() << ", "
      << describe(m, a.body) << '\n';
}

/// The id asked about when it was resolved to a successor, else null.
inline boost::json::value resolved_from_json(const orgraph::model& m, const orgraph::successor_answer& a) {
  return a.resolved() ? boost::json::value(boost::json::string(std::string(m[a.requested].id))) : boost::json::value(nullptr);
}

/// An id, or "-" for `no_vertex`, for a table cell.
inline std::string id_or_dash(const orgraph::model& m, orgraph::vertex v) {
  return v == orgraph::no_vertex ? "-" : std::string(m[v].id);
}

/// "2008-04-01", or "-" when a period has no such bound.
inline std::string first_day_or_dash(const orgraph::period& p) {
  return p.start() ? p.first_day().to_string() : "-";
}

// ---- members FILE BODY [--on DATE] [--json] ----

/// Everyone who sits on a body on a date, with role, on-behalf-of, post and how they come to sit.
inline int run_members(const invocation& inv, std::ostream& out) {
  const std::string& file = inv.args[0];
  const auto on = inv.on();
  const auto m = load_model(file);
  const auto body = resolved_body_at(m, file, inv.args[1], on, "members");
  const auto seats = orgraph::members(m, body.body, on);
  const auto size = orgraph::membership_size(m, body.body, on);

  if (inv.json()) {
    boost::json::array items;
    for (const auto& s : seats) {
      const auto who = s.person.value_or(orgraph::no_vertex);
      items.emplace_back(boost::json::object{
          {"id", id_or_null(m, who)},
          {"name", who == orgraph::no_vertex ? boost::json::value(nullptr) : boost::json::value(std::string(m[who].name))},
          {"role", s.role},
          {"on_behalf_of", id_or_null(m, s.on_behalf_of)},
          {"post", id_or_null(m, s.post)},
          {"basis", orgraph::to_string(s.basis)},
          {"recorded_on", id_or_null(m, s.replaced)}});
    }
    print_json(out, boost::json::object{{"id", std::string(m[body.body].id)},
                                        {"resolved_from", resolved_from_json(m, body)},
                                        {"on", on.to_string()},
                                        {"size", size},
                                        {"members", std::move(items)}});
    return exit_ok;
  }

  print_resolution(out, m, body, on);
  if (seats.empty()) {
    out << describe(m, body.body) << " has no members on " << on.to_string() << '\n';
    return exit_ok;
  }
  out << "Members of " << describe(m, body.body) << " on " << on.to_string() << ": " << size
      << (size == 1 ? " person" : " persons") << '\n';
  table t({"ID", "NAME", "ROLE", "ON BEHALF OF", "POST", "BASIS"});
  for (const auto& s : seats) {
    std::string basis(orgraph::to_string(s.basis));
    if (s.replaced != orgraph::no_vertex)
      basis += ", recorded on " + std::string(m[s.replaced].id);
    t.add_row({s.person ? std::string(m[*s.person].id) : "-", s.person ? std::string(m[*s.person].name) : "(vacant)",
               s.role.empty() ? "-" : s.role, id_or_dash(m, s.on_behalf_of), id_or_dash(m, s.post), basis});
  }
  t.print(out);
  return exit_ok;
}

// ---- bodies FILE PERSON [--on DATE] [--json] ----

/// Every body a person sits on on a date, with the role.
inline int run_bodies(const invocation& inv, std::ostream& out) {
  const std::string& file = inv.args[0];
  const auto on = inv.on();
  const auto m = load_model(file);
  const auto person = person_at(m, file, inv.args[1], "bodies");
  const auto seats = orgraph::bodies_of(m, person, on);

  if (inv.json()) {
    boost::json::array items;
    for (const auto& s : seats)
      items.emplace_back(boost::json::object{{"id", std::string(m[s.body].id)},
                                             {"name", std::string(m[s.body].name)},
                                             {"role", s.role},
                                             {"on_behalf_of", id_or_null(m, s.on_behalf_of)},
                                             {"post", id_or_null(m, s.post)},
                                             {"resolved_from", id_or_null(m, s.replaced)}});
    print_json(out, boost::json::object{{"id", std::string(m[person].id)}, {"on", on.to_string()}, {"bodies", std::move(items)}});
    return exit_ok;
  }

  if (seats.empty()) {
    out << describe(m, person) << " sits on no body on " << on.to_string() << '\n';
    return exit_ok;
  }
  out << "Bodies of " << describe(m, person) << " on " << on.to_string() << '\n';
  table t({"ID", "NAME", "ROLE", "ON BEHALF OF", "POST", "RESOLVED FROM"});
  for (const auto& s : seats)
    t.add_row({std::string(m[s.body].id), std::string(m[s.body].name), s.role.empty() ? "-" : s.role, id_or_dash(m, s.on_behalf_of),
               id_or_dash(m, s.post), id_or_dash(m, s.replaced)});
  t.print(out);
  return exit_ok;
}

// ---- reporting-line FILE BODY [--on DATE] [--json] ----

/// The chain of bodies above a body on a date, nearest first.
inline int run_reporting_line(const invocation& inv, std::ostream& out) {
  const std::string& file = inv.args[0];
  const auto on = inv.on();
  const auto m = load_model(file);
  const auto body = resolved_body_at(m, file, inv.args[1], on, "reporting-line");
  const auto line = orgraph::reporting_line(m, body.body, on);

  if (inv.json()) {
    boost::json::array steps;
    for (const auto& s : line)
      steps.emplace_back(boost::json::object{{"id", std::string(m[s.body].id)},
                                             {"name", std::string(m[s.body].name)},
                                             {"via", orgraph::to_string(s.via)},
                                             {"resolved_from", id_or_null(m, s.replaced)}});
    print_json(out, boost::json::object{{"id", std::string(m[body.body].id)},
                                        {"resolved_from", resolved_from_json(m, body)},
                                        {"on", on.to_string()},
                                        {"line", std::move(steps)}});
    return exit_ok;
  }

  print_resolution(out, m, body, on);
  if (line.empty()) {
    out << describe(m, body.body) << " reports to no body on " << on.to_string() << '\n';
    return exit_ok;
  }
  out << "Reporting line of " << describe(m, body.body) << " on " << on.to_string() << ", nearest first\n";
  table t({"#", "ID", "NAME", "VIA", "RESOLVED FROM"});
  std::size_t level = 0;
  for (const auto& s : line)
    t.add_row({std::to_string(++level), std::string(m[s.body].id), std::string(m[s.body].name), std::string(orgraph::to_string(s.via)),
               id_or_dash(m, s.replaced)});
  t.print(out);
  return exit_ok;
}

// ---- route FILE DECISION [--json] ----

/// The route a decision lies on: from the first recommendation to the final decision, oldest first.
inline int run_route(const invocation& inv, std::ostream& out) {
  const std::string& file = inv.args[0];
  const auto m = load_model(file);
  const auto asked = decision_at(m, file, inv.args[1]);
  const auto route = orgraph::decision_route(m, asked);
  const auto& ds = m.decisions();

  if (inv.json()) {
    boost::json::array steps;
    for (auto i : route.steps) {
      const auto& d = ds[i];
      steps.emplace_back(boost::json::object{
          {"id", d.id},
          {"subject", d.subject},
          {"body", id_or_null(m, d.organization)},
          {"date", d.date.to_string()},
          {"outcome", orgraph::to_string(d.outcome)},
          {"to", id_or_null(m, d.to)},
          {"follows", d.follows == orgraph::no_decision ? boost::json::value(nullptr)
                                                        : boost::json::value(ds[d.follows].id)}});
    }
    print_json(out, boost::json::object{
                        {"id", std::string(ds[asked].id)},
                        {"route", std::move(steps)},
                        {"final_decision", route.final_decision ? boost::json::value(std::string(ds[*route.final_decision].id))
                                                                : boost::json::value(nullptr)},
                        {"open", route.open},
                        {"awaiting", id_or_null(m, route.awaiting)}});
    return exit_ok;
  }

  out << "Route of " << printable(ds[asked].id) << " (" << printable(ds[asked].subject) << "): " << route.steps.size()
      << (route.steps.size() == 1 ? " decision" : " decisions") << ", oldest first\n";
  table t({"#", "DATE", "ID", "BODY", "OUTCOME", "TO", "FOLLOWS"});
  std::size_t n = 0;
  for (auto i : route.steps) {
    const auto& d = ds[i];
    t.add_row({std::to_string(++n), d.date.to_string(), d.id, id_or_dash(m, d.organization),
               std::string(orgraph::to_string(d.outcome)), id_or_dash(m, d.to),
               d.follows == orgraph::no_decision ? "-" : ds[d.follows].id});
  }
  t.print(out);
  if (route.final_decision) {
    const auto& f = ds[*route.final_decision];
    out << "Final decision: " << printable(f.id) << ", " << orgraph::to_string(f.outcome) << " by "
        << describe(m, f.organization) << " on " << f.date.to_string() << '\n';
  } else if (route.open) {
    out << "Open: awaiting a decision by " << describe(m, route.awaiting) << '\n';
  } else {
    out << "No final decision: the route ends with a note\n";
  }
  return exit_ok;
}

// ---- lineage FILE BODY [--on DATE] [--json] ----

/// Every body of a succession, oldest first, and which of them is in force on the date.
inline int run_lineage(const invocation& inv, std::ostream& out) {
  const std::string& file = inv.args[0];
  const auto on = inv.on();
  const auto m = load_model(file);
  const auto body = body_at(m, file, inv.args[1], "lineage");
  const auto line = orgraph::lineage(m, body);
  const auto now = orgraph::successor_on(m, line.front(), on);
  const bool any_in_force = orgraph::in_force(m, now.body, on);

  // The date each body was replaced by the next one of the lineage.
  const auto replaced_on = [&](orgraph::vertex from, orgraph::vertex to) -> std::string {
    const auto& g = m.graph();
    for (auto [it, end] = out_edges(from, g); it != end; ++it)
      if (g[*it].type == orgraph::relation_type::replaced_by && target(*it, g) == to) {
        const auto d = orgraph::replacement_date(m, *it);
        return d == orgraph::date::min() ? "-" : d.to_string();
      }
    return "-";
  };

  if (inv.json()) {
    boost::json::array ids;
    for (auto v : line)
      ids.emplace_back(std::string(m[v].id));
    print_json(out, boost::json::object{{"id", std::string(m[body].id)},
                                        {"on", on.to_string()},
                                        {"lineage", std::move(ids)},
                                        {"in_force", any_in_force ? id_or_null(m, now.body) : boost::json::value(nullptr)}});
    return exit_ok;
  }

  out << "Lineage of " << describe(m, body) << ", oldest first\n";
  table t({"#", "ID", "NAME", "FOUNDED", "REPLACED ON", "IN FORCE ON " + on.to_string()});
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto v = line[i];
    t.add_row({std::to_string(i + 1), std::string(m[v].id), std::string(m[v].name), first_day_or_dash(m[v].lifetime),
               i + 1 < line.size() ? replaced_on(v, line[i + 1]) : "-", orgraph::in_force(m, v, on) ? "yes" : "no"});
  }
  t.print(out);
  return exit_ok;
}

// ---- covering FILE AREA [--classification C] [--on DATE] [--json] ----

/// The bodies that cover an area (or a parent area) on a date, nearest area first.
inline int run_covering(const invocation& inv, std::ostream& out) {
  const std::string& file = inv.args[0];
  const auto on = inv.on();
  const std::string classification = inv.value("classification").value_or("");
  const auto m = load_model(file);
  const auto area = area_at(m, file, inv.args[1], "covering");
  const auto units = orgraph::covering(m, area, on, classification);

  if (inv.json()) {
    boost::json::array items;
    for (const auto& c : units)
      items.emplace_back(boost::json::object{{"id", std::string(m[c.body].id)},
                                             {"name", std::string(m[c.body].name)},
                                             {"classification", std::string(m[c.body].classification)},
                                             {"area", std::string(m[c.area].id)},
                                             {"status", c.status.empty() ? boost::json::value(nullptr)
                                                                         : boost::json::value(c.status)},
                                             {"resolved_from", id_or_null(m, c.replaced)}});
    print_json(out, boost::json::object{
                        {"id", std::string(m[area].id)},
                        {"on", on.to_string()},
                        {"classification", classification.empty() ? boost::json::value(nullptr)
                                                                  : boost::json::value(classification)},
                        {"units", std::move(items)}});
    return exit_ok;
  }

  const std::string which = classification.empty() ? "No body" : "No body of classification " + classification;
  if (units.empty()) {
    out << printable(which) << " covers " << describe(m, area) << " on " << on.to_string() << '\n';
    return exit_ok;
  }
  out << "Bodies covering " << describe(m, area) << " on " << on.to_string()
      << printable(classification.empty() ? "" : ", classification " + classification) << '\n';
  table t({"ID", "NAME", "CLASSIFICATION", "AREA", "STATUS", "RESOLVED FROM"});
  for (const auto& c : units)
    t.add_row({std::string(m[c.body].id), std::string(m[c.body].name), std::string(m[c.body].classification).empty() ? "-" : std::string(m[c.body].classification),
               m[c.area].id, c.status.empty() ? "-" : c.status, id_or_dash(m, c.replaced)});
  t.print(out);
  return exit_ok;
}

// ---- gaps FILE --classification C --level L [--on DATE] [--json] ----

/// The areas of a level that no body of a classification covers on a date.
inline int run_gaps(const invocation& inv, std::ostream& out) {
  const auto classification = inv.value("classification");
  const auto level = inv.value("level");
  if (!classification || classification->empty())
    throw usage_error("--classification is required: which kind of body should cover each area");
  if (!level || level->empty())
    throw usage_error("--level is required: the classification of the areas to check, such as district");
  const std::string& file = inv.args[0];
  const auto on = inv.on();
  const auto m = load_model(file);
  const auto gaps = orgraph::coverage_gaps(m, *classification, *level, on);

  if (inv.json()) {
    boost::json::array ids;
    for (auto a : gaps)
      ids.emplace_back(std::string(m[a].id));
    print_json(out, boost::json::object{{"on", on.to_string()},
                                        {"classification", *classification},
                                        {"level", *level},
                                        {"gaps", std::move(ids)}});
    return exit_ok;
  }

  if (gaps.empty()) {
    out << "Every " << printable(*level) << " is covered by a body of classification " << printable(*classification)
        << " on "
        << on.to_string() << '\n';
    return exit_ok;
  }
  out << "Areas of level " << printable(*level) << " that no body of classification " << printable(*classification)
      << " covers on "
      << on.to_string() << ": " << gaps.size() << '\n';
  table t({"ID", "NAME", "PARENT"});
  for (auto a : gaps)
    t.add_row({std::string(m[a].id), std::string(m[a].name), id_or_dash(m, m[a].parent)});
  t.print(out);
  return exit_ok;
}

} // namespace orgraph::cli
