#include <orgraph/analysis/validate.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/query/line_management.hpp>

#include "../common/builders.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using orgraph::arrangement;
using orgraph::date;
using orgraph::finding;
using orgraph::model;
using orgraph::relation;
using orgraph::relation_type;
using orgraph::severity;
using orgraph::validation_report;
using orgraph::vertex;

namespace {

using orgraph::test::on;
const date letter = on("2009-10-26");

using orgraph::test::maybe;

struct org : orgraph::test::relation_builder {

  vertex person(const char* id, std::vector<std::string> disciplines = {}) {
    return m.add_person(id, std::string("Name of ") + id, std::move(disciplines));
  }
  vertex post(const char* id) { return m.add_post(id, std::string("Label of ") + id); }
};

// Every code found, errors and warnings together, sorted.
std::vector<std::string> codes(const validation_report& r) {
  std::vector<std::string> out;
  for (const auto& f : r.errors)
    out.push_back(f.code);
  for (const auto& f : r.warnings)
    out.push_back(f.code);
  std::sort(out.begin(), out.end());
  return out;
}

// The only finding with `code`; fails the test if there is not exactly one.
finding only(const validation_report& r, const std::string& code) {
  std::vector<finding> all;
  for (const auto* list : {&r.errors, &r.warnings})
    for (const auto& f : *list)
      if (f.code == code)
        all.push_back(f);
  EXPECT_EQ(all.size(), 1u) << "findings with code " << code;
  return all.empty() ? finding{} : all.front();
}

void expect_message_names(const finding& f) {
  for (const auto& id : f.ids)
    EXPECT_NE(f.message.find(id), std::string::npos) << "'" << f.message << "' does not name " << id;
}

bool is_rotation_of(std::vector<std::string> got, const std::vector<std::string>& want) {
  if (got.size() != want.size())
    return false;
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (got == want)
      return true;
    std::rotate(got.begin(), got.begin() + 1, got.end());
  }
  return false;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// The report itself

TEST(ValidationReport, OkMeansNoErrorsWarningsAllowed) {
  validation_report r;
  EXPECT_TRUE(r.ok());
  EXPECT_FALSE(r.has("no_manager"));
  r.warnings.push_back({"no_manager", severity::warning, {"p"}, "p has no manager"});
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.has("no_manager"));
  EXPECT_FALSE(r.has("management_cycle"));
  r.errors.push_back({"management_cycle", severity::error, {"a", "b"}, "a -> b -> a"});
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.has("management_cycle"));
  EXPECT_FALSE(r.has("management"));
}

TEST(Validate, AnEmptyModelIsClean) {
  const auto r = orgraph::validate(model{}, letter);
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.errors.empty());
  EXPECT_TRUE(r.warnings.empty());
}

TEST(Validate, ACleanHierarchyHasNoFindings) {
  org o;
  const vertex head = o.person("head", {"social work"});
  const vertex post = o.post("team-manager-post");
  const vertex manager = o.person("team-manager", {"social work"});
  const vertex w = o.person("w", {"social work"});
  o.manages(head, post);
  o.holds(manager, post);
  o.manages(post, w);
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(codes(r).empty()) << ::testing::PrintToString(codes(r));
}

// ---------------------------------------------------------------------------------------------
// management_cycle

TEST(ValidateManagementCycle, TwoPeopleManagingEachOther) {
  org o;
  const vertex a = o.person("a");
  const vertex b = o.person("b");
  o.manages(a, b);
  o.manages(b, a);
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), std::vector<std::string>{"management_cycle"});
  EXPECT_FALSE(r.ok());
  const finding f = only(r, "management_cycle");
  EXPECT_EQ(f.severity, severity::error);
  EXPECT_TRUE(is_rotation_of(f.ids, {"a", "b"}));
  expect_message_names(f);
}

