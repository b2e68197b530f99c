// What streaming the JSON reader adds: records that refer to ids written later, documents cut into
// pieces anywhere, unknown values skipped however large, limits enforced before the end, and reads
// that fail part of the way through.

#include <orgraph/orgraph.hpp>

#include "../../src/io/json_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <typeinfo>
#include <vector>

#if defined(__unix__)
#include <unistd.h>
#endif

using namespace orgraph;
namespace fs = std::filesystem;

namespace {

// Every array before what it refers to: memberships, relations and decisions first, areas last.
const char* const backwards = R"({
  "decisions": [
    {"id": "d2", "organization_id": "board", "date": "2011-04-14", "outcome": "decided", "follows": "d1"},
    {"id": "d1", "organization_id": "team", "date": "2011-01-20", "outcome": "recommended", "to_id": "board"}
  ],
  "relations": [
    {"type": "manages", "from": "post-lead", "to": "worker", "arrangement": "interim", "start_date": "2009-11"},
    {"type": "covers", "from": "team", "to": "harlow", "status": "pilot"}
  ],
  "memberships": [
    {"person_id": "lead", "post_id": "post-lead", "start_date": "2009"},
    {"person_id": "worker", "organization_id": "board", "role": "member", "on_behalf_of_id": "team"}
  ],
  "persons": [
    {"id": "lead", "name": "Lesley", "disciplines": ["social work"]},
    {"id": "worker", "name": {"lang:cy": "Gweithiwr", "lang:en": "Worker"}, "disciplines": []}
  ],
  "posts": [{"id": "post-lead", "label": "Team lead", "organization_id": "team", "disciplines": ["social work"]}],
  "organizations": [
    {"id": "team", "name": "Harlow team", "classification": "team", "parent_id": "board", "founding_date": "2008"},
    {"id": "board", "name": "Board", "classification": "board"}
  ],
  "areas": [{"id": "harlow", "name": "Harlow", "type": "district", "parent_id": "west"}, {"id": "west", "name": "West"}]
})";

// The same records in the order to_json writes them.
std::string forwards() { return to_json(parse_json(backwards, "backwards.json")); }

std::string bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// What loading gives, in a form two loads can be compared by: the model as written, or the error.
template <class Load> std::string outcome_of(Load&& load) {
  try {
    return "model " + to_json(load());
  } catch (const error& e) {
    return std::string(typeid(e).name()) + " " + e.what();
  }
}

fs::path scratch(const std::string& name) {
  return fs::temp_directory_path() / ("orgraph-stream-" + std::to_string(::getpid()) + "-" + name);
}

} // namespace

TEST(JsonStream, RecordsMayReferToIdsWrittenAfterThem) {
  const model m = parse_json(backwards, "backwards.json");
  EXPECT_EQ(m.node_count(), 7u);
  EXPECT_EQ(m.relation_count(), 4u);
  // Nodes are numbered areas, organizations, posts, persons, each in file order, wherever the arrays stand.
  EXPECT_EQ(m.at("harlow"), 0u);
  EXPECT_EQ(m.at("west"), 1u);
  EXPECT_EQ(m.at("team"), 2u);
  EXPECT_EQ(m.at("board"), 3u);
  EXPECT_EQ(m.at("post-lead"), 4u);
  EXPECT_EQ(m.at("lead"), 5u);
  EXPECT_EQ(m[m.at("harlow")].parent, m.at("west"));
  EXPECT_EQ(m[m.at("harlow")].classification, "district");
  EXPECT_EQ(m[m.at("team")].parent, m.at("board"));
  EXPECT_EQ(m[m.at("worker")].name, "Worker");
  ASSERT_TRUE(m.find_decision("d2"));
  EXPECT_EQ(m.decisions()[*m.find_decision("d2")].follows, *m.find_decision("d1"));
  // Read forwards, the same model.
  EXPECT_EQ(parse_json(forwards(), "forwards.json"), m);
}

TEST(JsonStream, AnyCutGivesTheSameModel) {
  const std::string text = backwards;
  const std::string whole = outcome_of([&] { return parse_json(text, "t.json"); });
  ASSERT_EQ(whole.rfind("model ", 0), 0u) << whole;
  // Pieces of one byte upwards end inside every key, string, number, escape and language map.
  for (std::size_t chunk = 1; chunk <= 40; ++chunk)
    EXPECT_EQ(outcome_of([&] { return detail::parse_json_in_chunks(text, "t.json", {}, chunk); }), whole)
        << "pieces of " << chunk;
  const std::string escaped = R"({"persons": [{"id": "caf\u00e9", "name": "Zo\u00eb \ud83d\ude00 \"Q\" caf)"
                              "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\", "
                              "\"size\": -12.5e-3, \"n\": 12345678901234567890}]}";
  const std::string expected = outcome_of([&] { return parse_json(escaped, "e.json"); });
  ASSERT_EQ(expected.rfind("model ", 0), 0u) << expected;
  for (std::size_t chunk = 1; chunk <= 16; ++chunk)
    EXPECT_EQ(outcome_of([&] { return detail::parse_json_in_chunks(escaped, "e.json", {}, chunk); }), expected)
        << "pieces of " << chunk;
}

