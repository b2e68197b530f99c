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
using orgraph::manager_answer;
using orgraph::model;
using orgraph::no_vertex;
using orgraph::relation;
using orgraph::relation_type;
using orgraph::vertex;

namespace {

using orgraph::test::on;

using orgraph::test::maybe;

// A model with short ways to add what line management reads.
struct org : orgraph::test::relation_builder {

  vertex person(const char* id, std::vector<std::string> disciplines = {}) {
    return m.add_person(id, id, std::move(disciplines));
  }
  vertex post(const char* id) { return m.add_post(id, id); }

  // The manager person the answer names, or no_vertex if there is no answer or nobody.
  vertex manager_of(vertex x, date when) const {
    const auto a = orgraph::line_manager(m, x, when);
    return a && a->manager ? *a->manager : no_vertex;
  }

  std::vector<std::string> ids(const std::vector<vertex>& vs) const {
    std::vector<std::string> out;
    for (vertex v : vs)
      out.push_back(std::string(m[v].id));
    return out;
  }
  std::vector<std::string> sorted_ids(const std::vector<vertex>& vs) const {
    auto out = ids(vs);
    std::sort(out.begin(), out.end());
    return out;
  }
  std::vector<std::string> chain_ids(vertex x, date when) const {
    std::vector<std::string> out;
    for (const auto& step : orgraph::management_chain(m, x, when))
      out.push_back(step.manager ? std::string(m[*step.manager].id) : std::string("(vacant)"));
    return out;
  }
};

constexpr arrangement temporary[] = {arrangement::acting, arrangement::interim, arrangement::secondment};

} // namespace

// ---------------------------------------------------------------------------------------------
// line_manager: the basics

TEST(LineManager, NoneWithoutAManagesRelation) {
  org o;
  const vertex w = o.person("w");
  const vertex s = o.person("s");
  o.supervises(s, w); // supervision is not line management
  o.relate(relation_type::dotted_line_manages, s, w);
  EXPECT_FALSE(orgraph::line_manager(o.m, w, on("2009-10-26")));
}

TEST(LineManager, PersonManagingAPersonDirectly) {
  org o;
  const vertex boss = o.person("boss");
  const vertex w = o.person("w");
  o.manages(boss, w);
  const auto a = orgraph::line_manager(o.m, w, on("2009-10-26"));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->manager, boss);
  EXPECT_EQ(a->post, no_vertex);
  EXPECT_EQ(a->arrangement, arrangement::substantive);
  EXPECT_EQ(a->relation, relation_type::manages);
  EXPECT_TRUE(a->vacant_posts.empty());
  EXPECT_FALSE(a->ambiguous);
  // The relation points one way: the worker does not manage the boss.
  EXPECT_FALSE(orgraph::line_manager(o.m, boss, on("2009-10-26")));
}

TEST(LineManager, ARelationEndingTheDayBeforeIsNotInForce) {
  org o;
  const vertex boss = o.person("boss");
  const vertex w = o.person("w");
  o.manages(boss, w, nullptr, "2009-10-25");
  EXPECT_FALSE(orgraph::line_manager(o.m, w, on("2009-10-26")));
  EXPECT_EQ(o.manager_of(w, on("2009-10-25")), boss);
}

TEST(LineManager, ARelationEndingOnTheDayIsInForce) {
  org o;
  const vertex boss = o.person("boss");
  const vertex w = o.person("w");
  o.manages(boss, w, "2009-10-02", "2009-10-26");
  EXPECT_EQ(o.manager_of(w, on("2009-10-26")), boss);
  EXPECT_EQ(o.manager_of(w, on("2009-10-02")), boss);
  EXPECT_EQ(o.manager_of(w, on("2009-10-01")), no_vertex);
  EXPECT_EQ(o.manager_of(w, on("2009-10-27")), no_vertex);
}

TEST(LineManager, PartialDatesCoverTheWholeMonthOrYear) {
  org o;
  const vertex boss = o.person("boss");
  const vertex w = o.person("w");
  o.manages(boss, w, "2009-10", "2010");
  EXPECT_EQ(o.manager_of(w, on("2009-09-30")), no_vertex);
  EXPECT_EQ(o.manager_of(w, on("2009-10-01")), boss);
  EXPECT_EQ(o.manager_of(w, on("2010-12-31")), boss);
  EXPECT_EQ(o.manager_of(w, on("2011-01-01")), no_vertex);
}

TEST(LineManager, SuccessiveManagersHandOverOnTheDay) {
  org o;
  const vertex first = o.person("first");
  const vertex second = o.person("second");
  const vertex w = o.person("w");
  o.manages(first, w, nullptr, "2009-12-07");
  o.manages(second, w, "2009-12-08");
  EXPECT_EQ(o.manager_of(w, on("2009-12-07")), first);
  EXPECT_EQ(o.manager_of(w, on("2009-12-08")), second);
  EXPECT_FALSE(orgraph::line_manager(o.m, w, on("2009-12-08"))->ambiguous);
}

TEST(LineManager, DefaultsToToday) {
  org o;
  const vertex past = o.person("past");
  const vertex now = o.person("now");
  const vertex w = o.person("w");
  o.manages(past, w, nullptr, "2011-04-14");
  o.manages(now, w, "2011-04-15");
  const auto a = orgraph::line_manager(o.m, w);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->manager, now);
}

// ---------------------------------------------------------------------------------------------
// Arrangement precedence

