#include <orgraph/io/csv.hpp>
#include <orgraph/orgraph.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

using namespace orgraph;
namespace fs = std::filesystem;

namespace {

const std::string header = "person_id,name,manager_id,discipline,organization_id,post,start_date,end_date\n";

// Quoted commas, doubled quotes, a line break inside quotes, several disciplines and two rows for w1
// (a change of manager): worked out by hand below.
const std::string hr = header + "ceo,\"Smith, Jo\",,policy,council,Chief Executive,2010,\n"
                                "m1,\"Lee \"\"Ash\"\" Khan\",ceo,social work; nursing,team-a,Team Manager,2012-04-01,\n"
                                "w1,\"Multi\nline\",m1,social work,team-a,,2013-05,2014-06-30\n"
                                "w1,\"Multi\nline\",ceo,social work,,,2014-07-01,\n";

std::size_t count(const model& m, relation_type t) {
  const auto& g = m.graph();
  std::size_t n = 0;
  for (auto [it, end] = edges(g); it != end; ++it)
    n += g[*it].type == t;
  return n;
}

std::size_t count(const model& m, node_kind k) {
  std::size_t n = 0;
  for (vertex v : m.vertices())
    n += m[v].kind == k;
  return n;
}

// Number of nodes on the longest chain of manages relations (a root alone is 1).
std::size_t deepest_chain(const model& m) {
  const auto& g = m.graph();
  std::vector<std::size_t> depth(m.node_count(), 0);
  std::function<std::size_t(vertex)> up = [&](vertex v) -> std::size_t {
    if (depth[v] != 0)
      return depth[v];
    std::size_t d = 1;
    for (auto [it, end] = in_edges(v, g); it != end; ++it)
      if (g[*it].type == relation_type::manages)
        d = std::max(d, up(source(*it, g)) + 1);
    return depth[v] = d;
  };
  std::size_t best = 0;
  for (vertex v : m.vertices())
    best = std::max(best, up(v));
  return best;
}

std::size_t roots(const model& m, node_kind k) {
  const auto& g = m.graph();
  std::size_t n = 0;
  for (vertex v : m.vertices()) {
    if (m[v].kind != k)
      continue;
    bool managed = false;
    for (auto [it, end] = in_edges(v, g); it != end; ++it)
      managed = managed || g[*it].type == relation_type::manages;
    n += !managed;
  }
  return n;
}

template <class Error> std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

} // namespace

// A person's disciplines are gathered over all their rows, each once, in the order first met: past
// eight the importer keeps a set of them beside the list, and the answer must not change there.
TEST(Csv, ManyDisciplinesOfOnePersonAreEachKeptOnceInTheOrderFirstMet) {
  std::string text = header + "boss,Boss,,management,,,,\n";
  std::vector<std::string> expected{"management"};
  for (int round = 0; round < 3; ++round) // each discipline three times, on rows of their own
    for (int d = 1; d <= 20; ++d) {
      text += "boss,Boss,,d" + std::to_string(d) + ",,,,\n";
      if (round == 0)
        expected.push_back("d" + std::to_string(d));
    }
  const model m = parse_csv(text, {}, "many.csv");
  EXPECT_EQ(m[m.at("boss")].disciplines, expected);
}

