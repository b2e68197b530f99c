// What real Popolo files need from the JSON reader: legislative periods (events) as terms, area_id,
// memberships exports without persons, refusing JSON that is not orgraph's or Popolo's, and lenient
// loading that skips bad records and says which.

#include <orgraph/io/json.hpp>
#include <orgraph/orgraph.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace orgraph;

namespace {

date day(int y, unsigned m, unsigned d) { return date::from_ymd(y, m, d); }

std::string message_of(const std::string& text, const load_options& options = {}) {
  try {
    (void)parse_json(text, "f.json", options);
  } catch (const error& e) {
    return e.what();
  }
  return "(loaded)";
}

// A House with two terms and an MP who resigned and came back within the second.
const char* const house = R"({
  "persons": [{"id": "davis", "name": "David Davis"}, {"id": "speaker", "name": "The Speaker"}],
  "organizations": [{"id": "commons", "name": "House of Commons", "classification": "legislature"},
                    {"id": "con", "name": "Conservative", "classification": "party"}],
  "areas": [{"id": "haltemprice", "name": "Haltemprice and Howden", "type": "constituency"}],
  "events": [
    {"id": "term/53", "name": "53rd Parliament", "classification": "legislative period",
     "organization_id": "commons", "start_date": "2001-06-07", "end_date": "2005-04-11"},
    {"id": "term/54", "name": "54th Parliament", "classification": "legislative period",
     "organization_id": "commons", "start_date": "2005-05-05", "end_date": "2010-04-12"},
    {"id": "ge2005", "name": "General election", "classification": "general election", "start_date": "2005-05-05"}],
  "memberships": [
    {"person_id": "davis", "organization_id": "commons", "on_behalf_of_id": "con", "role": "member",
     "area_id": "haltemprice", "legislative_period_id": "term/53"},
    {"person_id": "davis", "organization_id": "commons", "on_behalf_of_id": "con", "role": "member",
     "area_id": "haltemprice", "legislative_period_id": "term/54", "end_date": "2008-06-18"},
    {"person_id": "davis", "organization_id": "commons", "on_behalf_of_id": "con", "role": "member",
     "area_id": "haltemprice", "legislative_period_id": "term/54", "start_date": "2008-07-11"},
    {"person_id": "speaker", "organization_id": "commons", "legislative_period_id": "term/54"}]
})";

std::size_t seated(const model& m, date on) { return members(m, m.at("commons"), on).size(); }

} // namespace

TEST(Popolo, MembershipsTakeTheirLegislativePeriodsDates) {
  const model m = parse_json(house);
  ASSERT_EQ(m.terms().size(), 2u); // the general election is not a legislative period
  EXPECT_EQ(m.terms()[0].id, "term/53");
  EXPECT_EQ(m.terms()[0].organization, m.at("commons"));
  EXPECT_EQ(seated(m, day(2001, 6, 6)), 0u);
  EXPECT_EQ(seated(m, day(2001, 6, 7)), 1u);
  EXPECT_EQ(seated(m, day(2005, 4, 12)), 0u); // dissolved, between the terms
  EXPECT_EQ(seated(m, day(2005, 5, 5)), 2u);
  EXPECT_EQ(seated(m, day(2008, 6, 18)), 2u);
  EXPECT_EQ(seated(m, day(2008, 6, 25)), 1u); // resigned: only the Speaker
  EXPECT_EQ(seated(m, day(2008, 7, 11)), 2u);
  EXPECT_EQ(seated(m, day(2010, 4, 13)), 0u);
}

TEST(Popolo, AreasAreReadForBodiesPostsAndMemberships) {
  const model m = parse_json(R"({
    "areas": [{"id": "ward", "name": "Ward"}],
    "organizations": [{"id": "council", "name": "Council", "area_id": "ward"}],
    "posts": [{"id": "cllr", "label": "Councillor", "organization_id": "council", "area_id": "ward"}],
    "persons": [{"id": "p"}],
    "memberships": [{"person_id": "p", "organization_id": "council", "area_id": "ward"}]})");
  EXPECT_EQ(m[m.at("council")].area, m.at("ward"));
  EXPECT_EQ(m[m.at("cllr")].area, m.at("ward"));
  EXPECT_EQ(m.area(*m.relations(relation_type::member_of).begin()), m.at("ward"));
  EXPECT_NE(message_of(R"({"organizations": [{"id": "o", "area_id": "nowhere"}]})").find("unknown id 'nowhere'"),
            std::string::npos);
  EXPECT_NE(message_of(R"({"organizations": [{"id": "o", "area_id": "o"}]})").find("organizations[0].area_id"),
            std::string::npos);
}

