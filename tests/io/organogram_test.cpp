// What an organogram's Name column means (data.gov.uk's senior-staff schema: a person, `N/D` when the
// holder is not disclosed, `Vacant`, or `Eliminated` when the post no longer exists), mappings whose
// lists replace the shipped ones, and lenient CSV loading.

#include <orgraph/analysis/validate.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/query/line_management.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace orgraph;

namespace {

const std::string header =
    "Post Unique Reference,Name,Job Title,Unit,Reports to Senior Post,Professional/Occupational Group\n";

// A director over a deputy who is not named, a vacant deputy and an eliminated one; each deputy has a head.
const std::string office = header + "D,Pat Director,Director,Office,XX,Policy\n"
                                    "N1,N/D,Deputy Director,Office,D,Policy\n"
                                    "V1,Vacant,Deputy Director,Office,D,Policy\n"
                                    "E1,Eliminated,Deputy Director,Office,D,Policy\n"
                                    "H1,Hana,Head,Office,N1,Policy\n"
                                    "H2,Harry,Head,Office,V1,Policy\n";

const date on = date::from_ymd(2011, 9, 30);

std::vector<std::string> ids(const model& m, const std::vector<vertex>& vs) {
  std::vector<std::string> out;
  for (vertex v : vs)
    out.emplace_back(m[v].id);
  return out;
}

} // namespace

TEST(OrganogramNames, NotDisclosedIsAFilledPostThatDoesNotEscalate) {
  const model m = parse_csv(office, csv_mapping::organogram(), "office.csv");
  ASSERT_TRUE(m.find("N1/holder"));
  EXPECT_EQ(m[m.at("N1/holder")].name, "(not disclosed)");
  const snapshot s(m, on);
  EXPECT_EQ(post_holder(s, m.at("N1")), m.find("N1/holder"));
  // H1 reports to N1, whose holder is not named but is there: no escalation to the director.
  const auto boss = line_manager(s, m.at("H1"));
  ASSERT_TRUE(boss && boss->manager);
  EXPECT_EQ(*boss->manager, m.at("N1/holder"));
  EXPECT_TRUE(boss->vacant_posts.empty());
  // The director's direct reports: N1, V1 and, through the vacant V1, H2; never H1.
  EXPECT_EQ(ids(m, direct_reports(s, m.at("D"))), (std::vector<std::string>{"N1", "V1", "H2"}));
  // Only the vacant post is reported vacant.
  const auto report = validate(s);
  std::vector<std::string> vacant;
  for (const auto& f : report.warnings)
    if (f.code == "vacant_manager_post")
      vacant.push_back(f.ids.front());
  EXPECT_EQ(vacant, std::vector<std::string>{"V1"});
}