TEST(Csv, PersonRowsWithQuotingLoadAsWorkedOutByHand) {
  const model m = parse_csv(hr, {}, "hr.csv");
  EXPECT_EQ(count(m, node_kind::person), 3u);
  EXPECT_EQ(count(m, node_kind::organization), 2u); // council, team-a
  EXPECT_EQ(count(m, node_kind::post), 2u);         // ceo/Chief Executive, m1/Team Manager
  EXPECT_EQ(m.node_count(), 7u);
  EXPECT_EQ(count(m, relation_type::manages), 3u);   // ceo→m1, m1→w1 (ended), ceo→w1
  EXPECT_EQ(count(m, relation_type::member_of), 3u); // ceo→council, m1→team-a, w1→team-a
  EXPECT_EQ(count(m, relation_type::holds), 2u);
  EXPECT_EQ(m.relation_count(), 8u);
  EXPECT_EQ(m[m.at("ceo")].name, "Smith, Jo");
  EXPECT_EQ(m[m.at("m1")].name, "Lee \"Ash\" Khan");
  EXPECT_EQ(m[m.at("w1")].name, "Multi\nline");
  EXPECT_EQ(m[m.at("m1")].disciplines, (std::vector<std::string>{"social work", "nursing"}));
  EXPECT_EQ(m[m.at("m1/Team Manager")].parent, m.at("team-a"));
  // w1's first manager relation ended on 2014-06-30; the one from ceo started the next day.
  const auto& g = m.graph();
  for (auto [it, end] = in_edges(m.at("w1"), g); it != end; ++it) {
    const relation_view r = g[*it];
    if (r.type != relation_type::manages)
      continue;
    if (source(*it, g) == m.at("m1")) {
      EXPECT_EQ(r.when.first_day(), date::from_ymd(2013, 5, 1));
      EXPECT_EQ(r.when.last_day(), date::from_ymd(2014, 6, 30));
    } else {
      EXPECT_EQ(source(*it, g), m.at("ceo"));
      EXPECT_EQ(r.when.first_day(), date::from_ymd(2014, 7, 1));
      EXPECT_FALSE(r.when.end().has_value());
    }
  }
}

TEST(Csv, CrlfLineEndsAndAByteOrderMarkGiveTheSameModel) {
  std::string crlf;
  for (char c : hr) {
    if (c == '\n')
      crlf += '\r';
    crlf += c;
  }
  EXPECT_EQ(parse_csv("\xEF\xBB\xBF" + crlf), parse_csv(hr));
}

TEST(Csv, RowsMayComeInAnyOrderAndBlankLinesAreSkipped) {
  const std::string text = header + "w,W,m,,,,,\n\nm,M,,,,,,\n";
  const model m = parse_csv(text);
  EXPECT_EQ(m.relation_count(), 1u);
}

TEST(Csv, AMappingRenamesAndDropsColumns) {
  csv_mapping hr_system;
  hr_system.id = "Employee No";
  hr_system.name = "Full Name";
  hr_system.manager_id = "Line Manager No";
  hr_system.discipline = hr_system.organization = hr_system.post = hr_system.start_date = hr_system.end_date = "";
  hr_system.separator = ';';
  const model m = parse_csv("Full Name;Employee No;Line Manager No;Grade\nA;1;;X\nB;2;1;Y\n", hr_system);
  EXPECT_EQ(m[m.at("2")].name, "B");
  EXPECT_EQ(m.relation_count(), 1u);
}

TEST(CsvErrors, MissingColumnNamesIt) {
  const std::string what = message_of<parse_error>(
      [] { (void)parse_csv("person_id,name,discipline,organization_id,post,start_date,end_date\n", {}, "f.csv"); });
  EXPECT_NE(what.find("f.csv:1: missing column 'manager_id'"), std::string::npos) << what;
}

TEST(CsvErrors, UnknownManagerIsAReferenceErrorNamingTheId) {
  try {
    (void)parse_csv(header + "a,A,,,,,,\nb,B,ghost,,,,,\n", {}, "f.csv");
    FAIL() << "no error";
  } catch (const reference_error& e) {
    EXPECT_EQ(e.id(), "ghost");
    EXPECT_NE(std::string(e.what()).find("f.csv:3:5: unknown manager id 'ghost'"), std::string::npos) << e.what();
  }
}

TEST(CsvErrors, BadDateNamesLineColumnAndHeader) {
  try {
    (void)parse_csv(header + "a,A,,,,,2009-02-30,\n", {}, "f.csv");
    FAIL() << "no error";
  } catch (const parse_error& e) {
    EXPECT_EQ(e.line(), 2u);
    EXPECT_EQ(e.column(), 9u);
    EXPECT_NE(std::string(e.what()).find("f.csv:2:9: column 'start_date'"), std::string::npos) << e.what();
  }
  const std::string what =
      message_of<parse_error>([] { (void)parse_csv(header + "a,A,,,,,26/10/2009,\n", {}, "f.csv"); });
  EXPECT_NE(what.find("f.csv:2:9: column 'start_date'"), std::string::npos) << what;
}