TEST(Popolo, TermsAndAreasAreWrittenBackAsTheyWereRead) {
  const model m = parse_json(house);
  const std::string text = to_json(m);
  // The term is named, not copied: the only dates written are the terms' and the two of its own.
  EXPECT_NE(text.find(R"("legislative_period_id":"term/54")"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("area_id":"haltemprice")"), std::string::npos);
  EXPECT_NE(text.find(R"("events": [)"), std::string::npos);
  EXPECT_NE(text.find(R"("classification":"legislative period")"), std::string::npos);
  EXPECT_EQ(text.find(R"("start_date":"2005-05-05","legislative_period_id")"), std::string::npos);
  std::size_t dates = 0;
  for (std::size_t at = text.find("_date\""); at != std::string::npos; at = text.find("_date\"", at + 1))
    ++dates;
  EXPECT_EQ(dates, 4u + 2u);
  EXPECT_EQ(parse_json(text), m);
}

TEST(Popolo, ALegislativePeriodMustExist) {
  const std::string bad = R"({"persons": [{"id": "p"}], "organizations": [{"id": "o"}],
    "events": [{"id": "e", "classification": "election"}],
    "memberships": [{"person_id": "p", "organization_id": "o", "legislative_period_id": "e"}]})";
  const std::string what = message_of(bad);
  EXPECT_NE(what.find("memberships[0].legislative_period_id: unknown legislative period 'e'"), std::string::npos)
      << what;
  EXPECT_THROW((void)parse_json(bad), reference_error);
  // A membership whose own start comes after its term has ended is refused, naming both.
  const std::string late = R"({"persons": [{"id": "p"}], "organizations": [{"id": "o"}],
    "events": [{"id": "t", "classification": "legislative period", "start_date": "2001", "end_date": "2005"}],
    "memberships": [{"person_id": "p", "organization_id": "o", "legislative_period_id": "t",
                     "start_date": "2006-01-01"}]})";
  EXPECT_NE(message_of(late).find("memberships[0]: a member_of that names the term 't' starts on 2006-01-01, after "
                                  "the term ends on 2005"),
            std::string::npos)
      << message_of(late);
  EXPECT_NE(message_of(R"({"events": [{"id": "t", "classification": "Legislative Period", "organization_id": "x"}]})")
                .find("events[0].organization_id: unknown id 'x'"),
            std::string::npos);
  EXPECT_NE(message_of(R"({"events": {}})").find("events: must be an array"), std::string::npos);
}

TEST(Popolo, AMembershipsExportWithoutPersonsNamesPersonsById) {
  // parlparse publishes memberships apart from people: each person_id becomes a person with no name.
  const model m = parse_json(R"({"organizations": [{"id": "pac", "name": "Public Accounts Committee"}],
    "memberships": [{"person_id": "uk.org.publicwhip/person/10001", "organization_id": "pac", "role": "Chair"},
                    {"person_id": "uk.org.publicwhip/person/10001", "organization_id": "pac"},
                    {"person_id": "uk.org.publicwhip/person/10002", "organization_id": "pac"}]})");
  EXPECT_EQ(m.node_count(), 3u);
  EXPECT_EQ(m[m.at("uk.org.publicwhip/person/10001")].kind, node_kind::person);
  EXPECT_EQ(m[m.at("uk.org.publicwhip/person/10002")].name, "");
  // Where the file lists its persons, an id missing from the list is a mistake, as before.
  EXPECT_THROW((void)parse_json(R"({"persons": [], "organizations": [{"id": "o"}],
    "memberships": [{"person_id": "ghost", "organization_id": "o"}]})"),
               reference_error);
}

TEST(JsonErrors, JsonThatIsNotOrgraphsOrPopolosIsRefusedSayingWhatWasExpected) {
  // The shape of the City of London committee files: a JSON object, but none of the arrays orgraph reads.
  const std::string what = message_of(R"({"meta": {"time_created": "2018-10-11"},
    "committees": [{"id": 244, "name": "Audit and Risk Management Committee", "kind": "standard"}]})");
  EXPECT_NE(what.find("f.json: not orgraph or Popolo JSON: expected at least one of the top-level arrays persons, "
                      "organizations, posts, areas, events, memberships, relations or decisions, but the keys are "
                      "'meta', 'committees'"),
            std::string::npos)
      << what;
  load_options lenient;
  lenient.lenient = true;
  EXPECT_NE(message_of(R"({"members": []})", lenient).find("not orgraph or Popolo JSON"), std::string::npos);
  // An empty object is the empty model (what to_json writes for one), and one known key is enough.
  EXPECT_EQ(parse_json("{}").node_count(), 0u);
  EXPECT_EQ(parse_json(R"({"meta": {}, "memberships": []})").node_count(), 0u);
}

