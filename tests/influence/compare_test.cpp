// compare() on a West-Essex-like structure before and after the 2011 proposals, worked by hand.

#include <orgraph/analysis/compare.hpp>
#include <orgraph/model/model.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

using orgraph::date;
using orgraph::influence_pair;
using orgraph::membership_change;
using orgraph::model;
using orgraph::no_vertex;
using orgraph::relation;
using orgraph::relation_type;
using orgraph::size_change;
using orgraph::vertex;

namespace {

date on(const char* text) { return orgraph::parse_date(text); }

std::optional<orgraph::partial_date> maybe(const char* text) {
  if (text == nullptr)
    return std::nullopt;
  return orgraph::parse_partial_date(text);
}

/*
 * Bodies (in this order): org-essex (the central Essex board), org-board (West Essex, reports to
 * org-essex), the three District Children's Partnerships (each reports to org-board), and, with
 * the proposals, org-bmg (the Business Management Group, parent org-board).
 *
 * Throughout: the board chair p-bc chairs org-board and sits on org-essex; each DCP has its chair;
 * p-m1 sits on the board; p-rep (a Harlow provider) sits on the Harlow DCP.
 * Before: p-m2 and p-rep sit on the board too (the large board); p-m1 line-manages p-rep.
 * After: the BMG of p-bc (chair) and the three DCP chairs; p-chair-harlow line-manages p-rep.
 *
 * `before_end` and `after_start` date the two sides within one model; a side can be left out to
 * make the current structure and the proposal separate models.
 */
model west_essex_like(bool with_before, bool with_after, const char* before_end = nullptr,
                      const char* after_start = nullptr) {
  model m;
  const auto essex = m.add_organization("org-essex", "Essex Children's Trust", "board");
  const auto board = m.add_organization("org-board", "West Essex Board", "board");
  const auto epping = m.add_organization("org-dcp-epping", "Epping Forest DCP", "district partnership");
  const auto harlow = m.add_organization("org-dcp-harlow", "Harlow DCP", "district partnership");
  const auto uttlesford = m.add_organization("org-dcp-uttlesford", "Uttlesford DCP", "district partnership");
  const orgraph::period before{std::nullopt, maybe(before_end)};
  const orgraph::period after{maybe(after_start), std::nullopt};
  const auto reports = [&](vertex from, vertex to) { m.add_relation(from, to, relation{relation_type::reports_to}); };
  const auto sits = [&](vertex p, vertex body, const char* role, orgraph::period when = {}) {
    relation r{relation_type::member_of, when};
    r.role = role;
    m.add_relation(p, body, r);
  };
  reports(board, essex);
  for (auto dcp : {epping, harlow, uttlesford})
    reports(dcp, board);

  const auto bc = m.add_person("p-bc", "Board chair");
  const auto chair_e = m.add_person("p-chair-epping", "Epping Forest DCP chair");
  const auto chair_h = m.add_person("p-chair-harlow", "Harlow DCP chair");
  const auto chair_u = m.add_person("p-chair-uttlesford", "Uttlesford DCP chair");
  const auto m1 = m.add_person("p-m1", "Board member 1");
  const auto m2 = m.add_person("p-m2", "Board member 2");
  const auto rep = m.add_person("p-rep", "Harlow provider");
  sits(bc, board, "Chair");
  sits(bc, essex, "member");
  sits(chair_e, epping, "Chair");
  sits(chair_h, harlow, "Chair");
  sits(chair_u, uttlesford, "Chair");
  sits(m1, board, "member");
  sits(rep, harlow, "member");
  if (with_before) {
    sits(m2, board, "member", before);
    sits(rep, board, "member", before);
    m.add_relation(m1, rep, relation{relation_type::manages, before});
  }
  if (with_after) {
    const auto bmg = m.add_organization("org-bmg", "Business Management Group", "group", board, after);
    sits(bc, bmg, "Chair", after);
    for (auto chair : {chair_e, chair_h, chair_u})
      sits(chair, bmg, "member", after);
    m.add_relation(chair_h, rep, relation{relation_type::manages, after});
  }
  return m;
}

const std::vector<influence_pair> pairs{{"org-dcp-epping", "org-board"},
                                        {"org-dcp-epping", "org-essex"},
                                        {"org-dcp-harlow", "org-board"},
                                        {"org-dcp-harlow", "org-essex"},
                                        {"p-chair-uttlesford", "org-essex"}};

/// (body, person) of each change, the seats left out.
std::vector<std::pair<std::string, std::string>> who(const std::vector<membership_change>& changes) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& c : changes)
    out.emplace_back(c.body, c.person);
  return out;
}

