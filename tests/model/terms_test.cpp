// Terms of office (Popolo legislative periods): a membership that names one takes the term's dates
// where it has none of its own, and keeps the term, so that it can be written back as it was read.

#include <orgraph/orgraph.hpp>

#include <gtest/gtest.h>

#include <optional>

using namespace orgraph;

namespace {

date day(int y, unsigned m, unsigned d) { return date::from_ymd(y, m, d); }

period between(const char* start, const char* end) {
  return period(start ? std::optional<partial_date>(parse_partial_date(start)) : std::nullopt,
                end ? std::optional<partial_date>(parse_partial_date(end)) : std::nullopt);
}

struct house {
  model m;
  vertex commons = m.add_organization("commons", "House of Commons", "legislature");
  vertex davis = m.add_person("davis", "David Davis");
  term_index t54 = m.add_term({"term/54", "54th Parliament", commons, between("2005-05-05", "2010-04-12")});

  relation_id seat(period own) {
    relation r{relation_type::member_of, own};
    r.term = t54;
    return m.add_relation(davis, commons, r);
  }
};

} // namespace

TEST(Terms, AMembershipWithoutDatesTakesTheTermsDates) {
  house h;
  const relation_id r = h.seat({});
  const relation_view v = h.m[r];
  EXPECT_EQ(v.when, between("2005-05-05", "2010-04-12"));
  EXPECT_TRUE(v.start_from_term && v.end_from_term);
  EXPECT_EQ(v.term, h.t54);
  EXPECT_EQ(h.m.term_of(r), h.t54);
  EXPECT_FALSE(h.m.in_period(r, day(2005, 5, 4)));
  EXPECT_TRUE(h.m.in_period(r, day(2005, 5, 5)));
  EXPECT_TRUE(h.m.in_period(r, day(2010, 4, 12)));
  EXPECT_FALSE(h.m.in_period(r, day(2010, 4, 13)));
  EXPECT_EQ(v.own_when(), period());
  EXPECT_EQ(v.to_relation().when, period()); // written back without the term's dates
}

TEST(Terms, ItsOwnStartOrEndWins) {
  // David Davis resigned his seat on 2008-06-18 and won it back at the by-election of 2008-07-11.
  house h;
  const relation_id resigned = h.seat(between(nullptr, "2008-06-18"));
  const relation_id returned = h.seat(between("2008-07-11", nullptr));
  EXPECT_EQ(h.m.when(resigned), between("2005-05-05", "2008-06-18"));
  EXPECT_EQ(h.m.when(returned), between("2008-07-11", "2010-04-12"));
  EXPECT_TRUE(h.m[resigned].start_from_term);
  EXPECT_FALSE(h.m[resigned].end_from_term);
  EXPECT_FALSE(h.m[returned].start_from_term);
  EXPECT_TRUE(h.m[returned].end_from_term);
  EXPECT_EQ(h.m[returned].own_when(), between("2008-07-11", nullptr));
  for (const date on : {day(2008, 6, 19), day(2008, 6, 25), day(2008, 7, 10)})
    EXPECT_FALSE(h.m.in_period(resigned, on) || h.m.in_period(returned, on)) << on.to_string();
  EXPECT_TRUE(h.m.in_period(returned, day(2008, 7, 11)));
}

TEST(Terms, PrecisionOfTheTermsDatesIsKept) {
  // Alderney's only term runs from "2014" to "2015": a year each, so all of both years.
  model m;
  const vertex states = m.add_organization("states", "States of Alderney");
  const vertex p = m.add_person("p", "Member");
  relation r{relation_type::member_of};
  r.term = m.add_term({"term/2014", "2014–2015", states, between("2014", "2015")});
  const relation_id id = m.add_relation(p, states, r);
  EXPECT_TRUE(m.in_period(id, day(2014, 1, 1)));
  EXPECT_TRUE(m.in_period(id, day(2015, 12, 31)));
  EXPECT_FALSE(m.in_period(id, day(2016, 1, 1)));
  EXPECT_EQ(m.when(id).start()->to_string(), "2014");
}

TEST(Terms, AnOpenTermLeavesTheMembershipOpen) {
  model m;
  const vertex b = m.add_organization("b", "Body");
  const vertex p = m.add_person("p", "P");
  relation r{relation_type::member_of};
  r.term = m.add_term({"t", "current", b, between("2015-05-08", nullptr)});
  const relation_id id = m.add_relation(p, b, r);
  EXPECT_TRUE(m[id].start_from_term);
  EXPECT_FALSE(m[id].end_from_term); // nothing came from the term at that end
  EXPECT_FALSE(m.when(id).end());
}

TEST(Terms, DatesOutsideTheTermAreRefused) {
  house h;
  EXPECT_THROW(h.seat(between("2010-05-06", nullptr)), model_error); // starts after the term ends
  EXPECT_THROW(h.seat(between(nullptr, "2005-01-01")), model_error); // ends before it starts
  EXPECT_EQ(h.m.relation_count(), 0u);
  // Dates of its own on both sides need nothing from the term, wherever they lie.
  EXPECT_NO_THROW(h.seat(between("2011-01-01", "2011-02-01")));
}

TEST(Terms, TermsAreCheckedWhenAddedAndNamed) {
  house h;
  EXPECT_THROW(h.m.add_term({"term/54", "again", h.commons, {}}), reference_error);
  EXPECT_THROW(h.m.add_term({"", "no id", h.commons, {}}), reference_error);
  EXPECT_THROW(h.m.add_term({"t", "a person's term", h.davis, {}}), model_error);
  EXPECT_NO_THROW(h.m.add_term({"t", "no body", no_vertex, {}}));
  EXPECT_EQ(h.m.find_term("term/54"), std::optional<term_index>(h.t54));
  EXPECT_FALSE(h.m.find_term("term/99"));
  relation bad{relation_type::member_of};
  bad.term = 7;
  EXPECT_THROW(h.m.add_relation(h.davis, h.commons, bad), model_error);
  const vertex other = h.m.add_organization("other", "Other");
  relation reports{relation_type::reports_to};
  reports.term = h.t54;
  EXPECT_THROW(h.m.add_relation(other, h.commons, reports), model_error);
}

TEST(Terms, EqualityComparesTermsAndWhichDatesCameFromThem) {
  house a, b;
  a.seat({});
  b.seat({});
  EXPECT_EQ(a.m, b.m);
  // Same dates in force, given outright rather than taken from the term: a different model.
  house c;
  relation r{relation_type::member_of, between("2005-05-05", "2010-04-12")};
  r.term = c.t54;
  c.m.add_relation(c.davis, c.commons, r);
  EXPECT_NE(a.m, c.m);
  house d;
  d.m.add_term({"term/55", "55th Parliament", d.commons, {}});
  d.seat({});
  EXPECT_NE(a.m, d.m);
}

TEST(Terms, ABodyNamedByATermCannotBeRemovedAndLaterBodiesMoveDown) {
  model m;
  const vertex first = m.add_organization("first", "First");
  const vertex body = m.add_organization("body", "Body");
  m.add_term({"t", "term", body, {}});
  const auto deps = m.dependents(body);
  ASSERT_EQ(deps.size(), 1u);
  EXPECT_EQ(deps.front(), "the term t");
  EXPECT_THROW(m.remove_node(body), model_error);
  m.remove_node(first);
  EXPECT_EQ(m.terms().front().organization, m.at("body"));
}
