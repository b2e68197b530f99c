// The library against the reference (tests/reference/) on random models and dates: every query, for
// every node or pair it applies to (influence: for a sample of pairs, since each library call builds
// the influence network again). Each TEST is one family of queries;
// a failure names the query, how often it disagreed and a shrunk case with both answers.

#include <orgraph/error.hpp>

#include "harness.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using namespace differential;
using orgraph::node_kind;

std::string ids(const shower& show, std::initializer_list<vertex> vs) {
  std::string s;
  for (vertex v : vs)
    s += (s.empty() ? "" : ", ") + show(v);
  return s;
}

void line_management(const model& m, date, checker& c) {
  const auto& show = c.show();
  const auto staff = nodes_of(m, {node_kind::person, node_kind::post});
  for (vertex x : staff) {
    const std::string arg = show(x);
    c.ask("line_manager", arg, [&](const auto& side) { return side.line_manager(x); });
    c.ask("supervisor", arg, [&](const auto& side) { return side.supervisor(x); });
    c.ask("dotted_line_managers", arg, [&](const auto& side) { return side.dotted_line_managers(x); });
    c.ask("management_chain", arg, [&](const auto& side) { return side.management_chain(x); });
    c.ask("direct_reports", arg, [&](const auto& side) { return side.direct_reports(x); });
    c.ask("span_of_control", arg, [&](const auto& side) { return side.span_of_control(x); });
    c.ask("all_reports", arg, [&](const auto& side) { return side.all_reports(x); });
    if (m[x].kind == node_kind::post) {
      c.ask("post_holder", arg, [&](const auto& side) { return side.post_holder(x); });
      c.ask("holders", arg, [&](const auto& side) { return side.holders(x); });
    }
  }
  const auto persons = nodes_of(m, {node_kind::person});
  for (const auto& [a, b] : all_pairs(persons, persons))
    c.ask("lowest_common_manager", ids(show, {a, b}),
          [&, a = a, b = b](const auto& side) { return side.lowest_common_manager(a, b); });
  for (const auto& [boss, x] : all_pairs(staff, staff))
    c.ask("is_line_manager_of", ids(show, {boss, x}),
          [&, boss = boss, x = x](const auto& side) { return side.is_line_manager_of(boss, x); });
}

void governance(const model& m, date, checker& c) {
  const auto& show = c.show();
  const auto bodies = nodes_of(m, {node_kind::organization});
  for (vertex b : bodies) {
    const std::string arg = show(b);
    c.ask("members", arg, [&](const auto& side) { return side.members(b); });
    c.ask("chair", arg, [&](const auto& side) { return side.chair(b); });
    c.ask("membership_size", arg, [&](const auto& side) { return side.membership_size(b); });
    for (vertex a : nodes_of(m, {node_kind::area}))
      c.ask("members_in_area", ids(show, {b, a}), [&, a = a](const auto& side) { return side.members_in_area(b, a); });
  }
  for (vertex p : nodes_of(m, {node_kind::person}))
    c.ask("bodies_of", show(p), [&](const auto& side) { return side.bodies_of(p); });
  for (const auto& [a, b] : all_pairs(bodies, bodies))
    c.ask("shared_members", ids(show, {a, b}),
          [&, a = a, b = b](const auto& side) { return side.shared_members(a, b); });
  c.ask("interlocks", "", [&](const auto& side) { return side.interlocks(); });
}

