#pragma once
// The influence commands: influence, reach, links, diff and dot. Each is one function that the
// command table in main.cpp names; each prints a table, or JSON with --json (dot prints GraphViz).
//
// Distances count steps (hops), the library's default weighting. A body id that names a replaced
// body is answered for its successor on the date, and the answer says so.

#include "cli.hpp"
#include "governance_commands.hpp"
#include "output.hpp"

#include <orgraph/analysis/compare.hpp>
#include <orgraph/analysis/influence.hpp>
#include <orgraph/io/dot.hpp>
#include <orgraph/query/governance.hpp>

#include <boost/json.hpp>

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace orgraph::cli {

// ---- shared by the influence commands ----

/// A person or body, resolved to the body in force on the date when it is a replaced body.
inline orgraph::successor_answer resolved_source_at(const orgraph::model& m, const std::string& file,
                                                    const std::string& id, orgraph::date on,
                                                    std::string_view command_name) {
  const auto v = person_or_body_at(m, file, id, command_name);
  if (m[v].kind == orgraph::node_kind::organization)
    return orgraph::successor_on(m, v, on);
  orgraph::successor_answer a;
  a.requested = v;
  a.body = v;
  return a;
}

/// The ids of a path's vertices, from the source to the target.
inline boost::json::array path_ids_json(const orgraph::model& m, const orgraph::influence_path& p) {
  boost::json::array ids;
  for (auto v : p.vertices)
    ids.emplace_back(std::string(m[v].id));
  return ids;
}

/// "a -reports_to-> b -carried_by:Chair-> c": the path with each step's label.
inline std::string path_text(const orgraph::model& m, const orgraph::influence_path& p) {
  if (p.vertices.empty())
    return "-";
  std::string s = std::string(m[p.vertices.front()].id);
  for (const auto& step : p.steps)
    s += " -" + orgraph::step_label(step) + "-> " + std::string(m[step.to].id);
  return s;
}

inline void print_paths(std::ostream& out, const orgraph::model& m, const std::vector<orgraph::influence_path>& paths) {
  table t({"#", "STEPS", "PATH"});
  std::size_t n = 0;
  for (const auto& p : paths)
    t.add_row({std::to_string(++n), std::to_string(p.hops()), path_text(m, p)});
  t.print(out);
}

inline std::vector<std::string> ids_of(const orgraph::model& m, const std::vector<orgraph::vertex>& vs) {
  std::vector<std::string> out;
  for (auto v : vs)
    out.push_back(std::string(m[v].id));
  return out;
}

inline boost::json::array strings_json(const std::vector<std::string>& items) {
  boost::json::array a;
  for (const auto& s : items)
    a.emplace_back(s);
  return a;
}

/// Both ends of an influence question must be given together.
inline void require_from_and_to(const invocation& inv) {
  const bool from = inv.value("from").has_value();
  const bool to = inv.value("to").has_value();
  if (from && !to)
    throw usage_error("--from needs --to (the body to influence)");
  if (to && !from)
    throw usage_error("--to needs --from (the person or body that influences)");
}

// ---- influence FILE --from A --to B [--on DATE] [--paths K] [--json] ----

/// How a person or body can influence a body on a date: the shortest paths, the independent
/// channels and the single points of failure.
inline int run_influence(const invocation& inv, std::ostream& out) {
  require_from_and_to(inv);
  if (!inv.value("from"))
    throw usage_error("--from and --to are required");
  const std::string& file = inv.args[0];
  const auto on = inv.on();
  const std::size_t k = inv.count("paths", 3);
  const auto m = load_model(file);
  const auto from = resolved_source_at(m, file, *inv.value("from"), on, "influence");
  const auto to = orgraph::successor_on(m, body_at(m, file, *inv.value("to"), "influence"), on);

  // One network for the three questions: each model function would build its own.
  const orgraph::influence_network net(m, on);
  const auto paths = orgraph::influence_paths(net, from.body, to.body, k);
  const auto channels = orgraph::independent_channels(net, from.body, to.body);
  const auto cut = orgraph::single_points_of_failure(net, from.body, to.body);

  if (inv.json()) {
    boost::json::array path_list;
    for (const auto& p : paths)
      path_list.emplace_back(path_ids_json(m, p));
    boost::json::array channel_list;
    for (const auto& p : channels.paths)
      channel_list.emplace_back(path_ids_json(m, p));
    print_json(out, boost::json::object{
                        {"from", std::string(m[from.body].id)},
                        {"to", std::string(m[to.body].id)},
                        {"on", on.to_string()},
                        {"resolved_from",
                         boost::json::object{{"from", resolved_from_json(m, from)}, {"to", resolved_from_json(m, to)}}},
                        {"distance", paths.empty() ? boost::json::value(nullptr) : boost::json::value(paths.front().hops())},
                        {"paths", std::move(path_list)},
                        {"independent_channels", channels.count()},
                        {"channels", std::move(channel_list)},
                        {"single_points_of_failure", strings_json(ids_of(m, cut))}});
    return exit_ok;
  }

  print_resolution(out, m, from, on);
  print_resolution(out, m, to, on);
  out << "Influence of " << describe(m, from.body) << " on " << describe(m, to.body) << " on " << on.to_string()
      << '\n';
  if (paths.empty()) {
    out << "No influence path: distance none, 0 independent channels, no single point of failure\n";
    return exit_ok;
  }
  const auto hops = paths.front().hops();
  out << "Distance: " << hops << (hops == 1 ? " step" : " steps") << '\n'
      << "Independent channels: " << channels.count() << '\n'
      << "Single points of failure: "
      << (hops == 1 ? std::string("none (a direct step)") : cut.empty() ? std::string("none") : join_or_dash(ids_of(m, cut)))
      << '\n'
      << "Shortest paths (at most " << k << ")\n";
  print_paths(out, m, paths);
  out << "Independent channels (paths that share no one in between)\n";
  print_paths(out, m, channels.paths);
  return exit_ok;
}

// ---- reach FILE ID [--on DATE] [--json] ----

/// Every body a person or body can influence on a date, nearest first.
inline int run_reach(const invocation& inv, std::ostream& out) {
  const std::string& file = inv.args[0];
  const auto on = inv.on();
  const auto m = load_model(file);
  const auto from = resolved_source_at(m, file, inv.args[1], on, "reach");
  const auto reach = orgraph::influence_reach(m, from.body, on);

  if (inv.json()) {
    boost::json::array items;
    for (const auto& r : reach)
      items.emplace_back(boost::json::object{{"id", std::string(m[r.body].id)}, {"name", std::string(m[r.body].name)}, {"distance", r.hops}});
    print_json(out, boost::json::object{{"id", std::string(m[from.body].id)},
                                        {"resolved_from", resolved_from_json(m, from)},
                                        {"on", on.to_string()},
                                        {"reach", std::move(items)}});
    return exit_ok;
  }

  print_resolution(out, m, from, on);
  if (reach.empty()) {
    out << describe(m, from.body) << " can influence no body on " << on.to_string() << '\n';
    return exit_ok;
  }
  out << "Bodies " << describe(m, from.body) << " can influence on " << on.to_string() << ", nearest first\n";
  table t({"ID", "NAME", "STEPS"});
  for (const auto& r : reach)
    t.add_row({std::string(m[r.body].id), std::string(m[r.body].name), std::to_string(r.hops)});
  t.print(out);
  return exit_ok;
}

// ---- links FILE [--on DATE] [--json] ----

/// The double-linking audit: for each body and the body it reports to, who sits on both.
inline int run_links(const invocation& inv, std::ostream& out) {
  const std::string& file = inv.args[0];
  const auto on = inv.on();
  const auto m = load_model(file);
  const auto audit = orgraph::double_linking_audit(m, on);

  if (inv.json()) {
    boost::json::array items;
    for (const auto& e : audit)
      items.emplace_back(boost::json::object{{"body", std::string(m[e.body].id)},
                                             {"above", std::string(m[e.above].id)},
                                             {"via", orgraph::to_string(e.via)},
                                             {"level", orgraph::to_string(e.level)},
                                             {"linking", strings_json(ids_of(m, e.linking))}});
    print_json(out, boost::json::object{{"on", on.to_string()}, {"links", std::move(items)}});
    return exit_ok;
  }

  if (audit.empty()) {
    out << "Double-linking audit on " << on.to_string() << ": no body reports to another\n";
    return exit_ok;
  }
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& e : audit)
    ++counts[static_cast<std::size_t>(e.level)];
  out << "Double-linking audit on " << on.to_string() << ": " << audit.size() << (audit.size() == 1 ? " link, " : " links, ")
      << counts[2] << " double-linked, " << counts[1] << " single-linked, " << counts[0] << " unlinked\n";
  table t({"BODY", "ABOVE", "VIA", "LEVEL", "LINKING"});
  for (const auto& e : audit)
    t.add_row({std::string(m[e.body].id), std::string(m[e.above].id), std::string(orgraph::to_string(e.via)),
               std::string(orgraph::to_string(e.level)), join_or_dash(ids_of(m, e.linking))});
  t.print(out);
  return exit_ok;
}

