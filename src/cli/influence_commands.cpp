// The influence commands: influence, reach, links and dot. Each asks one snapshot of the file on the
// date, and prints a table, CSV or JSON (dot prints GraphViz).
//
// Distances count steps (hops), the library's default weighting. A body id that names a replaced
// body is answered for its successor on the date, and the answer says so.

#include <orgraph/analysis/influence.hpp>
#include <orgraph/io/dot.hpp>
#include <orgraph/query/governance.hpp>

#include "commands.hpp"

#include <boost/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace orgraph::cli {

namespace {

/// A person or body, resolved to the body in force on the date when it is a replaced body.
orgraph::successor_answer resolved_source(const orgraph::snapshot& s, orgraph::vertex v) {
  if (s.model()[v].kind == orgraph::node_kind::organization)
    return orgraph::successor_on(s, v);
  orgraph::successor_answer a;
  a.requested = v;
  a.body = v;
  return a;
}

/// The person or body --from names, resolved.
orgraph::successor_answer source_option(const orgraph::snapshot& s, const invocation& inv) {
  return resolved_source(s, node_at(s.model(), inv.file, *inv.from, person_or_body, inv.command));
}

/// The body --to names, resolved to the body in force on the date.
orgraph::successor_answer target_option(const orgraph::snapshot& s, const invocation& inv) {
  return orgraph::successor_on(s, node_at(s.model(), inv.file, *inv.to, a_body, inv.command));
}

/// The ids of a path's vertices, from the source to the target.
boost::json::array path_ids_json(const orgraph::model& m, const orgraph::influence_path& p) {
  return strings_json(ids_of(m, p.vertices));
}

/// "a -reports_to-> b -carried_by:Chair-> c": the path with each step's label.
std::string path_text(const orgraph::model& m, const orgraph::influence_path& p) {
  if (p.vertices.empty())
    return "-";
  std::string s(m[p.vertices.front()].id);
  for (const auto& step : p.steps)
    s += " -" + orgraph::step_label(step) + "-> " + std::string(m[step.to].id);
  return s;
}

table paths_table(const orgraph::model& m, const std::vector<orgraph::influence_path>& paths) {
  table t({"#", "STEPS", "PATH"});
  std::size_t n = 0;
  for (const auto& p : paths)
    t.add_row({std::to_string(++n), std::to_string(p.hops()), path_text(m, p)});
  return t;
}

} // namespace

// ---- influence FILE --from A --to B [--on DATE] [--paths K] [--json|--csv] ----

int run_influence(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const auto from = source_option(s, inv);
  const auto to = target_option(s, inv);
  const std::size_t k = inv.paths.value_or(3);
  orgraph::influence_options options;
  options.k = k;
  // Three questions of one snapshot: its influence graph is built once.
  const auto paths = orgraph::influence_paths(s, from.body, to.body, options);
  const auto channels = orgraph::independent_channels(s, from.body, to.body);
  const auto cut = orgraph::single_points_of_failure(s, from.body, to.body);
  const std::string on = s.on().to_string();

  if (inv.json) {
    boost::json::array path_list;
    for (const auto& p : paths)
      path_list.emplace_back(path_ids_json(m, p));
    boost::json::array channel_list;
    for (const auto& p : channels.paths)
      channel_list.emplace_back(path_ids_json(m, p));
    print_json(out, boost::json::object{{"from", std::string(m[from.body].id)},
                                        {"to", std::string(m[to.body].id)},
                                        {"on", on},
                                        {"resolved_from", boost::json::object{{"from", resolved_from_json(m, from)},
                                                                              {"to", resolved_from_json(m, to)}}},
                                        {"distance", paths.empty() ? boost::json::value(nullptr)
                                                                   : boost::json::value(paths.front().hops())},
                                        {"paths", std::move(path_list)},
                                        {"independent_channels", channels.count()},
                                        {"channels", std::move(channel_list)},
                                        {"single_points_of_failure", strings_json(ids_of(m, cut))}});
    return exit_ok;
  }

  if (inv.csv) { // one table: each shortest path, then each independent channel
    table t({"SET", "#", "STEPS", "PATH"});
    const auto rows = [&](const char* set, const std::vector<orgraph::influence_path>& list) {
      std::size_t n = 0;
      for (const auto& p : list)
        t.add_row({set, std::to_string(++n), std::to_string(p.hops()), path_text(m, p)});
    };
    rows("shortest", paths);
    rows("channel", channels.paths);
    emit(out, inv, t);
    return exit_ok;
  }

  print_resolution(out, m, from, s.on());
  print_resolution(out, m, to, s.on());
  out << "Influence of " << describe(m, from.body) << " on " << describe(m, to.body) << " on " << on << '\n';
  if (paths.empty()) {
    out << "No influence path: distance none, 0 independent channels, no single point of failure\n";
    return exit_ok;
  }
  const auto hops = paths.front().hops();
  out << "Distance: " << hops << (hops == 1 ? " step" : " steps") << '\n'
      << "Independent channels: " << channels.count() << '\n'
      << "Single points of failure: "
      << (hops == 1     ? std::string("none (a direct step)")
          : cut.empty() ? std::string("none")
                        : printable(join_or_dash(ids_of(m, cut))))
      << '\n'
      << "Shortest paths (at most " << k << ")\n";
  paths_table(m, paths).print(out);
  out << "Independent channels (paths that share no one in between)\n";
  paths_table(m, channels.paths).print(out);
  return exit_ok;
}