TEST(CsvErrors, EndBeforeStartNamesTheEndColumn) {
  const std::string what =
      message_of<parse_error>([] { (void)parse_csv(header + "a,A,,,,,2010,2009\n", {}, "f.csv"); });
  EXPECT_NE(what.find("f.csv:2:14: column 'end_date'"), std::string::npos) << what;
}

TEST(CsvErrors, QuotingMistakesNameLineAndColumn) {
  // The quoted name on line 3 opens at column 3 and never closes.
  const std::string unterminated =
      message_of<parse_error>([] { (void)parse_csv(header + "a,A,,,,,,\nb,\"B,,,,,,\n", {}, "f.csv"); });
  EXPECT_NE(unterminated.find("f.csv:3:3: unterminated quoted field"), std::string::npos) << unterminated;
  const std::string stray = message_of<parse_error>([] { (void)parse_csv(header + "a,A \"x\",,,,,,\n", {}, "f.csv"); });
  EXPECT_NE(stray.find("f.csv:2:5: a quote inside an unquoted field"), std::string::npos) << stray;
  const std::string after = message_of<parse_error>([] { (void)parse_csv(header + "a,\"A\"x,,,,,,\n", {}, "f.csv"); });
  EXPECT_NE(after.find("f.csv:2:6: unexpected text after a closing quote"), std::string::npos) << after;
}

TEST(CsvErrors, RowWithTheWrongNumberOfFieldsIsRefused) {
  const std::string what = message_of<parse_error>([] { (void)parse_csv(header + "a,A,,\n", {}, "f.csv"); });
  EXPECT_NE(what.find("f.csv:2: the row has 4 fields, the header 8"), std::string::npos) << what;
}

TEST(CsvErrors, EmptyIdAndSelfManagementAreRefused) {
  EXPECT_NE(message_of<parse_error>([] {
              (void)parse_csv(header + ",A,,,,,,\n", {}, "f.csv");
            }).find("f.csv:2:1: column 'person_id': a person id is required"),
            std::string::npos);
  EXPECT_NE(message_of<parse_error>([] {
              (void)parse_csv(header + "a,A,a,,,,,\n", {}, "f.csv");
            }).find("cannot be their own manager"),
            std::string::npos);
}

TEST(CsvErrors, ConflictingNamesForOnePersonAreRefused) {
  const std::string what =
      message_of<parse_error>([] { (void)parse_csv(header + "a,A,,,,,,\na,B,,,,,,\n", {}, "f.csv"); });
  EXPECT_NE(what.find("f.csv:3:3: column 'name': person 'a' is named 'A' on line 2 and 'B' here"), std::string::npos)
      << what;
}

TEST(CsvErrors, AFileWithAnyErrorLoadsNothing) {
  model m = parse_csv(hr);
  const model before = m;
  // The first rows are fine; the last names an unknown manager.
  EXPECT_THROW(parse_csv_into(m, header + "x,X,ceo,,new-team,,,\ny,Y,nobody,,,,,\n"), reference_error);
  EXPECT_EQ(m, before);
  parse_csv_into(m, header + "x,X,ceo,,new-team,,,\n"); // refers to a person of the model
  EXPECT_EQ(m.relation_count(), before.relation_count() + 2);
}

TEST(CsvErrors, InvalidUtf8NamesLineAndColumn) {
  // "Zo\xEB" is Latin-1, not UTF-8: the byte 0xEB is the 4th of line 2. Overlongs and surrogates too.
  const std::string latin1 = message_of<parse_error>([] { (void)parse_csv(header + "a,Zo\xEB,,,,,,\n", {}, "f.csv"); });
  EXPECT_NE(latin1.find("f.csv:2:5: invalid UTF-8"), std::string::npos) << latin1;
  EXPECT_THROW((void)parse_csv(header + "a,\xC0\xAF,,,,,,\n"), parse_error);
  EXPECT_THROW((void)parse_csv(header + "a,\xED\xA0\x80,,,,,,\n"), parse_error);
  EXPECT_EQ(parse_csv(header + "a,Zo\xC3\xAB \xF0\x9F\x98\x80,,,,,,\n")[0].name, "Zo\xC3\xAB \xF0\x9F\x98\x80");
}

