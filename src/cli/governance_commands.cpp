// The governance commands: members, bodies, reporting-line, sub-bodies, lineage, expiring, interlocks.
// Each asks one snapshot of the file on the date, and prints a table, CSV or JSON.
//
// A body id that names a body replaced by the date (a renamed board) is answered for its successor
// on that date, and the answer says so: a line before the table, "resolved_from" in JSON.

#include <orgraph/query/governance.hpp>

#include "commands.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace orgraph::cli {

// ---- members FILE BODY [--on DATE] [--json|--csv] ----

int run_members(const invocation& inv, std::ostream& out) {
  if (inv.since_text)
    return run_window(inv, out, true);
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const auto body = resolved_body_arg(s, inv);
  const auto area =
      inv.area ? std::optional<orgraph::vertex>(node_at(m, inv.file, *inv.area, an_area, inv.command)) : std::nullopt;
  const auto seats = area ? orgraph::members_in_area(s, body.body, *area) : orgraph::members(s, body.body);
  // The persons listed: all of the body's, or those sitting for the area.
  std::size_t size = 0;
  if (area) {
    std::vector<orgraph::vertex> persons;
    for (const auto& seat : seats)
      if (seat.person)
        persons.push_back(*seat.person);
    std::sort(persons.begin(), persons.end());
    size = static_cast<std::size_t>(std::unique(persons.begin(), persons.end()) - persons.begin());
  } else {
    size = orgraph::membership_size(s, body.body);
  }
  const std::string on = s.on().to_string();
  const std::string for_area = area ? " for " + describe(m, *area) : std::string();

  if (inv.json) {
    boost::json::array items;
    for (const auto& seat : seats) {
      const auto who = seat.person.value_or(orgraph::no_vertex);
      items.emplace_back(boost::json::object{{"id", id_or_null(m, who)},
                                             {"name", name_or_null(m, who)},
                                             {"role", seat.role},
                                             {"on_behalf_of", id_or_null(m, seat.on_behalf_of)},
                                             {"post", id_or_null(m, seat.post)},
                                             {"basis", orgraph::to_string(seat.basis)},
                                             {"area", id_or_null(m, seat.area)},
                                             {"recorded_on", id_or_null(m, seat.replaced)}});
    }
    boost::json::object o{{"id", std::string(m[body.body].id)},
                          {"resolved_from", resolved_from_json(m, body)},
                          {"on", on},
                          {"size", size},
                          {"members", std::move(items)}};
    if (area)
      o["area"] = std::string(m[*area].id);
    print_json(out, o);
    return exit_ok;
  }

  if (prose(inv)) {
    print_resolution(out, m, body, s.on());
    if (seats.empty()) {
      out << describe(m, body.body) << " has no members" << for_area << " on " << on << '\n';
      return exit_ok;
    }
    out << "Members of " << describe(m, body.body) << for_area << " on " << on << ": " << size
        << (size == 1 ? " person" : " persons") << '\n';
  }
  // The AREA column only where some seat is for an area (a legislature's constituencies).
  bool areas = false;
  for (const auto& seat : seats)
    areas = areas || seat.area != orgraph::no_vertex;
  std::vector<std::string> headers{"ID", "NAME", "ROLE", "ON BEHALF OF", "POST", "BASIS"};
  if (areas)
    headers.insert(headers.begin() + 4, "AREA");
  table t(headers);
  for (const auto& seat : seats) {
    std::string basis(orgraph::to_string(seat.basis));
    if (seat.replaced != orgraph::no_vertex)
      basis += ", recorded on " + std::string(m[seat.replaced].id);
    std::vector<cell> row{seat.person ? std::string(m[*seat.person].id) : "-",
                          seat.person ? std::string(m[*seat.person].name) : "(vacant)",
                          seat.role.empty() ? "-" : seat.role,
                          id_or_dash(m, seat.on_behalf_of),
                          id_or_dash(m, seat.post),
                          basis};
    if (areas)
      row.insert(row.begin() + 4, id_or_dash(m, seat.area));
    t.add_row(std::move(row));
  }
  emit(out, inv, t);
  return exit_ok;
}

// ---- bodies FILE PERSON [--on DATE] [--json|--csv] ----

