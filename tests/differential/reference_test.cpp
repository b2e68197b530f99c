// The reference itself, checked against answers worked out by hand from the seed documents: if the
// reference is wrong, the differential test proves nothing. Only orgraph_reference is asked here.

#include "../common/builders.hpp"
#include "../reference/reference.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace {

namespace ref = orgraph_reference;
using orgraph::arrangement;
using orgraph::date;
using orgraph::manager_answer;
using orgraph::membership;
using orgraph::membership_basis;
using orgraph::model;
using orgraph::no_vertex;
using orgraph::period;
using orgraph::relation;
using orgraph::relation_id;
using orgraph::relation_type;
using orgraph::vertex;
using orgraph::test::maybe;
using orgraph::test::on;

period between(const char* start, const char* end) { return {maybe(start), maybe(end)}; }

relation_id relate(model& m, vertex from, vertex to, relation_type t, period when = {},
                   arrangement a = arrangement::substantive, std::string role = {}, vertex for_body = no_vertex) {
  relation r(t, when, a);
  r.role = std::move(role);
  r.on_behalf_of = for_body;
  return m.add_relation(from, to, r);
}

manager_answer answer(vertex manager, vertex post, arrangement a, relation_type t = relation_type::manages) {
  manager_answer x;
  x.manager = manager;
  x.post = post;
  x.arrangement = a;
  x.relation = t;
  return x;
}

membership seat(vertex body, std::optional<vertex> person, vertex post, std::string role, membership_basis basis,
                std::optional<relation_id> edge, vertex replaced = no_vertex, vertex for_body = no_vertex) {
  membership s;
  s.body = body;
  s.person = person;
  s.post = post;
  s.role = std::move(role);
  s.on_behalf_of = for_body;
  s.basis = basis;
  s.via = basis == membership_basis::post_of_body ? relation_type::holds : relation_type::member_of;
  s.edge = edge;
  if (basis == membership_basis::post_of_body)
    s.holding = edge; // the holding is the relation followed
  s.replaced = replaced;
  return s;
}

// ---- The 2009 letter: a TASCC manager seconded elsewhere, practitioners managed by the core team ----

struct tascc_case {
  model m;
  vertex tascc, core, tascc_post, core_post, project_post, area_post;
  vertex tascc_manager, core_a, core_b, head, area_manager, practitioner_1, practitioner_2;

  tascc_case() {
    tascc = m.add_organization("org-tascc-harlow", "TASCC Harlow", "tascc");
    core = m.add_organization("org-core", "County Core", "county core");
    tascc_post = m.add_post("post-tascc-manager", "TASCC Manager, Harlow", tascc);
    core_post = m.add_post("post-core-manager", "Core team manager", core);
    project_post = m.add_post("post-project", "Project lead");
    area_post = m.add_post("post-area", "Area manager");
    tascc_manager = m.add_person("p-tascc", "TASCC manager", {"social work"});
    core_a = m.add_person("p-core-a", "Core team manager", {"social work"});
    core_b = m.add_person("p-core-b", "Interim core team manager", {"social work"});
    head = m.add_person("p-head", "Head of service");
    area_manager = m.add_person("p-area", "Area manager");
    practitioner_1 = m.add_person("p-practitioner-1", "Practitioner 1", {"social work"});
    practitioner_2 = m.add_person("p-practitioner-2", "Practitioner 2", {"social work"});

    const auto secondment = between("2009-10-01", "2010-03-31");
    relate(m, tascc_manager, tascc_post, relation_type::holds, between("2008-04-01", nullptr));
    relate(m, tascc_manager, project_post, relation_type::holds, secondment, arrangement::secondment);
    relate(m, core_a, core_post, relation_type::holds, between("2008-04-01", nullptr));
    relate(m, core_b, core_post, relation_type::holds, between("2009-10-01", "2009-12-31"), arrangement::interim);
    relate(m, area_manager, area_post, relation_type::holds);
    for (vertex p : {practitioner_1, practitioner_2}) {
      relate(m, tascc_post, p, relation_type::manages, between("2008-04-01", nullptr));
      relate(m, core_post, p, relation_type::manages, secondment, arrangement::interim);
    }
    relate(m, core_post, practitioner_1, relation_type::supervises, secondment, arrangement::interim);
    relate(m, area_post, tascc_post, relation_type::manages);
    relate(m, head, project_post, relation_type::manages);
    relate(m, area_post, core_post, relation_type::manages);
  }
};

