// The influence queries on small graphs whose answers are worked out by hand in the comments.

#include <orgraph/analysis/influence.hpp>
#include <orgraph/error.hpp>
#include <orgraph/model/model.hpp>

#include "../common/builders.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using orgraph::date;
using orgraph::influence_link;
using orgraph::influence_options;
using orgraph::influence_weighting;
using orgraph::link_level;
using orgraph::model;
using orgraph::no_vertex;
using orgraph::relation;
using orgraph::relation_type;
using orgraph::vertex;

namespace {

using orgraph::test::on;

using orgraph::test::maybe;

// A model with short ways to add what influence reads.
struct org {
  model m;

  vertex body(const char* id, vertex parent = no_vertex) { return m.add_organization(id, id, "board", parent); }
  vertex person(const char* id) { return m.add_person(id, id); }

  void sits(vertex person, vertex body, const char* role = "member", const char* start = nullptr,
            const char* end = nullptr, vertex on_behalf_of = no_vertex) {
    relation r{relation_type::member_of, orgraph::period{maybe(start), maybe(end)}};
    r.role = role;
    r.on_behalf_of = on_behalf_of;
    m.add_relation(person, body, r);
  }
  void link(relation_type t, vertex from, vertex to, const char* start = nullptr, const char* end = nullptr) {
    m.add_relation(from, to, relation{t, orgraph::period{maybe(start), maybe(end)}});
  }
  void reports(vertex from, vertex to) { link(relation_type::reports_to, from, to); }
};

const date today = on("2011-05-01");

std::vector<std::vector<vertex>> vertices_of(const std::vector<orgraph::influence_path>& paths) {
  std::vector<std::vector<vertex>> out;
  for (const auto& p : paths)
    out.push_back(p.vertices);
  return out;
}

std::vector<std::string> labels_of(const orgraph::influence_path& p) {
  std::vector<std::string> out;
  for (const auto& s : p.steps)
    out.push_back(orgraph::step_label(s));
  return out;
}

} // namespace

TEST(InfluencePaths, NoPathGivesNothingToCountOrCut) {
  org o;
  const auto a = o.body("a");
  const auto b = o.body("b");
  const auto p = o.person("p");
  o.sits(p, a);
  EXPECT_TRUE(orgraph::influence_paths(o.m, a, b, today).empty());
  EXPECT_EQ(orgraph::independent_channels(o.m, a, b, today).count(), 0U);
  EXPECT_TRUE(orgraph::single_points_of_failure(o.m, a, b, today).empty());
}

TEST(InfluencePaths, OnePersonOnBothBodiesIsTheOnlyChannelAndASinglePointOfFailure) {
  // a → p (carried_by) → b (sits_on): the only route, so p is on every path.
  org o;
  const auto a = o.body("a");
  const auto b = o.body("b");
  const auto p = o.person("p");
  o.sits(p, a, "chair");
  o.sits(p, b);
  const auto paths = orgraph::influence_paths(o.m, a, b, today);
  ASSERT_EQ(paths.size(), 1U);
  EXPECT_EQ(paths[0].vertices, (std::vector<vertex>{a, p, b}));
  EXPECT_EQ(labels_of(paths[0]), (std::vector<std::string>{"carried_by:chair", "sits_on:member"}));
  EXPECT_EQ(paths[0].steps[0].link, influence_link::carried_by);
  EXPECT_EQ(paths[0].steps[0].relation, relation_type::member_of);
  EXPECT_EQ(paths[0].length, 2.0);
  EXPECT_EQ(paths[0].hops(), 2U);

  const auto channels = orgraph::independent_channels(o.m, a, b, today);
  ASSERT_EQ(channels.count(), 1U);
  EXPECT_EQ(channels.paths[0].vertices, (std::vector<vertex>{a, p, b}));
  EXPECT_EQ(orgraph::single_points_of_failure(o.m, a, b, today), (std::vector<vertex>{p}));
}

TEST(InfluencePaths, TwoPersonsOnBothBodiesAreTwoChannelsAndNoSinglePoint) {
  org o;
  const auto a = o.body("a");
  const auto b = o.body("b");
  const auto p = o.person("p");
  const auto q = o.person("q");
  for (auto x : {p, q}) {
    o.sits(x, a);
    o.sits(x, b);
  }
  const auto channels = orgraph::independent_channels(o.m, a, b, today);
  ASSERT_EQ(channels.count(), 2U);
  std::vector<std::vector<vertex>> found = vertices_of(channels.paths);
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::vector<vertex>>{{a, p, b}, {a, q, b}}));
  EXPECT_TRUE(orgraph::single_points_of_failure(o.m, a, b, today).empty());
  // Only two simple paths exist, however many are asked for; p was added first.
  EXPECT_EQ(vertices_of(orgraph::influence_paths(o.m, a, b, today, {5})),
            (std::vector<std::vector<vertex>>{{a, p, b}, {a, q, b}}));
}

