#include <orgraph/query/governance.hpp>

#include "seed_models.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using orgraph::membership_basis;
using orgraph::no_vertex;
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

std::vector<std::string> person_ids(const orgraph::model& m, const std::vector<orgraph::membership>& seats) {
  std::vector<std::string> out;
  for (const auto& s : seats)
    out.push_back(s.person ? std::string(m[*s.person].id) : "(vacant " + std::string(m[s.post].id) + ")");
  return out;
}

std::vector<std::string> body_ids(const orgraph::model& m, const std::vector<orgraph::membership>& seats) {
  std::vector<std::string> out;
  for (const auto& s : seats)
    out.push_back(std::string(m[s.body].id));
  return out;
}

} // namespace

TEST(Members, SmallerBoardAfterTheMeetingOf14April2011) {
  const auto m = seed::west_essex_2011();
  const auto ccdb = m.at("org-ccdb");
  const auto seats = orgraph::members(m, ccdb, d(2011, 4, 14));
  // Direct on the new board, then Wagland still recorded on the old name, then the chair's post of the old board.
  EXPECT_EQ(person_ids(m, seats), (std::vector<std::string>{"p-chair-epping", "p-chair-harlow", "p-chair-uttlesford",
                                                            "p-wagland", "p-board-chair"}));
  for (const auto& s : seats)
    EXPECT_EQ(s.body, ccdb);
}

TEST(Members, CouncilRepresentativeSitsOnBehalfOfTheCouncil) {
  const auto m = seed::west_essex_2011();
  const auto seats = orgraph::members(m, m.at("org-ctb"), d(2010, 6, 1));
  const auto it = std::find_if(seats.begin(), seats.end(),
                               [&](const orgraph::membership& s) { return s.person == m.at("p-wagland"); });
  ASSERT_NE(it, seats.end());
  EXPECT_EQ(it->role, "Council Representative");
  EXPECT_EQ(it->on_behalf_of, m.at("org-ecc"));
  EXPECT_EQ(it->basis, membership_basis::direct);
  EXPECT_EQ(it->via, relation_type::member_of);
  ASSERT_TRUE(it->edge);
  EXPECT_EQ(target(*it->edge, m.graph()), m.at("org-ctb"));
  EXPECT_EQ(it->replaced, no_vertex); // asked about the board itself, before its renaming
}

TEST(Members, RecordedOnTheOldNameCountsForTheSuccessorAndSaysSo) {
  const auto m = seed::west_essex_2011();
  const auto seats = orgraph::members(m, m.at("org-ccdb"), d(2011, 4, 14));
  ASSERT_EQ(seats.size(), 5u);
  EXPECT_EQ(seats[0].replaced, no_vertex);
  EXPECT_EQ(seats[3].replaced, m.at("org-ctb"));
  EXPECT_EQ(seats[4].replaced, m.at("org-ctb"));
}

TEST(Members, PostHolderSitsWithThePostLabelAsRole) {
  const auto m = seed::west_essex_2011();
  const auto seats = orgraph::members(m, m.at("org-ccdb"), d(2011, 4, 14));
  ASSERT_FALSE(seats.empty());
  const auto& chair_seat = seats.back();
  EXPECT_EQ(chair_seat.post, m.at("post-board-chair"));
  EXPECT_EQ(chair_seat.role, "Chair, West Essex Board");
  EXPECT_EQ(chair_seat.basis, membership_basis::post_of_body);
  EXPECT_EQ(chair_seat.via, relation_type::holds);
}

TEST(Members, MembershipEndingTheDayBeforeIsNotInForce) {
  const auto m = seed::west_essex_2011();
  const auto p = m.at("p-m01");
  EXPECT_EQ(body_ids(m, orgraph::bodies_of(m, p, d(2011, 4, 13))), (std::vector<std::string>{"org-ccdb"}));
  EXPECT_TRUE(orgraph::bodies_of(m, p, d(2011, 4, 14)).empty());
}