void bodies_and_areas(const model& m, date, checker& c) {
  const auto& show = c.show();
  const auto bodies = nodes_of(m, {node_kind::organization});
  for (vertex b : bodies) {
    const std::string arg = show(b);
    c.ask("reporting_line", arg, [&](const auto& side) { return side.reporting_line(b); });
    c.ask("sub_bodies", arg, [&](const auto& side) { return side.sub_bodies(b, false); });
    c.ask("sub_bodies(direct_only)", arg, [&](const auto& side) { return side.sub_bodies(b, true); });
    c.ask("successor_on", arg, [&](const auto& side) { return side.successor_on(b); });
    c.ask("in_force", arg, [&](const auto& side) { return side.in_force(b); });
    c.ask("lineage", arg, [&](const auto& side) { return side.lineage(b); });
  }
  c.ask("active_bodies", "", [&](const auto& side) { return side.active_bodies(); });
  for (std::int32_t days : {0, 30, 400})
    c.ask("expiring", std::to_string(days), [&](const auto& side) { return side.expiring(days); });
  for (orgraph::relation_id r : m.relations(orgraph::relation_type::replaced_by))
    c.ask("replacement_date", show(r), [&](const auto& side) { return side.replacement_date(r); });

  // Classifications as given, one in another case, and none.
  std::vector<std::string> classes{""};
  for (vertex b : bodies)
    if (std::find(classes.begin(), classes.end(), std::string(m[b].classification)) == classes.end())
      classes.emplace_back(m[b].classification);
  classes.emplace_back("MAAG");
  for (vertex a : nodes_of(m, {node_kind::area}))
    for (const auto& cls : classes)
      c.ask("covering", show(a) + ", '" + cls + "'", [&](const auto& side) { return side.covering(a, cls); });
  for (const auto& cls : classes)
    for (const char* level : {"district", "DISTRICT", "county", "quadrant"})
      c.ask("coverage_gaps", "'" + cls + "', '" + level + "'",
            [&](const auto& side) { return side.coverage_gaps(cls, level); });
}

void decisions(const model& m, date on, checker& c) {
  const auto& show = c.show();
  for (orgraph::decision_index d = 0; d <= m.decisions().size(); ++d) // one past the end: an empty route
    c.ask("decision_route", std::to_string(d), [&](const auto& side) { return side.decision_route(d); });
  const std::pair<date, date> windows[] = {{on.plus_days(-365), on}, {on, on.plus_days(400)}, {on, on}};
  for (const auto& [from, to] : windows) {
    const std::string span = show(from) + ".." + show(to);
    for (vertex b : nodes_of(m, {node_kind::organization}))
      c.ask("decisions_by", show(b) + ", " + span,
            [&, from = from, to = to](const auto& side) { return side.decisions_by(b, from, to); });
    c.ask("bodies_without_decisions", span,
          [&, from = from, to = to](const auto& side) { return side.bodies_without_decisions(from, to); });
  }
}

/// Paths the library gives as independent channels must be channels of the reference graph: from
/// the source to the target by its steps, counted in hops, sharing no vertex in between.
std::string channel_problem(const orgraph_reference::influence_graph& g, const orgraph::channel_answer& a, vertex from,
                            vertex to) {
  std::vector<vertex> used;
  for (const auto& p : a.paths) {
    if (p.vertices.size() < 2 || p.vertices.front() != from || p.vertices.back() != to)
      return "a path does not run from the source to the target";
    if (p.steps.size() + 1 != p.vertices.size() || p.length != static_cast<double>(p.steps.size()))
      return "a path's steps or length do not fit its vertices";
    for (std::size_t i = 0; i + 1 < p.vertices.size(); ++i) {
      const auto* s = g.step(p.vertices[i], p.vertices[i + 1]);
      if (s == nullptr || !(*s == p.steps[i]))
        return "a path takes a step the reference graph does not have, or not as the reference has it";
    }
    for (std::size_t i = 1; i + 1 < p.vertices.size(); ++i) {
      if (std::find(used.begin(), used.end(), p.vertices[i]) != used.end())
        return "two paths (or one path twice) pass through the same vertex";
      used.push_back(p.vertices[i]);
    }
  }
  return {};
}