TEST(LineManager, EachTemporaryArrangementOverridesSubstantive) {
  for (arrangement temp : temporary) {
    org o;
    const vertex substantive = o.person("substantive");
    const vertex cover = o.person("cover");
    const vertex w = o.person("w");
    o.manages(substantive, w);
    o.manages(cover, w, "2009-09-01", "2010-03-31", temp);
    const auto a = orgraph::line_manager(o.m, w, on("2009-10-26"));
    ASSERT_TRUE(a) << to_string(temp);
    EXPECT_EQ(a->manager, cover) << to_string(temp);
    EXPECT_EQ(a->arrangement, temp);
    EXPECT_FALSE(a->ambiguous) << to_string(temp);
  }
}

TEST(LineManager, TemporaryOverridesEvenWhenAddedFirst) {
  org o;
  const vertex cover = o.person("cover");
  const vertex substantive = o.person("substantive");
  const vertex w = o.person("w");
  o.manages(cover, w, "2009-09-01", "2010-03-31", arrangement::interim);
  o.manages(substantive, w);
  EXPECT_EQ(o.manager_of(w, on("2009-09-01")), cover);
}

TEST(LineManager, SubstantiveAppliesBeforeAndAgainTheDayAfterTheTemporaryEnds) {
  org o;
  const vertex substantive = o.person("substantive");
  const vertex acting = o.person("acting");
  const vertex w = o.person("w");
  o.manages(substantive, w);
  o.manages(acting, w, "2009-09-01", "2010-03", arrangement::acting);
  EXPECT_EQ(o.manager_of(w, on("2009-08-31")), substantive);
  EXPECT_EQ(o.manager_of(w, on("2009-09-01")), acting);
  EXPECT_EQ(o.manager_of(w, on("2010-03-31")), acting);
  const auto after = orgraph::line_manager(o.m, w, on("2010-04-01"));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->manager, substantive);
  EXPECT_EQ(after->arrangement, arrangement::substantive);
}

TEST(LineManager, SecondedHolderIsManagedInTheSecondmentPost) {
  org o;
  const vertex home = o.post("home-post");
  const vertex away = o.post("secondment-post");
  const vertex home_boss = o.person("home-boss");
  const vertex away_boss = o.person("away-boss");
  const vertex p = o.person("p");
  o.holds(p, home);
  o.holds(p, away, "2009-09-01", "2010-03-31", arrangement::secondment);
  o.manages(home_boss, home);
  o.manages(away_boss, away); // substantive: the holding's secondment is what ranks it
  EXPECT_EQ(o.manager_of(p, on("2009-08-31")), home_boss);
  const auto a = orgraph::line_manager(o.m, p, on("2009-09-01"));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->manager, away_boss);
  EXPECT_EQ(a->arrangement, arrangement::secondment);
  EXPECT_FALSE(a->ambiguous);
  EXPECT_EQ(o.manager_of(p, on("2010-04-01")), home_boss);
}

// ---------------------------------------------------------------------------------------------
// Posts

TEST(PostHolder, NamesWhoHoldsThePostOnTheDate) {
  org o;
  const vertex post = o.post("post");
  const vertex a = o.person("a");
  const vertex b = o.person("b");
  o.holds(a, post, nullptr, "2009-10-25");
  o.holds(b, post, "2009-11-01");
  EXPECT_EQ(orgraph::post_holder(o.m, post, on("2009-10-25")), a);
  EXPECT_FALSE(orgraph::post_holder(o.m, post, on("2009-10-26")));
  EXPECT_EQ(orgraph::post_holder(o.m, post, on("2009-11-01")), b);
}

TEST(PostHolder, AnActingHolderOverridesTheSubstantiveHolder) {
  for (arrangement temp : temporary) {
    org o;
    const vertex post = o.post("post");
    const vertex acting = o.person("acting");
    const vertex substantive = o.person("substantive");
    o.holds(acting, post, "2009-09-01", "2009-12-31", temp);
    o.holds(substantive, post);
    EXPECT_EQ(orgraph::post_holder(o.m, post, on("2009-08-31")), substantive) << to_string(temp);
    EXPECT_EQ(orgraph::post_holder(o.m, post, on("2009-10-26")), acting) << to_string(temp);
    EXPECT_EQ(orgraph::post_holder(o.m, post, on("2010-01-01")), substantive) << to_string(temp);
  }
}

TEST(LineManager, AManagerPostIsAnsweredByItsHolder) {
  org o;
  const vertex post = o.post("post-tascc-harlow");
  const vertex holder = o.person("tascc-manager");
  const vertex w = o.person("w");
  o.holds(holder, post);
  o.manages(post, w);
  const auto a = orgraph::line_manager(o.m, w, on("2009-10-26"));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->manager, holder);
  EXPECT_EQ(a->post, post);
  EXPECT_TRUE(a->vacant_posts.empty());
}

TEST(LineManager, AnActingHolderOfTheManagerPostManages) {
  org o;
  const vertex post = o.post("post");
  const vertex substantive = o.person("substantive");
  const vertex acting = o.person("acting");
  const vertex w = o.person("w");
  o.holds(substantive, post);
  o.holds(acting, post, "2009-09-01", "2009-12-31", arrangement::acting);
  o.manages(post, w);
  EXPECT_EQ(o.manager_of(w, on("2009-08-31")), substantive);
  const auto a = orgraph::line_manager(o.m, w, on("2009-10-26"));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->manager, acting);
  EXPECT_EQ(a->post, post);
  EXPECT_FALSE(a->ambiguous);
  EXPECT_EQ(o.manager_of(w, on("2010-01-01")), substantive);
}

TEST(LineManager, APersonIsManagedThroughThePostTheyHold) {
  org o;
  const vertex post = o.post("post");
  const vertex boss = o.person("boss");
  const vertex p = o.person("p");
  o.manages(boss, post);
  o.holds(p, post, "2009-10-01", "2009-10-31");
  EXPECT_EQ(o.manager_of(p, on("2009-10-15")), boss);
  EXPECT_EQ(o.manager_of(p, on("2009-11-01")), no_vertex); // no longer holds it
  EXPECT_EQ(o.manager_of(post, on("2009-11-01")), boss);   // the post is still managed
}

