// diff: what a proposal changes, or what changed in one file between two dates (orgraph::compare).

#include <orgraph/analysis/compare.hpp>

#include "commands.hpp"

#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace orgraph::cli {

namespace {

/// A person's seats on one side of a diff: "member for conservative, uk.org.../cons/267; ..." ("-" if none).
std::string seats_text(const std::vector<orgraph::seat_summary>& seats) {
  std::string out;
  for (const auto& s : seats) {
    std::string one = s.role.empty() ? std::string("member") : s.role;
    if (!s.post.empty())
      one += " in " + s.post;
    if (!s.on_behalf_of.empty())
      one += " for " + s.on_behalf_of;
    if (!s.area.empty())
      one += ", " + s.area;
    out.append(out.empty() ? "" : "; ").append(one);
  }
  return out.empty() ? "-" : out;
}

std::vector<orgraph::influence_pair> parse_pairs(const invocation& inv) {
  std::vector<orgraph::influence_pair> pairs;
  for (const auto& text : inv.pairs) {
    const auto colon = text.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
      throw usage_error("--pair: '" + text + "' is not FROM:TO");
    pairs.push_back({text.substr(0, colon), text.substr(colon + 1)});
  }
  return pairs;
}

boost::json::value size_json(const std::optional<std::size_t>& n) {
  return n ? boost::json::value(*n) : boost::json::value(nullptr);
}

std::string size_text(const std::optional<std::size_t>& n) { return n ? std::to_string(*n) : "-"; }

boost::json::value text_or_null(const std::optional<std::string>& s) {
  return s ? boost::json::value(*s) : boost::json::value(nullptr);
}

boost::json::object measure_json(const orgraph::influence_measure& x) {
  return boost::json::object{{"found", x.found},
                             {"distance", size_json(x.hops)},
                             {"channels", x.channels},
                             {"single_points_of_failure", strings_json(x.single_points_of_failure)}};
}

std::string distance_text(const orgraph::influence_measure& x) {
  return !x.found ? std::string("(absent)") : size_text(x.hops);
}

void print_json_answer(std::ostream& out, const invocation& inv, const orgraph::comparison& c, orgraph::date on,
                       orgraph::date vs) {
  const bool two_files = !inv.file_b.empty();
  const auto side = [&](const std::string& file, orgraph::date d) {
    return boost::json::object{{"file", file}, {"on", d.to_string()}};
  };
  const auto id_or_null_text = [](const std::string& id) {
    return id.empty() ? boost::json::value(nullptr) : boost::json::value(boost::json::string(id));
  };
  const auto seats = [&](const std::vector<orgraph::seat_summary>& v) {
    boost::json::array a;
    for (const auto& s : v)
      a.emplace_back(boost::json::object{{"post", id_or_null_text(s.post)},
                                         {"role", s.role},
                                         {"on_behalf_of", id_or_null_text(s.on_behalf_of)},
                                         {"area", id_or_null_text(s.area)}});
    return a;
  };
  const auto changes = [&](const std::vector<orgraph::membership_change>& v) {
    boost::json::array a;
    for (const auto& x : v)
      a.emplace_back(boost::json::object{
          {"body", x.body}, {"person", x.person}, {"before", seats(x.before)}, {"after", seats(x.after)}});
    return a;
  };
  boost::json::array sizes;
  for (const auto& s : c.sizes)
    sizes.emplace_back(
        boost::json::object{{"body", s.body}, {"before", size_json(s.before)}, {"after", size_json(s.after)}});
  boost::json::array managers;
  for (const auto& x : c.managers_changed)
    managers.emplace_back(boost::json::object{
        {"person", x.person}, {"before", text_or_null(x.before)}, {"after", text_or_null(x.after)}});
  boost::json::array pair_list;
  for (const auto& p : c.pairs)
    pair_list.emplace_back(boost::json::object{
        {"from", p.from}, {"to", p.to}, {"before", measure_json(p.before)}, {"after", measure_json(p.after)}});
  print_json(out, boost::json::object{{"before", side(inv.file, on)},
                                      {"after", side(two_files ? inv.file_b : inv.file, vs)},
                                      {"bodies_added", strings_json(c.bodies_added)},
                                      {"bodies_removed", strings_json(c.bodies_removed)},
                                      {"members_added", changes(c.members_added)},
                                      {"members_removed", changes(c.members_removed)},
                                      {"members_changed", changes(c.members_changed)},
                                      {"sizes", std::move(sizes)},
                                      {"managers_changed", std::move(managers)},
                                      {"pairs", std::move(pair_list)}});
}

/// Every change as one row of one table, for CSV.
table changes_table(const orgraph::comparison& c) {
  table t({"CHANGE", "ID", "OTHER", "BEFORE", "AFTER"});
  for (const auto& b : c.bodies_added)
    t.add_row({"body_added", b, "", "", ""});
  for (const auto& b : c.bodies_removed)
    t.add_row({"body_removed", b, "", "", ""});
  for (const auto& s : c.sizes)
    if (s.changed())
      t.add_row({"size", s.body, "", size_text(s.before), size_text(s.after)});
  for (const auto& x : c.members_added)
    t.add_row({"member_joined", x.body, x.person, "", ""});
  for (const auto& x : c.members_removed)
    t.add_row({"member_left", x.body, x.person, "", ""});
  for (const auto& x : c.members_changed)
    t.add_row({"seat_changed", x.body, x.person, seats_text(x.before), seats_text(x.after)});
  for (const auto& x : c.managers_changed)
    t.add_row({"manager_changed", x.person, "", x.before.value_or("-"), x.after.value_or("-")});
  for (const auto& p : c.pairs) {
    t.add_row({"influence_distance", p.from, p.to, distance_text(p.before), distance_text(p.after)});
    t.add_row(
        {"influence_channels", p.from, p.to, std::to_string(p.before.channels), std::to_string(p.after.channels)});
    t.add_row({"single_points_of_failure", p.from, p.to, join_or_dash(p.before.single_points_of_failure),
               join_or_dash(p.after.single_points_of_failure)});
  }
  return t;
}

void print_changes(std::ostream& out, const char* title, const std::vector<orgraph::membership_change>& v,
                   bool with_seats = false) {
  out << title << " (" << v.size() << ")";
  if (v.empty()) {
    out << ": none\n";
    return;
  }
  out << '\n';
  table t(with_seats ? std::vector<std::string>{"BODY", "PERSON", "BEFORE", "AFTER"}
                     : std::vector<std::string>{"BODY", "PERSON"});
  for (const auto& x : v)
    if (with_seats)
      t.add_row({x.body, x.person, seats_text(x.before), seats_text(x.after)});
    else
      t.add_row({x.body, x.person});
  t.print(out, 2);
}

void print_text_answer(std::ostream& out, const orgraph::comparison& c, const std::string& heading) {
  out << printable(heading) << '\n';
  out << "Bodies added: " << printable(join_or_dash(c.bodies_added)) << '\n';
  out << "Bodies removed: " << printable(join_or_dash(c.bodies_removed)) << '\n';

  std::size_t unchanged = 0;
  table sizes({"BODY", "BEFORE", "AFTER"});
  for (const auto& s : c.sizes) {
    if (s.changed())
      sizes.add_row({s.body, size_text(s.before), size_text(s.after)});
    else
      ++unchanged;
  }
  out << "Membership sizes changed (" << unchanged << " bodies unchanged)";
  if (sizes.empty()) {
    out << ": none\n";
  } else {
    out << '\n';
    sizes.print(out, 2);
  }
  print_changes(out, "Members joined", c.members_added);
  print_changes(out, "Members left", c.members_removed);
  print_changes(out, "Members whose seats changed", c.members_changed, true);

  out << "Line managers changed (" << c.managers_changed.size() << ")";
  if (c.managers_changed.empty()) {
    out << ": none\n";
  } else {
    out << '\n';
    table t({"PERSON", "BEFORE", "AFTER"});
    for (const auto& x : c.managers_changed)
      t.add_row({x.person, x.before.value_or("-"), x.after.value_or("-")});
    t.print(out, 2);
  }

  if (!c.pairs.empty()) {
    out << "Influence (distance in steps, independent channels, single points of failure)\n";
    table t({"FROM", "TO", "DISTANCE", "CHANNELS", "SINGLE POINTS BEFORE", "SINGLE POINTS AFTER"});
    for (const auto& p : c.pairs)
      t.add_row({p.from, p.to, distance_text(p.before) + " -> " + distance_text(p.after),
                 std::to_string(p.before.channels) + " -> " + std::to_string(p.after.channels),
                 join_or_dash(p.before.single_points_of_failure), join_or_dash(p.after.single_points_of_failure)});
    t.print(out, 2);
  }
}

} // namespace

// ---- diff FILE_A [FILE_B] [--on DATE] [--vs DATE] [--pair A:B]... [--json|--csv] ----

int run_diff(const invocation& inv, std::ostream& out) {
  const bool two_files = !inv.file_b.empty();
  const auto pairs = parse_pairs(inv);
  const auto on = inv.on();
  const auto vs = invocation::date_of(inv.vs_text).value_or(on);

  orgraph::comparison c;
  std::string heading;
  if (two_files) { // --also adds to FILE_A; --mapping and --lenient read both
    const auto a = load(inv);
    const auto b = load_other(inv, inv.file_b);
    c = orgraph::compare(a, b, on, pairs);
    heading = "Changes from " + inv.file + " to " + inv.file_b + " on " + on.to_string();
  } else {
    const auto m = load(inv);
    c = orgraph::compare(m, on, vs, pairs);
    heading = "Changes in " + inv.file + " from " + on.to_string() + " to " + vs.to_string();
  }

  if (inv.json)
    print_json_answer(out, inv, c, on, vs);
  else if (inv.csv)
    emit(out, inv, changes_table(c));
  else
    print_text_answer(out, c, heading);
  return exit_ok;
}

} // namespace orgraph::cli