TEST(Members, ExOfficioPostSeatsItsHolderAndAVacantPostIsListedVacant) {
  orgraph::model m;
  const auto board = m.add_organization("b", "Board", "board");
  const auto dept = m.add_organization("dept", "Directorate", "directorate");
  const auto director = m.add_post("post-dir", "Director", dept);
  const auto clerk = m.add_post("post-clerk", "Clerk", board);
  m.add_relation(director, board, seed::member({}, "", dept));
  auto holding = seed::rel(relation_type::holds, from(2009, 1, 1));
  holding.role = "Director for Commissioning";
  const auto p = m.add_person("p", "Director");
  m.add_relation(p, director, holding);

  const auto before = orgraph::members(m, board, d(2008, 6, 1));
  EXPECT_EQ(person_ids(m, before), (std::vector<std::string>{"(vacant post-dir)", "(vacant post-clerk)"}));
  ASSERT_EQ(before.size(), 2u);
  EXPECT_TRUE(before[0].edge);  // the ex officio member_of
  EXPECT_FALSE(before[1].edge); // a post of the body: nothing to follow while vacant
  EXPECT_EQ(before[1].post, clerk);

  const auto after = orgraph::members(m, board, d(2009, 6, 1));
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].person, p);
  EXPECT_EQ(after[0].basis, membership_basis::ex_officio);
  EXPECT_EQ(after[0].role, "Director for Commissioning"); // the edge has no role: the holding's
  EXPECT_EQ(after[0].on_behalf_of, dept);
  EXPECT_EQ(orgraph::membership_size(m, board, d(2009, 6, 1)), 1u); // vacant clerk not counted
}

TEST(Members, ActingHolderTakesTheSeatOfTheSubstantiveOne) {
  orgraph::model m;
  const auto board = m.add_organization("b", "Board", "board");
  const auto post = m.add_post("post-manager", "TASCC Manager, Harlow", board);
  const auto substantive = m.add_person("p-sub", "Seconded manager");
  const auto acting = m.add_person("p-acting", "Acting manager");
  m.add_relation(substantive, post, seed::rel(relation_type::holds));
  auto a = seed::rel(relation_type::holds, seed::between(2009, 9, 1, 2009, 12, 31));
  a.arrangement = orgraph::arrangement::acting;
  m.add_relation(acting, post, a);

  EXPECT_EQ(person_ids(m, orgraph::members(m, board, d(2009, 10, 26))), (std::vector<std::string>{"p-acting"}));
  EXPECT_TRUE(orgraph::bodies_of(m, substantive, d(2009, 10, 26)).empty());
  EXPECT_EQ(person_ids(m, orgraph::members(m, board, d(2010, 1, 1))), (std::vector<std::string>{"p-sub"}));
}

TEST(Members, HoldingThatNamesABodySeatsTheHolderThere) {
  orgraph::model m;
  const auto council = m.add_organization("council", "Council", "council");
  const auto board = m.add_organization("b", "Board", "board");
  const auto post = m.add_post("post-rep", "Council representative", council);
  const auto p = m.add_person("p", "Rep");
  auto h = seed::rel(relation_type::holds);
  h.organization = board;
  m.add_relation(p, post, h);
  EXPECT_EQ(body_ids(m, orgraph::bodies_of(m, p, d(2010, 1, 1))), (std::vector<std::string>{"council", "b"}));
  EXPECT_EQ(person_ids(m, orgraph::members(m, board, d(2010, 1, 1))), (std::vector<std::string>{"p"}));
}

TEST(Members, DirectAndThroughPostAreTwoSeatsButOnePerson) {
  orgraph::model m;
  const auto board = m.add_organization("b", "Board", "board");
  const auto post = m.add_post("post-chair", "Chair", board);
  const auto p = m.add_person("p", "P");
  m.add_relation(p, board, seed::member({}));
  m.add_relation(p, post, seed::rel(relation_type::holds));
  EXPECT_EQ(orgraph::members(m, board, d(2010, 1, 1)).size(), 2u);
  EXPECT_EQ(orgraph::membership_size(m, board, d(2010, 1, 1)), 1u);
}

TEST(MembershipSize, LargeBoardBeforeAndSmallerAfterTheReview) {
  const auto m = seed::west_essex_2011();
  // 20 ordinary members + Wagland + the chair (through the chair's post).
  EXPECT_EQ(orgraph::membership_size(m, m.at("org-ctb"), d(2010, 6, 1)), 22u);
  // After the renaming the same persons answer for the new board (recorded on the old name).
  EXPECT_EQ(orgraph::membership_size(m, m.at("org-ccdb"), d(2011, 4, 13)), 22u);
  // Three partnership chairs, Wagland, the board chair.
  EXPECT_EQ(orgraph::membership_size(m, m.at("org-ccdb"), d(2011, 4, 14)), 5u);
}