TEST(JsonStream, AnyCutGivesTheSameErrors) {
  // Every bad input of the reliability table, cut anywhere: the same exception and message as whole.
  // Boost.JSON places an error inside an escape or a UTF-8 sequence that a cut splits elsewhere, so for
  // those two files only the kind of error is compared; load_json never cuts there (next test).
  std::size_t tried = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(ORGRAPH_TEST_DATA) / "bad")) {
    if (entry.path().extension() != ".json")
      continue;
    const std::string text = bytes_of(entry.path());
    const std::string name = entry.path().filename().string();
    const std::string whole = outcome_of([&] { return parse_json(text, name); });
    for (std::size_t chunk : {1, 2, 3, 5, 8, 13, 64}) {
      const std::string cut = outcome_of([&] { return detail::parse_json_in_chunks(text, name, {}, chunk); });
      if (name.find("utf8") != std::string::npos)
        EXPECT_EQ(cut.substr(0, cut.find(':')), whole.substr(0, whole.find(':'))) << name << " in pieces of " << chunk;
      else
        EXPECT_EQ(cut, whole) << name << " in pieces of " << chunk;
    }
    ++tried;
  }
  EXPECT_GE(tried, 40u);
}

TEST(JsonStream, FileReadInSmallChunksGivesWhatTheTextGives) {
  // read_json_file is load_json's reader: with a chunk of a few dozen bytes a boundary falls everywhere,
  // and its cuts keep escape and UTF-8 sequences whole, so even the invalid ones give the same error.
  const fs::path p = scratch("chunks.json");
  std::vector<std::string> texts{backwards, forwards()};
  for (const auto& entry : fs::directory_iterator(fs::path(ORGRAPH_TEST_DATA) / "bad"))
    if (entry.path().extension() == ".json")
      texts.push_back(bytes_of(entry.path()));
  for (const std::string& text : texts) {
    std::ofstream(p, std::ios::binary) << text;
    const std::string whole = outcome_of([&] { return parse_json(text, p.string()); });
    for (std::size_t chunk : {64, 97, 1000}) {
      std::FILE* f = std::fopen(p.string().c_str(), "rb");
      ASSERT_NE(f, nullptr);
      EXPECT_EQ(outcome_of([&] { return detail::read_json_file(f, p.string(), {}, chunk); }), whole)
          << text.substr(0, 80) << " in chunks of " << chunk;
      std::fclose(f);
    }
  }
  fs::remove(p);
}

TEST(JsonStream, LoadJsonAcrossItsChunkBoundary) {
  // load_json reads a MiB at a time: put the first boundary inside a key, a string and a number in turn.
  const std::size_t boundary = detail::json_chunk_size;
  const fs::path p = scratch("boundary.json");
  for (const char* tail :
       {"\"disciplines\": [\"social work\"]}]}", "\"name\": \"Lesley Wagland\"}]}", "\"size\": 1234567.25e2}]}"}) {
    const std::string head = "{\"persons\": [{\"id\": \"p\", ";
    for (std::size_t into : {1, 6, 10}) {
      // `head`, blanks, then `tail`, whose first `into` + 3 bytes end the first chunk.
      const std::string text = head + std::string(boundary - head.size() - 3 - into, ' ') + tail;
      std::ofstream(p, std::ios::binary) << text;
      ASSERT_GT(fs::file_size(p), boundary);
      EXPECT_EQ(outcome_of([&] { return load_json(p); }), outcome_of([&] { return parse_json(text, p.string()); }))
          << tail;
    }
  }
  fs::remove(p);
}

TEST(JsonStream, UnknownValuesAreSkippedHoweverLargeOrDeep) {
  // A megabyte-scale unknown value at the top, in a record and in a language map, nested 60 deep.
  std::string junk;
  for (int i = 0; i < 25000; ++i)
    junk += R"({"a": [1, 2.5, true, null, "text \u00e9 \"quoted\"", {"b": {"c": []}}], "id": "not-a-node"},)";
  const std::string deep = std::string(30, '[') + "{\"x\": " + std::string(28, '[') + "\"y\"" + std::string(28, ']') +
                           "}" + std::string(30, ']');
  const std::string text = "{\"meta\": [" + junk + deep + "], \"persons\": [{\"id\": \"p\", \"name\": {\"lang:fr\": [" +
                           junk + "1], \"lang:en\": \"Pat\"}, \"images\": [" + junk + deep +
                           "]}], \"sittings\": " + deep + "}";
  ASSERT_GT(text.size(), 5u << 20) << "smaller than meant";
  const model m = parse_json(text, "junk.json");
  ASSERT_EQ(m.node_count(), 1u);
  EXPECT_EQ(m[m.at("p")].name, "Pat");
}

