// A CSV header far wider than orgraph reads (100,000 columns, 590 KB, past the 64 KiB the CLI's
// format detection reads) is refused with the column limit as the reason, not with "give --mapping".

#include <orgraph/io/csv.hpp>
#include <orgraph/orgraph.hpp>

#include "process_support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace orgraph;
using namespace orgraph::test;
namespace fs = std::filesystem;

namespace {

std::string wide_header(std::size_t columns, const std::string& first = "person_id") {
  std::string s = first;
  for (std::size_t i = 1; i < columns; ++i)
    s += ",column_" + std::to_string(i);
  return s + "\n";
}

const std::string limit_message = "the header row has 100000 columns, more than the 4096 orgraph reads";

TEST(WideCsv, DetectionSaysTheHeaderIsTooWide) {
  const std::string text = wide_header(100000) + "p1,Someone\n";
  ASSERT_GT(text.size(), 64u * 1024u);
  try {
    (void)detect_csv_mapping(text, "wide.csv");
    FAIL() << "no exception";
  } catch (const parse_error& e) {
    EXPECT_EQ(std::string(e.what()), "wide.csv:1: " + limit_message);
  }
  // Within the limit an unknown header is still just not one orgraph knows; so is malformed CSV.
  EXPECT_FALSE(detect_csv_mapping(wide_header(4096, "id")));
  EXPECT_FALSE(detect_csv_mapping("\"unterminated,a,b\n"));
  EXPECT_TRUE(detect_csv_mapping(wide_header(4096)));
}

TEST(WideCsv, LoadingSeveralFilesSaysSoToo) {
  scratch_dir dir("wide-csv");
  put_file(dir / "wide.csv", wide_header(100000));
  try {
    (void)load_csv(std::vector<fs::path>{dir / "wide.csv"});
    FAIL() << "no exception";
  } catch (const parse_error& e) {
    EXPECT_EQ(std::string(e.what()), (dir / "wide.csv").string() + ":1: " + limit_message);
  }
}

#if defined(ORGRAPH_CLI)
TEST(WideCsv, TheCliGivesTheColumnLimitNotGiveMapping) {
  scratch_dir dir("wide-csv-cli");
  const fs::path wide = dir / "wide.csv";
  put_file(wide, wide_header(100000) + "p1,Someone\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"stats", wide.string()},
        std::vector<std::string>{"convert", wide.string(), (dir / "out.json").string()},
        std::vector<std::string>{"stats", wide.string(), "--also", wide.string()}}) {
    const run_result r = run_cli(args);
    EXPECT_EQ(r.code, 2) << args[0];
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "orgraph: " + wide.string() + ":1: " + limit_message + "\n") << args[0];
  }
  EXPECT_FALSE(fs::exists(dir / "out.json"));
  // A header longer than the head the tool reads but within the limit still loads.
  std::string long_names = "person_id,name,manager_id,discipline,organization_id,post,start_date,end_date";
  for (int i = 0; i < 100; ++i)
    long_names += ",extra_" + std::string(1000, 'x') + std::to_string(i);
  put_file(dir / "long.csv", long_names + "\np1,Someone,,,,,," + std::string(100, ',') + "\n");
  const run_result r = run_cli({"stats", (dir / "long.csv").string(), "--json"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"person\": 1"), std::string::npos) << r.out;
}
#endif

} // namespace
