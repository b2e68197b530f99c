// The 2009 letter on children's services in Essex, as data: what the letter implies, asked of the model.
//
//   essex_2009 [FILE]        (default: essex_2009.json beside this source)
//
// Everything printed is found in the data by the library's queries: the program knows only the
// classifications the file uses ("quadrant", "district", "TASCC", "central core team").

#include <orgraph/orgraph.hpp>

#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#ifndef ESSEX_2009_JSON
#define ESSEX_2009_JSON "essex_2009.json"
#endif

namespace {

using orgraph::date;
using orgraph::model;
using orgraph::node_kind;
using orgraph::relation_type;
using orgraph::vertex;

std::string join(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string s;
  for (std::size_t i = 0; i < items.size(); ++i)
    s += (i == 0 ? "" : separator) + items[i];
  return items.empty() ? "none" : s;
}

// Nodes of a kind and classification, in the order the file lists them.
std::vector<vertex> nodes_classified(const model& m, node_kind kind, const std::string& classification) {
  std::vector<vertex> out;
  for (vertex v : m.vertices())
    if (m[v].kind == kind && m[v].classification == classification)
      out.push_back(v);
  return out;
}

// Nodes whose parent is `parent` (an area's districts, a body's posts).
std::vector<vertex> children(const model& m, vertex parent, node_kind kind) {
  std::vector<vertex> out;
  for (vertex v : m.vertices())
    if (m[v].kind == kind && m[v].parent == parent)
      out.push_back(v);
  return out;
}

// The far ends of `from`'s relations of a type in force on the snapshot's date (by its time rules).
std::vector<vertex> targets(const orgraph::snapshot& s, vertex from, relation_type type) {
  std::vector<vertex> out;
  for (orgraph::relation_id r : s.model().out_relations(from, type))
    if (s.in_force(r))
      out.push_back(s.model().target(r));
  return out;
}

// The persons who sit on a body directly on the snapshot's date (its members, not its post holders).
std::vector<vertex> direct_members(const orgraph::snapshot& s, vertex body) {
  std::vector<vertex> out;
  for (const auto& seat : orgraph::members(s, body))
    if (seat.person && seat.basis == orgraph::membership_basis::direct)
      out.push_back(*seat.person);
  return out;
}

std::vector<std::string> names(const model& m, const std::vector<vertex>& vs) {
  std::vector<std::string> out;
  for (vertex v : vs)
    out.push_back(std::string(m[v].name));
  return out;
}

std::string with_disciplines(const model& m, vertex person) {
  return std::string(m[person].name) +
         (m[person].disciplines.empty() ? "" : " (" + join(m[person].disciplines.to_vector()) + ")");
}

// A team's posts and who holds them, then its members: "Post label: Holder".
void print_team(const orgraph::snapshot& s, vertex team, bool show_disciplines) {
  const model& m = s.model();
  for (vertex post : children(m, team, node_kind::post)) {
    const auto holder = orgraph::post_holder(s, post);
    std::cout << "    " << m[post].name << ": " << (holder ? m[*holder].name : "vacant") << '\n';
  }
  std::vector<std::string> members;
  for (vertex p : direct_members(s, team))
    members.push_back(show_disciplines ? with_disciplines(m, p) : std::string(m[p].name));
  std::cout << "    practitioners: " << join(members) << '\n';
}

std::string person_or_vacant(const model& m, const std::optional<orgraph::manager_answer>& a) {
  if (!a)
    return "none";
  return a->manager ? std::string(m[*a->manager].name) : "vacant";
}

struct secondment {
  vertex person;
  vertex post;
  orgraph::period when;
};

// Every holding on a secondment footing, as recorded (a fact of the data, not a question about a date).
std::vector<secondment> secondments(const model& m) {
  std::vector<secondment> out;
  for (orgraph::relation_id r : m.relations(relation_type::holds))
    if (m.arrangement(r) == orgraph::arrangement::secondment)
      out.push_back({m.source(r), m.target(r), m.when(r)});
  return out;
}

// The TASCC a person manages substantively: the body of a post they hold that is classified TASCC.
std::optional<vertex> tascc_of(const model& m, vertex person, date on) {
  for (vertex post : targets(orgraph::snapshot(m, on), person, relation_type::holds))
    if (m[post].parent != orgraph::no_vertex && m[m[post].parent].classification == "TASCC")
      return m[post].parent;
  return std::nullopt;
}

std::string phase(const orgraph::period& p, date on) {
  if (on < p.first_day())
    return "before the secondment";
  if (on == p.first_day())
    return "first day of the secondment";
  if (on == p.last_day())
    return "last day of the secondment";
  if (on > p.last_day())
    return "after the secondment";
  return "during the secondment";
}

void print_validation(const model& m, date on, const std::string& label) {
  const auto report = orgraph::validate(m, on);
  const auto count = [](std::size_t n, const char* what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
  };
  std::cout << "  " << on.to_string() << " (" << label << "): " << count(report.errors.size(), "error") << ", "
            << count(report.warnings.size(), "warning") << '\n';
  const auto print = [](const char* severity, const orgraph::finding& f) {
    std::cout << "    " << severity << ' ' << f.code << " [" << join(f.ids) << "]: " << f.message << '\n';
  };
  for (const auto& f : report.errors)
    print("error", f);
  for (const auto& f : report.warnings)
    print("warning", f);
}

// "recommended to Cabinet", "decided": what a body did, for a line of a route.
std::string what_was_done(const model& m, const orgraph::decision& d) {
  std::string s(orgraph::to_string(d.outcome));
  if (d.to != orgraph::no_vertex)
    s += " to " + std::string(m[d.to].name);
  return s;
}

void print_route(const model& m, orgraph::decision_index d) {
  const auto route = orgraph::decision_route(m, d);
  for (auto i : route.steps) {
    const auto& step = m.decisions()[i];
    std::cout << "  " << step.date.to_string() << "  " << m[step.organization].name << ": " << what_was_done(m, step)
              << '\n';
  }
  if (route.final_decision) {
    const auto& f = m.decisions()[*route.final_decision];
    std::cout << "  final decision: " << m[f.organization].name << ", " << f.date.to_string() << '\n';
  } else if (route.open) {
    std::cout << "  open: awaiting " << m[route.awaiting].name << '\n';
  }
}

// The Children's Trust Board's meeting of 2 October 2009 and the route to the Cabinet of 8 December.
void print_decisions(const model& m) {
  const date board_meeting = date::from_ymd(2009, 10, 2);
  const date cabinet_meeting = date::from_ymd(2009, 12, 8);
  for (vertex board : nodes_classified(m, node_kind::organization, "board")) {
    std::cout << "\nDecisions of the " << m[board].name << " on " << board_meeting.to_string() << '\n';
    for (auto i : orgraph::decisions_by(m, board, board_meeting, board_meeting)) {
      const auto& d = m.decisions()[i];
      const auto route = orgraph::decision_route(m, i);
      std::cout << "  " << d.subject << ": " << what_was_done(m, d)
                << (orgraph::is_real_decision(d.outcome) ? " (a real decision)" : "")
                << (route.open ? ", final decision awaited from " + std::string(m[route.awaiting].name) : std::string())
                << '\n';
    }
  }
  for (vertex cabinet : nodes_classified(m, node_kind::organization, "cabinet"))
    for (auto i : orgraph::decisions_by(m, cabinet, cabinet_meeting, cabinet_meeting)) {
      std::cout << "\nRoute to the " << m[cabinet].name << " meeting of " << cabinet_meeting.to_string() << ": "
                << m.decisions()[i].subject << '\n';
      print_route(m, i);
    }
}

int run(const std::string& file) {
  const model m = orgraph::load_json(file);
  const date letter = date::from_ymd(2009, 10, 26);
  const orgraph::snapshot at_letter(m, letter); // the organisation as the letter found it

  std::cout << "Quadrants and their districts\n";
  std::size_t districts = 0;
  const auto quadrants = nodes_classified(m, node_kind::area, "quadrant");
  for (vertex q : quadrants) {
    const auto ds = children(m, q, node_kind::area);
    districts += ds.size();
    std::cout << "  " << m[q].name << ": " << join(names(m, ds)) << '\n';
  }
  std::cout << "  " << districts << " districts in " << quadrants.size() << " quadrants\n\n";

  std::cout << "Pilot Multi Agency Allocation Groups on " << letter.to_string() << '\n';
  for (vertex maag : nodes_classified(m, node_kind::organization, "MAAG"))
    for (orgraph::relation_id r : m.out_relations(maag, relation_type::covers))
      if (at_letter.in_force(r) && m.status(r) == "pilot")
        std::cout << "  " << m[maag].name << " covers " << m[m.target(r)].name << '\n';
  std::cout << '\n';

  // Who takes referrals where: the pilots where there are any, the district's TASCC everywhere.
  std::cout << "Referral routes by district on " << letter.to_string() << '\n';
  const auto districts_list = nodes_classified(m, node_kind::area, "district");
  for (vertex d : districts_list) {
    std::vector<std::string> units;
    for (const auto& c : orgraph::covering(at_letter, d))
      units.push_back(std::string(m[c.body].name) + (c.status.empty() ? "" : " (" + c.status + ")"));
    std::cout << "  " << m[d].name << ": " << join(units) << '\n';
  }
  const auto maag_gaps = orgraph::coverage_gaps(at_letter, "MAAG", "district");
  const auto tascc_gaps = orgraph::coverage_gaps(at_letter, "TASCC", "district");
  std::cout << "  districts with no MAAG: " << maag_gaps.size() << " of " << districts_list.size() << " ("
            << join(names(m, maag_gaps)) << ")\n"
            << "  districts with no TASCC: " << join(names(m, tascc_gaps)) << "\n\n";

  std::cout << "TASCC teams on " << letter.to_string() << '\n';
  for (vertex team : nodes_classified(m, node_kind::organization, "TASCC")) {
    std::cout << "  " << m[team].name << ", covering "
              << join(names(m, targets(at_letter, team, relation_type::covers))) << '\n';
    // Only some teams' staff are in the data: the others are listed with what they cover.
    if (!children(m, team, node_kind::post).empty() || !direct_members(at_letter, team).empty())
      print_team(at_letter, team, true);
  }
  std::cout << '\n';

  std::cout << "Central core teams by discipline on " << letter.to_string() << '\n';
  for (vertex team : nodes_classified(m, node_kind::organization, "central core team")) {
    // A core team's discipline is its manager's: line management stays within the discipline.
    std::vector<std::string> disciplines;
    for (vertex post : children(m, team, node_kind::post))
      if (const auto holder = orgraph::post_holder(at_letter, post))
        disciplines.insert(disciplines.end(), m[*holder].disciplines.begin(), m[*holder].disciplines.end());
    std::cout << "  " << join(disciplines) << ": " << m[team].name << '\n';
    print_team(at_letter, team, false);
  }
  std::cout << '\n';

  const auto seconded = secondments(m);
  std::cout << "Seconded TASCC managers\n";
  for (const auto& s : seconded) {
    const auto tascc = tascc_of(m, s.person, s.when.first_day());
    std::cout << "  " << std::string(m[s.person].name) << (tascc ? " of " + std::string(m[*tascc].name) : std::string())
              << ": seconded to " << m[s.post].name << " (" << m[m[s.post].parent].name << ") from "
              << s.when.first_day().to_string() << " to " << s.when.last_day().to_string() << '\n';
  }
  std::cout << '\n';

  for (const auto& s : seconded) {
    const auto tascc = tascc_of(m, s.person, s.when.first_day());
    if (!tascc)
      continue;
    const std::vector<date> dates{s.when.first_day().plus_days(-1), s.when.first_day(), s.when.last_day(),
                                  s.when.last_day().plus_days(1)};
    std::cout << "Line management in " << m[*tascc].name << '\n';
    for (date on : dates) {
      const orgraph::snapshot day(m, on);
      std::cout << "  " << on.to_string() << " (" << phase(s.when, on) << ")\n";
      std::cout << "    " << m[s.person].name << ": line manager "
                << person_or_vacant(m, orgraph::line_manager(day, s.person)) << '\n';
      for (vertex p : direct_members(day, *tascc)) {
        const auto manager = orgraph::line_manager(day, p);
        const auto supervisor = orgraph::supervisor(day, p);
        std::vector<std::string> chain;
        for (const auto& step : orgraph::management_chain(day, p))
          chain.push_back(step.manager ? std::string(m[*step.manager].name) : "vacant");
        std::cout << "    " << m[p].name << '\n' << "      line manager: " << person_or_vacant(m, manager);
        if (manager)
          std::cout << " (" << orgraph::to_string(manager->arrangement) << ")";
        std::cout << "\n      supervisor:   " << person_or_vacant(m, supervisor);
        if (supervisor)
          std::cout << (supervisor->relation == relation_type::supervises
                            ? " (" + std::string(orgraph::to_string(supervisor->arrangement)) + " supervision)"
                            : std::string(" (the line manager)"));
        std::cout << "\n      chain:        " << join(chain, " > ") << '\n';
      }
    }
    std::cout << '\n';

    std::cout << "Validation\n";
    print_validation(m, dates[0], phase(s.when, dates[0]));
    print_validation(m, dates[1], phase(s.when, dates[1]));
  }

  print_decisions(m);
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  const std::string file = argc > 1 ? argv[1] : ESSEX_2009_JSON;
  try {
    return run(file);
  } catch (const std::exception& e) {
    std::cerr << "essex_2009: " << e.what() << '\n';
    return 2;
  }
}
