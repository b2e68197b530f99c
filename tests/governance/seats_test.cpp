// Every membership is its own seat (docs/governance.md, "Members"): two roles, a change of party on
// one day, consecutive terms and job shares each show; only seats that agree in person, post, role,
// on_behalf_of and area are one. Seats carry their area, and members_in_area() filters by it.

#include <orgraph/query/governance.hpp>
#include <orgraph/query/line_management.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace orgraph;

namespace {

date day(const char* text) { return parse_date(text); }

period between(const char* start, const char* end) {
  return period(start ? std::optional<partial_date>(parse_partial_date(start)) : std::nullopt,
                end ? std::optional<partial_date>(parse_partial_date(end)) : std::nullopt);
}

struct legislature {
  model m;
  vertex house = m.add_organization("house", "House", "legislature");
  vertex lab = m.add_organization("lab", "Labour", "party");
  vertex snp = m.add_organization("snp", "SNP", "party");
  vertex ind = m.add_organization("ind", "Independent", "party");
  vertex region = m.add_area("region", "Highlands", "region");
  vertex seat_a = m.add_area("seat-a", "Inverness", "constituency", region);
  vertex seat_b = m.add_area("seat-b", "Skye", "constituency", region);
  vertex elsewhere = m.add_area("elsewhere", "Elsewhere", "region");
  vertex finnie = m.add_person("finnie", "John Finnie");

  relation_id sit(vertex who, period when, vertex party, vertex area, std::string role = "member") {
    relation r{relation_type::member_of, when};
    r.role = std::move(role);
    r.on_behalf_of = party;
    r.area = area;
    return m.add_relation(who, house, r);
  }
};

std::vector<std::string> parties(const model& m, const std::vector<membership>& seats) {
  std::vector<std::string> out;
  for (const auto& s : seats)
    out.emplace_back(s.on_behalf_of == no_vertex ? "-" : m[s.on_behalf_of].id);
  return out;
}

} // namespace

TEST(Seats, APartySwitchOnOneDayShowsBothMembershipsThatDay) {
  // The Scottish Parliament file ends one membership and starts the next on the same day.
  legislature l;
  l.sit(l.finnie, between("2011-05-06", "2012-10-23"), l.snp, l.seat_a);
  l.sit(l.finnie, between("2012-10-23", nullptr), l.ind, l.seat_a);
  EXPECT_EQ(parties(l.m, members(l.m, l.house, day("2012-10-22"))), (std::vector<std::string>{"snp"}));
  EXPECT_EQ(parties(l.m, members(l.m, l.house, day("2012-10-23"))), (std::vector<std::string>{"snp", "ind"}));
  EXPECT_EQ(parties(l.m, members(l.m, l.house, day("2012-10-24"))), (std::vector<std::string>{"ind"}));
  EXPECT_EQ(membership_size(l.m, l.house, day("2012-10-23")), 1u); // one person
  EXPECT_EQ(bodies_of(l.m, l.finnie, day("2012-10-23")).size(), 2u);
  EXPECT_EQ(interlocks(l.m, day("2012-10-23")).size(), 0u); // two seats on one body are no interlock
}

TEST(Seats, TwoRolesAreTwoSeatsAndARepeatedRecordIsOne) {
  legislature l;
  const relation_id member = l.sit(l.finnie, {}, l.snp, l.seat_a);
  l.sit(l.finnie, {}, l.snp, l.seat_a, "Convener");
  l.sit(l.finnie, {}, l.snp, l.seat_a); // the same membership recorded twice (parlparse has 611)
  const auto seats = members(l.m, l.house, day("2013-01-01"));
  ASSERT_EQ(seats.size(), 2u);
  EXPECT_EQ(seats[0].role, "member");
  EXPECT_EQ(seats[0].edge, std::optional<relation_id>(member)); // the first added stands for both
  EXPECT_EQ(seats[1].role, "Convener");
  EXPECT_FALSE(chair(l.m, l.house, day("2013-01-01")).has_value()); // "Convener" is no chair role
}

TEST(Seats, ConsecutiveTermsAreOneSeatWhereTheyMeetAndEachOtherwise) {
  legislature l;
  l.sit(l.finnie, between("2007-05-03", "2011-05-06"), l.snp, l.seat_a);
  l.sit(l.finnie, between("2011-05-06", nullptr), l.snp, l.seat_a);
  EXPECT_EQ(members(l.m, l.house, day("2011-05-06")).size(), 1u); // identical seats on the shared day
  EXPECT_EQ(members(l.m, l.house, day("2011-05-05")).size(), 1u);
  EXPECT_EQ(members(l.m, l.house, day("2011-05-07")).size(), 1u);
  // In another constituency from the new term: a different seat, so both show on the shared day.
  legislature moved;
  moved.sit(moved.finnie, between("2007-05-03", "2011-05-06"), moved.snp, moved.seat_a);
  moved.sit(moved.finnie, between("2011-05-06", nullptr), moved.snp, moved.seat_b);
  EXPECT_EQ(members(moved.m, moved.house, day("2011-05-06")).size(), 2u);
}