TEST(InfluencePaths, SinglePointOfFailureNeedNotBeOnTheFirstSearchOnly) {
  // a's members p and q sit on b and c; b and c report to d; d reports to t.
  // Paths a-p-b-d-t and a-q-c-d-t share only d: one channel, d the single point of failure;
  // p, q, b and c each lie on one path only, so none of them cuts.
  org o;
  const auto a = o.body("a");
  const auto b = o.body("b");
  const auto c = o.body("c");
  const auto d = o.body("d");
  const auto t = o.body("t");
  const auto p = o.person("p");
  const auto q = o.person("q");
  o.sits(p, a);
  o.sits(q, a);
  o.sits(p, b);
  o.sits(q, c);
  o.reports(b, d);
  o.reports(c, d);
  o.reports(d, t);
  EXPECT_EQ(orgraph::single_points_of_failure(o.m, a, t, today), (std::vector<vertex>{d}));
  const auto channels = orgraph::independent_channels(o.m, a, t, today);
  ASSERT_EQ(channels.count(), 1U);
  EXPECT_EQ(channels.paths[0].hops(), 4U);
  EXPECT_EQ(vertices_of(orgraph::influence_paths(o.m, a, t, today, {3})),
            (std::vector<std::vector<vertex>>{{a, p, b, d, t}, {a, q, c, d, t}}));
}

TEST(InfluencePaths, PathExistsOnlyWhileTheMembershipIsInForce) {
  // p sits on b from 2011-04-14 to 2011-12-31, both days included.
  org o;
  const auto a = o.body("a");
  const auto b = o.body("b");
  const auto p = o.person("p");
  o.sits(p, a);
  o.sits(p, b, "member", "2011-04-14", "2011-12-31");
  EXPECT_TRUE(orgraph::influence_paths(o.m, a, b, on("2011-04-13")).empty());
  EXPECT_EQ(orgraph::influence_paths(o.m, a, b, on("2011-04-14")).size(), 1U);
  EXPECT_EQ(orgraph::independent_channels(o.m, a, b, on("2011-12-31")).count(), 1U);
  EXPECT_EQ(orgraph::independent_channels(o.m, a, b, on("2012-01-01")).count(), 0U);
}

TEST(InfluencePaths, ReportingLineExistsOnlyWhileInForce) {
  org o;
  const auto a = o.body("a");
  const auto b = o.body("b");
  o.link(relation_type::recommends_to, a, b, "2011-01-01", "2011-03-31");
  const auto paths = orgraph::influence_paths(o.m, a, b, on("2011-02-01"));
  ASSERT_EQ(paths.size(), 1U);
  EXPECT_EQ(orgraph::step_label(paths[0].steps[0]), "recommends_to");
  EXPECT_TRUE(orgraph::single_points_of_failure(o.m, a, b, on("2011-02-01")).empty()); // a direct step
  EXPECT_TRUE(orgraph::influence_paths(o.m, a, b, on("2011-04-01")).empty());
}

TEST(InfluencePaths, MembershipOnBehalfOfABodyIsAChannelFromThatBody) {
  // w sits on the board on behalf of the council without being a council member:
  // council → w (represented_by) → board (sits_on).
  org o;
  const auto council = o.body("council");
  const auto board = o.body("board");
  const auto w = o.person("w");
  o.sits(w, board, "Council Representative", nullptr, nullptr, council);
  const auto paths = orgraph::influence_paths(o.m, council, board, today);
  ASSERT_EQ(paths.size(), 1U);
  EXPECT_EQ(paths[0].vertices, (std::vector<vertex>{council, w, board}));
  EXPECT_EQ(labels_of(paths[0]),
            (std::vector<std::string>{"represented_by:Council Representative", "sits_on:Council Representative"}));
  EXPECT_EQ(paths[0].steps[0].body, board);
  EXPECT_EQ(orgraph::single_points_of_failure(o.m, council, board, today), (std::vector<vertex>{w}));
  // Nothing flows back: the board is not represented anywhere.
  EXPECT_TRUE(orgraph::influence_paths(o.m, board, council, today).empty());
}

