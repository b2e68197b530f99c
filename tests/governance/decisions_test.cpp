#include <orgraph/query/decisions.hpp>

#include "seed_models.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using orgraph::outcome;
using seed::d;

namespace {

std::vector<std::string> decision_ids(const orgraph::model& m, const std::vector<orgraph::decision_index>& v) {
  std::vector<std::string> out;
  for (auto i : v)
    out.push_back(m.decisions()[i].id);
  return out;
}

orgraph::decision_index at(const orgraph::model& m, const char* id) { return *m.find_decision(id); }

} // namespace

TEST(DecisionRoute, FourBusinessDesignGroupsThroughTheCountyGroupToCabinet) {
  const auto m = seed::essex_2009();
  const auto route = orgraph::decision_route(m, at(m, "d-cabinet"));
  // Group 4 recommended first (3 Nov); groups 1-3 on 10 Nov in the order added; the County group
  // on 24 Nov; the Cabinet decides on 8 Dec.
  EXPECT_EQ(decision_ids(m, route.steps),
            (std::vector<std::string>{"d-bd4", "d-bd1", "d-bd2", "d-bd3", "d-cbd", "d-cabinet"}));
  ASSERT_TRUE(route.final_decision);
  EXPECT_EQ(*route.final_decision, at(m, "d-cabinet"));
  EXPECT_EQ(m.decisions()[*route.final_decision].date, d(2009, 12, 8));
  EXPECT_FALSE(route.open);
  EXPECT_EQ(route.awaiting, orgraph::no_vertex);
}

TEST(DecisionRoute, SameRouteWhicheverDecisionIsAskedAbout) {
  const auto m = seed::essex_2009();
  const auto expected = orgraph::decision_route(m, at(m, "d-cabinet"));
  for (const char* id : {"d-bd1", "d-bd2", "d-bd3", "d-bd4", "d-cbd"})
    EXPECT_EQ(orgraph::decision_route(m, at(m, id)), expected) << id;
}

TEST(DecisionRoute, RecommendationWithNoFinalDecisionYetIsOpen) {
  const auto m = seed::essex_2009();
  // The Board recommended the Locality Review proposals; the Cabinet has not decided them yet.
  const auto route = orgraph::decision_route(m, at(m, "d-ctb-locality"));
  EXPECT_EQ(decision_ids(m, route.steps), (std::vector<std::string>{"d-ctb-locality"}));
  EXPECT_TRUE(route.open);
  EXPECT_FALSE(route.final_decision);
  EXPECT_EQ(route.awaiting, m.at("org-cabinet"));
}

TEST(DecisionRoute, OpenRouteClosesWhenTheRecipientDecidesTheSameSubject) {
  auto m = seed::essex_2009();
  const auto later = m.add_decision(
      {"d-cabinet-locality", "locality review PROPOSALS", m.at("org-cabinet"), d(2010, 1, 12), outcome::approved});
  const auto route = orgraph::decision_route(m, at(m, "d-ctb-locality"));
  EXPECT_EQ(decision_ids(m, route.steps), (std::vector<std::string>{"d-ctb-locality", "d-cabinet-locality"}));
  EXPECT_FALSE(route.open);
  EXPECT_EQ(route.final_decision, later);
}

TEST(DecisionRoute, ApprovedByTheBoardItselfIsARouteOfOne) {
  const auto m = seed::essex_2009();
  const auto route = orgraph::decision_route(m, at(m, "d-ctb-governance"));
  EXPECT_EQ(decision_ids(m, route.steps), (std::vector<std::string>{"d-ctb-governance"}));
  EXPECT_EQ(route.final_decision, at(m, "d-ctb-governance"));
  EXPECT_FALSE(route.open);
}