TEST(Seats, SeatsCarryTheirAreaAndCanBeAskedForByArea) {
  legislature l;
  const vertex ewing = l.m.add_person("ewing", "Fergus Ewing");
  l.sit(l.finnie, {}, l.snp, l.seat_a);
  l.sit(ewing, {}, l.snp, l.seat_b);
  const snapshot s(l.m, day("2013-01-01"));
  const auto seats = members(s, l.house);
  ASSERT_EQ(seats.size(), 2u);
  EXPECT_EQ(seats[0].area, l.seat_a);
  EXPECT_EQ(seats[1].area, l.seat_b);
  const auto in_a = members_in_area(s, l.house, l.seat_a);
  ASSERT_EQ(in_a.size(), 1u);
  EXPECT_EQ(in_a[0].person, std::optional<vertex>(l.finnie));
  EXPECT_EQ(members_in_area(s, l.house, l.region).size(), 2u); // an area counts its sub-areas
  EXPECT_TRUE(members_in_area(s, l.house, l.elsewhere).empty());
  EXPECT_TRUE(members_in_area(s, l.house, l.finnie).empty()); // not an area
}

TEST(Seats, APostsSeatTakesItsAreaFromTheMembershipTheHoldingOrThePost) {
  model m;
  const vertex council = m.add_organization("council", "Council");
  const vertex ward = m.add_area("ward", "Ward");
  const vertex other_ward = m.add_area("other-ward", "Other ward");
  const vertex post = m.add_post("cllr-1", "Councillor", council);
  m.set_area(post, ward);
  const vertex p = m.add_person("p", "P");
  m.add_relation(p, post, {relation_type::holds});
  auto seats = members(m, council, day("2020-01-01"));
  ASSERT_EQ(seats.size(), 1u);
  EXPECT_EQ(seats[0].area, ward); // the post's
  EXPECT_EQ(seats[0].basis, membership_basis::post_of_body);
  EXPECT_EQ(seats[0].holding, seats[0].edge);
  relation ex{relation_type::member_of};
  ex.area = other_ward;
  const vertex board = m.add_organization("board", "Board");
  m.add_relation(post, board, ex);
  seats = members(m, board, day("2020-01-01"));
  ASSERT_EQ(seats.size(), 1u);
  EXPECT_EQ(seats[0].area, other_ward); // the ex officio membership's own
  EXPECT_EQ(seats[0].basis, membership_basis::ex_officio);
  ASSERT_TRUE(seats[0].holding.has_value());
  EXPECT_EQ(m.source(*seats[0].holding), p);
}

TEST(Seats, EveryJobSharerHasASeatAndEveryHolderIsListed) {
  model m;
  const vertex unit = m.add_organization("unit", "Unit");
  const vertex board = m.add_organization("board", "Board");
  const vertex post = m.add_post("00000609", "Transformation Director", unit);
  const vertex a = m.add_person("a", "Alexander Lambert");
  const vertex b = m.add_person("b", "Jennifer Henderson");
  const vertex acting = m.add_person("c", "Acting");
  m.add_relation(a, post, {relation_type::holds});
  m.add_relation(b, post, {relation_type::holds});
  m.add_relation(post, board, {relation_type::member_of});
  const snapshot s(m, day("2016-03-31"));
  const auto on_unit = members(s, unit);
  ASSERT_EQ(on_unit.size(), 2u);
  EXPECT_EQ(on_unit[0].person, std::optional<vertex>(a));
  EXPECT_EQ(on_unit[1].person, std::optional<vertex>(b));
  EXPECT_EQ(members(s, board).size(), 2u); // ex officio, once for each holder
  const auto both = holders(s, post);
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].person, a);
  EXPECT_EQ(both[1].person, b);
  EXPECT_EQ(holding(s, post)->person, a); // the first, as line management answers
  // Someone acting in the post displaces both for as long as it lasts.
  m.add_relation(acting, post, {relation_type::holds, between("2016-03-01", "2016-03-31"), arrangement::acting});
  const snapshot during(m, day("2016-03-31")), after(m, day("2016-04-01"));
  ASSERT_EQ(holders(during, post).size(), 1u);
  EXPECT_EQ(holders(during, post)[0].person, acting);
  EXPECT_EQ(members(during, unit).size(), 1u);
  EXPECT_EQ(holders(after, post).size(), 2u);
  EXPECT_TRUE(holders(after, unit).empty()); // not a post
}