// ---- diff FILE_A [FILE_B] [--on DATE] [--vs DATE] [--pair A:B]... [--json] ----

inline std::vector<orgraph::influence_pair> parse_pairs(const invocation& inv) {
  std::vector<orgraph::influence_pair> pairs;
  for (const auto& text : inv.values_of("pair")) {
    const auto colon = text.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
      throw usage_error("--pair: '" + text + "' is not FROM:TO");
    pairs.push_back({text.substr(0, colon), text.substr(colon + 1)});
  }
  return pairs;
}

inline boost::json::value size_json(const std::optional<std::size_t>& n) {
  return n ? boost::json::value(*n) : boost::json::value(nullptr);
}

inline std::string size_text(const std::optional<std::size_t>& n) { return n ? std::to_string(*n) : "-"; }

inline boost::json::object measure_json(const orgraph::influence_measure& x) {
  return boost::json::object{{"found", x.found},
                             {"distance", size_json(x.hops)},
                             {"channels", x.channels},
                             {"single_points_of_failure", strings_json(x.single_points_of_failure)}};
}

/// What changed between two files on a date, or one file on two dates.
inline int run_diff(const invocation& inv, std::ostream& out) {
  const bool two_files = inv.args.size() == 2;
  const auto vs = inv.date_value("vs");
  if (two_files && vs)
    throw usage_error("--vs compares two dates of one file: give one file, or drop --vs");
  if (!two_files && !vs)
    throw usage_error("one file needs --vs DATE to compare --on DATE with (or give two files)");
  const auto pairs = parse_pairs(inv);
  const auto on = inv.on();

  orgraph::comparison c;
  std::string heading;
  std::string before_label;
  std::string after_label;
  if (two_files) {
    const auto a = load_model(inv.args[0]);
    const auto b = load_model(inv.args[1]);
    c = orgraph::compare(a, b, on, pairs);
    heading = "Changes from " + inv.args[0] + " to " + inv.args[1] + " on " + on.to_string();
  } else {
    const auto m = load_model(inv.args[0]);
    c = orgraph::compare(m, on, *vs, pairs);
    heading = "Changes in " + inv.args[0] + " from " + on.to_string() + " to " + vs->to_string();
  }

  if (inv.json()) {
    const auto side = [&](std::size_t i, orgraph::date d) {
      return boost::json::object{{"file", inv.args[two_files ? i : 0]}, {"on", d.to_string()}};
    };
    const auto changes = [](const std::vector<orgraph::membership_change>& v) {
      boost::json::array a;
      for (const auto& x : v)
        a.emplace_back(boost::json::object{{"body", x.body}, {"person", x.person}});
      return a;
    };
    boost::json::array sizes;
    for (const auto& s : c.sizes)
      sizes.emplace_back(boost::json::object{{"body", s.body}, {"before", size_json(s.before)}, {"after", size_json(s.after)}});
    boost::json::array managers;
    for (const auto& x : c.managers_changed)
      managers.emplace_back(boost::json::object{
          {"person", x.person},
          {"before", x.before ? boost::json::value(*x.before) : boost::json::value(nullptr)},
          {"after", x.after ? boost::json::value(*x.after) : boost::json::value(nullptr)}});
    boost::json::array pair_list;
    for (const auto& p : c.pairs)
      pair_list.emplace_back(boost::json::object{
          {"from", p.from}, {"to", p.to}, {"before", measure_json(p.before)}, {"after", measure_json(p.after)}});
    print_json(out, boost::json::object{{"before", side(0, on)},
                                        {"after", side(1, vs.value_or(on))},
                                        {"bodies_added", strings_json(c.bodies_added)},
                                        {"bodies_removed", strings_json(c.bodies_removed)},
                                        {"members_added", changes(c.members_added)},
                                        {"members_removed", changes(c.members_removed)},
                                        {"sizes", std::move(sizes)},
                                        {"managers_changed", std::move(managers)},
                                        {"pairs", std::move(pair_list)}});
    return exit_ok;
  }

  out << printable(heading) << '\n';
  out << "Bodies added: " << join_or_dash(c.bodies_added) << '\n';
  out << "Bodies removed: " << join_or_dash(c.bodies_removed) << '\n';

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

  const auto print_changes = [&](const char* title, const std::vector<orgraph::membership_change>& v) {
    out << title << " (" << v.size() << ")";
    if (v.empty()) {
      out << ": none\n";
      return;
    }
    out << '\n';
    table t({"BODY", "PERSON"});
    for (const auto& x : v)
      t.add_row({x.body, x.person});
    t.print(out, 2);
  };
  print_changes("Members joined", c.members_added);
  print_changes("Members left", c.members_removed);

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
    const auto distance = [](const orgraph::influence_measure& x) {
      return !x.found ? std::string("(absent)") : size_text(x.hops);
    };
    for (const auto& p : c.pairs)
      t.add_row({p.from, p.to, distance(p.before) + " -> " + distance(p.after),
                 std::to_string(p.before.channels) + " -> " + std::to_string(p.after.channels),
                 join_or_dash(p.before.single_points_of_failure), join_or_dash(p.after.single_points_of_failure)});
    t.print(out, 2);
  }
  return exit_ok;
}

