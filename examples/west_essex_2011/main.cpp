// The 2011 review of the West Essex Children's Trust Board, as data: the board before the review
// and as proposed for the meeting of 14 April 2011, and the review's question answered with numbers.
//
//   west_essex_2011 [BEFORE PROPOSAL]   (default: before.json and proposal.json beside this source)
//
// Everything printed is found in the data by the library's queries. The program knows the meeting
// date and the classification the partnerships have ("partnership"); the boards they report to are
// read from their reporting lines.

#include <orgraph/orgraph.hpp>

#include <algorithm>
#include <cstddef>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#ifndef WEST_ESSEX_BEFORE_JSON
#define WEST_ESSEX_BEFORE_JSON "before.json"
#endif
#ifndef WEST_ESSEX_PROPOSAL_JSON
#define WEST_ESSEX_PROPOSAL_JSON "proposal.json"
#endif

namespace {

using orgraph::date;
using orgraph::model;
using orgraph::node_kind;
using orgraph::vertex;

using row = std::vector<std::string>;

std::string join(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string s;
  for (std::size_t i = 0; i < items.size(); ++i)
    s += (i == 0 ? "" : separator) + items[i];
  return items.empty() ? "none" : s;
}

// Rows with their columns aligned, two spaces apart, no trailing spaces.
void print_table(const std::vector<row>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& r : rows) {
    widths.resize(std::max(widths.size(), r.size()), 0);
    for (std::size_t i = 0; i < r.size(); ++i)
      widths[i] = std::max(widths[i], r[i].size());
  }
  for (const auto& r : rows) {
    std::string line = "  ";
    for (std::size_t i = 0; i < r.size(); ++i)
      line += r[i] + (i + 1 < r.size() ? std::string(widths[i] - r[i].size() + 2, ' ') : "");
    while (line.back() == ' ')
      line.pop_back();
    std::cout << line << '\n';
  }
}

std::vector<vertex> bodies_classified(const model& m, const std::string& classification) {
  std::vector<vertex> out;
  for (vertex v : m.vertices())
    if (m[v].kind == node_kind::organization && m[v].classification == classification)
      out.push_back(v);
  return out;
}

std::string size_text(const std::optional<std::size_t>& n) { return n ? std::to_string(*n) : "-"; }

std::string line_text(const model& m, vertex body, date on) {
  std::vector<std::string> steps;
  for (const auto& s : orgraph::reporting_line(m, body, on))
    steps.push_back(std::string(m[s.body].id) + " (" + std::string(orgraph::to_string(s.via)) + ")");
  return join(steps, " > ");
}

std::string outcome_text(const model& m, const orgraph::decision& d) {
  std::string s(orgraph::to_string(d.outcome));
  if (d.to != orgraph::no_vertex)
    s += " to " + std::string(m[d.to].id);
  return s;
}

void print_route(const model& m, const std::string& decision_id) {
  const auto d = m.find_decision(decision_id);
  if (!d)
    return;
  const auto route = orgraph::decision_route(m, *d);
  for (auto i : route.steps) {
    const auto& step = m.decisions()[i];
    std::cout << "    " << step.date.to_string() << "  " << m[step.organization].id << ": " << outcome_text(m, step)
              << '\n';
  }
  if (route.final_decision)
    std::cout << "    final decision: " << m[m.decisions()[*route.final_decision].organization].id << ", "
              << m.decisions()[*route.final_decision].date.to_string() << '\n';
  else if (route.open)
    std::cout << "    open: awaiting " << m[route.awaiting].id << '\n';
}

std::string pair_cells(const orgraph::influence_measure& x) {
  return x.hops ? std::to_string(*x.hops) : std::string("no path");
}

std::string points_text(const orgraph::influence_measure& x) {
  if (!x.hops)
    return "-";
  if (*x.hops == 1)
    return "none (direct)";
  return join(x.single_points_of_failure);
}

void print_audit(const model& m, date on) {
  std::vector<row> rows{{"BODY", "REPORTS TO", "LEVEL", "SITTING ON BOTH"}};
  for (const auto& e : orgraph::double_linking_audit(m, on)) {
    std::vector<std::string> ids;
    for (vertex p : e.linking)
      ids.push_back(std::string(m[p].id));
    rows.push_back(
        {std::string(m[e.body].id), std::string(m[e.above].id), std::string(orgraph::to_string(e.level)), join(ids)});
  }
  print_table(rows);
}

