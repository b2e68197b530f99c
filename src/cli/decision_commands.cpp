// The decision and coverage commands: route, decisions-by, covering, gaps. Each prints a table, CSV or
// JSON.

#include <orgraph/query/decisions.hpp>
#include <orgraph/query/governance.hpp>

#include "commands.hpp"

#include <boost/json.hpp>

#include <string>
#include <vector>

namespace orgraph::cli {

namespace {

boost::json::value decision_id_or_null(const orgraph::model& m, orgraph::decision_index d) {
  return d == orgraph::no_decision ? boost::json::value(nullptr) : boost::json::value(m.decisions()[d].id);
}

std::string decision_id_or_dash(const orgraph::model& m, orgraph::decision_index d) {
  return d == orgraph::no_decision ? "-" : m.decisions()[d].id;
}

boost::json::object decision_json(const orgraph::model& m, orgraph::decision_index i) {
  const auto& d = m.decisions()[i];
  return boost::json::object{{"id", d.id},
                             {"subject", d.subject},
                             {"body", id_or_null(m, d.organization)},
                             {"date", d.date.to_string()},
                             {"outcome", orgraph::to_string(d.outcome)},
                             {"to", id_or_null(m, d.to)},
                             {"follows", decision_id_or_null(m, d.follows)}};
}

} // namespace

// ---- route FILE DECISION [--json|--csv] ----

int run_route(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const auto asked = decision_arg(m, inv, inv.file);
  const auto route = orgraph::decision_route(orgraph::snapshot(m, orgraph::date::today()), asked);
  const auto& ds = m.decisions();

  if (inv.json) {
    boost::json::array steps;
    for (auto i : route.steps)
      steps.emplace_back(decision_json(m, i));
    print_json(
        out, boost::json::object{{"id", ds[asked].id},
                                 {"route", std::move(steps)},
                                 {"final_decision", route.final_decision ? decision_id_or_null(m, *route.final_decision)
                                                                         : boost::json::value(nullptr)},
                                 {"open", route.open},
                                 {"awaiting", id_or_null(m, route.awaiting)}});
    return exit_ok;
  }

  if (prose(inv))
    out << "Route of " << printable(ds[asked].id) << " (" << printable(ds[asked].subject) << "): " << route.steps.size()
        << (route.steps.size() == 1 ? " decision" : " decisions") << ", oldest first\n";
  table t({"#", "DATE", "ID", "BODY", "OUTCOME", "TO", "FOLLOWS"});
  std::size_t n = 0;
  for (auto i : route.steps) {
    const auto& d = ds[i];
    t.add_row({std::to_string(++n), d.date.to_string(), d.id, id_or_dash(m, d.organization),
               std::string(orgraph::to_string(d.outcome)), id_or_dash(m, d.to), decision_id_or_dash(m, d.follows)});
  }
  emit(out, inv, t);
  if (!prose(inv))
    return exit_ok;
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

// ---- decisions-by FILE BODY [--from DATE] [--to DATE] [--json|--csv] ----

int run_decisions_by(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const auto body = node_arg(m, inv, 0, a_body, inv.file);
  const auto from = invocation::date_of(inv.since_text).value_or(orgraph::date::min());
  const auto to = invocation::date_of(inv.until_text).value_or(orgraph::date::max());
  const auto taken = orgraph::decisions_by(m, body, from, to);
  const auto bound = [](const std::optional<std::string>& text) {
    return text ? boost::json::value(*text) : boost::json::value(nullptr);
  };

  if (inv.json) {
    boost::json::array items;
    for (auto i : taken)
      items.emplace_back(decision_json(m, i));
    print_json(out, boost::json::object{{"id", std::string(m[body].id)},
                                        {"from", bound(inv.since_text)},
                                        {"to", bound(inv.until_text)},
                                        {"decisions", std::move(items)}});
    return exit_ok;
  }

  if (prose(inv)) {
    std::string period;
    if (inv.since_text)
      period += " from " + *inv.since_text;
    if (inv.until_text)
      period += " to " + *inv.until_text;
    if (taken.empty()) {
      out << describe(m, body) << " recorded no decision" << period << '\n';
      return exit_ok;
    }
    out << "Decisions of " << describe(m, body) << period << ": " << taken.size() << ", oldest first\n";
  }
  table t({"DATE", "ID", "SUBJECT", "OUTCOME", "TO", "FOLLOWS"});
  for (auto i : taken) {
    const auto& d = m.decisions()[i];
    t.add_row({d.date.to_string(), d.id, d.subject.empty() ? "-" : d.subject,
               std::string(orgraph::to_string(d.outcome)), id_or_dash(m, d.to), decision_id_or_dash(m, d.follows)});
  }
  emit(out, inv, t);
  return exit_ok;
}

// ---- covering FILE AREA [--classification C] [--on DATE] [--json|--csv] ----

int run_covering(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const std::string classification = inv.classification.value_or("");
  const auto area = node_arg(m, inv, 0, an_area, inv.file);
  const auto units = orgraph::covering(s, area, classification);
  const std::string on = s.on().to_string();
  const auto classification_of = [&](orgraph::vertex v) { return std::string(m[v].classification); };

  if (inv.json) {
    boost::json::array items;
    for (const auto& c : units)
      items.emplace_back(
          boost::json::object{{"id", std::string(m[c.body].id)},
                              {"name", std::string(m[c.body].name)},
                              {"classification", classification_of(c.body)},
                              {"area", std::string(m[c.area].id)},
                              {"status", c.status.empty() ? boost::json::value(nullptr) : boost::json::value(c.status)},
                              {"resolved_from", id_or_null(m, c.replaced)}});
    print_json(out, boost::json::object{{"id", std::string(m[area].id)},
                                        {"on", on},
                                        {"classification", classification.empty() ? boost::json::value(nullptr)
                                                                                  : boost::json::value(classification)},
                                        {"units", std::move(items)}});
    return exit_ok;
  }

  if (prose(inv)) {
    if (units.empty()) {
      out << printable(classification.empty() ? "No body" : "No body of classification " + classification) << " covers "
          << describe(m, area) << " on " << on << '\n';
      return exit_ok;
    }
    out << "Bodies covering " << describe(m, area) << " on " << on
        << printable(classification.empty() ? "" : ", classification " + classification) << '\n';
  }
  table t({"ID", "NAME", "CLASSIFICATION", "AREA", "STATUS", "RESOLVED FROM"});
  for (const auto& c : units)
    t.add_row({std::string(m[c.body].id), std::string(m[c.body].name),
               classification_of(c.body).empty() ? "-" : classification_of(c.body), std::string(m[c.area].id),
               c.status.empty() ? "-" : c.status, id_or_dash(m, c.replaced)});
  emit(out, inv, t);
  return exit_ok;
}

// ---- gaps FILE --classification C --level L [--on DATE] [--json|--csv] ----

int run_gaps(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const std::string classification = inv.classification.value_or("");
  const std::string level = inv.level.value_or("");
  const auto gaps = orgraph::coverage_gaps(s, classification, level);
  const std::string on = s.on().to_string();

  if (inv.json) {
    print_json(out, boost::json::object{{"on", on},
                                        {"classification", classification},
                                        {"level", level},
                                        {"gaps", strings_json(ids_of(m, gaps))}});
    return exit_ok;
  }

  if (prose(inv)) {
    if (gaps.empty()) {
      out << "Every " << printable(level) << " is covered by a body of classification " << printable(classification)
          << " on " << on << '\n';
      return exit_ok;
    }
    out << "Areas of level " << printable(level) << " that no body of classification " << printable(classification)
        << " covers on " << on << ": " << gaps.size() << '\n';
  }
  table t({"ID", "NAME", "PARENT"});
  for (auto a : gaps)
    t.add_row({std::string(m[a].id), std::string(m[a].name), id_or_dash(m, m[a].parent)});
  emit(out, inv, t);
  return exit_ok;
}

} // namespace orgraph::cli