TEST(ValidateManagementCycle, ListsTheCycleInOrderAndNotThoseHangingOffIt) {
  org o;
  const vertex w = o.person("w"); // managed from inside the cycle but not part of it
  const vertex a = o.person("a");
  const vertex b = o.person("b");
  const vertex c = o.person("c");
  o.manages(a, w);
  o.manages(a, b); // b is managed by a,
  o.manages(b, c); // c by b,
  o.manages(c, a); // and a by c
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), std::vector<std::string>{"management_cycle"});
  const finding f = only(r, "management_cycle");
  ASSERT_EQ(f.ids.size(), 3u);
  // In cycle order: each is line-managed by the next, so a, c, b (or a rotation of it).
  EXPECT_TRUE(is_rotation_of(f.ids, {"a", "c", "b"})) << ::testing::PrintToString(f.ids);
  for (std::size_t i = 0; i < f.ids.size(); ++i) {
    const auto lm = orgraph::line_manager(o.m, o.m.at(f.ids[i]), letter);
    ASSERT_TRUE(lm && lm->manager);
    EXPECT_EQ(std::string(o.m[*lm->manager].id), f.ids[(i + 1) % f.ids.size()]);
  }
  expect_message_names(f);
  EXPECT_EQ(f.message.find("'w'"), std::string::npos) << f.message;
}

TEST(ValidateManagementCycle, ThroughThePostsTheyHold) {
  org o;
  const vertex pa = o.post("post-a");
  const vertex pb = o.post("post-b");
  const vertex a = o.person("a");
  const vertex b = o.person("b");
  o.holds(a, pa);
  o.holds(b, pb);
  o.manages(pa, pb);
  o.manages(pb, pa);
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), std::vector<std::string>{"management_cycle"});
  EXPECT_TRUE(is_rotation_of(only(r, "management_cycle").ids, {"a", "b"}));
}

TEST(ValidateManagementCycle, NoneInAChainOrOnceTheCycleHasEnded) {
  org chain;
  const vertex a = chain.person("a");
  const vertex b = chain.person("b");
  const vertex c = chain.person("c");
  chain.manages(a, b);
  chain.manages(b, c);
  EXPECT_FALSE(orgraph::validate(chain.m, letter).has("management_cycle"));

  org ended;
  const vertex x = ended.person("x");
  const vertex y = ended.person("y");
  ended.manages(x, y);
  ended.manages(y, x, nullptr, "2009-10-25");
  EXPECT_TRUE(orgraph::validate(ended.m, on("2009-10-25")).has("management_cycle"));
  const auto r = orgraph::validate(ended.m, letter);
  EXPECT_FALSE(r.has("management_cycle"));
  EXPECT_TRUE(r.ok());
}

// ---------------------------------------------------------------------------------------------
// self_management

TEST(ValidateSelfManagement, APersonManagingThemself) {
  org o;
  const vertex a = o.person("a");
  o.manages(a, a);
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), std::vector<std::string>{"self_management"});
  const finding f = only(r, "self_management");
  EXPECT_EQ(f.severity, severity::error);
  EXPECT_EQ(f.ids, std::vector<std::string>{"a"});
  expect_message_names(f);
  EXPECT_FALSE(r.ok());
}

TEST(ValidateSelfManagement, APersonManagedThroughTheirOwnPost) {
  org o;
  const vertex post = o.post("post");
  const vertex a = o.person("a");
  o.holds(a, post);
  o.manages(post, a);
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), std::vector<std::string>{"self_management"}); // not also a cycle
  EXPECT_EQ(only(r, "self_management").ids, std::vector<std::string>{"a"});
}

TEST(ValidateSelfManagement, APostManagingItself) {
  org o;
  const vertex post = o.post("post");
  const vertex a = o.person("a");
  o.holds(a, post);
  o.manages(post, post);
  // The post manages itself, and so its holder, managed in it, manages themself: one finding each.
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), (std::vector<std::string>{"self_management", "self_management"}));
  std::vector<std::string> ids;
  for (const auto& f : r.errors) {
    ASSERT_EQ(f.ids.size(), 1u);
    ids.push_back(f.ids[0]);
    expect_message_names(f);
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "post"}));
}