TEST(CsvErrors, EmptyFileAndMissingFile) {
  EXPECT_THROW((void)parse_csv(""), parse_error);
  EXPECT_THROW((void)load_csv(fs::path("/nonexistent/orgraph.csv")), file_error);
}

// ---- post rows: organograms ----

const std::string senior_header =
    "\"Post Unique Reference\",\"Name\",\"Grade\",\"Job Title\",\"Unit\",\"Reports to Senior Post\",\"\","
    "\"Professional/Occupational Group\"\n";

TEST(CsvOrganogram, PostsReportToPostsAndNamesBecomeHolders) {
  const std::string text = senior_header +
                           "\"TOP\",\"Jo Bloggs\",\"SCS4\",\"Permanent Secretary\",\"Office\",\"XX\",\"\",\"Policy\"\n"
                           "\"A1\",\"N/D\",\"SCS2\",\"Director, Finance\",\"Finance\",\"TOP\",\"\",\"Finance\"\n"
                           "\"A2\",\"VACANT\",\"SCS2\",\"Director\",\"Office\",\"TOP\",\"\",\"N/D\"\n"
                           "\"B1\",\"\",\"SCS1\",\"Deputy\",\"Finance\",\"A1\",\"\",\"\"\n"
                           "\"B2\",\"Ann\",\"SCS1\",\"Head\",\"Finance\",\"A1\",\"\",\"Finance\"\n"
                           "\"B2\",\"Bob\",\"SCS1\",\"Head\",\"Finance\",\"A1\",\"\",\"Finance\"\n";
  ASSERT_TRUE(detect_csv_mapping(text));
  const model m = parse_csv(text, *detect_csv_mapping(text), "senior.csv");
  EXPECT_EQ(count(m, node_kind::post), 5u);
  EXPECT_EQ(count(m, node_kind::person), 4u); // Jo; A1's holder, not named; Ann and Bob share B2
  EXPECT_EQ(count(m, node_kind::organization), 2u);
  EXPECT_EQ(count(m, relation_type::manages), 4u);
  EXPECT_EQ(count(m, relation_type::holds), 4u);
  EXPECT_EQ(m[m.at("A1/holder")].name, "(not disclosed)");
  EXPECT_FALSE(m.find("A2/holder")); // VACANT
  EXPECT_FALSE(m.find("B1/holder")); // empty
  EXPECT_EQ(m[m.at("A1")].name, "Director, Finance");
  EXPECT_EQ(m[m.at("A1")].parent, m.at("unit:Finance"));
  EXPECT_EQ(m[m.at("A1")].disciplines, std::vector<std::string>{"Finance"});
  EXPECT_TRUE(m[m.at("A2")].disciplines.empty());
  EXPECT_EQ(m[m.at("B2/holder-2")].name, "Bob");
  EXPECT_EQ(roots(m, node_kind::post), 1u);
  EXPECT_EQ(deepest_chain(m), 3u);

  const std::string junior = "\"Unit\",\"Reporting Senior Post\",\"Generic Job Title\",\"Number of Posts in FTE\","
                             "\"Professional/Occupational Group\"\n"
                             "\"Finance\",\"B1\",\"Accountant\",\"3.5\",\"Finance\"\n"
                             "\"Finance\",\"B1\",\"Clerk\",\"1\",\"Finance\"\n";
  model both = m;
  parse_csv_into(both, junior, *detect_csv_mapping(junior), "junior.csv");
  EXPECT_EQ(both[both.at("B1/2")].name, "Clerk");
  EXPECT_EQ(deepest_chain(both), 4u);
}