int run_bodies(const invocation& inv, std::ostream& out) {
  if (inv.since_text)
    return run_window(inv, out, false);
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const auto person = node_arg(m, inv, 0, a_person, inv.file);
  const auto seats = orgraph::bodies_of(s, person);
  const std::string on = s.on().to_string();

  if (inv.json) {
    boost::json::array items;
    for (const auto& seat : seats)
      items.emplace_back(boost::json::object{{"id", std::string(m[seat.body].id)},
                                             {"name", std::string(m[seat.body].name)},
                                             {"role", seat.role},
                                             {"on_behalf_of", id_or_null(m, seat.on_behalf_of)},
                                             {"post", id_or_null(m, seat.post)},
                                             {"area", id_or_null(m, seat.area)},
                                             {"resolved_from", id_or_null(m, seat.replaced)}});
    print_json(out, boost::json::object{{"id", std::string(m[person].id)}, {"on", on}, {"bodies", std::move(items)}});
    return exit_ok;
  }

  if (prose(inv)) {
    if (seats.empty()) {
      out << describe(m, person) << " sits on no body on " << on << '\n';
      return exit_ok;
    }
    out << "Bodies of " << describe(m, person) << " on " << on << '\n';
  }
  table t({"ID", "NAME", "ROLE", "ON BEHALF OF", "POST", "RESOLVED FROM"});
  for (const auto& seat : seats)
    t.add_row({std::string(m[seat.body].id), std::string(m[seat.body].name), seat.role.empty() ? "-" : seat.role,
               id_or_dash(m, seat.on_behalf_of), id_or_dash(m, seat.post), id_or_dash(m, seat.replaced)});
  emit(out, inv, t);
  return exit_ok;
}

// ---- reporting-line FILE BODY [--on DATE] [--json|--csv] ----

int run_reporting_line(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const auto body = resolved_body_arg(s, inv);
  const auto line = orgraph::reporting_line(s, body.body);
  const std::string on = s.on().to_string();

  if (inv.json) {
    boost::json::array steps;
    for (const auto& step : line)
      steps.emplace_back(boost::json::object{{"id", std::string(m[step.body].id)},
                                             {"name", std::string(m[step.body].name)},
                                             {"via", orgraph::to_string(step.via)},
                                             {"resolved_from", id_or_null(m, step.replaced)}});
    print_json(out, boost::json::object{{"id", std::string(m[body.body].id)},
                                        {"resolved_from", resolved_from_json(m, body)},
                                        {"on", on},
                                        {"line", std::move(steps)}});
    return exit_ok;
  }

  if (prose(inv)) {
    print_resolution(out, m, body, s.on());
    if (line.empty()) {
      out << describe(m, body.body) << " reports to no body on " << on << '\n';
      return exit_ok;
    }
    out << "Reporting line of " << describe(m, body.body) << " on " << on << ", nearest first\n";
  }
  table t({"#", "ID", "NAME", "VIA", "RESOLVED FROM"});
  std::size_t level = 0;
  for (const auto& step : line)
    t.add_row({std::to_string(++level), std::string(m[step.body].id), std::string(m[step.body].name),
               std::string(orgraph::to_string(step.via)), id_or_dash(m, step.replaced)});
  emit(out, inv, t);
  return exit_ok;
}

// ---- sub-bodies FILE BODY [--direct] [--on DATE] [--json|--csv] ----

int run_sub_bodies(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const auto body = resolved_body_arg(s, inv);
  const auto below = orgraph::sub_bodies(s, body.body, inv.direct);
  const std::string on = s.on().to_string();

  if (inv.json) {
    boost::json::array items;
    for (const auto& b : below)
      items.emplace_back(boost::json::object{{"id", std::string(m[b.body].id)},
                                             {"name", std::string(m[b.body].name)},
                                             {"depth", b.depth},
                                             {"above", std::string(m[b.above.body].id)},
                                             {"via", orgraph::to_string(b.above.via)},
                                             {"resolved_from", id_or_null(m, b.above.replaced)}});
    print_json(out, boost::json::object{{"id", std::string(m[body.body].id)},
                                        {"resolved_from", resolved_from_json(m, body)},
                                        {"on", on},
                                        {"direct", inv.direct},
                                        {"sub_bodies", std::move(items)}});
    return exit_ok;
  }

  if (prose(inv)) {
    print_resolution(out, m, body, s.on());
    if (below.empty()) {
      out << "No body reports to " << describe(m, body.body) << " on " << on << '\n';
      return exit_ok;
    }
    out << (inv.direct ? "Bodies reporting directly to " : "Bodies below ") << describe(m, body.body) << " on " << on
        << ", nearest first\n";
  }
  table t({"ID", "NAME", "DEPTH", "ABOVE", "VIA", "RESOLVED FROM"});
  for (const auto& b : below)
    t.add_row({std::string(m[b.body].id), std::string(m[b.body].name), std::to_string(b.depth),
               std::string(m[b.above.body].id), std::string(orgraph::to_string(b.above.via)),
               id_or_dash(m, b.above.replaced)});
  emit(out, inv, t);
  return exit_ok;
}