TEST(ValidateSelfManagement, NoneWhenSomeoneElseManages) {
  org o;
  const vertex a = o.person("a");
  const vertex b = o.person("b");
  o.manages(a, b);
  o.manages(b, b, nullptr, "2009-10-25");
  // While both are in force, b has two managers of one rank, one of them b: reported as ambiguous
  // (the first added, a, answers, so the self-management is not seen).
  const auto both = orgraph::validate(o.m, on("2009-10-25"));
  EXPECT_EQ(codes(both), std::vector<std::string>{"ambiguous_manager"});
  EXPECT_EQ(only(both, "ambiguous_manager").ids, (std::vector<std::string>{"b", "a", "b"}));
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_FALSE(r.has("self_management"));
  EXPECT_TRUE(codes(r).empty()) << ::testing::PrintToString(codes(r));
}

// ---------------------------------------------------------------------------------------------
// ambiguous_manager

TEST(ValidateAmbiguousManager, TwoSubstantiveManagers) {
  org o;
  const vertex m1 = o.person("m1");
  const vertex m2 = o.person("m2");
  const vertex w = o.person("w");
  o.manages(m1, w);
  o.manages(m2, w);
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), std::vector<std::string>{"ambiguous_manager"});
  const finding f = only(r, "ambiguous_manager");
  EXPECT_EQ(f.severity, severity::error);
  EXPECT_EQ(f.ids, (std::vector<std::string>{"w", "m1", "m2"}));
  expect_message_names(f);
  EXPECT_FALSE(r.ok());
}

TEST(ValidateAmbiguousManager, TwoInterimManagers) {
  org o;
  const vertex substantive = o.person("substantive");
  const vertex c1 = o.person("cover-1");
  const vertex c2 = o.person("cover-2");
  const vertex w = o.person("w");
  o.manages(substantive, w);
  o.manages(c1, w, "2009-09", "2010-03", arrangement::interim);
  o.manages(c2, w, "2009-10-26", "2009-10-26", arrangement::acting);
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), std::vector<std::string>{"ambiguous_manager"});
  // The substantive manager is outranked, so only the two temporary ones are named.
  EXPECT_EQ(only(r, "ambiguous_manager").ids, (std::vector<std::string>{"w", "cover-1", "cover-2"}));
  EXPECT_FALSE(orgraph::validate(o.m, on("2009-10-27")).has("ambiguous_manager"));
}

TEST(ValidateAmbiguousManager, TwoVacantPosts) {
  org o;
  const vertex p1 = o.post("vacant-1");
  const vertex p2 = o.post("vacant-2");
  const vertex w = o.person("w");
  o.manages(p1, w);
  o.manages(p2, w);
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), (std::vector<std::string>{"ambiguous_manager", "vacant_manager_post"}));
  EXPECT_EQ(only(r, "ambiguous_manager").ids, (std::vector<std::string>{"w", "vacant-1", "vacant-2"}));
}

TEST(ValidateAmbiguousManager, NoneWhenATemporaryManagerOutranks) {
  org o;
  const vertex m1 = o.person("m1");
  const vertex m2 = o.person("m2");
  const vertex w = o.person("w");
  o.manages(m1, w);
  o.manages(m2, w, nullptr, nullptr, arrangement::interim);
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_TRUE(codes(r).empty()) << ::testing::PrintToString(codes(r));
  EXPECT_TRUE(r.ok());
}

// ---------------------------------------------------------------------------------------------
// no_manager

TEST(ValidateNoManager, StaffWithNoManagerWhoManageNobody) {
  org o;
  o.person("p-ew", {"education welfare"});
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), std::vector<std::string>{"no_manager"});
  const finding f = only(r, "no_manager");
  EXPECT_EQ(f.severity, severity::warning);
  EXPECT_EQ(f.ids, std::vector<std::string>{"p-ew"});
  expect_message_names(f);
  EXPECT_TRUE(r.ok()); // a warning, not an error
}

TEST(ValidateNoManager, NotForTheTopPersonWhoHasReports) {
  org o;
  const vertex director = o.person("director", {"social work"});
  const vertex w = o.person("w", {"social work"});
  o.manages(director, w);
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_FALSE(r.has("no_manager"));
  EXPECT_TRUE(codes(r).empty()) << ::testing::PrintToString(codes(r));
}