TEST(Chair, RoleSpellings) {
  for (const char* r : {"chair", "Chair", "CHAIRMAN", "Chairwoman", "chairperson", "Chair person", "Chair of the Board",
                        "Chair, West Essex Board", "  chair"})
    EXPECT_TRUE(orgraph::is_chair_role(r)) << r;
  for (const char* r : {"vice-chair", "Vice Chair", "Deputy Chair", "chairs", "member", "", "Chairing officer"})
    EXPECT_FALSE(orgraph::is_chair_role(r)) << r;
}

TEST(Chair, OfEachPartnershipAndOfTheBoard) {
  const auto m = seed::west_essex_2011();
  const auto on = d(2011, 4, 14);
  const auto person_of = [&](const char* body) {
    auto c = orgraph::chair(m, m.at(body), on);
    return c && c->person ? std::string(m[*c->person].id) : std::string("none");
  };
  EXPECT_EQ(person_of("org-dcp-epping"), "p-chair-epping");         // "Chair"
  EXPECT_EQ(person_of("org-dcp-harlow"), "p-chair-harlow");         // "chairman"
  EXPECT_EQ(person_of("org-dcp-uttlesford"), "p-chair-uttlesford"); // post label "Chair person, ..."
  EXPECT_EQ(person_of("org-ccdb"), "p-board-chair");                // the old board's chair post
  EXPECT_EQ(person_of("org-bmg"), "none");                          // the BMG's members are all "member"
}

TEST(Chair, FilledSeatPreferredVacantChairPostReported) {
  orgraph::model m;
  const auto board = m.add_organization("b", "Board", "board");
  const auto post = m.add_post("post-chair", "Chair", board);
  const auto vice = m.add_person("p-vice", "Vice");
  m.add_relation(vice, board, seed::member({}, "Vice-chair"));
  const auto c = orgraph::chair(m, board, d(2010, 1, 1));
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->vacant());
  EXPECT_EQ(c->post, post);

  const auto co = m.add_person("p-co", "Co-opted chair");
  m.add_relation(co, board, seed::member(from(2010, 1, 1), "chair"));
  const auto filled = orgraph::chair(m, board, d(2010, 1, 1));
  ASSERT_TRUE(filled);
  EXPECT_EQ(filled->person, co);
  EXPECT_FALSE(orgraph::chair(m, m.add_organization("empty", "Empty", "board"), d(2010, 1, 1)));
}

TEST(BodiesOf, DirectlyAndThroughPostsWithRoles) {
  const auto m = seed::west_essex_2011();
  const auto seats = orgraph::bodies_of(m, m.at("p-chair-uttlesford"), d(2011, 4, 14));
  EXPECT_EQ(body_ids(m, seats), (std::vector<std::string>{"org-ccdb", "org-bmg", "org-dcp-uttlesford"}));
  ASSERT_EQ(seats.size(), 3u);
  EXPECT_EQ(seats[2].role, "Chair person, Uttlesford DCP");
  EXPECT_EQ(seats[2].post, m.at("post-uttlesford-chair"));
}

TEST(BodiesOf, OldBoardAnswersAsTheRenamedOne) {
  const auto m = seed::west_essex_2011();
  const auto seats = orgraph::bodies_of(m, m.at("p-wagland"), d(2011, 4, 14));
  EXPECT_EQ(body_ids(m, seats), (std::vector<std::string>{"org-ccdb", "org-tfg"}));
  ASSERT_EQ(seats.size(), 2u);
  EXPECT_EQ(seats[0].replaced, m.at("org-ctb"));
  EXPECT_EQ(seats[0].on_behalf_of, m.at("org-ecc"));
  // The day before the renaming, the old board itself.
  EXPECT_EQ(body_ids(m, orgraph::bodies_of(m, m.at("p-wagland"), d(2010, 12, 31))),
            (std::vector<std::string>{"org-ctb"}));
}

TEST(BodiesOf, IsTheInverseOfMembers) {
  const auto m = seed::west_essex_2011();
  const auto on = d(2011, 4, 14);
  for (auto body : orgraph::active_bodies(m, on))
    for (const auto& s : orgraph::members(m, body, on)) {
      if (!s.person)
        continue;
      const auto back = orgraph::bodies_of(m, *s.person, on);
      EXPECT_NE(std::find(back.begin(), back.end(), s), back.end()) << m[*s.person].id << " on " << m[body].id;
    }
}