int run(const std::string& before_file, const std::string& proposal_file) {
  const model before = orgraph::load_json(before_file);
  const model after = orgraph::load_json(proposal_file);
  const date meeting = date::from_ymd(2011, 4, 14); // the meeting the review names
  const date review = date::from_ymd(2011, 1, 31);  // the review was presented in January 2011

  // The partnerships, and the two boards above them before the review: their own board and the
  // central one. Influence is asked about those ids on both sides; after the renaming the old
  // board's id is answered for its successor.
  const auto partnerships = bodies_classified(before, "partnership");
  std::vector<orgraph::influence_pair> pairs;
  for (vertex p : partnerships)
    for (const auto& step : orgraph::reporting_line(before, p, meeting))
      pairs.push_back({std::string(before[p].id), std::string(before[step.body].id)});
  const auto c = orgraph::compare(before, after, meeting, pairs);

  std::cout << "West Essex Children's Trust Board: before the review and as proposed for " << meeting.to_string()
            << "\n(before: the current structure, after: the proposal, both asked about " << meeting.to_string()
            << ")\n\n";

  std::cout << "Membership sizes\n";
  std::vector<row> sizes{{"BODY", "BEFORE", "AFTER"}};
  for (const auto& s : c.sizes)
    if (s.before.value_or(0) + s.after.value_or(0) > 0)
      sizes.push_back({s.body, size_text(s.before), size_text(s.after)});
  print_table(sizes);
  std::cout << "  bodies added: " << join(c.bodies_added) << "\n  bodies removed: " << join(c.bodies_removed) << "\n\n";

  std::cout << "Reporting lines of the District Children's Partnerships\n";
  for (vertex p : partnerships) {
    const vertex q = after.at(before[p].id);
    std::cout << "  " << before[p].id << '\n'
              << "    before: " << line_text(before, p, meeting) << '\n'
              << "    after:  " << line_text(after, q, meeting) << '\n';
  }
  std::cout << '\n';

  std::cout << "Decisions\n";
  const vertex old_board = after.at(pairs.front().to); // the board the partnerships reported to
  const date founded = after[old_board].lifetime.first_day();
  const date last_day = meeting.plus_days(-1);
  std::cout << "  bodies with records but no real decision from " << founded.to_string() << " to "
            << last_day.to_string() << '\n';
  for (const auto& b : orgraph::bodies_without_decisions(after, founded, last_day)) {
    std::cout << "    " << after[b.body].id << '\n';
    for (auto i : b.decisions) {
      const auto& d = after.decisions()[i];
      std::cout << "      " << d.date.to_string() << "  " << outcome_text(after, d) << ": " << d.subject << '\n';
    }
  }
  std::cout << "  from " << meeting.to_string() << '\n';
  for (vertex b : orgraph::active_bodies(after, meeting))
    for (auto i : orgraph::decisions_by(after, b, meeting, meeting)) {
      const auto& d = after.decisions()[i];
      std::cout << "    " << after[b].id << ": " << outcome_text(after, d) << ": " << d.subject << '\n';
    }
  std::cout << "  the review's route, before (no decision yet)\n";
  print_route(before, "d-review-subgroup");
  std::cout << "  the review's route, as proposed\n";
  print_route(after, "d-review-subgroup");
  std::cout << '\n';

  std::cout << "Lineage of " << after[old_board].id << '\n';
  for (vertex v : orgraph::lineage(after, old_board))
    std::cout << "  " << after[v].id << ": " << after[v].name << ", from " << after[v].lifetime.first_day().to_string()
              << '\n';
  for (date on : {last_day, meeting}) {
    const auto a = orgraph::successor_on(after, old_board, on);
    std::cout << "  on " << on.to_string() << " " << after[old_board].id << " is answered by " << after[a.body].id
              << '\n';
  }
  std::cout << '\n';

  std::cout << "Can the partnerships influence the boards above them? (before -> after)\n";
  std::vector<row> table{{"PARTNERSHIP", "TO", "DISTANCE", "CHANNELS", "SINGLE POINTS OF FAILURE"}};
  for (const auto& p : c.pairs)
    table.push_back({p.from, p.to, pair_cells(p.before) + " -> " + pair_cells(p.after),
                     std::to_string(p.before.channels) + " -> " + std::to_string(p.after.channels),
                     points_text(p.before) + " -> " + points_text(p.after)});
  print_table(table);
  const auto resolved = orgraph::successor_on(after, old_board, meeting);
  std::cout << "  after, " << after[old_board].id << " is answered by its successor " << after[resolved.body].id
            << '\n';

  // The same question asked of the proposal file alone, on the day of the review and on the meeting.
  const auto dated = orgraph::compare(after, review, meeting, pairs);
  bool same = dated.pairs.size() == c.pairs.size();
  for (std::size_t i = 0; same && i < c.pairs.size(); ++i)
    same = dated.pairs[i].before == c.pairs[i].before && dated.pairs[i].after == c.pairs[i].after;
  std::cout << "  the proposal file alone, " << review.to_string() << " against " << meeting.to_string()
            << ", gives the same numbers: " << (same ? "yes" : "no") << "\n\n";

  std::cout << "Double linking before\n";
  print_audit(before, meeting);
  std::cout << "Double linking after\n";
  print_audit(after, meeting);
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 1 && argc != 3) {
    std::cerr << "usage: west_essex_2011 [BEFORE PROPOSAL]\n";
    return 2;
  }
  try {
    return run(argc == 3 ? argv[1] : WEST_ESSEX_BEFORE_JSON, argc == 3 ? argv[2] : WEST_ESSEX_PROPOSAL_JSON);
  } catch (const std::exception& e) {
    std::cerr << "west_essex_2011: " << e.what() << '\n';
    return 2;
  }
}