TEST(ValidateNoManager, NotForSomeoneWithNoDisciplinesOrManagementRelations) {
  org o;
  o.person("councillor"); // a Popolo legislator, say: not staff
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_TRUE(codes(r).empty()) << ::testing::PrintToString(codes(r));
}

TEST(ValidateNoManager, ForSomeoneOnceManagedWhoseManagementEnded) {
  org o;
  const vertex boss = o.person("boss");
  const vertex w = o.person("w"); // no discipline, but was line-managed: staff
  o.manages(boss, w, nullptr, "2009-10-25");
  EXPECT_FALSE(orgraph::validate(o.m, on("2009-10-25")).has("no_manager"));
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), std::vector<std::string>{"no_manager"});
  EXPECT_EQ(only(r, "no_manager").ids, std::vector<std::string>{"w"});
}

TEST(ValidateNoManager, ForSomeoneHoldingAPostThatWasManaged) {
  org o;
  const vertex boss = o.person("boss");
  const vertex post = o.post("post");
  const vertex w = o.person("w");
  o.manages(boss, post, nullptr, "2009-10-25");
  o.holds(w, post);
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), std::vector<std::string>{"no_manager"});
  EXPECT_EQ(only(r, "no_manager").ids, std::vector<std::string>{"w"});
}

// ---------------------------------------------------------------------------------------------
// vacant_manager_post

TEST(ValidateVacantManagerPost, AVacantPostWithReports) {
  org o;
  const vertex post = o.post("post-tascc-harlow");
  const vertex former = o.person("former");
  const vertex a = o.person("a");
  const vertex b = o.person("b");
  o.holds(former, post, nullptr, "2009-08-31");
  o.manages(post, a);
  o.manages(post, b);
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), std::vector<std::string>{"vacant_manager_post"});
  const finding f = only(r, "vacant_manager_post");
  EXPECT_EQ(f.severity, severity::warning);
  EXPECT_EQ(f.ids, (std::vector<std::string>{"post-tascc-harlow", "a", "b"}));
  EXPECT_NE(f.message.find("post-tascc-harlow"), std::string::npos) << f.message;
  EXPECT_TRUE(r.ok());
}

TEST(ValidateVacantManagerPost, NoneWhileThePostIsHeld) {
  org o;
  const vertex post = o.post("post-tascc-harlow");
  const vertex holder = o.person("holder");
  const vertex a = o.person("a");
  o.holds(holder, post, nullptr, "2009-10-26");
  o.manages(post, a);
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_TRUE(codes(r).empty()) << ::testing::PrintToString(codes(r));
}

TEST(ValidateVacantManagerPost, EscalatingToAManagerStillWarns) {
  org o;
  const vertex head = o.person("head");
  const vertex post = o.post("vacant-post");
  const vertex a = o.person("a");
  o.manages(head, post);
  o.manages(post, a);
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), std::vector<std::string>{"vacant_manager_post"});
  EXPECT_EQ(only(r, "vacant_manager_post").ids, (std::vector<std::string>{"vacant-post", "a"}));
}

// ---------------------------------------------------------------------------------------------
// outside_discipline: "Line Management will be within workers professional discipline"

TEST(ValidateOutsideDiscipline, AManagerOfAnotherDiscipline) {
  org o;
  const vertex ew_manager = o.person("ew-manager", {"education welfare"});
  const vertex sw = o.person("sw", {"social work"});
  o.manages(ew_manager, sw);
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), std::vector<std::string>{"outside_discipline"});
  const finding f = only(r, "outside_discipline");
  EXPECT_EQ(f.severity, severity::warning);
  EXPECT_EQ(f.ids, (std::vector<std::string>{"sw", "ew-manager"}));
  expect_message_names(f);
  EXPECT_TRUE(r.ok());
}

TEST(ValidateOutsideDiscipline, NoneWhenTheyShareADiscipline) {
  org o;
  const vertex manager = o.person("manager", {"education welfare", "social work"});
  const vertex sw = o.person("sw", {"social work", "family support"});
  o.manages(manager, sw);
  EXPECT_TRUE(codes(orgraph::validate(o.m, letter)).empty());
}

