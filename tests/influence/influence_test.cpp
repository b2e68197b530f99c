// The influence queries on small graphs whose answers are worked out by hand in the comments.

#include <orgraph/analysis/influence.hpp>
#include <orgraph/error.hpp>
#include <orgraph/model/model.hpp>

#include <gtest/gtest.h>

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

date on(const char* text) { return orgraph::parse_date(text); }

std::optional<orgraph::partial_date> maybe(const char* text) {
  if (text == nullptr)
    return std::nullopt;
  return orgraph::parse_partial_date(text);
}

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
