#include <orgraph/query/governance.hpp>

#include "seed_models.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using orgraph::relation_type;
using seed::d;

namespace {

// "body@area:status" for each answer.
std::vector<std::string> described(const orgraph::model& m, const std::vector<orgraph::coverage>& cs) {
  std::vector<std::string> out;
  for (const auto& c : cs)
    out.push_back(std::string(m[c.body].id) + "@" + std::string(m[c.area].id) +
                  (c.status.empty() ? "" : ":" + c.status));
  return out;
}

std::vector<std::string> ids(const orgraph::model& m, const std::vector<orgraph::vertex>& vs) {
  std::vector<std::string> out;
  for (auto v : vs)
    out.push_back(std::string(m[v].id));
  return out;
}

} // namespace

TEST(Covering, BasildonHasItsTasccAMaagPilotAndCountyCore) {
  const auto m = seed::essex_2009();
  EXPECT_EQ(described(m, orgraph::covering(m, m.at("area-basildon"), d(2009, 10, 26))),
            (std::vector<std::string>{"org-tascc-basildon@area-basildon", "org-maag-basildon@area-basildon:pilot",
                                      "org-county-core@area-essex"}));
}

TEST(Covering, ClassificationFilterIsCaseInsensitive) {
  const auto m = seed::essex_2009();
  EXPECT_EQ(described(m, orgraph::covering(m, m.at("area-colchester"), d(2009, 10, 26), "maag")),
            (std::vector<std::string>{"org-maag-colchester@area-colchester:pilot"}));
  EXPECT_TRUE(orgraph::covering(m, m.at("area-harlow"), d(2009, 10, 26), "MAAG").empty());
  EXPECT_EQ(described(m, orgraph::covering(m, m.at("area-harlow"), d(2009, 10, 26), "TASCC")),
            (std::vector<std::string>{"org-tascc-harlow@area-harlow"}));
}

TEST(Covering, PilotNotYetInForceTheDayBefore) {
  const auto m = seed::essex_2009();
  EXPECT_TRUE(orgraph::covering(m, m.at("area-basildon"), d(2009, 8, 31), "maag").empty());
  EXPECT_EQ(orgraph::covering(m, m.at("area-basildon"), d(2009, 9, 1), "maag").size(), 1u);
}

TEST(Covering, DissolvedBodyDoesNotCoverAndReplacedBodyAnswersAsItsSuccessor) {
  orgraph::model m;
  const auto area = m.add_area("area-x", "X", "district");
  const auto gone =
      m.add_organization("gone", "Gone", "team", orgraph::no_vertex, seed::between(2009, 1, 1, 2009, 12, 31));
  const auto old = m.add_organization("old", "Old", "team");
  const auto renamed = m.add_organization("new", "New", "team");
  m.add_relation(gone, area, seed::rel(relation_type::covers));
  const auto e = m.add_relation(old, area, seed::rel(relation_type::covers));
  m.add_relation(old, renamed, seed::rel(relation_type::replaced_by, seed::from(2010, 6, 1)));
  const auto cs = orgraph::covering(m, area, d(2010, 6, 1));
  ASSERT_EQ(cs.size(), 1u);
  EXPECT_EQ(cs[0].body, renamed);
  EXPECT_EQ(cs[0].replaced, old);
  EXPECT_EQ(cs[0].edge, e);
  EXPECT_EQ(described(m, orgraph::covering(m, area, d(2009, 6, 1))),
            (std::vector<std::string>{"gone@area-x", "old@area-x"}));
}

TEST(CoverageGaps, DistrictsWithoutAMaagIn2009) {
  const auto m = seed::essex_2009();
  EXPECT_EQ(ids(m, orgraph::coverage_gaps(m, "maag", "district", d(2009, 10, 26))),
            (std::vector<std::string>{"area-braintree", "area-brentwood", "area-castle-point", "area-chelmsford",
                                      "area-epping-forest", "area-harlow", "area-maldon", "area-rochford",
                                      "area-tendring", "area-uttlesford"}));
  // Every district is still served by its TASCC, and County Core covers the whole county.
  EXPECT_TRUE(orgraph::coverage_gaps(m, "tascc", "district", d(2009, 10, 26)).empty());
  EXPECT_TRUE(orgraph::coverage_gaps(m, "county core", "district", d(2009, 10, 26)).empty());
  // Before the pilots, all twelve are gaps.
  EXPECT_EQ(orgraph::coverage_gaps(m, "maag", "district", d(2009, 8, 31)).size(), 12u);
  EXPECT_TRUE(orgraph::coverage_gaps(m, "maag", "quadrant", d(2009, 10, 26)).empty());
}