void influence(const model& m, date on, checker& c) {
  const auto& lib = c.library();
  const auto& show = c.show();
  const orgraph::influence_options hops{};
  const orgraph::influence_options roles{1, orgraph::influence_weighting::roles};
  const auto g_hops = orgraph_reference::influence_graph_on(m, on, hops);
  const auto g_roles = orgraph_reference::influence_graph_on(m, on, roles);

  const auto bodies = nodes_of(m, {node_kind::organization});
  const auto sources = nodes_of(m, {node_kind::person, node_kind::organization});
  // Each library call builds the influence network again, so few pairs; and one the queries must refuse
  // (a post or an area as the source, a person as the target, a body to itself), in turn by date.
  auto pairs = some_pairs(sources, bodies, c.pair_limit(6), m, on);
  const auto posts = nodes_of(m, {node_kind::post, node_kind::area});
  const auto persons = nodes_of(m, {node_kind::person});
  switch (on.days_since_epoch() % 3) {
  case 0:
    if (!posts.empty() && !bodies.empty())
      pairs.emplace_back(posts.front(), bodies.front());
    break;
  case 1:
    if (!persons.empty() && !bodies.empty())
      pairs.emplace_back(bodies.back(), persons.front());
    break;
  default:
    if (!bodies.empty())
      pairs.emplace_back(bodies.front(), bodies.front());
  }

  struct variant {
    const char* name;
    orgraph::influence_options options;
    const orgraph_reference::influence_graph* graph;
  };
  const variant variants[] = {{"influence_paths(k=1, hops)", {1, orgraph::influence_weighting::hops}, &g_hops},
                              {"influence_paths(k=3, hops)", {3, orgraph::influence_weighting::hops}, &g_hops},
                              {"influence_paths(k=2, roles)", {2, orgraph::influence_weighting::roles}, &g_roles}};

  for (const auto& pair : pairs) {
    const vertex from = pair.first, to = pair.second; // named, not bound: C++17 lambdas cannot capture bindings
    const auto args = ids(show, {from, to});
    const auto ends = orgraph_reference::resolve_ends(m, from, to, on);
    // Run a library call; an error is expected exactly where the reference finds no ends (which
    // counts as a comparison of its own: the answers are compared by the caller).
    const auto run = [&](const char* query, auto call) -> std::optional<decltype(call())> {
      if (!c.wants(query))
        return std::nullopt;
      try {
        auto answer = call();
        if (ends)
          return answer;
        c.counted(query, true);
        c.fail(query, args, "an answer", "model_error: a source or target of the wrong kind, or the same");
      } catch (const orgraph::model_error& e) {
        c.counted(query, true);
        if (ends)
          c.fail(query, args, std::string("model_error: ") + e.what(), "an answer");
      } catch (const std::exception& e) {
        c.counted(query, true);
        c.fail(query, args, std::string("threw: ") + e.what(), ends ? "an answer" : "model_error");
      }
      return std::nullopt;
    };
    for (const auto& v : variants) {
      const auto paths = run(v.name, [&] { return lib.influence_paths(from, to, v.options); });
      if (!paths)
        continue;
      orgraph_reference::path_search search(*v.graph, ends->first, ends->second);
      const auto expected = search.shortest(v.options.k);
      if (!expected) { // never on the default seed; say so rather than skip quietly
        c.fail(v.name, args, show(*paths), "(not compared: too many paths for the reference's search)");
        continue;
      }
      c.counted(v.name, !expected->empty());
      if (*paths != *expected)
        c.fail(v.name, args, show(*paths), show(*expected));
    }
    if (const auto channels = run("independent_channels", [&] { return lib.independent_channels(from, to); })) {
      const std::size_t expected = orgraph_reference::channel_count(g_hops, ends->first, ends->second);
      const auto problem = channel_problem(g_hops, *channels, ends->first, ends->second);
      c.counted("independent_channels", expected != 0);
      if (channels->count() != expected || !problem.empty())
        c.fail("independent_channels", args,
               std::to_string(channels->count()) + " channels " + show(channels->paths) + " " + problem,
               std::to_string(expected) + " channels");
    }
    if (const auto cut = run("single_points_of_failure", [&] { return lib.single_points_of_failure(from, to); })) {
      const auto expected = orgraph_reference::single_points_of_failure(g_hops, ends->first, ends->second);
      c.counted("single_points_of_failure", !expected.empty());
      if (*cut != expected)
        c.fail("single_points_of_failure", args, show(*cut), show(expected));
    }
  }

  // Reach from a few persons and bodies, by hops and by roles; hops only where every shortest path
  // has the same number of steps (otherwise it must lie between the fewest and the most).
  std::vector<vertex> reach_from;
  for (const auto& [from, to] : some_pairs(sources, {0}, c.pair_limit(3), m, on))
    reach_from.push_back(from);
  for (vertex from : reach_from)
    for (const auto* v : {&variants[0], &variants[2]}) {
      const char* query = v == &variants[0] ? "influence_reach(hops)" : "influence_reach(roles)";
      if (!c.wants(query))
        continue;
      const auto got = lib.influence_reach(from, v->options);
      const auto expected = orgraph_reference::influence_reach(m, *v->graph, from, on);
      c.counted(query, !expected.empty());
      bool same = got.size() == expected.size();
      for (std::size_t i = 0; same && i < got.size(); ++i)
        same = got[i].body == expected[i].body && got[i].distance == expected[i].distance &&
               expected[i].min_hops <= got[i].hops && got[i].hops <= expected[i].max_hops;
      if (!same) {
        std::string text = "[";
        for (const auto& e : expected)
          text += "{" + show(e.body) + " " + show(e.distance) + " hops " + std::to_string(e.min_hops) +
                  (e.min_hops == e.max_hops ? "" : "-" + std::to_string(e.max_hops)) + "}";
        c.fail(query, show(from), show(got), text + "]");
      }
    }
  if (!posts.empty() && c.wants("influence_reach(hops)")) {
    c.counted("influence_reach(hops)", true);
    try {
      (void)lib.influence_reach(posts.front(), hops);
      c.fail("influence_reach(hops)", show(posts.front()), "an answer", "model_error: not a person or body");
    } catch (const orgraph::model_error&) {
    }
  }

  c.ask("double_linking_audit", "", [&](const auto& side) { return side.double_linking_audit(); });
}

