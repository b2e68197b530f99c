// Real public data (../shared/data, described in its README.md) comes out as the sources say: each
// expected figure below was taken from the source itself (the House of Commons' size, the dates of a
// by-election, an organogram's rows), not from orgraph. A test whose file is absent is skipped.

#include <orgraph/analysis/compare.hpp>
#include <orgraph/analysis/validate.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/file.hpp>
#include <orgraph/io/govuk.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/query/line_management.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

using namespace orgraph;
namespace fs = std::filesystem;

namespace {

const fs::path shared = fs::path(ORGRAPH_SHARED_DATA);

date day(const char* text) { return parse_date(text); }

#define REQUIRE_FILE(path)                                                                                             \
  if (!fs::exists(path))                                                                                               \
  GTEST_SKIP() << (path) << " is absent: this check needs ../shared/data (see its README.md)"

vertex person_named(const model& m, std::string_view name) {
  for (vertex v : m.vertices())
    if (m[v].kind == node_kind::person && m[v].name == name)
      return v;
  ADD_FAILURE() << "no person named " << name;
  return no_vertex;
}

} // namespace

// EveryPolitician's House of Commons: memberships take their dates from the legislative periods.
TEST(RealData, TheCommonsHas659MembersIn1999AndNoneAfterTheDissolutionOf2015) {
  const fs::path file = shared / "popolo" / "ep_uk_commons.json";
  REQUIRE_FILE(file);
  const model m = load_json(file);
  EXPECT_EQ(m.terms().size(), 5u); // terms 52 to 56
  const vertex commons = m.at("legislature");
  // 659 seats in the 1997 Parliament; 1,326 when terms were ignored.
  EXPECT_EQ(members(m, commons, day("1999-01-01")).size(), 659u);
  EXPECT_EQ(membership_size(m, commons, day("1999-01-01")), 659u);
  // Parliament dissolved on 2015-03-30, the next met on 2015-05-08: nobody sat between.
  EXPECT_EQ(members(m, commons, day("2015-04-15")).size(), 0u);
  EXPECT_GT(members(m, commons, day("2015-05-08")).size(), 600u);
  // Writing it back keeps the terms, not copies of their dates.
  EXPECT_EQ(parse_json(to_json(m)), m);
}

TEST(RealData, DavidDavisHoldsNoSeatBetweenHisResignationAndTheByElection) {
  // He resigned on 2008-06-18 and won Haltemprice and Howden back on 2008-07-11.
  const fs::path file = shared / "popolo" / "ep_uk_commons.json";
  REQUIRE_FILE(file);
  const model m = load_json(file);
  const vertex davis = person_named(m, "David Davis");
  EXPECT_EQ(bodies_of(m, davis, day("2008-06-18")).size(), 1u);
  EXPECT_TRUE(bodies_of(m, davis, day("2008-06-25")).empty());
  const auto back = bodies_of(m, davis, day("2008-07-11"));
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(m[back[0].area].name, "Haltemprice and Howden");
  EXPECT_EQ(m[back[0].on_behalf_of].id, "conservative");
  // Who sat for the constituency: asked by area.
  const auto sat = members_in_area(m, m.at("legislature"), back[0].area, day("2008-07-11"));
  ASSERT_EQ(sat.size(), 1u);
  EXPECT_EQ(sat[0].person, std::optional<vertex>(davis));
  EXPECT_TRUE(members_in_area(m, m.at("legislature"), back[0].area, day("2008-06-25")).empty());
}

TEST(RealData, APartySwitchIsAChangeInCompare) {
  // The Scottish Parliament file ends the SNP memberships of John Finnie and Jean Urquhart, who left the
  // party together, and starts their Independent ones on the same day, 2012-10-23.
  const fs::path file = shared / "popolo" / "ep_scotland_parliament.json";
  REQUIRE_FILE(file);
  const model m = load_json(file);
  const vertex finnie = person_named(m, "John Finnie");
  EXPECT_EQ(bodies_of(m, finnie, day("2012-10-23")).size(), 2u); // both memberships that day
  const comparison c = compare(m, day("2012-10-22"), day("2012-10-24"));
  EXPECT_TRUE(c.members_added.empty());
  EXPECT_TRUE(c.members_removed.empty());
  ASSERT_EQ(c.members_changed.size(), 2u);
  std::set<std::string> who;
  for (const membership_change& change : c.members_changed) {
    who.insert(change.person);
    EXPECT_EQ(change.body, "legislature");
    ASSERT_EQ(change.before.size(), 1u);
    ASSERT_EQ(change.after.size(), 1u);
    EXPECT_EQ(change.before[0].on_behalf_of, "scottish-national-party");
    EXPECT_EQ(change.after[0].on_behalf_of, "independent");
    EXPECT_EQ(change.before[0].area, change.after[0].area);
  }
  EXPECT_EQ(who,
            (std::set<std::string>{std::string(m[finnie].id), std::string(m[person_named(m, "Jean Urquhart")].id)}));
}

