#include <orgraph/query/governance.hpp>

#include "seed_models.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using orgraph::relation_type;
using seed::d;
using seed::from;

namespace {

std::vector<std::string> ids(const orgraph::model& m, const std::vector<orgraph::vertex>& vs) {
  std::vector<std::string> out;
  for (auto v : vs)
    out.push_back(std::string(m[v].id));
  return out;
}

} // namespace

TEST(Lineage, TrustBoardThenCommissioningAndDeliveryBoardFromEitherEnd) {
  const auto m = seed::west_essex_2011();
  const std::vector<std::string> expected{"org-ctb", "org-ccdb"};
  EXPECT_EQ(ids(m, orgraph::lineage(m, m.at("org-ctb"))), expected);
  EXPECT_EQ(ids(m, orgraph::lineage(m, m.at("org-ccdb"))), expected);
  EXPECT_EQ(ids(m, orgraph::lineage(m, m.at("org-bmg"))), (std::vector<std::string>{"org-bmg"}));
}

TEST(Lineage, ThreeGenerationsFromTheMiddleAndACycleStops) {
  orgraph::model m;
  const auto a = m.add_organization("a", "A");
  const auto c = m.add_organization("c", "C"); // added before b: order comes from the links, not the ids
  const auto b = m.add_organization("b", "B");
  m.add_relation(b, c, seed::rel(relation_type::replaced_by, from(2012, 1, 1)));
  m.add_relation(a, b, seed::rel(relation_type::replaced_by, from(2011, 1, 1)));
  EXPECT_EQ(ids(m, orgraph::lineage(m, b)), (std::vector<std::string>{"a", "b", "c"}));
  m.add_relation(c, a, seed::rel(relation_type::replaced_by, from(2013, 1, 1)));
  const auto looped = orgraph::lineage(m, b);
  EXPECT_EQ(looped.size(), 3u); // each body once
}

TEST(Lineage, SplitFollowsTheReplacementThatTookEffectFirst) {
  orgraph::model m;
  const auto old = m.add_organization("old", "Old");
  const auto late = m.add_organization("late", "Late");
  const auto early = m.add_organization("early", "Early");
  m.add_relation(old, late, seed::rel(relation_type::replaced_by, from(2012, 1, 1)));
  m.add_relation(old, early, seed::rel(relation_type::replaced_by, from(2011, 6, 1)));
  EXPECT_EQ(ids(m, orgraph::lineage(m, old)), (std::vector<std::string>{"old", "early"}));
}

TEST(SuccessorOn, RenamedOnTheQueryDateAnswersWithTheNewBody) {
  const auto m = seed::west_essex_2011();
  const auto ctb = m.at("org-ctb");
  const auto on_the_day = orgraph::successor_on(m, ctb, d(2011, 1, 1));
  EXPECT_TRUE(on_the_day.resolved());
  EXPECT_EQ(on_the_day.requested, ctb);
  EXPECT_EQ(on_the_day.body, m.at("org-ccdb"));
  EXPECT_EQ(on_the_day.replaced, (std::vector<orgraph::vertex>{ctb}));

  const auto day_before = orgraph::successor_on(m, ctb, d(2010, 12, 31));
  EXPECT_FALSE(day_before.resolved());
  EXPECT_EQ(day_before.body, ctb);
  EXPECT_TRUE(day_before.replaced.empty());
}

TEST(SuccessorOn, OnlyForwardsAndThroughSeveralRenamings) {
  orgraph::model m;
  const auto a = m.add_organization("a", "A");
  const auto b = m.add_organization("b", "B");
  const auto c = m.add_organization("c", "C");
  m.add_relation(a, b, seed::rel(relation_type::replaced_by, from(2011, 1, 1)));
  m.add_relation(b, c, seed::rel(relation_type::replaced_by, from(2012, 1, 1)));
  EXPECT_EQ(orgraph::successor_on(m, a, d(2011, 6, 1)).body, b);
  const auto both = orgraph::successor_on(m, a, d(2012, 1, 1));
  EXPECT_EQ(both.body, c);
  EXPECT_EQ(both.replaced, (std::vector<orgraph::vertex>{a, b}));
  EXPECT_EQ(orgraph::successor_on(m, c, d(2010, 1, 1)).body, c); // never backwards
}