TEST(ReferenceLineManagement, TasccManagerManagesBeforeTheSecondment) {
  const tascc_case c;
  const date d = on("2009-09-30");
  EXPECT_EQ(ref::line_manager(c.m, c.practitioner_1, d),
            answer(c.tascc_manager, c.tascc_post, arrangement::substantive));
  EXPECT_EQ(ref::supervisor(c.m, c.practitioner_1, d), answer(c.tascc_manager, c.tascc_post, arrangement::substantive));
  EXPECT_EQ(ref::line_manager(c.m, c.tascc_manager, d), answer(c.area_manager, c.area_post, arrangement::substantive));
  const std::vector<vertex> both{c.practitioner_1, c.practitioner_2};
  EXPECT_EQ(ref::direct_reports(c.m, c.tascc_post, d), both);
  EXPECT_EQ(ref::direct_reports(c.m, c.tascc_manager, d), both);
}

TEST(ReferenceLineManagement, InterimCoreTeamManagerDuringTheSecondment) {
  const tascc_case c;
  const date d = on("2009-10-15");
  // The interim relation outranks the substantive one, and the interim holder of the core post answers.
  EXPECT_EQ(ref::line_manager(c.m, c.practitioner_1, d), answer(c.core_b, c.core_post, arrangement::interim));
  EXPECT_EQ(ref::supervisor(c.m, c.practitioner_1, d),
            answer(c.core_b, c.core_post, arrangement::interim, relation_type::supervises));
  EXPECT_EQ(ref::supervisor(c.m, c.practitioner_2, d), answer(c.core_b, c.core_post, arrangement::interim));
  // The seconded manager is managed in the secondment post: the holding's footing names the arrangement.
  EXPECT_EQ(ref::line_manager(c.m, c.tascc_manager, d), answer(c.head, no_vertex, arrangement::secondment));
  EXPECT_TRUE(ref::direct_reports(c.m, c.tascc_manager, d).empty());
  const std::vector<vertex> both{c.practitioner_1, c.practitioner_2};
  EXPECT_EQ(ref::direct_reports(c.m, c.core_post, d), both);
  EXPECT_EQ(ref::direct_reports(c.m, c.core_b, d), both);
  EXPECT_TRUE(ref::direct_reports(c.m, c.core_a, d).empty());
  // The interim holder is managed through the post held on an interim footing.
  const std::vector<manager_answer> chain{answer(c.core_b, c.core_post, arrangement::interim),
                                          answer(c.area_manager, c.area_post, arrangement::interim)};
  EXPECT_EQ(ref::management_chain(c.m, c.practitioner_1, d), chain);
  // The posts first (level one, in vertex order; their holders are not reports of their own), then
  // the practitioners under the interim holder.
  const std::vector<vertex> all{c.tascc_post, c.core_post, c.practitioner_1, c.practitioner_2};
  EXPECT_EQ(ref::all_reports(c.m, c.area_manager, d), all);
  EXPECT_EQ(ref::lowest_common_manager(c.m, c.practitioner_1, c.tascc_manager, d), std::nullopt);
  EXPECT_EQ(ref::lowest_common_manager(c.m, c.practitioner_1, c.core_a, d), c.area_manager);
}

TEST(ReferenceLineManagement, SubstantiveHolderOfTheCorePostOnceTheInterimEnds) {
  const tascc_case c;
  EXPECT_EQ(ref::line_manager(c.m, c.practitioner_1, on("2010-01-15")),
            answer(c.core_a, c.core_post, arrangement::interim));
}

TEST(ReferenceLineManagement, TasccManagerAgainTheDayAfterTheSecondmentEnds) {
  const tascc_case c;
  const date d = on("2010-04-01");
  EXPECT_EQ(ref::line_manager(c.m, c.practitioner_1, d),
            answer(c.tascc_manager, c.tascc_post, arrangement::substantive));
  EXPECT_EQ(ref::line_manager(c.m, c.tascc_manager, d), answer(c.area_manager, c.area_post, arrangement::substantive));
}

