// The GOV.UK organisations list: bodies with their types, several parents (reports_to in the order
// listed), closed organisations dissolved, successions, detection by content and lenient loading.

#include <orgraph/io/govuk.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/query/governance.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace orgraph;

namespace {

std::string org(const std::string& slug, const std::string& title, const std::string& format,
                const std::vector<std::string>& parents, const std::string& status = "live",
                const std::string& closed_at = "", const std::string& extra = "") {
  std::string line = R"({"id": "https://www.gov.uk/api/organisations/)" + slug + R"(", "title": ")" + title +
                     R"(", "format": ")" + format + R"(", "parent_organisations": [)";
  for (std::size_t i = 0; i < parents.size(); ++i)
    line += std::string(i == 0 ? "" : ", ") + R"({"id": "https://www.gov.uk/api/organisations/)" + parents[i] +
            R"(", "web_url": "https://www.gov.uk/government/organisations/)" + parents[i] + "\"}";
  line += R"(], "child_organisations": [], "details": {"slug": ")" + slug + R"(", "govuk_status": ")" + status +
          R"(", "closed_at": )" + (closed_at.empty() ? "null" : "\"" + closed_at + "\"") +
          R"(}, "updated_at": "2016-09-27T17:15:25.000+01:00")" + extra + "}\n";
  return line;
}

const std::string list =
    org("cabinet-office", "Cabinet Office", "Ministerial department", {}) +
    org("civil-service", "Civil Service", "Civil Service", {"cabinet-office"}) +
    org("civil-service-fast-stream", "Civil Service Fast Stream", "Sub-organisation", {"civil-service-resourcing"}) +
    org("civil-service-resourcing", "Civil Service Resourcing", "Sub-organisation", {"civil-service"}) +
    org("hm-treasury", "HM Treasury", "Ministerial department", {}) +
    org("infrastructure-and-projects-authority", "Infrastructure and Projects Authority", "Sub-organisation",
        {"cabinet-office", "hm-treasury"}) +
    org("old-agency", "Old Agency", "Executive agency", {"hm-treasury"}, "closed", "2015-03-31T00:00:00.000+01:00") +
    org("quiet-agency", "Quiet Agency", "Other", {}, "closed") +
    org("new-agency", "New Agency", "Executive agency", {"hm-treasury"}, "live", "",
        R"(, "superseded_organisations": [{"id": "https://www.gov.uk/api/organisations/old-agency"}])");

std::vector<std::string> line_of(const model& m, const char* body, date on) {
  std::vector<std::string> out;
  for (const auto& step : reporting_line(m, m.at(body), on))
    out.emplace_back(m[step.body].id);
  return out;
}

const date today = date::from_ymd(2017, 4, 19);

} // namespace

TEST(GovUk, BodiesWithTheirTypesAndEveryParentAsAReportingLine) {
  const model m = parse_govuk_organisations(list, "orgs.jsonl");
  EXPECT_EQ(m.node_count(), 9u);
  EXPECT_EQ(m[m.at("civil-service-fast-stream")].name, "Civil Service Fast Stream");
  EXPECT_EQ(m[m.at("hm-treasury")].classification, "Ministerial department");
  EXPECT_EQ(line_of(m, "civil-service-fast-stream", today),
            (std::vector<std::string>{"civil-service-resourcing", "civil-service", "cabinet-office"}));
  // Two parents: both kept as reports_to, the line following the first listed.
  const vertex ipa = m.at("infrastructure-and-projects-authority");
  ASSERT_EQ(m.out_relations(ipa, relation_type::reports_to).size(), 2u);
  EXPECT_EQ(line_of(m, "infrastructure-and-projects-authority", today), std::vector<std::string>{"cabinet-office"});
  std::vector<std::string> under_treasury;
  for (const auto& s : sub_bodies(m, m.at("hm-treasury"), today, true))
    under_treasury.emplace_back(m[s.body].id);
  EXPECT_EQ(under_treasury, std::vector<std::string>{"new-agency"}); // the IPA's first step is the Cabinet Office
}