using pairs_of_ids = std::vector<std::pair<std::string, std::string>>;

void expect_west_essex_changes(const orgraph::comparison& c) {
  EXPECT_EQ(c.bodies_added, (std::vector<std::string>{"org-bmg"}));
  EXPECT_TRUE(c.bodies_removed.empty());
  EXPECT_EQ(who(c.members_added), (pairs_of_ids{{"org-bmg", "p-bc"},
                                                {"org-bmg", "p-chair-epping"},
                                                {"org-bmg", "p-chair-harlow"},
                                                {"org-bmg", "p-chair-uttlesford"}}));
  EXPECT_EQ(who(c.members_removed), (pairs_of_ids{{"org-board", "p-m2"}, {"org-board", "p-rep"}}));
  for (const auto& x : c.members_added)
    EXPECT_TRUE(x.before.empty() && !x.after.empty()) << x.person;
  for (const auto& x : c.members_removed)
    EXPECT_TRUE(!x.before.empty() && x.after.empty()) << x.person;
  EXPECT_EQ(c.sizes, (std::vector<size_change>{{"org-essex", 1, 1},
                                               {"org-board", 4, 2},
                                               {"org-dcp-epping", 1, 1},
                                               {"org-dcp-harlow", 2, 2},
                                               {"org-dcp-uttlesford", 1, 1},
                                               {"org-bmg", std::nullopt, 4}}));
  ASSERT_EQ(c.managers_changed.size(), 1U);
  EXPECT_EQ(c.managers_changed[0].person, "p-rep");
  EXPECT_EQ(c.managers_changed[0].before, std::optional<std::string>("p-m1"));
  EXPECT_EQ(c.managers_changed[0].after, std::optional<std::string>("p-chair-harlow"));

  ASSERT_EQ(c.pairs.size(), 5U);
  const auto& epping_board = c.pairs[0];
  // Before: only the reports_to step. After: also dcp → its chair → BMG → board (the BMG's parent).
  EXPECT_TRUE(epping_board.before.found);
  EXPECT_EQ(epping_board.before.distance, 1.0);
  EXPECT_EQ(epping_board.after.distance, 1.0);
  EXPECT_EQ(epping_board.before.channels, 1U);
  EXPECT_EQ(epping_board.after.channels, 2U);
  EXPECT_TRUE(epping_board.before.single_points_of_failure.empty()); // a direct step

  // To the centre: before, every path passes the West Essex board (dcp → board → essex, 2 hops);
  // after, dcp → chair → BMG → board chair → essex avoids it.
  const auto& epping_essex = c.pairs[1];
  EXPECT_EQ(epping_essex.before.hops, std::optional<std::size_t>(2));
  EXPECT_EQ(epping_essex.after.hops, std::optional<std::size_t>(2));
  EXPECT_EQ(epping_essex.before.channels, 1U);
  EXPECT_EQ(epping_essex.after.channels, 2U);
  EXPECT_EQ(epping_essex.before.single_points_of_failure, (std::vector<std::string>{"org-board"}));
  EXPECT_TRUE(epping_essex.after.single_points_of_failure.empty());

  // Harlow had a second channel before, through the provider on the large board; after, through
  // its chair and the BMG instead.
  EXPECT_EQ(c.pairs[2].before.channels, 2U);
  EXPECT_EQ(c.pairs[2].after.channels, 2U);
  EXPECT_EQ(c.pairs[3].before.channels, 1U);
  EXPECT_EQ(c.pairs[3].after.channels, 2U);

  // A DCP chair to the centre: 3 hops either way (chair → dcp → board → essex; after also
  // chair → BMG → board chair → essex); before, the DCP and the board are each a single point.
  const auto& chair_essex = c.pairs[4];
  EXPECT_EQ(chair_essex.before.distance, 3.0);
  EXPECT_EQ(chair_essex.after.distance, 3.0);
  EXPECT_EQ(chair_essex.before.channels, 1U);
  EXPECT_EQ(chair_essex.after.channels, 2U);
  EXPECT_EQ(chair_essex.before.single_points_of_failure, (std::vector<std::string>{"org-dcp-uttlesford", "org-board"}));
  EXPECT_TRUE(chair_essex.after.single_points_of_failure.empty());
}

} // namespace

