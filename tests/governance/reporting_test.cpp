#include <orgraph/query/governance.hpp>

#include "seed_models.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using orgraph::no_vertex;
using orgraph::relation_type;
using orgraph::reporting_via;
using seed::d;

namespace {

// "id(via)" for each step, e.g. "org-ccdb(reports_to)".
std::vector<std::string> line_of(const orgraph::model& m, const std::vector<orgraph::reporting_step>& line) {
  std::vector<std::string> out;
  for (const auto& s : line)
    out.push_back(std::string(m[s.body].id) + "(" + std::string(orgraph::to_string(s.via)) + ")");
  return out;
}

std::vector<std::string> sub_ids(const orgraph::model& m, const std::vector<orgraph::sub_body>& subs) {
  std::vector<std::string> out;
  for (const auto& s : subs)
    out.push_back(std::string(m[s.body].id) + "@" + std::to_string(s.depth));
  return out;
}

} // namespace

TEST(ReportingLine, PartnershipReportsToTheBoardThenTheCouncil) {
  const auto m = seed::west_essex_2011();
  for (const char* dcp : {"org-dcp-epping", "org-dcp-harlow", "org-dcp-uttlesford"}) {
    const auto line = orgraph::reporting_line(m, m.at(dcp), d(2010, 6, 1));
    EXPECT_EQ(line_of(m, line), (std::vector<std::string>{"org-ctb(reports_to)", "org-ecc(parent)"})) << dcp;
    ASSERT_EQ(line.size(), 2u);
    ASSERT_TRUE(line[0].edge);
    EXPECT_EQ(source(*line[0].edge, m.graph()), m.at(dcp));
    EXPECT_FALSE(line[1].edge);
  }
}

TEST(ReportingLine, RelationToTheOldNameLeadsToTheRenamedBoard) {
  const auto m = seed::west_essex_2011();
  const auto line = orgraph::reporting_line(m, m.at("org-dcp-harlow"), d(2011, 1, 1)); // the renaming day
  EXPECT_EQ(line_of(m, line), (std::vector<std::string>{"org-ccdb(reports_to)", "org-ecc(parent)"}));
  ASSERT_EQ(line.size(), 2u);
  EXPECT_EQ(line[0].replaced, m.at("org-ctb"));
  EXPECT_EQ(line[1].replaced, no_vertex);
  // The day before, the old board.
  const auto before = orgraph::reporting_line(m, m.at("org-dcp-harlow"), d(2010, 12, 31));
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(before[0].body, m.at("org-ctb"));
  EXPECT_EQ(before[0].replaced, no_vertex);
}

TEST(ReportingLine, ParentOfAReplacedBodyIsItsSuccessor) {
  const auto m = seed::west_essex_2011();
  const auto line = orgraph::reporting_line(m, m.at("org-review"), d(2011, 1, 15));
  EXPECT_EQ(line_of(m, line), (std::vector<std::string>{"org-ccdb(parent)", "org-ecc(parent)"}));
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line[0].replaced, m.at("org-ctb"));
}

TEST(ReportingLine, RecommendsToIsNotAReportingLine) {
  const auto m = seed::west_essex_2011();
  // The new board recommends to the Cabinet, but reports (through its parent) to the council.
  EXPECT_EQ(line_of(m, orgraph::reporting_line(m, m.at("org-ccdb"), d(2011, 4, 14))),
            (std::vector<std::string>{"org-ecc(parent)"}));
  EXPECT_EQ(line_of(m, orgraph::reporting_line(m, m.at("org-tfg"), d(2011, 4, 14))),
            (std::vector<std::string>{"org-ccdb(parent)", "org-ecc(parent)"}));
}

TEST(ReportingLine, ReportsToInForceWinsOverParentAndParentReturnsWhenItEnds) {
  orgraph::model m;
  const auto top = m.add_organization("top", "Top");
  const auto dept = m.add_organization("dept", "Department", "", top);
  const auto board = m.add_organization("board", "Board", "board");
  const auto team = m.add_organization("team", "Team", "team", dept);
  m.add_relation(team, board, seed::rel(relation_type::reports_to, seed::between(2010, 1, 1, 2010, 12, 31)));
  EXPECT_EQ(line_of(m, orgraph::reporting_line(m, team, d(2010, 12, 31))),
            (std::vector<std::string>{"board(reports_to)"}));
  EXPECT_EQ(line_of(m, orgraph::reporting_line(m, team, d(2011, 1, 1))),
            (std::vector<std::string>{"dept(parent)", "top(parent)"}));
}

TEST(ReportingLine, StopsBeforeACycleRepeats) {
  orgraph::model m;
  const auto a = m.add_organization("a", "A");
  const auto b = m.add_organization("b", "B");
  const auto c = m.add_organization("c", "C");
  m.add_relation(a, b, seed::rel(relation_type::reports_to));
  m.add_relation(b, c, seed::rel(relation_type::reports_to));
  m.add_relation(c, a, seed::rel(relation_type::reports_to));
  EXPECT_EQ(line_of(m, orgraph::reporting_line(m, a, d(2010, 1, 1))),
            (std::vector<std::string>{"b(reports_to)", "c(reports_to)"}));
  EXPECT_TRUE(orgraph::reporting_line(m, m.add_organization("lone", "Lone"), d(2010, 1, 1)).empty());
}

TEST(SubBodies, DirectlyUnderTheRenamedBoard) {
  const auto m = seed::west_essex_2011();
  const auto subs = orgraph::sub_bodies(m, m.at("org-ccdb"), d(2011, 4, 14), true);
  EXPECT_EQ(sub_ids(m, subs), (std::vector<std::string>{"org-dcp-epping@1", "org-dcp-harlow@1", "org-dcp-uttlesford@1",
                                                        "org-bmg@1", "org-tfg@1"}));
  ASSERT_EQ(subs.size(), 5u);
  EXPECT_EQ(subs[0].above.via, reporting_via::reports_to);
  EXPECT_EQ(subs[0].above.replaced, m.at("org-ctb"));
  EXPECT_EQ(subs[3].above.via, reporting_via::parent);
}

TEST(SubBodies, AllLevelsBreadthFirst) {
  const auto m = seed::west_essex_2011();
  EXPECT_EQ(sub_ids(m, orgraph::sub_bodies(m, m.at("org-ecc"), d(2011, 4, 14))),
            (std::vector<std::string>{"org-cabinet@1", "org-ccdb@1", "org-dcp-epping@2", "org-dcp-harlow@2",
                                      "org-dcp-uttlesford@2", "org-bmg@2", "org-tfg@2"}));
  EXPECT_EQ(sub_ids(m, orgraph::sub_bodies(m, m.at("org-ecc"), d(2011, 4, 14), true)),
            (std::vector<std::string>{"org-cabinet@1", "org-ccdb@1"}));
  // Before the review: the old board, its partnerships and the review subgroup (from 2010-10-01).
  EXPECT_EQ(sub_ids(m, orgraph::sub_bodies(m, m.at("org-ctb"), d(2010, 11, 1))),
            (std::vector<std::string>{"org-dcp-epping@1", "org-dcp-harlow@1", "org-dcp-uttlesford@1", "org-review@1"}));
}
