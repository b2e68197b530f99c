// Regression tests for what the fuzzers found (docs/reliability.md, "Findings"). The inputs are the
// fuzzers' own, kept in tests/data/bad/fuzz/.
//
// The archive tests fail in an ordinary build only if the error stops naming the file; the damage
// they guard against (an allocation of exabytes, a read past a string literal) shows in the
// sanitize preset's build, where ASan stops the test, and in the fuzzers.

#include <orgraph/io/archive.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/orgraph.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace orgraph;
namespace fs = std::filesystem;

namespace {

const fs::path found = fs::path(ORGRAPH_TEST_DATA) / "bad" / "fuzz";

std::string bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

} // namespace

// csv_fuzzer, first seed: to_json writes a post's disciplines, the JSON reader reads disciplines
// only for persons, so an organogram saved as JSON lost its posts' professional groups.
TEST(FuzzRegression, PostDisciplinesSurviveTheJsonRoundTrip) {
  const model m = load_csv(found / "post-disciplines-lost.organogram.csv", csv_mapping::organogram());
  ASSERT_EQ(m[m.at("D001")].disciplines, std::vector<std::string>{"Finance"});
  const model again = parse_json(to_json(m), "written.json");
  EXPECT_EQ(again[again.at("D001")].disciplines, std::vector<std::string>{"Finance"});
  EXPECT_EQ(again, m);
}

// archive_binary_fuzzer: Boost's binary_iarchive reads its own header's signature string with the
// length the input gives, before orgraph's checks see a byte: 70 bytes of payload asked for an
// allocation of 0x374e000000000017 bytes (ASan: allocation-size-too-big).
TEST(FuzzRegression, BinaryArchiveHeaderCannotAskForAHugeString) {
  try {
    (void)load_archive(found / "binary-header-huge-string.orgraph");
    FAIL() << "no exception";
  } catch (const archive_error& e) {
    // Refused by orgraph's check of the Boost header, before Boost allocated anything.
    EXPECT_NE(std::string(e.what()).find("binary-header-huge-string.orgraph: cannot decode the binary payload: it "
                                         "does not start with the Boost binary archive signature"),
              std::string::npos)
        << e.what();
  }
}

// archive_xml_fuzzer: an end tag longer than the name orgraph expects there makes Boost's
// basic_xml_iarchive::load_end read past the end of the expected name (ASan: global-buffer-overflow
// in load_end, from load_string). Without a sanitizer Boost threw "tag mismatch"; now orgraph's own
// scan of the tags refuses it first, and Boost's check is off (no_xml_tag_checking).
TEST(FuzzRegression, XmlEndTagLongerThanTheNameIsRefusedWithoutOverread) {
  try {
    (void)from_archive(bytes_of(found / "xml-end-tag-overread.orgraph"), "xml-end-tag-overread.orgraph");
    FAIL() << "no exception";
  } catch (const archive_error& e) {
    EXPECT_NE(std::string(e.what()).find("xml-end-tag-overread.orgraph: cannot decode the xml payload: line 668: "
                                         "end tag </parent> where <name> must be closed"),
              std::string::npos)
        << e.what();
  }
}