TEST(Compare, ProposalAgainstCurrentStructure) {
  const auto current = west_essex_like(true, false);
  const auto proposal = west_essex_like(false, true);
  expect_west_essex_changes(orgraph::compare(current, proposal, on("2011-05-01"), pairs));
}

TEST(Compare, OneModelOnTwoDates) {
  const auto m = west_essex_like(true, true, "2011-04-13", "2011-04-14");
  expect_west_essex_changes(orgraph::compare(m, on("2011-04-13"), on("2011-04-14"), pairs));
}

TEST(Compare, PairNamingANodeMissingOnOneSideIsNotFoundThere) {
  const auto m = west_essex_like(true, false);
  const auto c = orgraph::compare(m, west_essex_like(false, true), on("2011-05-01"), {{"org-bmg", "org-essex"}});
  ASSERT_EQ(c.pairs.size(), 1U);
  EXPECT_FALSE(c.pairs[0].before.found);
  EXPECT_FALSE(c.pairs[0].before.distance.has_value());
  EXPECT_TRUE(c.pairs[0].after.found);
  EXPECT_EQ(c.pairs[0].after.distance, 2.0); // bmg → board → essex, or bmg → board chair → essex
  EXPECT_EQ(c.pairs[0].after.channels, 2U);
}

TEST(Compare, SameModelSameDateChangesNothing) {
  const auto m = west_essex_like(true, true, "2011-04-13", "2011-04-14");
  const auto c = orgraph::compare(m, on("2011-05-01"), on("2011-05-01"));
  EXPECT_TRUE(c.bodies_added.empty());
  EXPECT_TRUE(c.members_added.empty());
  EXPECT_TRUE(c.members_removed.empty());
  EXPECT_TRUE(c.managers_changed.empty());
  for (const auto& s : c.sizes)
    EXPECT_FALSE(s.changed()) << s.body;
}

// A change of party on one day (one membership ends, the next begins the day after with another
// on_behalf_of) and a move to another area are changes of seat, not "no change"; a seat that stays is none.
TEST(Compare, APartySwitchOrAMoveToAnotherAreaIsAChange) {
  model m;
  const vertex house = m.add_organization("house", "House", "legislature");
  const vertex lab = m.add_organization("lab", "Labour", "party");
  const vertex ind = m.add_organization("ind", "Independent", "party");
  const vertex north = m.add_area("north", "North");
  const vertex south = m.add_area("south", "South");
  const vertex mp = m.add_person("mp", "Member");
  const vertex other = m.add_person("other", "Other");
  const vertex third = m.add_person("third", "Third");
  relation before{relation_type::member_of, orgraph::period(maybe("2010-05-06"), maybe("2012-10-22"))};
  before.role = "member";
  before.on_behalf_of = lab;
  before.area = north;
  m.add_relation(mp, house, before);
  relation after = before;
  after.when = orgraph::period(maybe("2012-10-23"), std::nullopt);
  after.on_behalf_of = ind;
  m.add_relation(mp, house, after);
  relation chair = before;
  chair.when = {};
  chair.on_behalf_of = no_vertex;
  m.add_relation(other, house, chair);
  relation moved = chair;
  moved.when = orgraph::period(std::nullopt, maybe("2012-10-22"));
  m.add_relation(third, house, moved);
  moved.when = orgraph::period(maybe("2012-10-23"), std::nullopt);
  moved.area = south;
  m.add_relation(third, house, moved);

  const auto c = orgraph::compare(m, on("2012-10-22"), on("2012-10-23"));
  EXPECT_TRUE(c.members_added.empty());
  EXPECT_TRUE(c.members_removed.empty());
  ASSERT_EQ(c.members_changed.size(), 2U);
  EXPECT_EQ(c.members_changed[0],
            (membership_change{"house", "mp", {{"", "member", "lab", "north"}}, {{"", "member", "ind", "north"}}}));
  EXPECT_EQ(c.members_changed[1],
            (membership_change{"house", "third", {{"", "member", "", "north"}}, {{"", "member", "", "south"}}}));
  EXPECT_EQ(c.sizes.front(), (size_change{"house", 3, 3})); // persons, not seats, are counted
  // On the day both memberships are in force the member has two seats; the day after, one.
  const auto overlap = orgraph::compare(m, on("2012-10-22"), on("2012-10-22"));
  EXPECT_TRUE(overlap.members_changed.empty());
}