TEST(ReferenceLineManagement, VacantPostsEscalateAndACycleOfThemStops) {
  model m;
  const auto top = m.add_person("p-top", "Top");
  const auto a = m.add_post("post-a", "A");
  const auto b = m.add_post("post-b", "B");
  const auto worker = m.add_person("p-worker", "Worker");
  relate(m, a, worker, relation_type::manages);
  relate(m, b, a, relation_type::manages);
  relate(m, top, b, relation_type::manages);
  manager_answer up = answer(top, no_vertex, arrangement::substantive);
  up.vacant_posts = {a, b};
  EXPECT_EQ(ref::line_manager(m, worker, on("2010-01-01")), up);
  // A report is listed under the first vacant post passed and under the person it escalates to: the
  // worker under a and top, post a (managed by the vacant b) under b and top.
  EXPECT_EQ(ref::direct_reports(m, a, on("2010-01-01")), std::vector<vertex>{worker});
  EXPECT_EQ(ref::direct_reports(m, b, on("2010-01-01")), std::vector<vertex>{a});
  EXPECT_EQ(ref::direct_reports(m, top, on("2010-01-01")), (std::vector<vertex>{a, b, worker}));
  relate(m, a, b, relation_type::manages, {}, arrangement::acting); // b is now managed by a, outranking top
  manager_answer loop;
  loop.vacant_posts = {a, b};
  EXPECT_EQ(ref::line_manager(m, worker, on("2010-01-01")), loop);
}

TEST(ReferenceLineManagement, TwoPostsOfOneHolderAreOneManager) {
  model m;
  const auto boss = m.add_person("p-boss", "Boss");
  const auto p1 = m.add_post("post-1", "One");
  const auto p2 = m.add_post("post-2", "Two");
  const auto worker = m.add_person("p-worker", "Worker");
  relate(m, boss, p1, relation_type::holds);
  relate(m, boss, p2, relation_type::holds);
  relate(m, p1, worker, relation_type::manages);
  relate(m, p2, worker, relation_type::manages);
  EXPECT_FALSE(ref::line_manager(m, worker, on("2010-01-01"))->ambiguous);
  relate(m, m.add_person("p-other", "Other"), worker, relation_type::manages);
  EXPECT_TRUE(ref::line_manager(m, worker, on("2010-01-01"))->ambiguous);
}

// ---- The 2011 review: the Children's Trust Board renamed, members still recorded on the old name ----

struct renamed_board {
  model m;
  vertex ecc, ctb, ccdb, dcp, chair_post, chair, a, b, c;
  relation_id reports, member_a, member_b, member_c, holding, a_on_dcp;

  renamed_board() {
    ecc = m.add_organization("org-ecc", "Essex County Council", "council");
    ctb = m.add_organization("org-ctb", "Children's Trust Board", "board", ecc, between("2008-04-01", nullptr));
    ccdb = m.add_organization("org-ccdb", "Commissioning and Delivery Board", "board", ecc,
                              between("2011-01-01", nullptr));
    dcp = m.add_organization("org-dcp", "Harlow District Children's Partnership", "district partnership", no_vertex,
                             between("2009-04-01", nullptr));
    chair_post = m.add_post("post-chair", "Chair, West Essex Board", ctb);
    chair = m.add_person("p-chair", "Board chair");
    a = m.add_person("p-a", "Councillor");
    b = m.add_person("p-b", "Ordinary member");
    c = m.add_person("p-c", "New member");
    relate(m, ctb, ccdb, relation_type::replaced_by); // undated: takes effect on the successor's founding
    reports = relate(m, dcp, ctb, relation_type::reports_to, between("2009-04-01", nullptr));
    holding = relate(m, chair, chair_post, relation_type::holds, between("2009-04-01", nullptr));
    member_a = relate(m, a, ctb, relation_type::member_of, between("2009-04-01", nullptr), arrangement::substantive,
                      "member", ecc);
    member_b = relate(m, b, ctb, relation_type::member_of, between("2009-04-01", "2011-04-13"));
    member_c = relate(m, c, ccdb, relation_type::member_of, between("2011-04-14", nullptr));
    a_on_dcp = relate(m, a, dcp, relation_type::member_of, {}, arrangement::substantive, "Chair");
  }
};