TEST(InfluencePaths, ParentOrganisationPassesMattersUp) {
  org o;
  const auto council = o.body("council");
  const auto team = o.body("team", council);
  const auto paths = orgraph::influence_paths(o.m, team, council, today);
  ASSERT_EQ(paths.size(), 1U);
  EXPECT_EQ(paths[0].steps[0].link, influence_link::parent);
}

TEST(InfluencePaths, ReplacedBodyIsReadAsItsSuccessor) {
  // dcp reports to the old board, which was renamed on 2011-01-01.
  org o;
  const auto old_board = o.body("ctb");
  const auto new_board = o.body("ccdb");
  const auto dcp = o.body("dcp");
  o.link(relation_type::replaced_by, old_board, new_board, "2011-01-01");
  o.reports(dcp, old_board);
  const auto paths = orgraph::influence_paths(o.m, dcp, old_board, on("2011-02-01"));
  ASSERT_EQ(paths.size(), 1U);
  EXPECT_EQ(paths[0].vertices, (std::vector<vertex>{dcp, new_board}));
}

namespace {

// Three routes from person s to body t (bodies added t, a, e, c, d; persons s, q):
//   s-a-t      (s sits on a, a reports to t)          2 hops
//   s-e-q-t    (s sits on e, q sits on e and on t)     3 hops
//   s-c-d-t    (s sits on c, c reports to d, d to t)   3 hops
// The two of 3 hops tie; e was added before c, so s-e-q-t comes first.
struct three_routes : org {
  vertex t = body("t"), a = body("a"), e = body("e"), c = body("c"), d = body("d");
  vertex s = person("s"), q = person("q");
  three_routes() {
    sits(s, a);
    reports(a, t);
    sits(s, e, "Vice-Chair");
    sits(q, e, "chair");
    sits(q, t, "Chairman");
    sits(s, c);
    reports(c, d);
    reports(d, t);
  }
};

} // namespace

TEST(InfluencePaths, KShortestPathsComeShortestFirstAndTiesInTheOrderAdded) {
  three_routes o;
  const auto paths = orgraph::influence_paths(o.m, o.s, o.t, today, {5});
  EXPECT_EQ(vertices_of(paths),
            (std::vector<std::vector<vertex>>{{o.s, o.a, o.t}, {o.s, o.e, o.q, o.t}, {o.s, o.c, o.d, o.t}}));
  EXPECT_EQ(labels_of(paths[1]),
            (std::vector<std::string>{"sits_on:Vice-Chair", "carried_by:chair", "sits_on:Chairman"}));
  EXPECT_EQ(vertices_of(orgraph::influence_paths(o.m, o.s, o.t, today, {2})),
            (std::vector<std::vector<vertex>>{{o.s, o.a, o.t}, {o.s, o.e, o.q, o.t}}));
  EXPECT_TRUE(orgraph::influence_paths(o.m, o.s, o.t, today, {0}).empty());
  EXPECT_EQ(orgraph::independent_channels(o.m, o.s, o.t, today).count(), 3U);
}

TEST(InfluencePaths, RoleWeightingMakesTheRouteThroughChairsShortest) {
  // Under roles: s-a-t costs member 1 + body link 1 = 2; s-e-q-t costs vice-chair 0.75 + chair 0.5
  // + chair 0.5 = 1.75; s-c-d-t costs 1 + 1 + 1 = 3. Counting hops, s-a-t (2) wins.
  three_routes o;
  influence_options roles{3, influence_weighting::roles};
  const auto paths = orgraph::influence_paths(o.m, o.s, o.t, today, roles);
  ASSERT_EQ(paths.size(), 3U);
  EXPECT_EQ(vertices_of(paths),
            (std::vector<std::vector<vertex>>{{o.s, o.e, o.q, o.t}, {o.s, o.a, o.t}, {o.s, o.c, o.d, o.t}}));
  EXPECT_EQ(paths[0].length, 1.75);
  EXPECT_EQ(paths[1].length, 2.0);
  EXPECT_EQ(paths[2].length, 3.0);
  EXPECT_EQ(orgraph::influence_paths(o.m, o.s, o.t, today)[0].vertices, (std::vector<vertex>{o.s, o.a, o.t}));
}

