#include <orgraph/analysis/validate.hpp>

#include "seed_models.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using orgraph::relation_type;
using seed::d;
using seed::from;

namespace {

std::vector<orgraph::finding> with_code(const orgraph::validation_report& r, const std::string& code) {
  std::vector<orgraph::finding> out;
  for (const auto* list : {&r.errors, &r.warnings})
    for (const auto& f : *list)
      if (f.code == code)
        out.push_back(f);
  return out;
}

} // namespace

TEST(GovernanceValidation, MembershipOutlastingATaskAndFinishGroup) {
  // The seed model's membership of the task-and-finish group has no end: it ends with the group (time
  // rule 4), which is normal data. One recorded as running past the group's dissolution is an error.
  auto m = seed::west_essex_2011();
  EXPECT_TRUE(with_code(orgraph::validate(m, d(2011, 4, 14)), "membership_outside_lifetime").empty());
  m.add_relation(m.at("p-wagland"), m.at("org-tfg"),
                 seed::member(orgraph::period(orgraph::parse_partial_date("2011-04-14"),
                                              orgraph::parse_partial_date("2011-12-31"))));
  const auto found = with_code(orgraph::validate(m, d(2011, 4, 14)), "membership_outside_lifetime");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, orgraph::severity::error);
  EXPECT_EQ(found[0].ids, (std::vector<std::string>{"org-tfg", "p-wagland"}));
  EXPECT_NE(found[0].message.find("2011-07-31"), std::string::npos) << found[0].message;
  EXPECT_NE(found[0].message.find("2011-12-31"), std::string::npos) << found[0].message;
  EXPECT_NE(found[0].message.find("'org-tfg'"), std::string::npos) << found[0].message;
}

TEST(GovernanceValidation, MembershipStartingBeforeTheBodyExistedButNotAnUndatedOne) {
  orgraph::model m;
  const auto b = m.add_organization("b", "Board", "board", orgraph::no_vertex, from(2011, 1, 1));
  const auto early = m.add_person("p-early", "Early");
  const auto undated = m.add_person("p-undated", "Undated");
  m.add_relation(early, b, seed::member(from(2010, 12, 31), "chair"));
  m.add_relation(undated, b, seed::member({}));
  const auto found = with_code(orgraph::validate(m, d(2011, 6, 1)), "membership_outside_lifetime");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].ids, (std::vector<std::string>{"b", "p-early"}));
}

TEST(GovernanceValidation, RelationsToTheOldBoardSuggestTheRenamedOne) {
  const auto m = seed::west_essex_2011();
  const auto found = with_code(orgraph::validate(m, d(2011, 4, 14)), "relation_to_replaced_body");
  // Three partnerships report to the old name; the council representative still sits on it.
  ASSERT_EQ(found.size(), 4u);
  std::vector<std::string> from_ids;
  for (const auto& f : found) {
    EXPECT_EQ(f.severity, orgraph::severity::warning);
    ASSERT_EQ(f.ids.size(), 3u);
    EXPECT_EQ(f.ids[1], "org-ctb");
    EXPECT_EQ(f.ids[2], "org-ccdb");
    EXPECT_NE(f.message.find("point the relation to 'org-ccdb'"), std::string::npos) << f.message;
    from_ids.push_back(f.ids[0]);
  }
  std::sort(from_ids.begin(), from_ids.end());
  EXPECT_EQ(from_ids,
            (std::vector<std::string>{"org-dcp-epping", "org-dcp-harlow", "org-dcp-uttlesford", "p-wagland"}));
  // The day before the renaming nothing is stale.
  EXPECT_TRUE(with_code(orgraph::validate(m, d(2010, 12, 31)), "relation_to_replaced_body").empty());
}

TEST(GovernanceValidation, LargeBoardBeforeTheReviewNotAfter) {
  const auto m = seed::west_essex_2011();
  const auto before = with_code(orgraph::validate(m, d(2011, 2, 1)), "board_too_large");
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].ids, (std::vector<std::string>{"org-ccdb"}));
  EXPECT_NE(before[0].message.find("22 members"), std::string::npos) << before[0].message;
  EXPECT_TRUE(with_code(orgraph::validate(m, d(2011, 4, 14)), "board_too_large").empty());

  orgraph::validation_options strict;
  strict.max_board_size = 4;
  const auto small = with_code(orgraph::validate(m, d(2011, 4, 14), strict), "board_too_large");
  ASSERT_EQ(small.size(), 1u); // 5 on the new board; the partnerships are not boards
  EXPECT_EQ(small[0].ids, (std::vector<std::string>{"org-ccdb"}));
  strict.max_board_size = 5;
  EXPECT_TRUE(with_code(orgraph::validate(m, d(2011, 4, 14), strict), "board_too_large").empty());
}

TEST(GovernanceValidation, EverySeedBoardAndPartnershipHasAChair) {
  const auto m = seed::west_essex_2011();
  EXPECT_TRUE(with_code(orgraph::validate(m, d(2011, 4, 14)), "no_chair").empty());
  EXPECT_TRUE(with_code(orgraph::validate(m, d(2010, 6, 1)), "no_chair").empty());
}

TEST(GovernanceValidation, NoChairNamesAVacantChairPost) {
  orgraph::model m;
  const auto partnership = m.add_organization("dcp", "Partnership", "District Partnership");
  const auto group = m.add_organization("grp", "Working group", "working group");
  const auto empty = m.add_organization("empty", "Empty board", "board");
  const auto post = m.add_post("post-chair", "Chair", partnership);
  const auto vice = m.add_person("p-vice", "Vice");
  m.add_relation(vice, partnership, seed::member({}, "Vice-Chair"));
  m.add_relation(vice, group, seed::member({}));
  (void)empty;
  const auto found = with_code(orgraph::validate(m, d(2011, 1, 1)), "no_chair");
  // Only the partnership: the working group is neither board nor partnership, the board has no members.
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, orgraph::severity::warning);
  EXPECT_EQ(found[0].ids, (std::vector<std::string>{"dcp", "post-chair"}));
  EXPECT_NE(found[0].message.find("vacant"), std::string::npos) << found[0].message;

  const auto chair = m.add_person("p-chair", "Chair");
  m.add_relation(chair, post, seed::rel(relation_type::holds, from(2011, 1, 1)));
  EXPECT_TRUE(with_code(orgraph::validate(m, d(2011, 1, 1)), "no_chair").empty());
  EXPECT_EQ(with_code(orgraph::validate(m, d(2010, 12, 31)), "no_chair").size(), 1u);
}

TEST(GovernanceValidation, DissolvedBodiesAreNotChecked) {
  orgraph::model m;
  const auto b = m.add_organization("b", "Board", "board", orgraph::no_vertex, seed::between(2010, 1, 1, 2010, 12, 31));
  const auto p = m.add_person("p", "P");
  m.add_relation(p, b, seed::member(seed::between(2010, 1, 1, 2010, 12, 31)));
  EXPECT_EQ(with_code(orgraph::validate(m, d(2010, 6, 1)), "no_chair").size(), 1u);
  const auto report = orgraph::validate(m, d(2011, 1, 1));
  EXPECT_TRUE(with_code(report, "no_chair").empty());
  EXPECT_TRUE(with_code(report, "membership_outside_lifetime").empty());
}