TEST(DecisionRoute, DeferredAwaitsTheDeferringBodyNotedIsNeither) {
  orgraph::model m;
  const auto a = m.add_organization("a", "A");
  const auto b = m.add_organization("b", "B");
  const auto r = m.add_decision({"r", "S", a, d(2010, 1, 1), outcome::recommended, b});
  const auto deferred = m.add_decision({"x", "S", b, d(2010, 2, 1), outcome::deferred, orgraph::no_vertex, r});
  auto route = orgraph::decision_route(m, r);
  EXPECT_TRUE(route.open);
  EXPECT_EQ(route.awaiting, b);
  m.add_decision({"n", "S", b, d(2010, 3, 1), outcome::noted, orgraph::no_vertex, deferred});
  route = orgraph::decision_route(m, r);
  EXPECT_EQ(route.steps.size(), 3u);
  EXPECT_FALSE(route.open);
  EXPECT_FALSE(route.final_decision);
}

TEST(DecisionRoute, RecommendationIsNotJoinedToAnEarlierDecisionOrAnotherBody) {
  orgraph::model m;
  const auto a = m.add_organization("a", "A");
  const auto b = m.add_organization("b", "B");
  const auto c = m.add_organization("c", "C");
  m.add_decision({"early", "S", b, d(2010, 1, 1), outcome::decided});
  m.add_decision({"other", "S", c, d(2010, 3, 1), outcome::decided});
  const auto r = m.add_decision({"r", "S", a, d(2010, 2, 1), outcome::recommended, b});
  EXPECT_EQ(decision_ids(m, orgraph::decision_route(m, r).steps), (std::vector<std::string>{"r"}));
}

TEST(DecisionRoute, UnknownIndexGivesAnEmptyRoute) {
  const auto m = seed::essex_2009();
  EXPECT_TRUE(orgraph::decision_route(m, orgraph::no_decision).steps.empty());
}

TEST(DecisionsBy, ABodyInAPeriodEndsIncluded) {
  const auto m = seed::essex_2009();
  EXPECT_EQ(decision_ids(m, orgraph::decisions_by(m, m.at("org-ctb-essex"), d(2009, 10, 1), d(2009, 10, 31))),
            (std::vector<std::string>{"d-ctb-governance", "d-ctb-locality"}));
  EXPECT_TRUE(orgraph::decisions_by(m, m.at("org-cabinet"), d(2009, 1, 1), d(2009, 12, 7)).empty());
  EXPECT_EQ(decision_ids(m, orgraph::decisions_by(m, m.at("org-cabinet"), d(2009, 12, 8), d(2009, 12, 8))),
            (std::vector<std::string>{"d-cabinet"}));
}

TEST(BodiesWithoutDecisions, BusinessDesignGroupsOnlyRecommended) {
  const auto m = seed::essex_2009();
  const auto found = orgraph::bodies_without_decisions(m, d(2009, 1, 1), d(2009, 12, 31));
  std::vector<std::string> bodies;
  for (const auto& b : found)
    bodies.push_back(std::string(m[b.body].id));
  // The Board approved its governance arrangements and the Cabinet decided: neither is listed.
  EXPECT_EQ(bodies, (std::vector<std::string>{"org-cbd", "org-bd1", "org-bd2", "org-bd3", "org-bd4"}));
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(decision_ids(m, found[0].decisions), (std::vector<std::string>{"d-cbd"}));
}

TEST(BodiesWithoutDecisions, WestEssexBoardTookNoRealDecisions) {
  const auto m = seed::west_essex_2011();
  const auto before = orgraph::bodies_without_decisions(m, d(2009, 4, 1), d(2010, 12, 31));
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].body, m.at("org-ctb"));
  EXPECT_EQ(decision_ids(m, before[0].decisions), (std::vector<std::string>{"d-ctb-needs", "d-ctb-priorities"}));
  // The renamed board approves the review's proposals.
  EXPECT_TRUE(orgraph::bodies_without_decisions(m, d(2011, 1, 1), d(2011, 4, 14)).empty());
  // A period with no records names nobody.
  EXPECT_TRUE(orgraph::bodies_without_decisions(m, d(2008, 1, 1), d(2008, 12, 31)).empty());
}