TEST(InfluencePaths, ObserverCarriesLeast) {
  org o;
  const auto a = o.body("a");
  const auto t = o.body("t");
  const auto s = o.person("s");
  o.sits(s, a, "Observer");
  o.reports(a, t);
  EXPECT_EQ(orgraph::rank_of_role("Observer (non-voting)"), orgraph::role_rank::observer);
  EXPECT_EQ(orgraph::rank_of_role("Deputy Chair"), orgraph::role_rank::vice_chair);
  EXPECT_EQ(orgraph::rank_of_role("Chair, West Essex"), orgraph::role_rank::chair);
  EXPECT_EQ(orgraph::rank_of_role(""), orgraph::role_rank::member);
  EXPECT_EQ(orgraph::influence_paths(o.m, s, t, today, {1, influence_weighting::roles})[0].length, 3.0);
}

TEST(InfluenceReach, EveryBodyWithItsDistanceNearestFirst) {
  // From s in three_routes: a, e, c at 1 (sits on them); t at 2 (a reports to t); d at 2 (via c).
  // Ties keep the order bodies were added: t before d. An unconnected body z is not listed.
  three_routes o;
  const auto z = o.body("z");
  (void)z;
  const auto reach = orgraph::influence_reach(o.m, o.s, today);
  std::vector<std::pair<vertex, double>> got;
  for (const auto& r : reach)
    got.emplace_back(r.body, r.distance);
  EXPECT_EQ(got, (std::vector<std::pair<vertex, double>>{{o.a, 1}, {o.e, 1}, {o.c, 1}, {o.t, 2}, {o.d, 2}}));
  EXPECT_EQ(reach[3].hops, 2U);

  // Weighted: e at 0.75; a, c at 1; t at min(1 + 1, 0.75 + 0.5 + 0.5) = 1.75 in 3 hops; d at 2.
  const auto weighted = orgraph::influence_reach(o.m, o.s, today, {1, influence_weighting::roles});
  got.clear();
  for (const auto& r : weighted)
    got.emplace_back(r.body, r.distance);
  EXPECT_EQ(got, (std::vector<std::pair<vertex, double>>{{o.e, 0.75}, {o.a, 1}, {o.c, 1}, {o.t, 1.75}, {o.d, 2}}));
  EXPECT_EQ(weighted[3].hops, 3U);

  // From a body, the body itself is left out.
  const auto from_a = orgraph::influence_reach(o.m, o.a, today);
  ASSERT_EQ(from_a.size(), 4U); // t 1; e, c 2 via s; d 3
  EXPECT_EQ(from_a[0].body, o.t);
}

TEST(DoubleLinkingAudit, UnlinkedSingleAndDoubleLinked) {
  org o;
  const auto top = o.body("top");
  const auto one = o.body("one");
  const auto two = o.body("two");
  const auto three = o.body("three", top); // reports through its parent only
  const auto p = o.person("p");
  const auto q = o.person("q");
  const auto r = o.person("r");
  o.reports(one, top);
  o.reports(two, top);
  for (auto x : {p, q, r})
    o.sits(x, top);
  o.sits(p, two);
  o.sits(r, three);
  o.sits(q, three);
  o.sits(p, three, "member", nullptr, "2011-01-31"); // gone by today
  const auto audit = orgraph::double_linking_audit(o.m, today);
  ASSERT_EQ(audit.size(), 3U);
  EXPECT_EQ(audit[0].body, one);
  EXPECT_EQ(audit[0].above, top);
  EXPECT_EQ(audit[0].level, link_level::unlinked);
  EXPECT_EQ(audit[1].body, two);
  EXPECT_EQ(audit[1].linking, (std::vector<vertex>{p}));
  EXPECT_EQ(audit[1].level, link_level::single_linked);
  EXPECT_EQ(audit[2].body, three);
  EXPECT_EQ(audit[2].via, orgraph::reporting_via::parent);
  EXPECT_EQ(audit[2].linking, (std::vector<vertex>{r, q}));
  EXPECT_EQ(audit[2].level, link_level::double_linked);
  EXPECT_EQ(orgraph::to_string(audit[2].level), "double_linked");
  EXPECT_EQ(orgraph::double_linking_audit(o.m, on("2011-01-31"))[2].linking.size(), 3U);
}

TEST(InfluencePaths, EndsMustBeAPersonOrBodyAndABody) {
  org o;
  const auto a = o.body("a");
  const auto p = o.person("p");
  const auto area = o.m.add_area("area", "area");
  EXPECT_THROW((void)orgraph::influence_paths(o.m, a, p, today), orgraph::model_error);
  EXPECT_THROW((void)orgraph::influence_paths(o.m, area, a, today), orgraph::model_error);
  EXPECT_THROW((void)orgraph::independent_channels(o.m, a, a, today), orgraph::model_error);
  EXPECT_THROW((void)orgraph::influence_reach(o.m, area, today), orgraph::model_error);
}
