// Bad input, tried systematically: every file in tests/data/bad/ against the line expected.txt has
// for it (exception type and the text its message must contain), the same through the in-memory
// loaders, the strong guarantee of the loaders that add to a model, files of 100 MB, and the CLI.

#include <orgraph/io/archive.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/orgraph.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <typeinfo>
#include <vector>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace orgraph;
namespace fs = std::filesystem;

namespace {

const fs::path bad_dir = fs::path(ORGRAPH_TEST_DATA) / "bad";

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos)
    return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

struct expectation {
  std::string file;
  std::string type;
  std::string text;
  std::string pending; // empty unless the line says `pending: why` or `pending, not run: why`
  bool run = true;     // false for `pending, not run`: trying the file would do harm (allocate gigabytes)
  int line = 0;        // in expected.txt
};

std::vector<expectation> read_manifest() {
  std::vector<expectation> out;
  std::ifstream in(bad_dir / "expected.txt");
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (trim(line).empty() || trim(line)[0] == '#')
      continue;
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t bar; (bar = line.find(" | ", start)) != std::string::npos; start = bar + 3)
      parts.push_back(trim(line.substr(start, bar - start)));
    parts.push_back(trim(line.substr(start)));
    expectation e;
    e.line = n;
    if (parts.size() < 3 || parts.size() > 4) {
      ADD_FAILURE() << "expected.txt:" << n << ": want `file | type | text [| pending: why]`, got: " << line;
      continue;
    }
    e.file = parts[0];
    e.type = parts[1];
    e.text = parts[2];
    if (parts.size() == 4) {
      const std::string not_run = "pending, not run:";
      if (parts[3].rfind(not_run, 0) == 0) {
        e.run = false;
        e.pending = trim(parts[3].substr(not_run.size()));
      } else if (parts[3].rfind("pending:", 0) == 0) {
        e.pending = trim(parts[3].substr(8));
      } else {
        ADD_FAILURE() << "expected.txt:" << n << ": the fourth field must start with `pending:` or `pending, not run:`";
      }
    }
    out.push_back(e);
  }
  return out;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The loader a file's name picks, from the file and from its bytes (named as the file is).
struct loaders {
  std::function<model()> from_file;
  std::function<model()> from_memory;
};

loaders loaders_for(const fs::path& p) {
  const std::string name = p.filename().string();
  if (ends_with(name, ".json"))
    return {[p] { return load_json(p); }, [p] { return parse_json(read_bytes(p), p.string()); }};
  if (ends_with(name, ".organogram.csv"))
    return {[p] { return load_csv(p, csv_mapping::organogram()); },
            [p] { return parse_csv(read_bytes(p), csv_mapping::organogram(), p.string()); }};
  if (ends_with(name, ".csv"))
    return {[p] { return load_csv(p); }, [p] { return parse_csv(read_bytes(p), {}, p.string()); }};
  if (ends_with(name, ".orgraph"))
    return {[p] { return load_archive(p); }, [p] { return from_archive(read_bytes(p), p.string()); }};
  return {};
}

std::string type_name(const std::exception& e) {
  if (typeid(e) == typeid(parse_error))
    return "parse_error";
  if (typeid(e) == typeid(reference_error))
    return "reference_error";
  if (typeid(e) == typeid(archive_error))
    return "archive_error";
  if (typeid(e) == typeid(file_error))
    return "file_error";
  if (typeid(e) == typeid(model_error))
    return "model_error";
  if (typeid(e) == typeid(date_error))
    return "date_error";
  if (typeid(e) == typeid(error))
    return "error";
  return std::string("not an orgraph::error: ") + typeid(e).name();
}

// What a load threw: its type and message, or why it did not throw as expected.
struct outcome_of_load {
  bool threw = false;
  std::string type, message;
};

outcome_of_load attempt(const std::function<model()>& load) {
  outcome_of_load o;
  try {
    const model m = load();
    o.message = "loaded a model of " + std::to_string(m.node_count()) + " nodes";
  } catch (const std::exception& e) {
    o.threw = true;
    o.type = type_name(e);
    o.message = e.what();
  }
  return o;
}