TEST(JsonStream, AKeyGivenTwiceCountsAsItsLastValue) {
  // As a DOM keeps an object: the last value, and in a language map the first key's place.
  const model m = parse_json(R"({"persons": [{"id": "lost"}], "persons": [{"id": "a", "name": "One", "name": "Two",
      "disciplines": ["x"], "disciplines": null}, {"id": "b", "name": {"lang:cy": 1, "lang:fr": "Fr", "lang:cy": "Cy"}},
      {"id": "c", "name": {"lang:en": "En", "lang:en": 5, "lang:de": "De"}}], "areas": "wrong", "areas": null})");
  ASSERT_EQ(m.node_count(), 3u);
  EXPECT_FALSE(m.find("lost"));
  EXPECT_EQ(m[m.at("a")].name, "Two");
  EXPECT_TRUE(m[m.at("a")].disciplines.empty());
  EXPECT_EQ(m[m.at("b")].name, "Cy");
  EXPECT_EQ(m[m.at("c")].name, "De");
}

TEST(JsonStream, LimitsStopTheReadingBeforeTheEnd) {
  // Too many nodes is refused at the first one too many, before the syntax error further on is read.
  load_options few;
  few.max_nodes = 2;
  few.max_relations = 1;
  try {
    (void)parse_json(R"({"persons": [{"id": "a"}, {"id": "b"}, {"id": "c"}, oops)", "n.json", few);
    FAIL() << "no exception";
  } catch (const parse_error& e) {
    const std::string want = "n.json: persons[2]: more than the limit of 2 nodes (load_options::max_nodes)";
    EXPECT_NE(std::string(e.what()).find(want), std::string::npos) << e.what();
  }
  try {
    (void)parse_json(R"({"relations": [{}, {}], "memberships": [)", "r.json", few);
    FAIL() << "no exception";
  } catch (const parse_error& e) {
    EXPECT_NE(std::string(e.what()).find("relations[1]: more than the limit of 1 relations and memberships"),
              std::string::npos)
        << e.what();
  }
  // A key given twice counts once, as its last value.
  EXPECT_NO_THROW((void)parse_json(R"({"persons": [{"id": "a"}, {"id": "b"}], "persons": [{"id": "c"}]})", "d", few));
}

#if defined(__linux__)
TEST(JsonStream, ADirectoryCannotBeRead) {
  // Linux opens a directory for reading and refuses the read: a file_error with the system's reason.
  try {
    (void)load_json(fs::temp_directory_path());
    FAIL() << "no exception";
  } catch (const file_error& e) {
    EXPECT_EQ(e.path(), fs::temp_directory_path().string());
    EXPECT_NE(std::string(e.what()).find("cannot read: Is a directory"), std::string::npos) << e.what();
  }
}
#endif

#if defined(__GLIBC__)
namespace {
// A stream that gives `left` bytes of a valid document's start, then fails as a disk would.
struct failing_source {
  std::string text;
  std::size_t at = 0;
  std::size_t left = 0;
};
ssize_t read_or_fail(void* cookie, char* buf, std::size_t size) {
  auto* s = static_cast<failing_source*>(cookie);
  if (s->left == 0) {
    errno = EIO;
    return -1;
  }
  const std::size_t n = std::min({size, s->left, s->text.size() - s->at});
  std::copy_n(s->text.data() + s->at, n, buf);
  s->at += n;
  s->left -= n;
  return static_cast<ssize_t>(n);
}
} // namespace

TEST(JsonStream, AReadThatFailsHalfWayIsAFileErrorAndNoModel) {
  failing_source source;
  source.text = "{\"persons\": [";
  for (int i = 0; i < 100000; ++i)
    source.text += "{\"id\": \"p" + std::to_string(i) + "\"},";
  source.text += "{\"id\": \"last\"}]}";
  source.left = source.text.size() / 2;
  cookie_io_functions_t io{};
  io.read = read_or_fail;
  std::FILE* f = fopencookie(&source, "r", io);
  ASSERT_NE(f, nullptr);
  try {
    (void)detail::read_json_file(f, "failing.json", {}, 4096);
    ADD_FAILURE() << "no exception";
  } catch (const file_error& e) {
    EXPECT_EQ(e.path(), "failing.json");
    EXPECT_NE(std::string(e.what()).find("failing.json: cannot read: Input/output error"), std::string::npos)
        << e.what();
  }
  std::fclose(f);
}
#endif