TEST(LineManager, AVacantPostEscalatesToThePostsOwnManager) {
  org o;
  const vertex head = o.person("head");
  const vertex post = o.post("vacant-post");
  const vertex former = o.person("former");
  const vertex w = o.person("w");
  o.manages(head, post);
  o.manages(post, w);
  o.holds(former, post, nullptr, "2009-10-25");
  EXPECT_EQ(o.manager_of(w, on("2009-10-25")), former);
  const auto a = orgraph::line_manager(o.m, w, on("2009-10-26"));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->manager, head);
  EXPECT_EQ(a->vacant_posts, std::vector<vertex>{post});
  EXPECT_EQ(a->post, no_vertex); // the head manages the post as a person
}

TEST(LineManager, EscalationEndsAtAHeldPostAndNamesIt) {
  org o;
  const vertex top_post = o.post("top-post");
  const vertex top = o.person("top");
  const vertex mid = o.post("mid-post");
  const vertex low = o.post("low-post");
  const vertex w = o.person("w");
  o.holds(top, top_post);
  o.manages(top_post, mid);
  o.manages(mid, low);
  o.manages(low, w);
  const auto a = orgraph::line_manager(o.m, w, on("2009-10-26"));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->manager, top);
  EXPECT_EQ(a->post, top_post);
  EXPECT_EQ(a->vacant_posts, (std::vector<vertex>{low, mid}));
}

TEST(LineManager, VacantAllTheWayUpLeavesNoManager) {
  org o;
  const vertex upper = o.post("upper");
  const vertex lower = o.post("lower");
  const vertex w = o.person("w");
  o.manages(upper, lower);
  o.manages(lower, w);
  const auto a = orgraph::line_manager(o.m, w, on("2009-10-26"));
  ASSERT_TRUE(a);           // a manages relation is in force, so there is an answer...
  EXPECT_FALSE(a->manager); // ...but nobody
  EXPECT_EQ(a->vacant_posts, (std::vector<vertex>{lower, upper}));
}

TEST(LineManager, ACycleOfVacantPostsEnds) {
  org o;
  const vertex p1 = o.post("p1");
  const vertex p2 = o.post("p2");
  const vertex w = o.person("w");
  o.manages(p1, p2);
  o.manages(p2, p1);
  o.manages(p1, w);
  const auto a = orgraph::line_manager(o.m, w, on("2009-10-26"));
  ASSERT_TRUE(a);
  EXPECT_FALSE(a->manager);
  EXPECT_EQ(a->vacant_posts, (std::vector<vertex>{p1, p2}));
}

TEST(LineManager, TheManagerOfAPost) {
  org o;
  const vertex boss = o.person("boss");
  const vertex cover = o.person("cover");
  const vertex post = o.post("post");
  o.manages(boss, post);
  o.manages(cover, post, "2009-10", "2009-10", arrangement::interim);
  EXPECT_EQ(o.manager_of(post, on("2009-09-30")), boss);
  EXPECT_EQ(o.manager_of(post, on("2009-10-31")), cover);
}

// ---------------------------------------------------------------------------------------------
// Ambiguity

TEST(LineManager, TwoEquallyRankedManagersAreAmbiguousAndTheFirstAddedAnswers) {
  org o;
  const vertex first = o.person("first");
  const vertex second = o.person("second");
  const vertex w = o.person("w");
  o.manages(first, w);
  o.manages(second, w);
  const auto a = orgraph::line_manager(o.m, w, on("2009-10-26"));
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->ambiguous);
  EXPECT_EQ(a->manager, first);
}

TEST(LineManager, TwoTemporaryManagersAreAmbiguousToo) {
  org o;
  const vertex substantive = o.person("substantive");
  const vertex acting = o.person("acting");
  const vertex interim = o.person("interim");
  const vertex w = o.person("w");
  o.manages(substantive, w);
  o.manages(acting, w, "2009-09", nullptr, arrangement::acting);
  o.manages(interim, w, "2009-10", nullptr, arrangement::interim);
  const auto september = orgraph::line_manager(o.m, w, on("2009-09-30"));
  ASSERT_TRUE(september);
  EXPECT_FALSE(september->ambiguous);
  EXPECT_EQ(september->manager, acting);
  const auto october = orgraph::line_manager(o.m, w, on("2009-10-01"));
  ASSERT_TRUE(october);
  EXPECT_TRUE(october->ambiguous);
  EXPECT_EQ(october->manager, acting);
}

TEST(LineManager, TwoDifferentVacantPostsOfOneRankAreAmbiguous) {
  org o;
  const vertex p1 = o.post("vacant-1");
  const vertex p2 = o.post("vacant-2");
  const vertex w = o.person("w");
  o.manages(p1, w);
  o.manages(p2, w);
  const auto a = orgraph::line_manager(o.m, w, on("2009-10-26"));
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->ambiguous);
  EXPECT_FALSE(a->manager);
  EXPECT_EQ(a->vacant_posts, std::vector<vertex>{p1});
}

TEST(LineManager, TheSamePersonTwiceIsNotAmbiguous) {
  org o;
  const vertex boss = o.person("boss");
  const vertex post = o.post("boss-post");
  const vertex w = o.person("w");
  o.holds(boss, post);
  o.manages(boss, w);
  o.manages(post, w);         // the same person through their post
  o.manages(boss, w, "2009"); // and a second relation from the same source
  const auto a = orgraph::line_manager(o.m, w, on("2009-10-26"));
  ASSERT_TRUE(a);
  EXPECT_FALSE(a->ambiguous);
  EXPECT_EQ(a->manager, boss);
}