TEST(OrganogramNames, EliminatedIsNoPostAndVacantIsVacant) {
  const model m = parse_csv(office, csv_mapping::organogram(), "office.csv");
  EXPECT_FALSE(m.find("E1"));
  EXPECT_FALSE(m.find("E1/holder")); // no person called "Eliminated"
  EXPECT_TRUE(m.find("V1"));
  EXPECT_FALSE(m.find("V1/holder"));
  // A post that reports to an eliminated one is refused, saying so.
  const std::string orphan = office + "H3,Hugh,Head,Office,E1,Policy\n";
  try {
    (void)parse_csv(orphan, csv_mapping::organogram(), "office.csv");
    FAIL() << "loaded";
  } catch (const reference_error& e) {
    EXPECT_EQ(e.id(), "E1");
    EXPECT_NE(std::string(e.what()).find("office.csv:8:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("which the file marks as eliminated"), std::string::npos) << e.what();
  }
}

TEST(OrganogramNames, AJobSharesHoldersAreAllKeptAndListed) {
  const std::string text = header + "D,Pat,Director,Office,XX,Policy\n"
                                    "J,Ann,Head,Office,D,Policy\n"
                                    "J,N/D,Head,Office,D,Policy\n"
                                    "R,Rae,Officer,Office,J,Policy\n";
  const model m = parse_csv(text, csv_mapping::organogram(), "share.csv");
  const snapshot s(m, on);
  const auto both = holders(s, m.at("J"));
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(m[both[0].person].id, "J/holder");
  EXPECT_EQ(m[both[1].person].id, "J/holder-2");
  EXPECT_EQ(m[both[1].person].name, "(not disclosed)");
  EXPECT_EQ(line_manager(s, m.at("R"))->manager, m.find("J/holder")); // line management answers with the first
}

TEST(OrganogramMapping, EachListCanBeReplacedNotOnlyExtended) {
  // A department that writes "Withheld" for names it does not disclose and treats "N/D" as vacant.
  const csv_mapping mapping = parse_csv_mapping("# our conventions\n"
                                                "base = organogram\n"
                                                "undisclosed_names = Withheld\n"
                                                "vacant_names = \"Vacant; N/D\"\n"
                                                "vacant_name = Unfilled\n"
                                                "eliminated_names =\n",
                                                "ours.mapping");
  EXPECT_EQ(mapping.undisclosed_names, std::vector<std::string>{"Withheld"});
  EXPECT_EQ(mapping.vacant_names, (std::vector<std::string>{"Vacant", "N/D", "Unfilled"}));
  EXPECT_TRUE(mapping.eliminated_names.empty());
  EXPECT_EQ(mapping.top_markers, std::vector<std::string>{"XX"}); // untouched lists stay as shipped
  const std::string text = header + "D,Pat,Director,Office,XX,Policy\n"
                                    "A,Withheld,Deputy,Office,D,Policy\n"
                                    "B,N/D,Deputy,Office,D,Policy\n"
                                    "C,Eliminated,Deputy,Office,D,Policy\n";
  const model m = parse_csv(text, mapping, "ours.csv");
  EXPECT_EQ(m[m.at("A/holder")].name, "(not disclosed)");
  EXPECT_FALSE(m.find("B/holder"));
  EXPECT_EQ(m[m.at("C/holder")].name, "Eliminated"); // no longer a word for "no post" here
  const csv_mapping plain = parse_csv_mapping("undisclosed_discipline = n/a\nundisclosed_disciplines = none; -\n");
  EXPECT_EQ(plain.undisclosed, (std::vector<std::string>{"none", "-"}));
  EXPECT_EQ(parse_csv_mapping("separator = tab\njob_shares = yes\n").separator, '\t');
  EXPECT_THROW((void)parse_csv_mapping("vacant = x\n", "bad.mapping"), parse_error);
  EXPECT_THROW((void)parse_csv_mapping("name = x\nbase = organogram\n"), parse_error);
  EXPECT_THROW((void)read_csv_mapping("/nonexistent/orgraph.mapping"), file_error);
}

// ---- lenient CSV loading ----

namespace {

struct collected {
  load_options options;
  std::vector<std::string> skipped;
  collected() {
    options.lenient = true;
    options.skipped = [this](const skipped_record& r) {
      EXPECT_EQ(r.file, "rows.csv");
      skipped.push_back(r.where + ": " + r.reason);
    };
  }
};

} // namespace

TEST(CsvLenient, PersonRowsWithErrorsAreLeftOutAndReported) {
  const std::string text = "person_id,name,manager_id,discipline,organization_id,post,start_date,end_date\n"
                           "boss,Boss,,,,,,\n"
                           "a,A,boss,,team,,2010-01-01,2009-01-01\n"
                           ",Nobody,boss,,,,,\n"
                           "b,B,ghost,,team,,,\n"
                           "c,C,boss,,,\n"
                           "d,D,boss,,,,,\n";
  EXPECT_THROW((void)parse_csv(text, csv_mapping{}, "rows.csv"), parse_error); // strict: the first
  collected c;
  const model m = parse_csv(text, csv_mapping{}, c.options, "rows.csv");
  EXPECT_TRUE(m.find("boss") && m.find("b") && m.find("d"));
  EXPECT_FALSE(m.find("a") || m.find("c"));
  EXPECT_EQ(m.in_relations(m.at("b"), relation_type::manages).size(), 0u); // kept, without its unknown manager
  EXPECT_EQ(m.out_relations(m.at("b"), relation_type::member_of).size(), 1u);
  ASSERT_EQ(c.skipped.size(), 4u);
  EXPECT_EQ(c.skipped[0].substr(0, 28), "line 3: column 'end_date': t");
  EXPECT_EQ(c.skipped[1], "line 4: column 'person_id': a person id is required");
  EXPECT_EQ(c.skipped[2], "line 6: the row has 6 fields, the header 8");
  EXPECT_EQ(c.skipped[3], "line 5: unknown manager id 'ghost' (the row is loaded without its manager)");
}

TEST(CsvLenient, PostRowsWithErrorsAreLeftOutAndBrokenCsvIsStillRefused) {
  const std::string text = header + "D,Pat,Director,Office,XX,Policy\n"
                                    "A,Ann,Deputy,Office,D,Policy\n"
                                    "A,Bob,Deputy (other),Office,D,Policy\n"
                                    "B,Bea,Deputy,Office,NOWHERE,Policy\n"
                                    "C,Cy,Deputy,Office,C,Policy\n";
  collected c;
  const model m = parse_csv(text, csv_mapping::organogram(), c.options, "rows.csv");
  EXPECT_TRUE(m.find("A/holder") && m.find("B") && m.find("B/holder"));
  EXPECT_FALSE(m.find("A/holder-2") || m.find("C"));
  EXPECT_TRUE(m.in_relations(m.at("B"), relation_type::manages).empty());
  ASSERT_EQ(c.skipped.size(), 3u);
  EXPECT_NE(c.skipped[0].find("line 4: post id 'A' repeated with different details"), std::string::npos);
  EXPECT_NE(c.skipped[1].find("line 6: column 'Reports to Senior Post': post 'C' cannot report to itself"),
            std::string::npos)
      << c.skipped[1];
  EXPECT_EQ(c.skipped[2], "line 5: unknown manager id 'NOWHERE' (the post is loaded without its manager)");
  EXPECT_THROW((void)parse_csv(header + "\"D,Pat\n", csv_mapping::organogram(), c.options, "rows.csv"), parse_error);
  load_options few = c.options;
  few.max_nodes = 2;
  EXPECT_THROW((void)parse_csv(text, csv_mapping::organogram(), few, "rows.csv"), parse_error); // a limit
}