TEST(SharedMembers, BusinessManagementGroupIsDrawnFromTheBoard) {
  const auto m = seed::west_essex_2011();
  EXPECT_EQ(ids(m, orgraph::shared_members(m, m.at("org-bmg"), m.at("org-ccdb"), d(2011, 4, 14))),
            (std::vector<std::string>{"p-chair-epping", "p-chair-harlow", "p-chair-uttlesford", "p-board-chair"}));
  EXPECT_TRUE(orgraph::shared_members(m, m.at("org-bmg"), m.at("org-ccdb"), d(2011, 4, 13)).empty());
  EXPECT_TRUE(orgraph::shared_members(m, m.at("org-dcp-epping"), m.at("org-dcp-harlow"), d(2011, 4, 14)).empty());
}

TEST(Interlocks, PersonsOnTwoOrMoreBodies) {
  const auto m = seed::west_essex_2011();
  const auto found = orgraph::interlocks(m, d(2011, 4, 14));
  const auto v = [&](const char* id) { return m.at(id); };
  const std::vector<orgraph::interlock> expected{
      {v("p-wagland"), {v("org-ccdb"), v("org-tfg")}},
      {v("p-board-chair"), {v("org-bmg"), v("org-ccdb")}},
      {v("p-chair-epping"), {v("org-dcp-epping"), v("org-ccdb"), v("org-bmg")}},
      {v("p-chair-harlow"), {v("org-dcp-harlow"), v("org-ccdb"), v("org-bmg")}},
      {v("p-chair-uttlesford"), {v("org-ccdb"), v("org-bmg"), v("org-dcp-uttlesford")}},
  };
  EXPECT_EQ(found, expected);
  EXPECT_TRUE(orgraph::interlocks(m, d(2010, 6, 1)).empty()); // before the review everyone sat on one body
}

TEST(MembershipSize, RenamedOnTheQueryDateTheNewBoardHasTheOldMembers) {
  const auto m = seed::west_essex_2011();
  EXPECT_EQ(orgraph::membership_size(m, m.at("org-ccdb"), d(2010, 12, 31)), 0u); // not yet the old board's name
  EXPECT_EQ(orgraph::membership_size(m, m.at("org-ccdb"), d(2011, 1, 1)), 22u);
}

TEST(Members, NamesWrittenInOutput) {
  EXPECT_EQ(orgraph::to_string(membership_basis::direct), "direct");
  EXPECT_EQ(orgraph::to_string(membership_basis::ex_officio), "ex_officio");
  EXPECT_EQ(orgraph::to_string(membership_basis::post_of_body), "post_of_body");
  EXPECT_EQ(orgraph::to_string(orgraph::reporting_via::reports_to), "reports_to");
  EXPECT_EQ(orgraph::to_string(orgraph::reporting_via::parent), "parent");
}

// A large body keeps its seats in a table rather than searching them (past 32): the same rule holds
// there. 100 persons, each recorded twice in the same role (one seat) and the even ones also as Chair
// (a second seat), in the order the relations were added.
TEST(Members, ARepeatedRecordIsOneSeatInALargeBodyToo) {
  orgraph::model m;
  const auto board = m.add_organization("b", "Board", "board");
  std::vector<orgraph::vertex> persons;
  for (int i = 0; i < 100; ++i)
    persons.push_back(m.add_person("p" + std::to_string(i), "P" + std::to_string(i)));
  for (int round = 0; round < 2; ++round)
    for (int i = 0; i < 100; ++i)
      m.add_relation(persons[static_cast<std::size_t>(i)], board, seed::member({}));
  for (int i = 0; i < 100; i += 2)
    m.add_relation(persons[static_cast<std::size_t>(i)], board, seed::member({}, "Chair"));
  const auto seats = orgraph::members(m, board, d(2010, 1, 1));
  ASSERT_EQ(seats.size(), 150u);
  for (std::size_t i = 0; i < 100; ++i) { // the first record of each person wins: the first round's
    EXPECT_EQ(seats[i].person, persons[i]);
    EXPECT_EQ(seats[i].role, "member");
    EXPECT_EQ(seats[i].edge, m.in_relations(board, relation_type::member_of)[i]);
  }
  for (std::size_t i = 100; i < 150; ++i) {
    EXPECT_EQ(seats[i].person, persons[2 * (i - 100)]);
    EXPECT_EQ(seats[i].role, "Chair");
  }
  EXPECT_EQ(orgraph::membership_size(m, board, d(2010, 1, 1)), 100u);
}