// ---- lineage FILE BODY [--on DATE] [--json|--csv] ----

int run_lineage(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const auto body = node_arg(m, inv, 0, a_body, inv.file);
  const auto line = orgraph::lineage(m, body);
  const auto now = orgraph::successor_on(s, line.front());
  const bool any_in_force = orgraph::in_force(s, now.body);
  const std::string on = s.on().to_string();

  // The date each body was replaced by the next one of the lineage.
  const auto replaced_on = [&](orgraph::vertex from, orgraph::vertex to) -> std::string {
    for (const orgraph::relation_id r : m.out_relations(from, orgraph::relation_type::replaced_by))
      if (m.target(r) == to) {
        const auto d = orgraph::replacement_date(m, r);
        return d == orgraph::date::min() ? "-" : d.to_string();
      }
    return "-";
  };

  if (inv.json) {
    print_json(out,
               boost::json::object{{"id", std::string(m[body].id)},
                                   {"on", on},
                                   {"lineage", strings_json(ids_of(m, line))},
                                   {"in_force", any_in_force ? id_or_null(m, now.body) : boost::json::value(nullptr)}});
    return exit_ok;
  }

  if (prose(inv))
    out << "Lineage of " << describe(m, body) << ", oldest first\n";
  table t({"#", "ID", "NAME", "FOUNDED", "REPLACED ON", "IN FORCE ON " + on});
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto v = line[i];
    t.add_row({std::to_string(i + 1), std::string(m[v].id), std::string(m[v].name), first_day_or_dash(m[v].lifetime),
               i + 1 < line.size() ? replaced_on(v, line[i + 1]) : "-", orgraph::in_force(s, v) ? "yes" : "no"});
  }
  emit(out, inv, t);
  return exit_ok;
}

// ---- expiring FILE [--within DAYS] [--on DATE] [--json|--csv] ----

int run_expiring(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const auto days = static_cast<std::int32_t>(inv.within.value_or(90));
  const auto ending = orgraph::expiring(s, days);
  const std::string on = s.on().to_string();

  if (inv.json) {
    boost::json::array items;
    for (const auto& e : ending)
      items.emplace_back(boost::json::object{{"id", std::string(m[e.body].id)},
                                             {"name", std::string(m[e.body].name)},
                                             {"last_day", e.last_day.to_string()},
                                             {"days_left", e.days_left}});
    print_json(out, boost::json::object{{"on", on}, {"within", days}, {"expiring", std::move(items)}});
    return exit_ok;
  }

  if (prose(inv)) {
    if (ending.empty()) {
      out << "No body in force on " << on << " ends within " << days << (days == 1 ? " day\n" : " days\n");
      return exit_ok;
    }
    out << "Bodies in force on " << on << " that end within " << days << (days == 1 ? " day" : " days")
        << ", soonest first\n";
  }
  table t({"ID", "NAME", "LAST DAY", "DAYS LEFT"});
  for (const auto& e : ending)
    t.add_row(
        {std::string(m[e.body].id), std::string(m[e.body].name), e.last_day.to_string(), std::to_string(e.days_left)});
  emit(out, inv, t);
  return exit_ok;
}

// ---- interlocks FILE [--on DATE] [--json|--csv] ----

int run_interlocks(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const auto found = orgraph::interlocks(s);
  const std::string on = s.on().to_string();

  if (inv.json) {
    boost::json::array items;
    for (const auto& i : found)
      items.emplace_back(boost::json::object{{"id", std::string(m[i.person].id)},
                                             {"name", std::string(m[i.person].name)},
                                             {"bodies", strings_json(ids_of(m, i.bodies))}});
    print_json(out, boost::json::object{{"on", on}, {"interlocks", std::move(items)}});
    return exit_ok;
  }

  if (prose(inv)) {
    if (found.empty()) {
      out << "Nobody sits on two bodies on " << on << '\n';
      return exit_ok;
    }
    out << "Persons on two or more bodies on " << on << ": " << found.size() << '\n';
  }
  table t({"ID", "NAME", "COUNT", "BODIES"});
  for (const auto& i : found)
    t.add_row({std::string(m[i.person].id), std::string(m[i.person].name), std::to_string(i.bodies.size()),
               join_or_dash(ids_of(m, i.bodies))});
  emit(out, inv, t);
  return exit_ok;
}

} // namespace orgraph::cli