TEST(ReferenceGovernance, BoardBeforeItsRenaming) {
  const renamed_board x;
  const date d = on("2010-12-31");
  EXPECT_EQ(ref::successor_on(x.m, x.ctb, d).body, x.ctb);
  const std::vector<membership> seats{
      seat(x.ctb, x.a, no_vertex, "member", membership_basis::direct, x.member_a, no_vertex, x.ecc),
      seat(x.ctb, x.b, no_vertex, "", membership_basis::direct, x.member_b),
      seat(x.ctb, x.chair, x.chair_post, "Chair, West Essex Board", membership_basis::post_of_body, x.holding)};
  EXPECT_EQ(ref::members(x.m, x.ctb, d), seats);
  EXPECT_EQ(ref::chair(x.m, x.ctb, d), seats[2]);
  EXPECT_TRUE(ref::members(x.m, x.ccdb, d).empty()); // not founded yet
  const auto line = ref::reporting_line(x.m, x.dcp, d);
  ASSERT_EQ(line.size(), 2u);
  EXPECT_EQ(line[0].body, x.ctb);
  EXPECT_EQ(line[0].edge, x.reports);
  EXPECT_EQ(line[1].body, x.ecc);
  EXPECT_EQ(line[1].via, orgraph::reporting_via::parent);
}

TEST(ReferenceGovernance, MembersRecordedOnTheOldNameSitOnTheRenamedBoard) {
  const renamed_board x;
  const date d = on("2011-01-01");
  const auto s = ref::successor_on(x.m, x.ctb, d);
  EXPECT_EQ(s.body, x.ccdb);
  EXPECT_EQ(s.replaced, std::vector<vertex>{x.ctb});
  EXPECT_FALSE(ref::in_force(x.m, x.ctb, d));
  EXPECT_EQ(ref::active_bodies(x.m, d), (std::vector<vertex>{x.ecc, x.ccdb, x.dcp}));
  const std::vector<membership> seats{
      seat(x.ccdb, x.a, no_vertex, "member", membership_basis::direct, x.member_a, x.ctb, x.ecc),
      seat(x.ccdb, x.b, no_vertex, "", membership_basis::direct, x.member_b, x.ctb),
      seat(x.ccdb, x.chair, x.chair_post, "Chair, West Essex Board", membership_basis::post_of_body, x.holding, x.ctb)};
  EXPECT_EQ(ref::members(x.m, x.ctb, d), seats); // asked about the old name: answered for the successor
  EXPECT_EQ(ref::members(x.m, x.ccdb, d), seats);
  const auto line = ref::reporting_line(x.m, x.dcp, d);
  ASSERT_EQ(line.size(), 2u);
  EXPECT_EQ(line[0].body, x.ccdb);
  EXPECT_EQ(line[0].replaced, x.ctb);
  EXPECT_EQ(line[0].edge, x.reports);
  EXPECT_EQ(line[1].body, x.ecc);
  // The three relations still naming the old board are reported, pointing at the new one.
  std::vector<std::vector<std::string>> moved;
  for (const auto& f : ref::validate(x.m, d))
    if (f.code == "relation_to_replaced_body")
      moved.push_back(f.ids);
  const std::vector<std::vector<std::string>> expected{
      {"org-dcp", "org-ctb", "org-ccdb"}, {"p-a", "org-ctb", "org-ccdb"}, {"p-b", "org-ctb", "org-ccdb"}};
  EXPECT_EQ(moved, expected);
}