// ---- dot FILE [--on DATE] [--focus ID] [--radius N] [--from A --to B] [--paths K] ----

/// GraphViz DOT of the model on a date; with --from and --to, the influence paths highlighted (the
/// independent channels, or with --paths K the K shortest paths).
inline int run_dot(const invocation& inv, std::ostream& out) {
  require_from_and_to(inv);
  if (inv.value("paths") && !inv.value("from"))
    throw usage_error("--paths needs --from and --to");
  if (inv.value("radius") && !inv.value("focus"))
    throw usage_error("--radius needs --focus");
  const std::string& file = inv.args[0];
  const auto on = inv.on();
  const auto m = load_model(file);

  orgraph::dot_options options;
  if (const auto focus = inv.value("focus"))
    options.focus = node_at(m, file, *focus);
  options.radius = inv.count("radius", 1);
  if (const auto from_id = inv.value("from")) {
    const auto from = resolved_source_at(m, file, *from_id, on, "dot");
    const auto to = orgraph::successor_on(m, body_at(m, file, *inv.value("to"), "dot"), on);
    if (inv.value("paths")) {
      orgraph::influence_options o;
      o.k = inv.count("paths", 1);
      options.highlight = orgraph::influence_paths(m, from.body, to.body, on, o);
    } else {
      options.highlight = orgraph::independent_channels(m, from.body, to.body, on).paths;
    }
  }
  orgraph::write_dot(out, m, on, options);
  return exit_ok;
}

} // namespace orgraph::cli
