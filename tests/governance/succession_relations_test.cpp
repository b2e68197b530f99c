#include <orgraph/orgraph.hpp>

#include <gtest/gtest.h>

#include <string>

using namespace orgraph;

// A board renamed twice (old → new on 2011-04-14 → newest on 2012-01-01) whose reports_to and
// incoming recommendation are still recorded on the old id, as tests/data/cli/renamed.json has it.
namespace {
model renamed() { return load_json(std::string(ORGRAPH_TEST_DATA) + "/cli/renamed.json"); }
} // namespace

TEST(ReportingLine, SuccessorCarriesOnThePredecessorsReportsTo) {
  const model m = renamed();
  // Worked by hand: on 2011-06-01 dcp reports to old-board, read as new-board, and new-board has no
  // reports_to of its own, so old-board's reports_to centre carries on.
  const auto line = reporting_line(m, m.at("dcp"), date::from_ymd(2011, 6, 1));
  ASSERT_EQ(line.size(), 2u);
  EXPECT_EQ(line[0].body, m.at("new-board"));
  EXPECT_EQ(line[0].replaced, m.at("old-board"));
  EXPECT_EQ(line[1].body, m.at("centre"));
  EXPECT_EQ(line[1].via, reporting_via::reports_to);
  // After the second renaming the newest board carries it on too.
  const auto later = reporting_line(m, m.at("dcp"), date::from_ymd(2012, 6, 1));
  ASSERT_EQ(later.size(), 2u);
  EXPECT_EQ(later[0].body, m.at("newest-board"));
  EXPECT_EQ(later[1].body, m.at("centre"));
  // Before the renaming nothing changes.
  const auto before = reporting_line(m, m.at("dcp"), date::from_ymd(2011, 1, 1));
  ASSERT_EQ(before.size(), 2u);
  EXPECT_EQ(before[0].body, m.at("old-board"));
}

TEST(DecisionRoute, OpenRecommendationAwaitsTheSuccessorInForce) {
  const model m = renamed();
  const auto d = m.find_decision("d-dcp-plan");
  ASSERT_TRUE(d);
  EXPECT_EQ(decision_route(m, *d, date::from_ymd(2011, 3, 1)).awaiting, m.at("old-board"));
  EXPECT_EQ(decision_route(m, *d, date::from_ymd(2011, 4, 14)).awaiting, m.at("new-board"));
  EXPECT_EQ(decision_route(m, *d, date::from_ymd(2012, 1, 1)).awaiting, m.at("newest-board"));
  EXPECT_TRUE(decision_route(m, *d, date::from_ymd(2012, 1, 1)).open);
}