TEST(LineManager, AManagerOfAHigherRankIsNotAmbiguousWithLowerOnes) {
  org o;
  const vertex s1 = o.person("s1");
  const vertex s2 = o.person("s2");
  const vertex cover = o.person("cover");
  const vertex w = o.person("w");
  o.manages(s1, w);
  o.manages(s2, w);
  o.manages(cover, w, "2009-10-26", "2009-10-26", arrangement::interim);
  EXPECT_TRUE(orgraph::line_manager(o.m, w, on("2009-10-25"))->ambiguous);
  const auto a = orgraph::line_manager(o.m, w, on("2009-10-26"));
  EXPECT_FALSE(a->ambiguous);
  EXPECT_EQ(a->manager, cover);
}

// ---------------------------------------------------------------------------------------------
// Supervision and dotted lines

TEST(Supervisor, AnExplicitSupervisesRelationWins) {
  org o;
  const vertex boss = o.person("boss");
  const vertex lead = o.person("practice-lead");
  const vertex w = o.person("w");
  o.manages(boss, w);
  o.supervises(lead, w, "2009-10-01");
  const auto a = orgraph::supervisor(o.m, w, on("2009-10-26"));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->manager, lead);
  EXPECT_EQ(a->relation, relation_type::supervises);
}

TEST(Supervisor, FallsBackToTheLineManager) {
  org o;
  const vertex boss = o.person("boss");
  const vertex lead = o.person("practice-lead");
  const vertex w = o.person("w");
  o.manages(boss, w);
  o.supervises(lead, w, "2009-10-01");
  const auto a = orgraph::supervisor(o.m, w, on("2009-09-30"));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->manager, boss);
  EXPECT_EQ(a->relation, relation_type::manages);
}

TEST(Supervisor, NoneWithoutSupervisionOrManagement) {
  org o;
  const vertex w = o.person("w");
  EXPECT_FALSE(orgraph::supervisor(o.m, w, on("2009-10-26")));
}

TEST(Supervisor, FollowsTheRulesOfLineManagement) {
  org o;
  const vertex post = o.post("supervisor-post");
  const vertex holder = o.person("holder");
  const vertex substantive = o.person("substantive");
  const vertex w = o.person("w");
  o.holds(holder, post);
  o.supervises(substantive, w);
  o.supervises(post, w, "2009-09-01", "2010-03-31", arrangement::interim);
  const auto a = orgraph::supervisor(o.m, w, on("2010-03-31"));
  ASSERT_TRUE(a);
  EXPECT_EQ(a->manager, holder);
  EXPECT_EQ(a->post, post);
  EXPECT_EQ(a->arrangement, arrangement::interim);
  EXPECT_EQ(a->relation, relation_type::supervises);
  EXPECT_EQ(orgraph::supervisor(o.m, w, on("2010-04-01"))->manager, substantive);
}

TEST(DottedLineManagers, ListsEveryOneInForceEachResolvedToAPerson) {
  org o;
  const vertex w = o.person("w");
  const vertex w_post = o.post("w-post");
  const vertex locality = o.person("locality-lead");
  const vertex maag_post = o.post("maag-chair-post");
  const vertex maag_chair = o.person("maag-chair");
  const vertex vacant = o.post("vacant-post");
  const vertex old = o.person("old");
  o.holds(w, w_post);
  o.holds(maag_chair, maag_post);
  o.relate(relation_type::dotted_line_manages, locality, w);
  o.relate(relation_type::dotted_line_manages, maag_post, w_post);
  o.relate(relation_type::dotted_line_manages, vacant, w);
  o.relate(relation_type::dotted_line_manages, old, w, nullptr, "2009-10-25");
  o.manages(old, w); // line management is not a dotted line

  const auto all = orgraph::dotted_line_managers(o.m, w, on("2009-10-26"));
  ASSERT_EQ(all.size(), 3u);
  std::vector<std::string> names;
  for (const auto& a : all) {
    EXPECT_EQ(a.relation, relation_type::dotted_line_manages);
    names.push_back(a.manager ? std::string(o.m[*a.manager].id)
                              : "(vacant " + std::string(o.m[a.vacant_posts.at(0)].id) + ")");
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"(vacant vacant-post)", "locality-lead", "maag-chair"}));
  const auto via_post =
      std::find_if(all.begin(), all.end(), [&](const manager_answer& a) { return a.post == maag_post; });
  ASSERT_NE(via_post, all.end());
  EXPECT_EQ(via_post->manager, maag_chair);
  EXPECT_EQ(orgraph::dotted_line_managers(o.m, w, on("2009-10-25")).size(), 4u);
}

TEST(DottedLineManagers, NoneWhenThereAreNone) {
  org o;
  const vertex boss = o.person("boss");
  const vertex w = o.person("w");
  o.manages(boss, w);
  EXPECT_TRUE(orgraph::dotted_line_managers(o.m, w, on("2009-10-26")).empty());
}

// ---------------------------------------------------------------------------------------------
// Management chain

TEST(ManagementChain, NearestFirstToTheTop) {
  org o;
  const vertex director = o.person("director");
  const vertex head = o.person("head");
  const vertex team_post = o.post("team-manager-post");
  const vertex manager = o.person("team-manager");
  const vertex w = o.person("w");
  o.manages(director, head);
  o.manages(head, team_post);
  o.holds(manager, team_post);
  o.manages(team_post, w);
  EXPECT_EQ(o.chain_ids(w, on("2009-10-26")), (std::vector<std::string>{"team-manager", "head", "director"}));
  const auto chain = orgraph::management_chain(o.m, w, on("2009-10-26"));
  ASSERT_EQ(chain.size(), 3u);
  EXPECT_EQ(chain[0].post, team_post);
  EXPECT_TRUE(orgraph::management_chain(o.m, director, on("2009-10-26")).empty());
}

