// statistics(), dates_named() and last_day_in_force(): the 2009 example counted by hand (docs/cli.md),
// and small models where each rule shows.

#include <orgraph/analysis/stats.hpp>
#include <orgraph/io/json.hpp>

#include "../common/builders.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace orgraph;
using orgraph::test::on;

namespace {

const model& essex() {
  static const model m =
      load_json(std::filesystem::path(ORGRAPH_SOURCE_DIR) / "examples" / "essex_2009" / "essex_2009.json");
  return m;
}

} // namespace

TEST(Statistics, EssexDuringTheSecondmentAsCountedByHand) {
  const model& m = essex();
  const model_statistics s = statistics(snapshot(m, on("2009-11-02")));
  EXPECT_EQ(s.nodes(node_kind::person), 15u);
  EXPECT_EQ(s.nodes(node_kind::post), 8u);
  EXPECT_EQ(s.nodes(node_kind::organization), 27u);
  EXPECT_EQ(s.nodes(node_kind::area), 17u);
  EXPECT_EQ(s.relations(relation_type::manages), 17u);
  EXPECT_EQ(s.relations(relation_type::supervises), 3u);
  EXPECT_EQ(s.relations(relation_type::covers), 14u);
  EXPECT_EQ(s.relations(relation_type::member_of), 8u);
  ASSERT_TRUE(s.dates);
  EXPECT_EQ(s.dates->earliest, on("2009-10-02"));
  EXPECT_EQ(s.dates->latest, on("2010-03-31"));
  EXPECT_EQ(s.deepest, m.at("practitioner-a"));
  EXPECT_EQ(s.deepest_levels(), 2u);
  EXPECT_EQ(s.deepest_managers, 2u);
  EXPECT_EQ(s.widest, m.at("head-provider-services"));
  EXPECT_EQ(s.widest_span, 5u);
  EXPECT_EQ(s.largest_body, m.at("tascc-harlow"));
  EXPECT_EQ(s.largest_body_size, 4u);
  EXPECT_EQ(s.roots, 2u); // the Director for Commissioning manages the seconded TASCC manager
}

TEST(Statistics, EssexTheDayBeforeHasOneRoot) { EXPECT_EQ(statistics(snapshot(essex(), on("2009-11-01"))).roots, 1u); }

TEST(Statistics, AVacantPostPassedIsALevelAndARoot) {
  orgraph::test::relation_builder b;
  model& m = b.m;
  const vertex top = m.add_person("top", "Top");
  const vertex post_top = m.add_post("post-top", "Top Post");
  const vertex gap = m.add_post("post-gap", "Vacant Manager");
  const vertex worker = m.add_person("worker", "Worker");
  b.holds(top, post_top);
  b.manages(post_top, gap);
  b.manages(gap, worker);
  const model_statistics s = statistics(snapshot(m, on("2020-01-01")));
  EXPECT_EQ(s.deepest, worker);
  EXPECT_EQ(s.deepest_managers, 1u);
  EXPECT_EQ(s.deepest_vacant_posts, 1u);
  EXPECT_EQ(s.roots, 1u); // top; the vacant post has a manager
  // The vacant post and the worker under it: the worker's line manager is top, passing the vacancy.
  EXPECT_EQ(s.widest, top);
  EXPECT_EQ(s.widest_span, 2u);
  EXPECT_FALSE(s.dates);
  EXPECT_EQ(s.largest_body, no_vertex);
}

TEST(Statistics, AManagementCycleGoesRoundOnce) {
  orgraph::test::relation_builder b;
  const vertex a = b.m.add_person("a", "A");
  const vertex c = b.m.add_person("c", "C");
  b.manages(a, c);
  b.manages(c, a);
  const model_statistics s = statistics(snapshot(b.m, on("2020-01-01")));
  EXPECT_EQ(s.deepest_levels(), 1u);
  EXPECT_EQ(s.roots, 0u);
}

TEST(DatesNamed, TakeEveryRelationLifetimeAndDecision) {
  orgraph::test::relation_builder b;
  const vertex a = b.m.add_person("a", "A");
  const vertex c = b.m.add_person("c", "C");
  EXPECT_FALSE(last_day_in_force(b.m));
  b.manages(a, c, "2001-02", "2003");
  const auto span = dates_named(b.m);
  ASSERT_TRUE(span);
  EXPECT_EQ(span->earliest, on("2001-02-01"));
  EXPECT_EQ(span->latest, on("2003-12-31"));
  EXPECT_EQ(last_day_in_force(b.m), on("2003-12-31"));
  b.manages(c, a, "2002");
  EXPECT_EQ(last_day_in_force(b.m), date::max()); // one has no end
  EXPECT_EQ(dates_named(b.m)->latest, on("2003-12-31"));
}