/// validate()'s findings compared code by code, so that one code's disagreement does not hide another's.
void validation(const model&, date, checker& c) {
  orgraph::validation_options options;
  options.max_board_size = 3; // small models: a small limit, so that board_too_large is found at all
  const auto got = c.library().validate(options);
  const auto expected = c.reference().validate(options);
  std::vector<std::string> codes;
  for (const auto* list : {&got, &expected})
    for (const auto& f : *list)
      if (std::find(codes.begin(), codes.end(), f.code) == codes.end())
        codes.push_back(f.code);
  for (const auto& code : {"management_cycle", "self_management", "ambiguous_manager", "no_manager",
                           "vacant_manager_post", "outside_discipline", "membership_outside_lifetime",
                           "relation_to_replaced_body", "board_too_large", "no_chair"})
    if (std::find(codes.begin(), codes.end(), code) == codes.end())
      codes.emplace_back(code);
  for (const auto& code : codes) {
    const auto of_code = [&](const std::vector<orgraph_reference::finding>& all) {
      std::vector<orgraph_reference::finding> out;
      for (const auto& f : all)
        if (f.code == code)
          out.push_back(f);
      return out;
    };
    c.same("validate:" + code, "", of_code(got), of_code(expected));
  }
}

TEST(Differential, LineManagement) { run_family("line management", line_management); }
TEST(Differential, Governance) { run_family("governance", governance); }
TEST(Differential, BodiesAndAreas) { run_family("bodies and areas", bodies_and_areas); }
TEST(Differential, Decisions) { run_family("decisions", decisions); }
TEST(Differential, Influence) { run_family("influence", influence); }
TEST(Differential, Validate) { run_family("validate", validation); }

} // namespace