// The checks every bad input must pass; returns the failures, empty when it behaved.
std::vector<std::string> check(const expectation& x) {
  std::vector<std::string> failures;
  const fs::path p = bad_dir / x.file;
  const loaders l = loaders_for(p);
  if (!l.from_file)
    return {"no loader for this file name (want .json, .csv, .organogram.csv or .orgraph)"};
  const outcome_of_load file = attempt(l.from_file);
  if (!file.threw)
    return {"no exception: " + file.message};
  if (file.type != x.type)
    failures.push_back("threw " + file.type + ", expected " + x.type + ": " + file.message);
  if (file.message.find(x.file) == std::string::npos)
    failures.push_back("the message does not name the file: " + file.message);
  if (file.message.find(x.text) == std::string::npos)
    failures.push_back("the message lacks '" + x.text + "': " + file.message);
  const outcome_of_load memory = attempt(l.from_memory);
  if (memory.type != file.type || memory.message != file.message)
    failures.push_back("the in-memory loader says otherwise: " + memory.type + ": " + memory.message);
  return failures;
}

class BadInput : public testing::TestWithParam<expectation> {};

TEST_P(BadInput, GivesTypedErrorNamingWhere) {
  const expectation& x = GetParam();
  if (!x.run)
    GTEST_SKIP() << "known gap, not run (expected.txt:" << x.line << "): " << x.pending;
  const auto failures = check(x);
  if (!x.pending.empty()) {
    if (failures.empty())
      FAIL() << x.file << " now behaves: remove `pending` from expected.txt:" << x.line;
    GTEST_SKIP() << "known gap (expected.txt:" << x.line << "): " << x.pending;
  }
  for (const auto& f : failures)
    ADD_FAILURE() << x.file << " (expected.txt:" << x.line << "): " << f;
}

std::string name_of(const testing::TestParamInfo<expectation>& info) {
  std::string s = info.param.file;
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '_';
  return s;
}

INSTANTIATE_TEST_SUITE_P(Table, BadInput, testing::ValuesIn(read_manifest()), name_of);

TEST(BadInputTable, EveryFileHasOneLineAndEveryLineAFile) {
  std::set<std::string> listed;
  for (const auto& e : read_manifest()) {
    EXPECT_TRUE(listed.insert(e.file).second) << e.file << " is listed twice";
    EXPECT_TRUE(fs::is_regular_file(bad_dir / e.file))
        << "expected.txt:" << e.line << " names a missing file " << e.file;
  }
  for (const auto& entry : fs::directory_iterator(bad_dir)) {
    if (entry.is_directory()) // fuzz/: the fuzzers' findings, for fuzz_regression_test.cpp
      continue;
    const std::string name = entry.path().filename().string();
    if (name == "expected.txt" || name == "make_archives.py")
      continue;
    EXPECT_EQ(listed.count(name), 1u) << name << " is in tests/data/bad/ but not in expected.txt";
  }
  EXPECT_GE(listed.size(), 60u);
}

TEST(BadInputTable, ChecksCanFail) {
  // A file that loads, and expectations a bad file does not meet, must be reported.
  const fs::path good = fs::path(ORGRAPH_SOURCE_DIR) / "examples" / "essex_2009" / "essex_2009.json";
  ASSERT_TRUE(fs::exists(good));
  const fs::path rel = fs::relative(good, bad_dir);
  EXPECT_FALSE(check({rel.string(), "parse_error", "x", "", 0}).empty());
  EXPECT_FALSE(check({"empty.json", "reference_error", "empty.json:1:1", "", 0}).empty());
  EXPECT_FALSE(check({"empty.json", "parse_error", "no such text", "", 0}).empty());
  EXPECT_TRUE(check({"empty.json", "parse_error", "empty.json:1:1", "", 0}).empty());
}

// ---- the strong guarantee of the loaders that add to an existing model