TEST(ReferenceGovernance, SmallerBoardFromTheMeetingOf14April2011) {
  const renamed_board x;
  const date d = on("2011-04-14");
  const std::vector<membership> seats{
      seat(x.ccdb, x.c, no_vertex, "", membership_basis::direct, x.member_c),
      seat(x.ccdb, x.a, no_vertex, "member", membership_basis::direct, x.member_a, x.ctb, x.ecc),
      seat(x.ccdb, x.chair, x.chair_post, "Chair, West Essex Board", membership_basis::post_of_body, x.holding, x.ctb)};
  EXPECT_EQ(ref::members(x.m, x.ccdb, d), seats);
  EXPECT_EQ(ref::membership_size(x.m, x.ccdb, d), 3u);
  EXPECT_EQ(ref::chair(x.m, x.ccdb, d)->person, x.chair);
  EXPECT_EQ(ref::shared_members(x.m, x.dcp, x.ccdb, d), std::vector<vertex>{x.a});

  // Influence: the partnership reports to the renamed board, whose parent is the council; its chair
  // also sits on the board, on the council's behalf, but through the same board.
  const auto g = ref::influence_graph_on(x.m, d, {});
  orgraph_reference::path_search search(g, x.dcp, x.ecc);
  const auto paths = search.shortest(2);
  ASSERT_TRUE(paths.has_value());
  ASSERT_EQ(paths->size(), 2u);
  EXPECT_EQ((*paths)[0].vertices, (std::vector<vertex>{x.dcp, x.ccdb, x.ecc}));
  EXPECT_EQ((*paths)[1].vertices, (std::vector<vertex>{x.dcp, x.a, x.ccdb, x.ecc}));
  ASSERT_NE(g.step(x.ecc, x.a), nullptr);
  EXPECT_EQ(g.step(x.ecc, x.a)->link, orgraph::influence_link::represented_by);
  EXPECT_EQ(ref::channel_count(g, x.dcp, x.ecc), 1u);
  EXPECT_EQ(ref::single_points_of_failure(g, x.dcp, x.ecc), std::vector<vertex>{x.ccdb});
  EXPECT_EQ(ref::channel_count(g, x.dcp, x.ccdb), 2u); // directly, and through its chair
}

// ---- A task-and-finish group, dissolved, with a membership recorded without dates ----

struct task_group {
  model m;
  vertex board, group, wagland;
  relation_id undated, on_board;

  task_group() {
    board = m.add_organization("org-ccdb", "Commissioning and Delivery Board", "board", no_vertex,
                               between("2011-01-01", nullptr));
    group = m.add_organization("org-tfg", "Task and Finish Group: early help", "task and finish group", board,
                               between("2011-04-14", "2011-07-31"));
    wagland = m.add_person("p-wagland", "Councillor Wagland");
    undated = relate(m, wagland, group, relation_type::member_of, {}, arrangement::substantive, "member");
    on_board = relate(m, wagland, board, relation_type::member_of, between("2011-04-14", nullptr),
                      arrangement::substantive, "Chair");
  }
};

TEST(ReferenceGovernance, UndatedMembershipStartsAndEndsWithTheGroup) {
  const task_group x;
  const membership on_group = seat(x.group, x.wagland, no_vertex, "member", membership_basis::direct, x.undated);
  const membership on_board = seat(x.board, x.wagland, no_vertex, "Chair", membership_basis::direct, x.on_board);
  EXPECT_TRUE(ref::members(x.m, x.group, on("2011-04-13")).empty());
  EXPECT_FALSE(ref::in_force(x.m, x.group, on("2011-04-13")));
  EXPECT_EQ(ref::members(x.m, x.group, on("2011-04-14")), std::vector<membership>{on_group});
  // Direct seats in the order their relations were added: the group's first.
  EXPECT_EQ(ref::bodies_of(x.m, x.wagland, on("2011-04-14")), (std::vector<membership>{on_group, on_board}));
  const std::vector<orgraph::interlock> both{{x.wagland, {x.group, x.board}}};
  EXPECT_EQ(ref::interlocks(x.m, on("2011-04-14")), both);
  const auto below = ref::sub_bodies(x.m, x.board, on("2011-04-14"), false);
  ASSERT_EQ(below.size(), 1u);
  EXPECT_EQ(below[0].body, x.group);
  EXPECT_EQ(below[0].above.via, orgraph::reporting_via::parent);
  EXPECT_EQ(below[0].depth, 1u);
  EXPECT_EQ(ref::members(x.m, x.group, on("2011-07-31")), std::vector<membership>{on_group});
  // The day after the dissolution: no group, no seat on it, nothing below the board.
  const date after = on("2011-08-01");
  EXPECT_TRUE(ref::members(x.m, x.group, after).empty());
  EXPECT_FALSE(ref::in_force(x.m, x.group, after));
  EXPECT_EQ(ref::bodies_of(x.m, x.wagland, after), std::vector<membership>{on_board});
  EXPECT_TRUE(ref::sub_bodies(x.m, x.board, after, false).empty());
  EXPECT_TRUE(ref::interlocks(x.m, after).empty());
  // An undated membership is normal data (concepts.md, rule 4): not outside the group's lifetime.
  for (const auto& f : ref::validate(x.m, after))
    EXPECT_NE(f.code, "membership_outside_lifetime");
}