TEST(RealData, AlderneysYearPrecisionTermCoversBothYears) {
  const fs::path file = shared / "popolo" / "ep_alderney_states.json";
  REQUIRE_FILE(file);
  const model m = load_json(file);
  const vertex states = m.at("legislature");
  EXPECT_EQ(membership_size(m, states, day("2014-01-01")), 10u);
  EXPECT_EQ(membership_size(m, states, day("2015-12-31")), 10u);
  EXPECT_EQ(membership_size(m, states, day("2016-01-01")), 0u);
}

// The Department of Health's senior organogram of 30 September 2011: HIP001 has 17 rows reporting to it.
TEST(RealData, HIP001Has17DirectReportsAndNoUndisclosedPostIsVacant) {
  const fs::path file = shared / "orgs" / "organogram_dh_2011-09-30_senior.csv";
  REQUIRE_FILE(file);
  const model m = load_csv(file, csv_mapping::organogram());
  const snapshot s(m, day("2011-09-30"));
  EXPECT_EQ(direct_reports(s, m.at("HIP001")).size(), 17u); // 21 when N/D posts were read as vacant
  // The 217 N/D rows (counted in the CSV) are posts held by someone not named.
  std::set<std::string> undisclosed;
  for (vertex v : m.vertices())
    if (m[v].kind == node_kind::person && m[v].name == "(not disclosed)")
      for (relation_id h : m.out_relations(v, relation_type::holds))
        undisclosed.insert(std::string(m.id(m.target(h))));
  EXPECT_EQ(undisclosed.size(), 217u);
  std::size_t vacant_warnings = 0;
  for (const auto& f : validate(s).warnings)
    if (f.code == "vacant_manager_post") {
      ++vacant_warnings;
      EXPECT_EQ(undisclosed.count(f.ids.front()), 0u) << f.message;
      EXPECT_EQ(m[m.at(f.ids.front())].kind, node_kind::post);
      EXPECT_TRUE(holders(s, m.at(f.ids.front())).empty()) << f.message;
    }
  EXPECT_LE(vacant_warnings, 8u); // at most the 8 Vacant posts
}

TEST(RealData, TheCityOfLondonCommitteeFilesAreRefused) {
  const fs::path dir = shared / "committees";
  REQUIRE_FILE(dir / "cityoflondon_committees.json");
  std::vector<fs::path> files{dir / "cityoflondon_committees.json", dir / "cityoflondon_members.json",
                              dir / "cityoflondon_wards.json"};
  for (const auto& entry : fs::directory_iterator(dir / "cityoflondon_members"))
    files.push_back(entry.path());
  EXPECT_EQ(files.size(), 3u + 128u);
  for (const auto& f : files) {
    try {
      (void)load_json(f);
      ADD_FAILURE() << f << " loaded";
    } catch (const parse_error& e) {
      ASSERT_NE(std::string(e.what()).find("not orgraph or Popolo JSON"), std::string::npos) << e.what();
    }
  }
}

TEST(RealData, ParlparseMinistersLoadLenientlyWith99Skipped) {
  // 11,512 memberships of 1,834 persons named only by id, 99 of which end before they start.
  const fs::path file = shared / "committees" / "parlparse_ministers-2010.json";
  REQUIRE_FILE(file);
  EXPECT_THROW((void)load_json(file), parse_error); // strict: refused at the first of the 99
  load_options lenient;
  lenient.lenient = true;
  std::vector<skipped_record> skipped;
  lenient.skipped = [&](const skipped_record& r) { skipped.push_back(r); };
  const model m = load_json(file, lenient);
  ASSERT_EQ(skipped.size(), 99u);
  for (const auto& r : skipped) {
    EXPECT_EQ(r.where.rfind("memberships[", 0), 0u) << r.where;
    EXPECT_NE(r.reason.find("is before the start"), std::string::npos) << r.reason;
  }
  EXPECT_EQ(m.relation_count(relation_type::member_of), 11512u - 99u);
  std::size_t persons = 0, bodies = 0;
  for (vertex v : m.vertices())
    (m[v].kind == node_kind::person ? persons : bodies) += 1;
  EXPECT_EQ(persons, 1834u);
  EXPECT_EQ(bodies, 105u);
}

TEST(RealData, TheGovUkListLoadsAndTheFastStreamReportsToTheCabinetOffice) {
  const fs::path file = shared / "orgs" / "govuk_organisations.jsonl";
  REQUIRE_FILE(file);
  EXPECT_TRUE(looks_like_govuk_organisations(read_file_start(file, 64 * 1024)));
  EXPECT_THROW((void)load_json(file), parse_error); // JSON Lines, named as such
  const model m = load_govuk_organisations(file);
  EXPECT_EQ(m.node_count(), 1016u);
  std::vector<std::string> line;
  for (const auto& step : reporting_line(m, m.at("civil-service-fast-stream"), day("2017-04-19")))
    line.emplace_back(m[step.body].name);
  EXPECT_EQ(line, (std::vector<std::string>{"Civil Service Resourcing", "Civil Service", "Cabinet Office"}));
}
