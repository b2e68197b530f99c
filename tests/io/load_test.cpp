// load_model(): the format told by a file's magic, extension or content, several files in one model,
// and mapping files.

#include <orgraph/io/archive.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/io/load.hpp>
#include <orgraph/orgraph.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

using namespace orgraph;
namespace fs = std::filesystem;

namespace {

const fs::path data = fs::path(ORGRAPH_TEST_DATA) / "cli";
const fs::path essex = fs::path(ORGRAPH_SOURCE_DIR) / "examples" / "essex_2009" / "essex_2009.json";

/// A scratch folder of the test's own, emptied first.
fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("orgraph_load_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const error& e) {
    return e.what();
  }
  return "(no error)";
}

} // namespace

TEST(LoadModel, TellsEachFormatByItsExtension) {
  EXPECT_EQ(detect_model_format(essex).name, "json");
  EXPECT_EQ(detect_model_format(data / "staff.csv").name, "csv");
  EXPECT_EQ(detect_model_format(fs::path(ORGRAPH_TEST_DATA) / "archives" / "sample-v1.orgraph").name, "archive");
}

TEST(LoadModel, AnArchiveIsToldByItsMagicWhateverItsName) {
  const fs::path dir = scratch("magic");
  save_archive(load_json(essex), dir / "essex.json", archive_kind::text); // a misleading name
  EXPECT_EQ(detect_model_format(dir / "essex.json").name, "archive");
  EXPECT_EQ(load_model(dir / "essex.json"), load_json(essex));
}

TEST(LoadModel, AnyOtherNameIsToldByItsContent) {
  const fs::path dir = scratch("content");
  fs::copy_file(essex, dir / "essex.data");
  fs::copy_file(data / "staff.csv", dir / "staff.txt");
  EXPECT_EQ(detect_model_format(dir / "essex.data").name, "json");
  EXPECT_EQ(detect_model_format(dir / "staff.txt").name, "csv");
  EXPECT_EQ(load_model(dir / "staff.txt").node_count(), 13u);
}

TEST(LoadModel, AMappingMakesAnyTextCsvAndNamesTheColumns) {
  const fs::path dir = scratch("mapping");
  fs::copy_file(data / "hr_export.csv", dir / "hr.export");
  load_model_options options;
  EXPECT_EQ(message_of([&] { (void)detect_model_format(dir / "hr.export", options); }),
            (dir / "hr.export").string() + ": cannot tell the format: name it .orgraph, .orgraph.xml, .orgraph.txt, "
                                           ".jsonl, .json or .csv");
  options.mapping = read_csv_mapping(data / "hr_export.mapping");
  EXPECT_EQ(load_model(dir / "hr.export", options), load_model(data / "staff.csv"));
}

TEST(LoadModel, ACsvHeaderNobodyKnowsAsksForAMapping) {
  EXPECT_EQ(message_of([] { (void)load_model(data / "hr_export.csv"); }),
            (data / "hr_export.csv").string() +
                ":1: the header row is neither orgraph's (person_id, ...) nor a UK organogram's: give a mapping "
                "(--mapping FILE)");
}

TEST(LoadModel, AForcedFormatIsReadAsSuch) {
  load_model_options options;
  options.format = "archive";
  EXPECT_THROW((void)load_model(essex, options), archive_error);
  options.format = "yaml";
  EXPECT_THROW((void)load_model(essex, options), file_error);
}

TEST(LoadModel, AMissingFileSaysWhy) {
  EXPECT_EQ(message_of([] { (void)load_model("no-such-file.json"); }),
            "no-such-file.json: cannot open for reading: No such file or directory");
}

TEST(LoadModel, SeveralFilesAddCsvToTheFirstInAnyFormat) {
  const fs::path dir = scratch("several");
  write(dir / "more.csv", "person_id,name,manager_id,discipline,organization_id,post,start_date,end_date\n"
                          "new-starter,New Starter,head-provider-services,social work,,,2009-11-01,\n");
  const model m = load_model(std::vector<fs::path>{essex, dir / "more.csv"});
  EXPECT_EQ(m.node_count(), load_json(essex).node_count() + 1);
  ASSERT_TRUE(m.find("new-starter"));
  EXPECT_EQ(line_manager(m, m.at("new-starter"), date::from_ymd(2009, 11, 2))->manager, m.at("head-provider-services"));
}

TEST(LoadModel, AJsonFileCannotBeAddedAndIsRefusedBeforeAnythingLoads) {
  const fs::path broken = data / "malformed.json";
  // The second file is refused for its format before the first (or its own syntax) is read.
  EXPECT_EQ(message_of([&] {
              (void)load_model(std::vector<fs::path>{data / "staff.csv", broken});
            }),
            broken.string() + ": a json file is read alone: it cannot be added to the model of " +
                (data / "staff.csv").string() + " (CSV files can)");
}

TEST(LoadModel, TheTableNamesEveryFormatOnce) {
  std::vector<std::string> names;
  for (const auto& f : model_formats()) {
    names.emplace_back(f.name);
    EXPECT_EQ(model_format_named(f.name), &f);
    EXPECT_NE(f.detect, nullptr);
    EXPECT_NE(f.load, nullptr);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"archive", "govuk", "json", "csv"}));
  EXPECT_EQ(model_format_named("dot"), nullptr);
}

TEST(MappingFile, ReadsEveryKindOfKey) {
  const csv_mapping m = parse_csv_mapping("\xEF\xBB\xBF# a comment\nbase = organogram\n\nid = \"Post Ref\"\n"
                                          "separator = tab\ntop_marker = XX\ntop_marker = none\njob_shares = yes\n"
                                          "layout = person_rows\norganization_is_name = false\n",
                                          "x.mapping");
  EXPECT_EQ(m.id, "Post Ref");
  EXPECT_EQ(m.separator, '\t');
  std::vector<std::string> markers = csv_mapping::organogram().top_markers; // the base's, then two more
  markers.insert(markers.end(), {"XX", "none"});
  EXPECT_EQ(m.top_markers, markers);
  EXPECT_TRUE(m.job_shares);
  EXPECT_EQ(m.layout, csv_layout::person_rows);
  EXPECT_EQ(m.manager_id, csv_mapping::organogram().manager_id); // from the base
}

TEST(MappingFile, NamesTheLineOfABadKeyOrValue) {
  EXPECT_EQ(message_of([] { (void)read_csv_mapping(data / "bad.mapping"); }),
            (data / "bad.mapping").string() + ":3: unknown key 'colour'");
  EXPECT_EQ(message_of([] { (void)parse_csv_mapping("id = x\nbase = default\n", "m"); }),
            "m:2: 'base' must come before every other key");
  EXPECT_EQ(message_of([] { (void)parse_csv_mapping("separator = ;;\n", "m"); }),
            "m:1: 'separator' must be one character or 'tab', not ';;'");
  EXPECT_EQ(message_of([] { (void)parse_csv_mapping("job_shares = maybe\n", "m"); }),
            "m:1: 'job_shares' must be true or false, not 'maybe'");
  EXPECT_EQ(message_of([] { (void)parse_csv_mapping("just words\n", "m"); }), "m:1: expected 'key = value'");
}