TEST(ReferenceGovernance, GroupDueToExpire) {
  const task_group x;
  const std::vector<orgraph::expiring_body> soon{{x.group, on("2011-07-31"), 16}};
  EXPECT_EQ(ref::expiring(x.m, 30, on("2011-07-15")), soon);
  EXPECT_TRUE(ref::expiring(x.m, 10, on("2011-07-15")).empty());
  const std::vector<orgraph::expiring_body> today{{x.group, on("2011-07-31"), 0}};
  EXPECT_EQ(ref::expiring(x.m, 0, on("2011-07-31")), today);
}

TEST(ReferenceInfluence, ReachOfAChairByHopsAndByRoles) {
  const task_group x;
  const auto hops =
      ref::influence_reach(x.m, ref::influence_graph_on(x.m, on("2011-05-01"), {}), x.wagland, on("2011-05-01"));
  ASSERT_EQ(hops.size(), 2u);
  EXPECT_EQ(hops[0].body, x.board);
  EXPECT_EQ(hops[0].distance, 1.0);
  EXPECT_EQ(hops[1].body, x.group);
  EXPECT_EQ(hops[1].distance, 1.0);
  const orgraph::influence_options roles{1, orgraph::influence_weighting::roles};
  const auto weighted =
      ref::influence_reach(x.m, ref::influence_graph_on(x.m, on("2011-05-01"), roles), x.wagland, on("2011-05-01"));
  ASSERT_EQ(weighted.size(), 2u);
  EXPECT_EQ(weighted[0].distance, 0.5); // as the board's chair
  EXPECT_EQ(weighted[1].distance, 1.0);
  EXPECT_EQ(
      ref::influence_reach(x.m, ref::influence_graph_on(x.m, on("2011-08-01"), {}), x.wagland, on("2011-08-01")).size(),
      1u);
}

// ---- Succession's dates ----

TEST(ReferenceSuccession, ReplacementDateFallsBackToFoundingThenToTheDayAfterDissolution) {
  model m;
  const auto old_body = m.add_organization("org-old", "Old", "board", no_vertex, between(nullptr, "2010-06-30"));
  const auto founded = m.add_organization("org-founded", "Founded", "board", no_vertex, between("2010-05", nullptr));
  const auto plain = m.add_organization("org-plain", "Plain", "board");
  const auto x1 = m.add_organization("org-x1", "X1", "board");
  const auto x2 = m.add_organization("org-x2", "X2", "board");
  const auto dated = relate(m, old_body, plain, relation_type::replaced_by, between("2010-09-01", nullptr));
  const auto by_founding = relate(m, old_body, founded, relation_type::replaced_by);
  const auto by_dissolution = relate(m, old_body, plain, relation_type::replaced_by);
  const auto unknown = relate(m, x1, x2, relation_type::replaced_by);
  EXPECT_EQ(ref::replacement_date(m, dated), on("2010-09-01"));
  EXPECT_EQ(ref::replacement_date(m, by_founding), on("2010-05-01"));
  EXPECT_EQ(ref::replacement_date(m, by_dissolution), on("2010-07-01"));
  EXPECT_EQ(ref::replacement_date(m, unknown), date::min());
  // The earliest replacement wins (a split): the founded body from 2010-05-01, though not yet on 2010-04-30.
  EXPECT_EQ(ref::successor(m, old_body, on("2010-04-30")), old_body);
  EXPECT_EQ(ref::successor(m, old_body, on("2010-05-01")), founded);
  EXPECT_EQ(ref::successor(m, x1, on("1970-01-01")), x2); // a replacement of unknown date: always in effect
  // Lineage follows the earliest link each way: forwards from the old body to the founded one, but
  // backwards from the plain body to the old one.
  EXPECT_EQ(ref::lineage(m, old_body), (std::vector<vertex>{old_body, founded}));
  EXPECT_EQ(ref::lineage(m, plain), (std::vector<vertex>{old_body, plain}));
}

} // namespace