TEST(ManagementChain, StopsBeforeRepeatingSomeoneInACycle) {
  org o;
  const vertex a = o.person("a");
  const vertex b = o.person("b");
  const vertex c = o.person("c");
  const vertex w = o.person("w");
  o.manages(a, w);
  o.manages(b, a);
  o.manages(c, b);
  o.manages(a, c);
  EXPECT_EQ(o.chain_ids(w, on("2009-10-26")), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(o.chain_ids(a, on("2009-10-26")), (std::vector<std::string>{"b", "c"}));
}

TEST(ManagementChain, SelfManagementStopsAtOnce) {
  org o;
  const vertex a = o.person("a");
  o.manages(a, a);
  EXPECT_TRUE(orgraph::management_chain(o.m, a, on("2009-10-26")).empty());
}

TEST(ManagementChain, EndsWithAVacantTopStep) {
  org o;
  const vertex top = o.post("top-post");
  const vertex boss = o.person("boss");
  const vertex w = o.person("w");
  o.manages(top, boss);
  o.manages(boss, w);
  const auto chain = orgraph::management_chain(o.m, w, on("2009-10-26"));
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[0].manager, boss);
  EXPECT_FALSE(chain[1].manager);
  EXPECT_EQ(chain[1].vacant_posts, std::vector<vertex>{top});
}

TEST(ManagementChain, FollowsTheDate) {
  org o;
  const vertex old_boss = o.person("old-boss");
  const vertex new_boss = o.person("new-boss");
  const vertex head = o.person("head");
  const vertex w = o.person("w");
  o.manages(old_boss, w, nullptr, "2009-12-07");
  o.manages(new_boss, w, "2009-12-08");
  o.manages(head, new_boss);
  EXPECT_EQ(o.chain_ids(w, on("2009-12-07")), std::vector<std::string>{"old-boss"});
  EXPECT_EQ(o.chain_ids(w, on("2009-12-08")), (std::vector<std::string>{"new-boss", "head"}));
}

// ---------------------------------------------------------------------------------------------
// Reports