TEST(CsvOrganogram, DuplicatePostWithDifferentDetailsNamesTheIdAndLines) {
  const std::string text = senior_header + "\"A\",\"X\",\"\",\"One\",\"U\",\"XX\",\"\",\"\"\n"
                                           "\"A\",\"Y\",\"\",\"Two\",\"U\",\"XX\",\"\",\"\"\n";
  try {
    (void)parse_csv(text, csv_mapping::organogram(), "s.csv");
    FAIL() << "no error";
  } catch (const reference_error& e) {
    EXPECT_EQ(e.id(), "A");
    EXPECT_NE(std::string(e.what()).find("s.csv:3:1: post id 'A' repeated with different details (first on line 2)"),
              std::string::npos)
        << e.what();
  }
  csv_mapping strict = csv_mapping::organogram();
  strict.job_shares = false;
  EXPECT_THROW((void)parse_csv(text, strict), reference_error);
}

TEST(CsvOrganogram, UnknownReportingPostIsAReferenceError) {
  const std::string text = senior_header + "\"A\",\"X\",\"\",\"One\",\"U\",\"NOPE\",\"\",\"\"\n";
  try {
    (void)parse_csv(text, csv_mapping::organogram(), "s.csv");
    FAIL() << "no error";
  } catch (const reference_error& e) {
    EXPECT_EQ(e.id(), "NOPE");
  }
}

TEST(CsvDetect, PicksTheMappingFromTheHeaderRow) {
  EXPECT_EQ(detect_csv_mapping(header)->layout, csv_layout::person_rows);
  EXPECT_EQ(detect_csv_mapping(senior_header)->manager_id, "Reports to Senior Post");
  EXPECT_EQ(detect_csv_mapping("Unit,Reporting Senior Post,Generic Job Title\n")->post, "Generic Job Title");
  EXPECT_FALSE(detect_csv_mapping("a,b,c\n1,2,3\n"));
  EXPECT_FALSE(detect_csv_mapping(""));
}

// The UK government organograms in ../shared/data. Expected counts were worked out independently with
// Python's csv module while writing this test:
//   DH senior: 313 rows, 313 distinct post ids of which one (MD027) is Eliminated, so 312 posts; 87
//     rows name a person and 217 are N/D (not disclosed), so 304 holders; 8 Vacant; 29 distinct Units,
//     one row reporting to XX (REFPOST), longest chain 7 posts (6 manages steps);
//   DH junior: 1,122 rows, all reporting to DH senior posts, Units a subset of the senior ones;
//     with them the longest chain is 8 posts;
//   MoD senior: 705 rows, 704 distinct post ids (00000609 twice, identical but for two names: a job
//     share), 179 named rows and 484 N/D, so 663 holders; 10 Units, 11 rows reporting to XX, longest
//     chain 5 posts, 699 distinct posts with a Professional/Occupational Group other than empty.
TEST(CsvOrganogram, RealDepartmentOfHealthFilesLoad) {
  const fs::path dir = fs::path(ORGRAPH_SHARED_DATA) / "orgs";
  const fs::path senior = dir / "organogram_dh_2011-09-30_senior.csv";
  const fs::path junior = dir / "organogram_dh_2011-09-30_junior.csv";
  if (!fs::exists(senior) || !fs::exists(junior))
    GTEST_SKIP() << "the shared organogram data is absent (" << dir << ")";
  const model s = load_csv(senior, csv_mapping::organogram());
  EXPECT_EQ(count(s, node_kind::post), 312u);
  EXPECT_FALSE(s.find("MD027")); // Eliminated: no post, and no person named "Eliminated"
  EXPECT_EQ(count(s, node_kind::person), 304u);
  EXPECT_EQ(count(s, node_kind::organization), 29u);
  EXPECT_EQ(count(s, relation_type::manages), 311u);
  EXPECT_EQ(roots(s, node_kind::post), 1u);
  EXPECT_EQ(deepest_chain(s), 7u);

  const model both = load_csv(std::vector<fs::path>{senior, junior}); // mappings detected
  EXPECT_EQ(count(both, node_kind::post), 312u + 1122u);
  EXPECT_EQ(count(both, node_kind::person), 304u);
  EXPECT_EQ(count(both, node_kind::organization), 29u);
  EXPECT_EQ(count(both, relation_type::manages), 311u + 1122u);
  EXPECT_EQ(count(both, relation_type::holds), 304u);
  EXPECT_EQ(roots(both, node_kind::post), 1u);
  EXPECT_EQ(deepest_chain(both), 8u);
  EXPECT_EQ(both.at("REFPOST"), s.at("REFPOST"));
}