TEST(ValidateOutsideDiscipline, NoneWhenEitherHasNoDisciplines) {
  org o;
  const vertex director = o.person("director");
  const vertex sw = o.person("sw", {"social work"});
  const vertex pa = o.person("pa");
  o.manages(director, sw);
  o.manages(sw, pa);
  EXPECT_FALSE(orgraph::validate(o.m, letter).has("outside_discipline"));
}

TEST(ValidateOutsideDiscipline, AManagingPostsDisciplinesCountAsItsHolders) {
  org o;
  orgraph::node post_node;
  post_node.kind = orgraph::node_kind::post;
  post_node.id = "post-core-sw";
  post_node.name = "Core Team Manager, Social Work";
  post_node.disciplines = {"social work"};
  const vertex post = o.m.add_node(post_node);
  const vertex holder = o.person("holder", {"education welfare"});
  const vertex sw = o.person("sw", {"social work"});
  o.holds(holder, post);
  o.manages(post, sw);
  EXPECT_FALSE(orgraph::validate(o.m, letter).has("outside_discipline"));
}

// ---------------------------------------------------------------------------------------------
// The 2009 seed case: TASCCs were multi-disciplinary; the interim core-team arrangement keeps line
// management within each practitioner's discipline.

TEST(Validate2009, TasccManagementCrossesDisciplinesTheCoreTeamsDoNot) {
  org o;
  const vertex director = o.person("p-director");
  const vertex tascc_post = o.post("post-tascc-harlow");
  const vertex tascc_manager = o.person("p-tascc-manager", {"social work"});
  const vertex core_sw = o.person("p-core-sw", {"social work"});
  const vertex core_ew = o.person("p-core-ew", {"education welfare"});
  const vertex sw = o.person("p-sw-1", {"social work"});
  const vertex ew = o.person("p-ew-1", {"education welfare"});
  o.manages(director, tascc_post);
  o.manages(director, core_sw);
  o.manages(director, core_ew);
  o.holds(tascc_manager, tascc_post);
  o.manages(tascc_post, sw);
  o.manages(tascc_post, ew);
  o.manages(core_sw, sw, "2009-09-01", "2010-03", arrangement::interim);
  o.manages(core_ew, ew, "2009-09-01", "2010-03", arrangement::interim);

  const auto before = orgraph::validate(o.m, on("2009-08-31"));
  EXPECT_EQ(codes(before), std::vector<std::string>{"outside_discipline"});
  EXPECT_EQ(only(before, "outside_discipline").ids, (std::vector<std::string>{"p-ew-1", "p-tascc-manager"}));
  EXPECT_TRUE(before.ok());

  for (const char* d : {"2009-09-01", "2009-10-26", "2010-03-31"}) {
    const auto during = orgraph::validate(o.m, on(d));
    EXPECT_TRUE(codes(during).empty()) << d << ": " << ::testing::PrintToString(codes(during));
  }
  EXPECT_TRUE(orgraph::validate(o.m, on("2010-04-01")).has("outside_discipline"));
}

TEST(Validate2009, ASecondedManagersVacatedPostIsReported) {
  // Had the TASCC manager given up the post for the secondment and no interim cover been arranged,
  // the practitioners would escalate past a vacant post.
  org o;
  const vertex head = o.person("p-head-localities", {"social work"});
  const vertex tascc_post = o.post("post-tascc-harlow");
  const vertex tascc_manager = o.person("p-tascc-manager", {"social work"});
  const vertex design_post = o.post("post-design-lead");
  const vertex sw = o.person("p-sw-1", {"social work"});
  o.manages(head, tascc_post);
  o.manages(head, design_post);
  o.holds(tascc_manager, tascc_post, nullptr, "2009-08-31");
  o.holds(tascc_manager, design_post, "2009-09-01", "2010-03", arrangement::secondment);
  o.manages(tascc_post, sw);
  EXPECT_TRUE(codes(orgraph::validate(o.m, on("2009-08-31"))).empty());
  const auto r = orgraph::validate(o.m, letter);
  EXPECT_EQ(codes(r), std::vector<std::string>{"vacant_manager_post"});
  EXPECT_EQ(only(r, "vacant_manager_post").ids, (std::vector<std::string>{"post-tascc-harlow", "p-sw-1"}));
}