TEST(DirectReports, IncludeThoseManagedThroughPostsHeld) {
  org o;
  const vertex boss = o.person("boss");
  const vertex post = o.post("boss-post");
  const vertex a = o.person("a");
  const vertex b = o.person("b");
  const vertex c = o.person("c");
  o.holds(boss, post, "2009-10-01");
  o.manages(boss, a);
  o.manages(post, b);
  o.manages(post, c, nullptr, "2009-10-25");
  EXPECT_EQ(o.ids(orgraph::direct_reports(o.m, boss, on("2009-10-26"))), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(o.ids(orgraph::direct_reports(o.m, boss, on("2009-09-30"))), std::vector<std::string>{"a"});
  EXPECT_EQ(o.ids(orgraph::direct_reports(o.m, post, on("2009-10-26"))), std::vector<std::string>{"b"});
  EXPECT_EQ(orgraph::span_of_control(o.m, boss, on("2009-10-26")), 2u);
  EXPECT_EQ(orgraph::span_of_control(o.m, a, on("2009-10-26")), 0u);
}

TEST(DirectReports, AVacantPostKeepsItsReportsWhileTheyEscalate) {
  org o;
  const vertex post = o.post("team-post");
  const vertex holder = o.person("holder");
  const vertex b = o.person("b");
  const vertex c = o.person("c");
  o.holds(holder, post, "2009-10-01");
  o.manages(post, b);
  o.manages(post, c);
  EXPECT_EQ(o.ids(orgraph::direct_reports(o.m, post, on("2009-09-30"))), (std::vector<std::string>{"b", "c"}));
  EXPECT_TRUE(orgraph::is_line_manager_of(o.m, post, b, on("2009-09-30")));
  EXPECT_EQ(orgraph::span_of_control(o.m, post, on("2009-10-01")), 2u);
}

TEST(DirectReports, LeaveOutThoseWhoseManagerIsOverridden) {
  org o;
  const vertex boss = o.person("boss");
  const vertex cover = o.person("cover");
  const vertex a = o.person("a");
  const vertex b = o.person("b");
  o.manages(boss, a);
  o.manages(boss, b);
  o.manages(cover, b, "2009-10", "2009-10", arrangement::interim);
  EXPECT_EQ(o.ids(orgraph::direct_reports(o.m, boss, on("2009-10-26"))), std::vector<std::string>{"a"});
  EXPECT_EQ(o.ids(orgraph::direct_reports(o.m, cover, on("2009-10-26"))), std::vector<std::string>{"b"});
  EXPECT_EQ(orgraph::span_of_control(o.m, boss, on("2009-11-01")), 2u);
  EXPECT_EQ(orgraph::span_of_control(o.m, cover, on("2009-11-01")), 0u);
}

TEST(DirectReports, AVacantPostsReportsEscalateToWhoeverManagesIt) {
  org o;
  const vertex head = o.person("head");
  const vertex vacant = o.post("vacant-post");
  const vertex a = o.person("a");
  const vertex b = o.person("b");
  o.manages(head, vacant);
  o.manages(vacant, a);
  o.manages(vacant, b);
  // The vacant post is itself a report, and so are those it leaves without a manager.
  EXPECT_EQ(o.ids(orgraph::direct_reports(o.m, head, on("2009-10-26"))),
            (std::vector<std::string>{"vacant-post", "a", "b"}));
  EXPECT_EQ(orgraph::span_of_control(o.m, head, on("2009-10-26")), 3u);
}

TEST(DirectReports, AFilledPostsReportsAreItsHoldersNotItsManagers) {
  org o;
  const vertex head = o.person("head");
  const vertex post = o.post("team-post");
  const vertex holder = o.person("holder");
  const vertex a = o.person("a");
  o.manages(head, post);
  o.manages(post, a);
  o.holds(holder, post, "2009-11-01");
  EXPECT_EQ(o.ids(orgraph::direct_reports(o.m, head, on("2009-10-31"))), (std::vector<std::string>{"team-post", "a"}));
  EXPECT_EQ(o.ids(orgraph::direct_reports(o.m, head, on("2009-11-01"))), std::vector<std::string>{"team-post"});
  EXPECT_EQ(o.ids(orgraph::direct_reports(o.m, holder, on("2009-11-01"))), std::vector<std::string>{"a"});
}

TEST(AllReports, EveryoneBelowBreadthFirstThroughPostHolders) {
  org o;
  const vertex director = o.person("director");
  const vertex head = o.person("head");
  const vertex post = o.post("team-post");
  const vertex holder = o.person("holder");
  const vertex a = o.person("a");
  const vertex b = o.person("b");
  const vertex under_a = o.person("under-a");
  o.manages(director, head);
  o.manages(head, post);
  o.holds(holder, post);
  o.manages(post, a);
  o.manages(holder, b);
  o.manages(a, under_a);
  // Level 1: head; level 2: team-post; level 3: a, b (through the post's holder); level 4: under-a.
  EXPECT_EQ(o.ids(orgraph::all_reports(o.m, director, on("2009-10-26"))),
            (std::vector<std::string>{"head", "team-post", "a", "b", "under-a"}));
  EXPECT_EQ(o.ids(orgraph::all_reports(o.m, a, on("2009-10-26"))), std::vector<std::string>{"under-a"});
  EXPECT_TRUE(orgraph::all_reports(o.m, under_a, on("2009-10-26")).empty());
}

TEST(AllReports, EndsInACycle) {
  org o;
  const vertex a = o.person("a");
  const vertex b = o.person("b");
  o.manages(a, b);
  o.manages(b, a);
  EXPECT_EQ(o.ids(orgraph::all_reports(o.m, a, on("2009-10-26"))), std::vector<std::string>{"b"});
}

TEST(LowestCommonManager, OfTwoColleaguesIsTheirManager) {
  org o;
  const vertex director = o.person("director");
  const vertex head1 = o.person("head1");
  const vertex head2 = o.person("head2");
  const vertex a = o.person("a");
  const vertex b = o.person("b");
  const vertex c = o.person("c");
  o.manages(director, head1);
  o.manages(director, head2);
  o.manages(head1, a);
  o.manages(head1, b);
  o.manages(head2, c);
  EXPECT_EQ(orgraph::lowest_common_manager(o.m, a, b, on("2009-10-26")), head1);
  EXPECT_EQ(orgraph::lowest_common_manager(o.m, a, c, on("2009-10-26")), director);
  EXPECT_EQ(orgraph::lowest_common_manager(o.m, c, a, on("2009-10-26")), director);
}

TEST(LowestCommonManager, IsOneOfThemWhenOneManagesTheOther) {
  org o;
  const vertex head = o.person("head");
  const vertex boss = o.person("boss");
  const vertex w = o.person("w");
  o.manages(head, boss);
  o.manages(boss, w);
  EXPECT_EQ(orgraph::lowest_common_manager(o.m, boss, w, on("2009-10-26")), boss);
  EXPECT_EQ(orgraph::lowest_common_manager(o.m, w, boss, on("2009-10-26")), boss);
  EXPECT_EQ(orgraph::lowest_common_manager(o.m, head, w, on("2009-10-26")), head);
}

TEST(LowestCommonManager, NoneInSeparateLines) {
  org o;
  const vertex boss1 = o.person("boss1");
  const vertex boss2 = o.person("boss2");
  const vertex a = o.person("a");
  const vertex b = o.person("b");
  o.manages(boss1, a);
  o.manages(boss2, b);
  EXPECT_FALSE(orgraph::lowest_common_manager(o.m, a, b, on("2009-10-26")));
  EXPECT_FALSE(orgraph::lowest_common_manager(o.m, boss1, boss2, on("2009-10-26")));
}

TEST(IsLineManagerOf, PersonOrPost) {
  org o;
  const vertex post = o.post("boss-post");
  const vertex boss = o.person("boss");
  const vertex other = o.person("other");
  const vertex w = o.person("w");
  o.holds(boss, post);
  o.manages(post, w);
  EXPECT_TRUE(orgraph::is_line_manager_of(o.m, boss, w, on("2009-10-26")));
  EXPECT_TRUE(orgraph::is_line_manager_of(o.m, post, w, on("2009-10-26")));
  EXPECT_FALSE(orgraph::is_line_manager_of(o.m, other, w, on("2009-10-26")));
  EXPECT_FALSE(orgraph::is_line_manager_of(o.m, w, boss, on("2009-10-26")));
}

// ---------------------------------------------------------------------------------------------
// The seed case: the 2009 letter's seconded TASCC managers.
//
// "where TASCC Managers have been seconded into other positions ... practitioners will remain within
// their TASCC but receive line management and supervision from their relevant central core team."
// The secondment starts on D = 2009-09-01 and the interim arrangement lasts to E = the end of March
// 2010 (written "2010-03"), when the new operating model is in.

namespace {

struct tascc_2009 {
  org o;
  model& m = o.m;
  vertex ecc = m.add_organization("org-ecc", "Essex County Council", "council");
  vertex tascc = m.add_organization("org-tascc-harlow", "TASCC Harlow", "team", ecc);
  vertex core_sw_team = m.add_organization("org-core-sw", "Central core team, social work", "team", ecc);
  vertex core_ew_team = m.add_organization("org-core-ew", "Central core team, education welfare", "team", ecc);
  vertex design =
      m.add_organization("org-county-business-design", "County Business Design group", "working group", ecc);

  vertex director = m.add_person("p-director", "Director for Commissioning");
  vertex head_localities = m.add_person("p-head-localities", "Head of Localities", {"social work"});
  vertex head_core = m.add_person("p-head-core", "Head of Core Services", {"social work"});
  vertex tascc_manager = m.add_person("p-tascc-manager", "TASCC manager, Harlow", {"social work"});
  vertex core_sw = m.add_person("p-core-sw", "Core team manager (social work)", {"social work"});
  vertex core_ew = m.add_person("p-core-ew", "Core team manager (education welfare)", {"education welfare"});
  vertex sw1 = m.add_person("p-sw-1", "Social worker 1", {"social work"});
  vertex sw2 = m.add_person("p-sw-2", "Social worker 2", {"social work"});
  vertex ew1 = m.add_person("p-ew-1", "Education welfare officer", {"education welfare"});

  vertex tascc_post = m.add_post("post-tascc-harlow", "TASCC Manager, Harlow", tascc);
  vertex core_sw_post = m.add_post("post-core-sw", "Core Team Manager, Social Work", core_sw_team);
  vertex core_ew_post = m.add_post("post-core-ew", "Core Team Manager, Education Welfare", core_ew_team);
  vertex design_post = m.add_post("post-design-lead", "Business Design Lead", design);

  static constexpr const char* D = "2009-09-01";
  static constexpr const char* E = "2010-03";

  tascc_2009() {
    o.holds(tascc_manager, tascc_post);
    o.holds(tascc_manager, design_post, D, E, arrangement::secondment);
    o.holds(core_sw, core_sw_post);
    o.holds(core_ew, core_ew_post);

    o.manages(director, head_localities);
    o.manages(director, head_core);
    o.manages(director, design_post);
    o.manages(head_localities, tascc_post);
    o.manages(head_core, core_sw_post);
    o.manages(head_core, core_ew_post);

    for (vertex practitioner : {sw1, sw2, ew1})
      o.manages(tascc_post, practitioner); // substantive, open-ended: they stay in the TASCC
    for (vertex practitioner : {sw1, sw2}) {
      o.manages(core_sw_post, practitioner, D, E, arrangement::interim);
      o.supervises(core_sw_post, practitioner, D, E, arrangement::interim);
    }
    o.manages(core_ew_post, ew1, D, E, arrangement::interim);
    o.supervises(core_ew_post, ew1, D, E, arrangement::interim);
  }
};

const date before_d = on("2009-08-31");
const date day_d = on("2009-09-01");
const date letter = on("2009-10-26");
const date day_e = on("2010-03-31");
const date after_e = on("2010-04-01");

} // namespace

TEST(TasccSecondment2009, BeforeTheSecondmentTheTasccManagerManagesAndSupervises) {
  tascc_2009 s;
  for (vertex practitioner : {s.sw1, s.sw2, s.ew1}) {
    const auto lm = orgraph::line_manager(s.m, practitioner, before_d);
    ASSERT_TRUE(lm);
    EXPECT_EQ(lm->manager, s.tascc_manager);
    EXPECT_EQ(lm->post, s.tascc_post);
    EXPECT_EQ(lm->arrangement, arrangement::substantive);
    EXPECT_FALSE(lm->ambiguous);
    const auto sup = orgraph::supervisor(s.m, practitioner, before_d);
    ASSERT_TRUE(sup);
    EXPECT_EQ(sup->manager, s.tascc_manager);
    EXPECT_EQ(sup->relation, relation_type::manages); // no supervises relation yet: the line manager
  }
}

TEST(TasccSecondment2009, FromDToEEachPractitionerIsManagedByTheirOwnDisciplinesCoreTeam) {
  tascc_2009 s;
  for (date when : {day_d, letter, day_e}) {
    for (vertex practitioner : {s.sw1, s.sw2}) {
      const auto lm = orgraph::line_manager(s.m, practitioner, when);
      ASSERT_TRUE(lm) << when.to_string();
      EXPECT_EQ(lm->manager, s.core_sw) << when.to_string();
      EXPECT_EQ(lm->post, s.core_sw_post);
      EXPECT_EQ(lm->arrangement, arrangement::interim);
      EXPECT_FALSE(lm->ambiguous);
      const auto sup = orgraph::supervisor(s.m, practitioner, when);
      ASSERT_TRUE(sup);
      EXPECT_EQ(sup->manager, s.core_sw) << when.to_string();
      EXPECT_EQ(sup->relation, relation_type::supervises);
    }
    const auto ew = orgraph::line_manager(s.m, s.ew1, when);
    ASSERT_TRUE(ew);
    EXPECT_EQ(ew->manager, s.core_ew) << when.to_string();
    EXPECT_EQ(orgraph::supervisor(s.m, s.ew1, when)->manager, s.core_ew);
  }
}

TEST(TasccSecondment2009, TheDayAfterETheTasccManagerIsBack) {
  tascc_2009 s;
  for (vertex practitioner : {s.sw1, s.sw2, s.ew1}) {
    const auto lm = orgraph::line_manager(s.m, practitioner, after_e);
    ASSERT_TRUE(lm);
    EXPECT_EQ(lm->manager, s.tascc_manager);
    EXPECT_EQ(lm->arrangement, arrangement::substantive);
    const auto sup = orgraph::supervisor(s.m, practitioner, after_e);
    ASSERT_TRUE(sup);
    EXPECT_EQ(sup->manager, s.tascc_manager);
    EXPECT_EQ(sup->relation, relation_type::manages);
  }
}

TEST(TasccSecondment2009, ManagementChainAcrossTheChange) {
  tascc_2009 s;
  const std::vector<std::string> tascc_line{"p-tascc-manager", "p-head-localities", "p-director"};
  const std::vector<std::string> core_sw_line{"p-core-sw", "p-head-core", "p-director"};
  const std::vector<std::string> core_ew_line{"p-core-ew", "p-head-core", "p-director"};
  EXPECT_EQ(s.o.chain_ids(s.sw1, before_d), tascc_line);
  EXPECT_EQ(s.o.chain_ids(s.sw1, day_d), core_sw_line);
  EXPECT_EQ(s.o.chain_ids(s.ew1, letter), core_ew_line);
  EXPECT_EQ(s.o.chain_ids(s.sw1, day_e), core_sw_line);
  EXPECT_EQ(s.o.chain_ids(s.sw1, after_e), tascc_line);
}

TEST(TasccSecondment2009, TheSecondedManagerIsManagedInTheSecondmentPost) {
  tascc_2009 s;
  EXPECT_EQ(s.o.manager_of(s.tascc_manager, before_d), s.head_localities);
  const auto seconded = orgraph::line_manager(s.m, s.tascc_manager, day_d);
  ASSERT_TRUE(seconded);
  EXPECT_EQ(seconded->manager, s.director); // the manager of the Business Design Lead post
  EXPECT_EQ(seconded->arrangement, arrangement::secondment);
  EXPECT_FALSE(seconded->ambiguous);
  EXPECT_EQ(s.o.manager_of(s.tascc_manager, day_e), s.director);
  EXPECT_EQ(s.o.manager_of(s.tascc_manager, after_e), s.head_localities);
  // They still hold the TASCC post throughout: the practitioners remain within their TASCC.
  EXPECT_EQ(orgraph::post_holder(s.m, s.tascc_post, letter), s.tascc_manager);
  EXPECT_EQ(orgraph::post_holder(s.m, s.design_post, letter), s.tascc_manager);
  EXPECT_FALSE(orgraph::post_holder(s.m, s.design_post, after_e));
}

TEST(TasccSecondment2009, ReportsMoveToTheCoreTeamsAndBack) {
  tascc_2009 s;
  EXPECT_EQ(s.o.ids(orgraph::direct_reports(s.m, s.tascc_manager, before_d)),
            (std::vector<std::string>{"p-sw-1", "p-sw-2", "p-ew-1"}));
  EXPECT_EQ(orgraph::span_of_control(s.m, s.tascc_manager, letter), 0u);
  EXPECT_EQ(s.o.ids(orgraph::direct_reports(s.m, s.core_sw, letter)), (std::vector<std::string>{"p-sw-1", "p-sw-2"}));
  EXPECT_EQ(s.o.ids(orgraph::direct_reports(s.m, s.core_ew, letter)), std::vector<std::string>{"p-ew-1"});
  EXPECT_EQ(orgraph::span_of_control(s.m, s.core_sw, before_d), 0u);
  EXPECT_EQ(orgraph::span_of_control(s.m, s.core_sw, after_e), 0u);
  EXPECT_EQ(orgraph::span_of_control(s.m, s.tascc_manager, after_e), 3u);
}

TEST(TasccSecondment2009, AllReportsOfTheDirectorCoverEveryPractitionerEitherWay) {
  tascc_2009 s;
  const std::vector<std::string> before{"p-ew-1",       "p-head-core",      "p-head-localities",
                                        "p-sw-1",       "p-sw-2",           "post-core-ew",
                                        "post-core-sw", "post-design-lead", "post-tascc-harlow"};
  EXPECT_EQ(s.o.sorted_ids(orgraph::all_reports(s.m, s.director, before_d)), before);
  EXPECT_EQ(s.o.sorted_ids(orgraph::all_reports(s.m, s.director, letter)), before);
  // Under the Head of Localities: the TASCC post, and its practitioners only before the secondment.
  EXPECT_EQ(s.o.sorted_ids(orgraph::all_reports(s.m, s.head_localities, before_d)),
            (std::vector<std::string>{"p-ew-1", "p-sw-1", "p-sw-2", "post-tascc-harlow"}));
  EXPECT_EQ(s.o.sorted_ids(orgraph::all_reports(s.m, s.head_localities, letter)),
            std::vector<std::string>{"post-tascc-harlow"});
  EXPECT_EQ(s.o.sorted_ids(orgraph::all_reports(s.m, s.head_core, letter)),
            (std::vector<std::string>{"p-ew-1", "p-sw-1", "p-sw-2", "post-core-ew", "post-core-sw"}));
}

TEST(TasccSecondment2009, LowestCommonManagerOfTwoDisciplinesMovesUp) {
  tascc_2009 s;
  EXPECT_EQ(orgraph::lowest_common_manager(s.m, s.sw1, s.ew1, before_d), s.tascc_manager);
  EXPECT_EQ(orgraph::lowest_common_manager(s.m, s.sw1, s.ew1, letter), s.head_core);
  EXPECT_EQ(orgraph::lowest_common_manager(s.m, s.sw1, s.sw2, letter), s.core_sw);
  EXPECT_EQ(orgraph::lowest_common_manager(s.m, s.sw1, s.ew1, after_e), s.tascc_manager);
}