// ---- reach FILE ID [--on DATE] [--json|--csv] ----

int run_reach(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const auto from = resolved_source(s, node_arg(m, inv, 0, person_or_body, inv.file));
  const auto reach = orgraph::influence_reach(s, from.body);
  const std::string on = s.on().to_string();

  if (inv.json) {
    boost::json::array items;
    for (const auto& r : reach)
      items.emplace_back(boost::json::object{
          {"id", std::string(m[r.body].id)}, {"name", std::string(m[r.body].name)}, {"distance", r.hops}});
    print_json(out, boost::json::object{{"id", std::string(m[from.body].id)},
                                        {"resolved_from", resolved_from_json(m, from)},
                                        {"on", on},
                                        {"reach", std::move(items)}});
    return exit_ok;
  }

  if (prose(inv)) {
    print_resolution(out, m, from, s.on());
    if (reach.empty()) {
      out << describe(m, from.body) << " can influence no body on " << on << '\n';
      return exit_ok;
    }
    out << "Bodies " << describe(m, from.body) << " can influence on " << on << ", nearest first\n";
  }
  table t({"ID", "NAME", "STEPS"});
  for (const auto& r : reach)
    t.add_row({std::string(m[r.body].id), std::string(m[r.body].name), std::to_string(r.hops)});
  emit(out, inv, t);
  return exit_ok;
}

// ---- links FILE [--on DATE] [--json|--csv] ----

int run_links(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  const auto audit = orgraph::double_linking_audit(s);
  const std::string on = s.on().to_string();

  if (inv.json) {
    boost::json::array items;
    for (const auto& e : audit)
      items.emplace_back(boost::json::object{{"body", std::string(m[e.body].id)},
                                             {"above", std::string(m[e.above].id)},
                                             {"via", orgraph::to_string(e.via)},
                                             {"level", orgraph::to_string(e.level)},
                                             {"linking", strings_json(ids_of(m, e.linking))}});
    print_json(out, boost::json::object{{"on", on}, {"links", std::move(items)}});
    return exit_ok;
  }

  if (prose(inv)) {
    if (audit.empty()) {
      out << "Double-linking audit on " << on << ": no body reports to another\n";
      return exit_ok;
    }
    std::size_t counts[3] = {0, 0, 0};
    for (const auto& e : audit)
      ++counts[static_cast<std::size_t>(e.level)];
    out << "Double-linking audit on " << on << ": " << audit.size() << (audit.size() == 1 ? " link, " : " links, ")
        << counts[2] << " double-linked, " << counts[1] << " single-linked, " << counts[0] << " unlinked\n";
  }
  table t({"BODY", "ABOVE", "VIA", "LEVEL", "LINKING"});
  for (const auto& e : audit)
    t.add_row({std::string(m[e.body].id), std::string(m[e.above].id), std::string(orgraph::to_string(e.via)),
               std::string(orgraph::to_string(e.level)), join_or_dash(ids_of(m, e.linking))});
  emit(out, inv, t);
  return exit_ok;
}

// ---- dot FILE [--on DATE] [--focus ID [--radius N]] [--from A --to B [--paths K]] ----

int run_dot(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot s(m, inv.on());
  orgraph::dot_options options;
  if (inv.focus)
    options.focus = node_at(m, inv.file, *inv.focus, any_node, inv.command);
  options.radius = inv.radius.value_or(1);
  if (inv.from) {
    const auto from = source_option(s, inv);
    const auto to = target_option(s, inv);
    if (inv.paths) {
      orgraph::influence_options o;
      o.k = *inv.paths;
      options.highlight = orgraph::influence_paths(s, from.body, to.body, o);
    } else {
      options.highlight = orgraph::independent_channels(s, from.body, to.body).paths;
    }
  }
  orgraph::write_dot(out, m, s.on(), options);
  return exit_ok;
}

} // namespace orgraph::cli