TEST(SuccessorOn, ReplacementDateFallsBackToTheSuccessorsFoundingThenThePredecessorsEnd) {
  orgraph::model m;
  const auto a = m.add_organization("a", "A");
  const auto b = m.add_organization("b", "B", "", orgraph::no_vertex, from(2011, 3, 1));
  const auto ab = m.add_relation(a, b, seed::rel(relation_type::replaced_by));
  EXPECT_EQ(orgraph::replacement_date(m, ab), d(2011, 3, 1));
  EXPECT_EQ(orgraph::successor_on(m, a, d(2011, 2, 28)).body, a);
  EXPECT_EQ(orgraph::successor_on(m, a, d(2011, 3, 1)).body, b);

  const auto x = m.add_organization("x", "X", "", orgraph::no_vertex, seed::between(2009, 1, 1, 2010, 6, 30));
  const auto y = m.add_organization("y", "Y");
  const auto xy = m.add_relation(x, y, seed::rel(relation_type::replaced_by));
  EXPECT_EQ(orgraph::replacement_date(m, xy), d(2010, 7, 1));

  const auto p = m.add_organization("p", "P");
  const auto q = m.add_organization("q", "Q");
  EXPECT_EQ(orgraph::replacement_date(m, m.add_relation(p, q, seed::rel(relation_type::replaced_by))),
            orgraph::date::min());
}

TEST(ActiveBodies, RenamingAndTimeLimitedGroups) {
  const auto m = seed::west_essex_2011();
  EXPECT_EQ(ids(m, orgraph::active_bodies(m, d(2010, 12, 31))),
            (std::vector<std::string>{"org-ecc", "org-cabinet", "org-ctb", "org-dcp-epping", "org-dcp-harlow",
                                      "org-dcp-uttlesford", "org-review"}));
  EXPECT_EQ(ids(m, orgraph::active_bodies(m, d(2011, 1, 1))),
            (std::vector<std::string>{"org-ecc", "org-cabinet", "org-ccdb", "org-dcp-epping", "org-dcp-harlow",
                                      "org-dcp-uttlesford", "org-review"}));
  EXPECT_EQ(ids(m, orgraph::active_bodies(m, d(2011, 4, 14))),
            (std::vector<std::string>{"org-ecc", "org-cabinet", "org-ccdb", "org-dcp-epping", "org-dcp-harlow",
                                      "org-dcp-uttlesford", "org-bmg", "org-tfg"}));
  EXPECT_TRUE(orgraph::in_force(m, m.at("org-tfg"), d(2011, 7, 31)));
  EXPECT_FALSE(orgraph::in_force(m, m.at("org-tfg"), d(2011, 8, 1)));
  EXPECT_FALSE(orgraph::in_force(m, m.at("p-wagland"), d(2011, 4, 14))); // a person is no body
}

TEST(Expiring, TaskAndFinishGroupWithinItsWindowEndsIncluded) {
  const auto m = seed::west_essex_2011();
  const auto tfg = m.at("org-tfg");
  EXPECT_EQ(orgraph::expiring(m, 30, d(2011, 7, 1)), (std::vector<orgraph::expiring_body>{{tfg, d(2011, 7, 31), 30}}));
  EXPECT_TRUE(orgraph::expiring(m, 29, d(2011, 7, 1)).empty());
  EXPECT_EQ(orgraph::expiring(m, 0, d(2011, 7, 31)), (std::vector<orgraph::expiring_body>{{tfg, d(2011, 7, 31), 0}}));
  EXPECT_TRUE(orgraph::expiring(m, 30, d(2011, 8, 1)).empty()); // already dissolved
}

TEST(Expiring, SoonestFirst) {
  const auto m = seed::west_essex_2011();
  // On 2011-01-15 the review subgroup ends on 31 January; the task-and-finish group does not exist yet.
  EXPECT_EQ(orgraph::expiring(m, 365, d(2011, 1, 15)),
            (std::vector<orgraph::expiring_body>{{m.at("org-review"), d(2011, 1, 31), 16}}));
  orgraph::model two;
  const auto later =
      two.add_organization("later", "Later", "", orgraph::no_vertex, seed::between(2011, 1, 1, 2011, 3, 1));
  const auto sooner =
      two.add_organization("sooner", "Sooner", "", orgraph::no_vertex, seed::between(2011, 1, 1, 2011, 2, 1));
  const auto found = orgraph::expiring(two, 90, d(2011, 1, 10));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].body, sooner);
  EXPECT_EQ(found[1].body, later);
}