TEST(CsvOrganogram, RealMinistryOfDefenceFileLoadsWithItsJobShareAndElevenRoots) {
  const fs::path file = fs::path(ORGRAPH_SHARED_DATA) / "orgs" / "organogram_mod_2016-03-31_senior.csv";
  if (!fs::exists(file))
    GTEST_SKIP() << "the shared organogram data is absent (" << file << ")";
  const model m = load_csv(file, csv_mapping::organogram());
  EXPECT_EQ(count(m, node_kind::post), 704u);
  EXPECT_EQ(count(m, node_kind::person), 179u + 484u);
  EXPECT_EQ(count(m, node_kind::organization), 10u);
  EXPECT_EQ(count(m, relation_type::manages), 704u - 11u);
  EXPECT_EQ(roots(m, node_kind::post), 11u);
  EXPECT_EQ(deepest_chain(m), 5u);
  std::size_t with_group = 0;
  for (vertex v : m.vertices())
    with_group += m[v].kind == node_kind::post && !m[v].disciplines.empty();
  EXPECT_EQ(with_group, 699u);
  EXPECT_TRUE(m.find("00000609/holder-2").has_value()); // the job share
  EXPECT_EQ(m[m.at("00000609")].name, "Transformation Director");
  EXPECT_TRUE(m.find("1").has_value()); // ids stay text: "00000609" keeps its zeros, "1" is a root
}

// ---- limits (load_options), checked before the model is built ----

namespace {

// The tightest limits a text loads within: exactly its nodes and relations. One less must be refused
// at the row that passes the limit, naming it, so the counting done before building is exact.
void expect_limits_are_exact(const std::string& text, const csv_mapping& mapping) {
  const model m = parse_csv(text, mapping, "exact.csv");
  load_options tight;
  tight.max_nodes = m.node_count();
  tight.max_relations = m.relation_count();
  EXPECT_EQ(parse_csv(text, mapping, tight, "exact.csv"), m);
  load_options fewer_nodes = tight;
  fewer_nodes.max_nodes = m.node_count() - 1;
  const std::string nodes = message_of<parse_error>([&] { (void)parse_csv(text, mapping, fewer_nodes, "exact.csv"); });
  EXPECT_NE(nodes.find("exact.csv:"), std::string::npos) << nodes;
  EXPECT_NE(nodes.find("load_options::max_nodes"), std::string::npos) << nodes;
  load_options fewer_relations = tight;
  fewer_relations.max_relations = m.relation_count() - 1;
  const std::string relations =
      message_of<parse_error>([&] { (void)parse_csv(text, mapping, fewer_relations, "exact.csv"); });
  EXPECT_NE(relations.find("load_options::max_relations"), std::string::npos) << relations;
}

} // namespace

TEST(CsvLimits, NodeAndRelationCountsAreExactBeforeBuilding) {
  expect_limits_are_exact(hr, {});
  expect_limits_are_exact(
      senior_header + "\"TOP\",\"Jo Bloggs\",\"SCS4\",\"Permanent Secretary\",\"Office\",\"XX\",\"\",\"Policy\"\n"
                      "\"A1\",\"N/D\",\"SCS2\",\"Director, Finance\",\"Finance\",\"TOP\",\"\",\"Finance\"\n"
                      "\"B2\",\"Ann\",\"SCS1\",\"Head\",\"Finance\",\"A1\",\"\",\"Finance\"\n"
                      "\"B2\",\"Bob\",\"SCS1\",\"Head\",\"Finance\",\"A1\",\"\",\"Finance\"\n",
      csv_mapping::organogram());
}