TEST(JsonErrors, JsonLinesIsNamedAsSuch) {
  const std::string what = message_of("{\"id\": \"a\", \"title\": \"A\"}\n{\"id\": \"b\", \"title\": \"B\"}\n");
  EXPECT_NE(what.find("f.json:2:1: JSON Lines (one JSON value a line), not one JSON document"), std::string::npos)
      << what;
  EXPECT_NE(what.find("load_govuk_organisations"), std::string::npos);
  // Other text after the document is still malformed JSON.
  EXPECT_NE(message_of("{} x").find("malformed JSON"), std::string::npos);
}

// ---- lenient loading ----

namespace {

struct collected {
  load_options options;
  std::vector<skipped_record> skipped;
  collected() {
    options.lenient = true;
    options.skipped = [this](const skipped_record& r) { skipped.push_back(r); };
  }
};

const char* const messy = R"({
  "persons": [{"id": "a", "name": "A"}, {"id": "a", "name": "A again"}, {"id": "b"}, 7],
  "organizations": [{"id": "o", "name": "O", "parent_id": "nowhere"}, {"id": "q", "founding_date": "2009-02-30"}],
  "memberships": [
    {"person_id": "a", "organization_id": "o", "start_date": "2020-01-27", "end_date": "2017-05-03"},
    {"person_id": "a", "organization_id": "o", "role": "Chair"},
    {"person_id": "ghost", "organization_id": "o"},
    {"person_id": "b", "organization_id": "q"}],
  "relations": [{"type": "manages", "from": "a", "to": "b"}, {"type": "bosses", "from": "a", "to": "b"}],
  "decisions": [{"id": "d1", "organization_id": "o", "date": "2010-01-01", "outcome": "decided"},
                {"id": "d2", "organization_id": "o", "date": "2010-01-02", "outcome": "decided", "follows": "d3"},
                {"id": "d3", "organization_id": "q", "date": "2010-01-01", "outcome": "decided"}]
})";

} // namespace

TEST(JsonLenient, StrictRefusesTheFirstBadRecord) {
  // Nodes are built before relations, organizations before persons.
  EXPECT_NE(message_of(messy).find("f.json: organizations[1].founding_date: invalid date '2009-02-30'"),
            std::string::npos)
      << message_of(messy);
}

TEST(JsonLenient, EveryValidRecordLoadsAndEachBadOneIsReported) {
  collected c;
  const model m = parse_json(messy, "messy.json", c.options);
  EXPECT_EQ(m.node_count(), 3u); // a, b, o
  EXPECT_EQ(m[m.at("a")].name, "A");
  EXPECT_EQ(m.parent(m.at("o")), no_vertex); // kept without its unknown parent
  EXPECT_EQ(m.relation_count(relation_type::member_of), 1u);
  EXPECT_EQ(m.role(*m.relations(relation_type::member_of).begin()), "Chair");
  EXPECT_EQ(m.relation_count(relation_type::manages), 1u);
  EXPECT_EQ(m.decisions().size(), 1u);
  std::vector<std::string> where;
  for (const auto& s : c.skipped) {
    EXPECT_EQ(s.file, "messy.json");
    where.push_back(s.where + ": " + s.reason);
  }
  const std::vector<std::string> expected{"organizations[1]: founding_date: invalid date '2009-02-30'",
                                          "persons[1]: duplicate id 'a'",
                                          "persons[3]: must be an object",
                                          "organizations[0]: parent_id: unknown id 'nowhere' (loaded without it)",
                                          "memberships[0]: the end 2017-05-03 is before the start 2020-01-27",
                                          "memberships[2]: person_id: unknown id 'ghost'",
                                          "memberships[3]: organization_id: unknown id 'q'",
                                          "relations[1]: type: unknown relation type 'bosses'",
                                          "decisions[2]: organization_id: unknown id 'q'",
                                          "decisions[1]: follows 'd3', which is left out or follows it in a cycle"};
  ASSERT_EQ(where.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(where[i].substr(0, expected[i].size()), expected[i]) << where[i];
}

TEST(JsonLenient, ABrokenFileIsStillRefused) {
  collected c;
  EXPECT_THROW((void)parse_json(R"({"persons": [{"id": "a"})", "x", c.options), parse_error);
  EXPECT_THROW((void)parse_json(R"({"persons": {}})", "x", c.options), parse_error);
  c.options.max_nodes = 1;
  EXPECT_THROW((void)parse_json(R"({"persons": [{"id": "a"}, {"id": "b"}]})", "x", c.options), parse_error);
  EXPECT_TRUE(c.skipped.empty());
}