model base_model() {
  model m;
  const auto ceo = m.add_person("ceo", "Jo Smith", {"policy"});
  const auto m1 = m.add_person("m1", "Lee Khan", {"social work"});
  m.add_relation(ceo, m1, {relation_type::manages});
  m.add_organization("council", "Essex County Council", "council");
  return m;
}

TEST(BadInput, CsvIntoAModelLeavesItUnchanged) {
  std::size_t tried = 0;
  for (const auto& x : read_manifest()) {
    if (!x.pending.empty() || !ends_with(x.file, ".csv"))
      continue;
    const csv_mapping mapping = ends_with(x.file, ".organogram.csv") ? csv_mapping::organogram() : csv_mapping{};
    model m = base_model();
    const model before = m;
    EXPECT_THROW(load_csv_into(m, bad_dir / x.file, mapping), orgraph::error) << x.file;
    EXPECT_EQ(m, before) << x.file << " changed the model it failed to add to";
    EXPECT_EQ(m.node_count(), before.node_count()) << x.file;
    EXPECT_EQ(m.relation_count(), before.relation_count()) << x.file;
    ++tried;
  }
  EXPECT_GE(tried, 15u);
}

TEST(BadInput, CsvAfterAGoodFileLoadsNothing) {
  // load_csv over several files is all or nothing: a good senior organogram, then one whose post
  // reports to a post neither file has.
  const fs::path dir = fs::temp_directory_path() / ("orgraph-bad-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string header = "\"Post Unique Reference\",\"Name\",\"Job Title\",\"Unit\",\"Reports to Senior Post\","
                             "\"Professional/Occupational Group\"\n";
  const fs::path good = dir / "senior.csv", bad = dir / "more.csv";
  std::ofstream(good) << header
                      << "\"PS001\",\"Jane Roe\",\"Permanent Secretary\",\"Private Office\",\"XX\",\"Policy\"\n";
  std::ofstream(bad) << header << "\"D001\",\"Ann Lee\",\"Director\",\"Strategy\",\"DG404\",\"Finance\"\n";
  EXPECT_EQ(load_csv(std::vector<fs::path>{good}).node_count(), 3u); // post, holder, unit
  try {
    (void)load_csv(std::vector<fs::path>{good, bad});
    ADD_FAILURE() << "no exception";
  } catch (const reference_error& e) {
    EXPECT_EQ(e.id(), "DG404");
    EXPECT_NE(std::string(e.what()).find("more.csv:2:"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

// ---- 100 MB files, written at test time and removed after

class HundredMegabytes : public testing::Test {
protected:
  static constexpr std::size_t size = 100u << 20;

  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("orgraph-100mb-" + std::to_string(::getpid()) + "-" +
                                        testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  // `head`, then `fill` repeated up to 100 MiB, then `tail`.
  fs::path write(const std::string& name, const std::string& head, char fill, const std::string& tail = {}) {
    const fs::path p = dir_ / name;
    std::ofstream out(p, std::ios::binary);
    out << head;
    const std::string block(1u << 20, fill);
    std::size_t written = head.size();
    while (written + block.size() + tail.size() <= size) {
      out << block;
      written += block.size();
    }
    out << std::string(size - written - tail.size(), fill) << tail;
    out.close();
    EXPECT_EQ(fs::file_size(p), size);
    return p;
  }

  fs::path dir_;
};

TEST_F(HundredMegabytes, JsonThatNeverEndsNamesTheEnd) {
  // An array of records cut off after 100 MB of blank lines: the error is at the end, with its line.
  const std::string head = "{\"persons\": [\n  {\"id\": \"p1\"},\n";
  const fs::path p = write("cut.json", head, '\n');
  try {
    (void)load_json(p);
    FAIL() << "no exception";
  } catch (const parse_error& e) {
    EXPECT_EQ(e.file(), p.string());
    EXPECT_EQ(e.line(), 1 + 2 + (size - head.size())); // one more than the line breaks
    EXPECT_EQ(e.column(), 1u);
    EXPECT_NE(std::string(e.what()).find("incomplete JSON"), std::string::npos) << e.what();
  }
}

TEST_F(HundredMegabytes, JsonOverTheSizeLimitIsRefusedUnread) {
  const fs::path p = write("big.json", "{\"persons\": [", ' ', "]}");
  load_options small;
  small.max_file_size = 64u << 20;
  try {
    (void)load_json(p, small);
    FAIL() << "no exception";
  } catch (const parse_error& e) {
    EXPECT_NE(std::string(e.what()).find("big.json"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("load_options::max_file_size"), std::string::npos) << e.what();
  }
  EXPECT_EQ(load_json(p).node_count(), 0u); // under the default limit the same file is an empty model
}

TEST_F(HundredMegabytes, CsvWithAnUnterminatedQuote) {
  const fs::path p =
      write("cut.csv", "person_id,name,manager_id,discipline,organization_id,post,start_date,end_date\nceo,\"", 'x');
  try {
    (void)load_csv(p);
    FAIL() << "no exception";
  } catch (const parse_error& e) {
    EXPECT_EQ(e.line(), 2u);
    EXPECT_EQ(e.column(), 5u);
    EXPECT_NE(std::string(e.what()).find("unterminated quoted field"), std::string::npos) << e.what();
  }
}

TEST_F(HundredMegabytes, ArchivesThatAreNotOrDamaged) {
  const fs::path foreign = write("foreign.orgraph", "PK\x03\x04", '\0');
  EXPECT_THROW((void)load_archive(foreign), archive_error);
  // A sound header announcing 100 MB of payload whose checksum does not match.
  std::string header = to_archive(model{}).substr(0, 32);
  const std::uint64_t payload = size - 32;
  for (int i = 0; i < 8; ++i)
    header[16 + i] = static_cast<char>((payload >> (8 * i)) & 0xFF);
  const fs::path damaged = write("damaged.orgraph", header, 'x');
  try {
    (void)load_archive(damaged);
    FAIL() << "no exception";
  } catch (const archive_error& e) {
    // The header's own checksum no longer matches the changed length: either refusal is right.
    EXPECT_NE(std::string(e.what()).find("damaged.orgraph"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("checksum mismatch"), std::string::npos) << e.what();
  }
}

// ---- the CLI: one line on stderr, exit code 2

#if defined(ORGRAPH_CLI) && (defined(__unix__) || defined(__APPLE__))
struct cli_result {
  int code = -1;
  std::string out, err;
};

cli_result run_cli(const std::string& args) {
  const fs::path dir = fs::temp_directory_path();
  const std::string tag = std::to_string(::getpid());
  const fs::path out = dir / ("orgraph-cli-" + tag + ".out"), err = dir / ("orgraph-cli-" + tag + ".err");
  const std::string command =
      std::string("\"") + ORGRAPH_CLI + "\" " + args + " >\"" + out.string() + "\" 2>\"" + err.string() + "\"";
  const int status = std::system(command.c_str());
  cli_result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_bytes(out);
  r.err = read_bytes(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

TEST(BadInputCli, OneLineOnStderrAndExitCodeTwo) {
  std::size_t tried = 0;
  for (const auto& x : read_manifest()) {
    if (!ends_with(x.file, ".json") || !x.pending.empty())
      continue;
    const cli_result r = run_cli("validate \"" + (bad_dir / x.file).string() + "\" --on 2010-01-01");
    EXPECT_EQ(r.code, 2) << x.file << ": " << r.err;
    EXPECT_EQ(r.out, "") << x.file;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << x.file << ": " << r.err;
    EXPECT_EQ(r.err.rfind("orgraph: ", 0), 0u) << x.file << ": " << r.err;
    EXPECT_NE(r.err.find(x.text), std::string::npos) << x.file << ": " << r.err;
    ++tried;
  }
  EXPECT_GE(tried, 40u);
  const cli_result missing = run_cli("chain \"" + (bad_dir / "no-such-file.json").string() + "\" p1");
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(std::count(missing.err.begin(), missing.err.end(), '\n'), 1) << missing.err;
  EXPECT_NE(missing.err.find("no-such-file.json"), std::string::npos) << missing.err;
}
#endif

} // namespace