TEST(CsvLimits, TheRowThatPassesTheLimitIsNamed) {
  load_options two;
  two.max_nodes = 2;
  const std::string text = header + "a,A,,,,,,\nb,B,a,,,,,\nc,C,a,,,,,\n";
  EXPECT_EQ(message_of<parse_error>([&] { (void)parse_csv(text, {}, two, "three.csv"); }),
            "three.csv:4: this row takes the nodes past the limit of 2 (load_options::max_nodes)");
  model m;
  m.add_person("x", "X");
  m.add_person("y", "Y");
  parse_csv_into(m, header + "a,A,,,,,,\nb,B,a,,,,,\n", {}, two, "into.csv"); // counts what the text adds
  EXPECT_EQ(m.node_count(), 4u);
  const model before = m;
  EXPECT_THROW(parse_csv_into(m, header + "c,C,,,,,,\nd,D,,,,,,\ne,E,,,,,,\n", {}, two, "into.csv"), parse_error);
  EXPECT_EQ(m, before);
}

TEST(CsvLimits, FileSizeIsCheckedBeforeReading) {
  const fs::path dir = fs::temp_directory_path() / "orgraph-csv-limits";
  fs::create_directories(dir);
  const fs::path file = dir / "staff.csv";
  {
    std::ofstream out(file, std::ios::binary);
    out << hr;
  }
  load_options small;
  small.max_file_size = 100;
  const std::string what = message_of<parse_error>([&] { (void)load_csv(file, {}, small); });
  EXPECT_NE(what.find("the file has " + std::to_string(hr.size()) +
                      " bytes, more than the limit of 100 "
                      "(load_options::max_file_size)"),
            std::string::npos)
      << what;
  EXPECT_NE(message_of<parse_error>([&] { (void)parse_csv(hr, {}, small, "text.csv"); }).find("max_file_size"),
            std::string::npos);
  EXPECT_THROW((void)load_csv(std::vector<fs::path>{file}, small), parse_error);
  small.max_file_size = hr.size();
  EXPECT_EQ(load_csv(file, {}, small), parse_csv(hr));
  // Several files: the node limit is on all of them together.
  load_options nodes;
  nodes.max_nodes = parse_csv(hr).node_count();
  EXPECT_NO_THROW((void)load_csv(std::vector<fs::path>{file}, nodes));
  const fs::path more = dir / "more.csv";
  {
    std::ofstream out(more, std::ios::binary);
    out << header << "z,Z,,,,,,\n";
  }
  EXPECT_THROW((void)load_csv(std::vector<fs::path>{file, more}, nodes), parse_error);
  fs::remove_all(dir);
}

// A line of separators used to cost about 80 bytes per byte (a 5 MB line took 414 MB) before the
// field count was checked; now a header is refused at its 4097th column and a row at the field past
// its header's count, the rest counted without being stored.
TEST(CsvLimits, TooManyColumnsAreRefusedWhileReading) {
  const std::string commas(5'000'000, ',');
  EXPECT_EQ(message_of<parse_error>([&] { (void)parse_csv(commas + "\n", {}, "wide.csv"); }),
            "wide.csv:1: the header row has 5000001 columns, more than the 4096 orgraph reads");
  EXPECT_EQ(message_of<parse_error>([&] { (void)parse_csv(header + "a,A,,,,,,\nb" + commas + "\n", {}, "row.csv"); }),
            "row.csv:3: the row has 5000001 fields, the header 8");
  std::string widest;
  for (int i = 0; i < 4096; ++i)
    widest += (i == 0 ? "person_id" : ",c" + std::to_string(i));
  EXPECT_EQ(parse_csv(widest + "\n" + "a" + std::string(4095, ',') + "\n",
                      [] {
                        csv_mapping m;
                        m.name = m.manager_id = m.discipline = m.organization = m.post = m.start_date = m.end_date = "";
                        return m;
                      }())
                .node_count(),
            1u);
}

TEST(CsvLimits, QuotedFieldsWithEscapesKeepTheirText) {
  // Fields point into the input unless they hold "" or CRLF: both kinds must read as before.
  const model m = parse_csv(header + "\"a\",\"x\"\"y\",,,,,,\r\n\"b\",\"two\r\nlines\",\"a\",,,,,\r\n");
  EXPECT_EQ(m[m.at("a")].name, "x\"y");
  EXPECT_EQ(m[m.at("b")].name, "two\nlines");
}