TEST(GovUk, ClosedOrganisationsAreDissolvedAndSupersededOnesReplaced) {
  const model m = parse_govuk_organisations(list, "orgs.jsonl");
  EXPECT_EQ(m[m.at("old-agency")].lifetime.last_day(), date::from_ymd(2015, 3, 31));
  EXPECT_TRUE(in_force(m, m.at("old-agency"), date::from_ymd(2015, 3, 31)));
  EXPECT_FALSE(in_force(m, m.at("old-agency"), date::from_ymd(2015, 4, 1)));
  // Closed with no closed_at: dissolved on its last update at the latest.
  EXPECT_EQ(m[m.at("quiet-agency")].lifetime.last_day(), date::from_ymd(2016, 9, 27));
  EXPECT_EQ(m.relation_count(relation_type::replaced_by), 1u);
  EXPECT_EQ(successor_on(m, m.at("old-agency"), today).body, m.at("new-agency"));
  EXPECT_TRUE(in_force(m, m.at("new-agency"), today));
}

TEST(GovUk, IsRecognisedByContentAndRefusedByTheJsonReaderSayingWhy) {
  EXPECT_TRUE(looks_like_govuk_organisations(list));
  EXPECT_TRUE(looks_like_govuk_organisations("\xEF\xBB\xBF  " + list.substr(0, 200))); // a head cut short
  EXPECT_FALSE(looks_like_govuk_organisations(R"({"persons": [], "organizations": []})"));
  EXPECT_FALSE(looks_like_govuk_organisations("Post Unique Reference,Name\n"));
  EXPECT_FALSE(looks_like_govuk_organisations(""));
  try {
    (void)parse_json(list, "orgs.jsonl");
    FAIL() << "loaded";
  } catch (const parse_error& e) {
    EXPECT_NE(std::string(e.what()).find("orgs.jsonl:2:1: JSON Lines"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("load_govuk_organisations"), std::string::npos) << e.what();
  }
}

TEST(GovUk, BadLinesAreRefusedOrLeftOutLeniently) {
  const std::string bad = org("a", "A", "Other", {}) + "{\"id\": \n" + org("b", "B", "Other", {"nowhere"}) +
                          org("a", "A again", "Other", {}) + "[1, 2]\n" + org("c", "C", "Other", {"a"});
  try {
    (void)parse_govuk_organisations(bad, "bad.jsonl");
    FAIL() << "loaded";
  } catch (const parse_error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.jsonl:2:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("malformed JSON"), std::string::npos) << e.what();
  }
  load_options lenient;
  lenient.lenient = true;
  std::vector<std::string> skipped;
  lenient.skipped = [&](const skipped_record& r) { skipped.push_back(r.where + ": " + r.reason); };
  const model m = parse_govuk_organisations(bad, "bad.jsonl", lenient);
  EXPECT_EQ(m.node_count(), 3u); // a, b, c
  EXPECT_EQ(m[m.at("a")].name, "A");
  EXPECT_TRUE(m.out_relations(m.at("b"), relation_type::reports_to).empty());
  EXPECT_EQ(m.out_relations(m.at("c"), relation_type::reports_to).size(), 1u);
  ASSERT_EQ(skipped.size(), 4u);
  EXPECT_NE(skipped[0].find("line 2: malformed JSON"), std::string::npos) << skipped[0];
  EXPECT_EQ(skipped[1], "line 4: duplicate organisation 'a' (first on line 1)");
  EXPECT_EQ(skipped[2], "line 5: expected an organisation (a JSON object) on each line");
  EXPECT_EQ(skipped[3], "line 3: parent_organisations: unknown organisation 'nowhere' (loaded without that parent)");
  load_options few;
  few.max_nodes = 2;
  EXPECT_THROW((void)parse_govuk_organisations(list, "orgs.jsonl", few), parse_error);
}

TEST(GovUk, RealListLoads) {
  const auto file = std::filesystem::path(ORGRAPH_SHARED_DATA) / "orgs" / "govuk_organisations.jsonl";
  if (!std::filesystem::exists(file))
    GTEST_SKIP() << "../shared/data/orgs/govuk_organisations.jsonl is absent; the real-data check needs it";
  const model m = load_govuk_organisations(file);
  // ../shared/data/README.md: 1,016 organisations and 578 child-to-parent links.
  EXPECT_EQ(m.node_count(), 1016u);
  EXPECT_EQ(m.relation_count(relation_type::reports_to), 578u);
  EXPECT_EQ(line_of(m, "civil-service-fast-stream", today),
            (std::vector<std::string>{"civil-service-resourcing", "civil-service", "cabinet-office"}));
}
