#include <orgraph/io/archive.hpp>
#include <orgraph/io/generate.hpp>
#include <orgraph/orgraph.hpp>

#include "sample_model.hpp"

#include <boost/crc.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace orgraph;
namespace fs = std::filesystem;

namespace {

const archive_kind all_kinds[] = {archive_kind::binary, archive_kind::text, archive_kind::xml};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The envelope layout written out independently of src/archive.cpp, so that a change to it fails here.
std::uint32_t crc(std::string_view s) {
  boost::crc_32_type c;
  c.process_bytes(s.data(), s.size());
  return c.checksum();
}
void put_le(std::string& s, std::size_t at, std::uint64_t v, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    s[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
std::string seal(std::uint16_t envelope_version, std::uint8_t kind, std::uint32_t payload_version,
                 std::string_view payload) {
  std::string s(32, '\0');
  s.replace(0, 8, std::string("ORGRAPH\0", 8));
  put_le(s, 8, envelope_version, 2);
  put_le(s, 10, kind, 1);
  put_le(s, 12, payload_version, 4);
  put_le(s, 16, payload.size(), 8);
  put_le(s, 24, crc(payload), 4);
  put_le(s, 28, crc(std::string_view(s).substr(0, 28)), 4);
  return s + std::string(payload);
}

std::string error_of(std::string_view bytes) {
  try {
    (void)from_archive(bytes, "probe.orgraph");
  } catch (const archive_error& e) {
    return e.what();
  }
  return "(loaded)";
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("orgraph-archive-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

} // namespace

TEST(Archive, EveryKindRoundTripsTheSampleModelInMemory) {
  const model m = test::sample_model_v3();
  for (archive_kind k : all_kinds) {
    SCOPED_TRACE(std::string(to_string(k)));
    const model again = from_archive(to_archive(m, k));
    EXPECT_EQ(again, m);
    // Vertex indices are kept too, not only ids.
    ASSERT_EQ(again.node_count(), m.node_count());
    for (vertex v = 0; v < m.node_count(); ++v)
      EXPECT_EQ(again[v], m[v]);
    EXPECT_EQ(again.decisions(), m.decisions());
    EXPECT_EQ(again.terms(), m.terms());
    // Each membership keeps its term and which of its dates came from it.
    const auto a = m.relations(relation_type::member_of), b = again.relations(relation_type::member_of);
    EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end(),
                           [&](relation_id x, relation_id y) { return m[x] == again[y]; }));
  }
}

TEST(Archive, EnvelopeHasTheDocumentedLayout) {
  const std::string bytes = to_archive(test::sample_model(), archive_kind::text);
  ASSERT_GT(bytes.size(), 32u);
  EXPECT_EQ(bytes.substr(0, 8), std::string("ORGRAPH\0", 8));
  EXPECT_EQ(static_cast<unsigned char>(bytes[8]), 1u); // envelope version 1, little-endian
  EXPECT_EQ(bytes[9], 0);
  EXPECT_EQ(bytes[10], 1); // text
  const std::string payload = bytes.substr(32);
  EXPECT_EQ(seal(1, 1, 3, payload), bytes); // every header byte as written independently here
  const archive_info info = inspect_archive(bytes);
  EXPECT_EQ(info.kind, archive_kind::text);
  EXPECT_EQ(info.payload_size, payload.size());
  EXPECT_EQ(info.crc32, crc(payload));
}

TEST(Archive, SaveAndLoadThroughFilesForEveryKind) {
  const fs::path dir = scratch("files");
  const model m = test::sample_model();
  for (archive_kind k : all_kinds) {
    const fs::path p = dir / ("m." + std::string(to_string(k)));
    save_archive(m, p, k);
    EXPECT_EQ(load_archive(p), m) << to_string(k);
  }
  fs::remove_all(dir);
}

TEST(Archive, SavingReplacesTheOldFileAndLeavesNoTemporaryBehind) {
  const fs::path dir = scratch("replace");
  const fs::path p = dir / "m.orgraph";
  model small;
  small.add_person("only", "Only One");
  save_archive(small, p);
  save_archive(test::sample_model(), p);
  EXPECT_EQ(load_archive(p), test::sample_model());
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir))
    ++files;
  EXPECT_EQ(files, 1u);
  fs::remove_all(dir);
}

TEST(Archive, SavingIntoAMissingFolderIsAFileErrorAndLeavesNothing) {
  const fs::path dir = scratch("missing");
  EXPECT_THROW(save_archive(test::sample_model(), dir / "no" / "such" / "m.orgraph"), file_error);
  EXPECT_FALSE(fs::exists(dir / "no"));
  fs::remove_all(dir);
}

TEST(Archive, LoadingAMissingFileIsAFileError) {
  EXPECT_THROW((void)load_archive("/nonexistent/orgraph/m.orgraph"), file_error);
}

// The archives under tests/data/archives were written by this test's models by the orgraph of each
// payload version (sample-v2.orgraph by commit 1b6275e, the last to write version 2); reading them
// must keep working. Only the current version's can be written again, on purpose, with
// ORGRAPH_WRITE_ARCHIVES=1.
TEST(Archive, CommittedArchivesOfEveryVersionAndKindStillLoad) {
  const fs::path dir = fs::path(ORGRAPH_TEST_DATA) / "archives";
  struct committed {
    archive_kind kind;
    const char* name;
    std::uint32_t version;
  };
  const committed files[] = {
      {archive_kind::binary, "sample-v1.orgraph", 1},  {archive_kind::text, "sample-v1.orgraph.txt", 1},
      {archive_kind::xml, "sample-v1.orgraph.xml", 1}, {archive_kind::binary, "sample-v2.orgraph", 2},
      {archive_kind::binary, "sample-v3.orgraph", 3},  {archive_kind::text, "sample-v3.orgraph.txt", 3},
      {archive_kind::xml, "sample-v3.orgraph.xml", 3}};
  for (const auto& [kind, name, version] : files) {
    const model expected = version >= 3 ? test::sample_model_v3() : test::sample_model();
    if (std::getenv("ORGRAPH_WRITE_ARCHIVES") != nullptr && version == archive_payload_version)
      save_archive(expected, dir / name, kind);
    SCOPED_TRACE(name);
    ASSERT_TRUE(fs::exists(dir / name)) << "missing committed archive " << (dir / name);
    const std::string bytes = slurp(dir / name);
    EXPECT_EQ(inspect_archive(bytes).kind, kind);
    EXPECT_EQ(inspect_archive(bytes).payload_version, version);
    const model loaded = load_archive(dir / name);
    EXPECT_EQ(loaded, expected);
    for (vertex v = 0; v < expected.node_count() && v < loaded.node_count(); ++v)
      EXPECT_EQ(loaded[v], expected[v]);
  }
}

TEST(ArchiveErrors, EmptyFileIsNotAnArchive) {
  EXPECT_NE(error_of("").find("probe.orgraph: not an orgraph archive"), std::string::npos) << error_of("");
}

TEST(ArchiveErrors, ForeignFilesAreNotArchives) {
  EXPECT_NE(error_of(R"({"persons": []})").find("not an orgraph archive"), std::string::npos);
  EXPECT_NE(error_of("person_id,name\n1,A\n").find("not an orgraph archive"), std::string::npos);
  // A Boost archive without orgraph's envelope is foreign too.
  EXPECT_NE(error_of("22 serialization::archive 19 0 0 1").find("not an orgraph archive"), std::string::npos);
  std::uint64_t x = 0x9E3779B97F4A7C15u;
  std::string noise;
  for (int i = 0; i < 4096; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    noise.push_back(static_cast<char>(x & 0xFF));
  }
  EXPECT_THROW((void)from_archive(noise), archive_error);
}

TEST(ArchiveErrors, EveryTruncationIsRefusedWithTheReason) {
  for (archive_kind k : all_kinds) {
    const std::string bytes = to_archive(test::sample_model(), k);
    for (std::size_t n = 1; n < bytes.size(); ++n) {
      const std::string what = error_of(std::string_view(bytes).substr(0, n));
      ASSERT_NE(what.find("truncated"), std::string::npos) << to_string(k) << " cut at " << n << ": " << what;
    }
  }
}

TEST(ArchiveErrors, EveryBitFlipIsRefused) {
  for (archive_kind k : all_kinds) {
    const std::string bytes = to_archive(test::sample_model(), k);
    // Every bit of the envelope; one bit of every payload byte (rotating), to keep the test quick.
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      for (int bit = 0; bit < 8; ++bit) {
        if (i >= 32 && bit != static_cast<int>(i % 8))
          continue;
        std::string damaged = bytes;
        damaged[i] = static_cast<char>(damaged[i] ^ (1 << bit));
        const std::string what = error_of(damaged);
        ASSERT_NE(what, "(loaded)") << to_string(k) << " byte " << i << " bit " << bit;
      }
    }
  }
}

TEST(ArchiveErrors, ChecksumMismatchIsNamed) {
  std::string bytes = to_archive(test::sample_model(), archive_kind::binary);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x10);
  EXPECT_NE(error_of(bytes).find("checksum mismatch"), std::string::npos) << error_of(bytes);
}

TEST(ArchiveErrors, TrailingBytesAreRefused) {
  const std::string bytes = to_archive(test::sample_model(), archive_kind::binary) + "x";
  EXPECT_NE(error_of(bytes).find("after the payload"), std::string::npos) << error_of(bytes);
}

TEST(ArchiveErrors, NewerVersionsAreNamed) {
  const std::string payload = to_archive(test::sample_model(), archive_kind::binary).substr(32);
  EXPECT_NE(error_of(seal(2, 0, 1, payload)).find("newer orgraph: envelope version 2"), std::string::npos)
      << error_of(seal(2, 0, 1, payload));
  EXPECT_NE(error_of(seal(1, 0, 7, payload)).find("newer orgraph: payload version 7"), std::string::npos)
      << error_of(seal(1, 0, 7, payload));
}

TEST(ArchiveErrors, UnknownKindIsNamed) {
  const std::string payload = to_archive(test::sample_model(), archive_kind::binary).substr(32);
  EXPECT_NE(error_of(seal(1, 9, 1, payload)).find("unknown archive kind 9"), std::string::npos);
}

TEST(ArchiveErrors, PayloadOfAnotherKindIsADecodeError) {
  const std::string xml = to_archive(test::sample_model(), archive_kind::xml).substr(32);
  const std::string what = error_of(seal(1, 0, 1, xml)); // XML payload announced as binary
  EXPECT_NE(what.find("probe.orgraph: "), std::string::npos) << what;
  EXPECT_NE(what, "(loaded)");
}

// A sealed payload with a huge count must be refused before anything is allocated. The counts are
// found by building a model whose first count is known and patching it, with a fresh checksum.
TEST(ArchiveErrors, CountLargerThanThePayloadIsRefusedBeforeAllocating) {
  model m;
  m.add_person("a", "A");
  const std::string text = to_archive(m, archive_kind::text).substr(32);
  // The text payload reads "22 serialization::archive <v> 0 1 1 <node_count> ..." : patch node_count.
  const std::string needle = " 1 0 0 0 1 ";
  std::string payload = text;
  const auto header_end = text.find("archive ");
  ASSERT_NE(header_end, std::string::npos);
  // Find "1" standing for the node count right after the class header fields of the payload.
  std::istringstream fields(text.substr(header_end + 8));
  std::string version, tracking_or_class, class_version, count;
  fields >> version >> tracking_or_class >> class_version >> count;
  ASSERT_EQ(count, "1") << text;
  const auto at = header_end + 8 + version.size() + 1 + tracking_or_class.size() + 1 + class_version.size() + 1;
  ASSERT_EQ(payload.substr(at, 2), "1 ");
  payload.replace(at, 1, "18446744073709551615");
  const std::string what = error_of(seal(1, 1, 1, payload));
  EXPECT_NE(what.find("cannot fit"), std::string::npos) << what;
  payload.replace(at, 20, "4000000000");
  EXPECT_NE(error_of(seal(1, 1, 1, payload)).find("cannot fit"), std::string::npos);
  (void)needle;
}

// Damage that keeps a valid checksum (as a hostile file would) reaches the decoder: it must end in
// archive_error or in a valid model, never in a crash or an unbounded allocation.
TEST(ArchiveErrors, ResealedDamageNeverCrashes) {
  for (archive_kind k : all_kinds) {
    const std::string payload = to_archive(test::sample_model(), k).substr(32);
    std::uint64_t x = 12345;
    for (int round = 0; round < 800; ++round) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      std::string damaged = payload;
      const std::size_t at = static_cast<std::size_t>(x % damaged.size());
      damaged[at] = static_cast<char>((x >> 20) & 0xFF);
      if (round % 3 == 0)
        damaged.resize(static_cast<std::size_t>((x >> 32) % damaged.size()));
      try {
        const model m = from_archive(seal(1, static_cast<std::uint8_t>(k), archive_payload_version, damaged));
        (void)m.node_count();
      } catch (const archive_error&) {
      }
    }
  }
}

TEST(Archive, GeneratedModelOfTenThousandPersonsRoundTripsInEveryKind) {
  generate_options o;
  o.persons = 10000;
  o.seed = 7;
  const model m = generate(o);
  for (archive_kind k : all_kinds) {
    SCOPED_TRACE(std::string(to_string(k)));
    EXPECT_EQ(from_archive(to_archive(m, k)), m);
  }
}

// ---- Boost's own header and the XML structure, checked before Boost reads them ----

namespace {

std::string payload_of(archive_kind k) { return to_archive(test::sample_model(), k).substr(32); }

} // namespace

// Boost's binary reader resizes its signature string to the length the input gives before
// comparing it: the header must be the one orgraph writes before Boost sees it.
TEST(ArchiveErrors, BinaryBoostHeaderIsCheckedBeforeBoostReadsIt) {
  const std::string good = payload_of(archive_kind::binary);
  ASSERT_EQ(good.substr(sizeof(std::size_t), 22), "serialization::archive");
  std::string huge = good;
  put_le(huge, 0, std::uint64_t{3} << 30, 8); // a 3 GiB signature
  std::string what = error_of(seal(1, 0, 1, huge));
  EXPECT_NE(what.find("probe.orgraph: cannot decode the binary payload: it does not start with the Boost binary "
                      "archive signature"),
            std::string::npos)
      << what;
  std::string newer = good;
  newer[30] = static_cast<char>(200); // the library version, after the length and the 22 characters
  what = error_of(seal(1, 0, 1, newer));
  EXPECT_NE(what.find("Boost library version 200 in its header"), std::string::npos) << what;
  newer[30] = 3; // older than any two-byte version
  EXPECT_NE(error_of(seal(1, 0, 1, newer)).find("Boost library version 3 in its header"), std::string::npos);
  std::string other_machine = good;
  other_machine[33] = 4; // sizeof(long) 4
  what = error_of(seal(1, 0, 1, other_machine));
  EXPECT_NE(what.find("another word size or byte order"), std::string::npos) << what;
  EXPECT_NE(error_of(seal(1, 0, 1, good.substr(0, 20))).find("does not start with"), std::string::npos);
  EXPECT_EQ(from_archive(seal(1, 0, 3, good)), test::sample_model()); // binary payloads are columns, version 3
}

TEST(ArchiveErrors, TextBoostHeaderIsCheckedBeforeBoostReadsIt) {
  const std::string good = payload_of(archive_kind::text);
  ASSERT_EQ(good.rfind("22 serialization::archive ", 0), 0u);
  std::string what = error_of(seal(1, 1, 1, "3221225472" + good.substr(2)));
  EXPECT_NE(what.find("probe.orgraph: cannot decode the text payload: it does not start with \"22 "
                      "serialization::archive\""),
            std::string::npos)
      << what;
  const std::size_t version_at = 26, version_end = good.find(' ', version_at);
  what = error_of(seal(1, 1, 1, good.substr(0, version_at) + "99" + good.substr(version_end)));
  EXPECT_NE(what.find("Boost library version 99 in its header"), std::string::npos) << what;
  what = error_of(seal(1, 1, 1, good.substr(0, version_at) + "x" + good.substr(version_end)));
  EXPECT_NE(what.find("no Boost library version"), std::string::npos) << what;
  EXPECT_NE(error_of(seal(1, 1, 1, good.substr(0, version_end))).find("no Boost library version"), std::string::npos);
}

// Boost's XML reader checks an end tag by indexing the expected name at the length of the tag read,
// past the name's end when the tag is longer: orgraph checks the structure itself instead.
TEST(ArchiveErrors, XmlStructureIsCheckedBeforeBoostReadsIt) {
  const std::string good = payload_of(archive_kind::xml);
  const auto damaged = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    const auto at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return error_of(seal(1, 2, 1, s.replace(at, from.size(), to)));
  };
  std::string what = damaged("<kind>2</kind>", "<kind>2</kind_and_a_much_longer_name>");
  EXPECT_NE(what.find("probe.orgraph: cannot decode the xml payload: line 6: end tag </kind_and_a_much_longer_name> "
                      "where <kind> must be closed"),
            std::string::npos)
      << what;
  what = damaged("<kind>2</kind>", "<kindness>2</kindness>");
  EXPECT_NE(what.find("line 6: <kindness> is not an element orgraph writes"), std::string::npos) << what;
  what = damaged("</orgraph>", "");
  EXPECT_NE(what.find("end tag </boost_serialization> where <orgraph> must be closed"), std::string::npos) << what;
  what = damaged("</boost_serialization>", "");
  EXPECT_NE(what.find("<boost_serialization> is never closed"), std::string::npos) << what;
  what = damaged("<kind>2</kind>", "<kind>2</kind></kind>");
  EXPECT_NE(what.find("end tag </kind> where <orgraph> must be closed"), std::string::npos) << what;
  what = damaged("<kind>2</kind>", "<kind>2</kind");
  EXPECT_NE(what.find("malformed end tag </kind>"), std::string::npos) << what;
  what = damaged("<kind>2</kind>", "<kind class_id=\"3>2</kind>");
  EXPECT_NE(what.find("unterminated tag <kind>"), std::string::npos) << what;
  what = damaged("<kind>2</kind>", "<kind><year><year><year><year><year><year><year>");
  EXPECT_NE(what.find("nested deeper than 8 levels"), std::string::npos) << what;
  // An empty element, attributes with '>' in quotes and spaces before '>' are still well formed: Boost decides.
  what = damaged("<kind>2</kind>", "<kind a=\">\" >2</kind >");
  EXPECT_EQ(what.find("line 6"), std::string::npos) << what;
}

// ---- binary archives as columns (payload versions 2 and 3) ----

TEST(ArchiveColumns, BinaryArchivesAreWrittenAsColumnsAndLeaveRemovedRelationsOut) {
  model m = test::sample_model();
  const std::size_t before = m.relation_count();
  const relation_id gone = *m.relations(relation_type::member_of).begin();
  m.remove_relation(gone);
  const std::string bytes = to_archive(m, archive_kind::binary);
  EXPECT_EQ(inspect_archive(bytes).payload_version, 3u);
  EXPECT_EQ(inspect_archive(to_archive(m, archive_kind::text)).payload_version, 3u);
  const model again = from_archive(bytes);
  EXPECT_EQ(again, m);
  EXPECT_EQ(again.relation_count(), before - 1);
  for (vertex v : m.vertices())
    EXPECT_EQ(again[v], m[v]); // vertex numbers are kept, not only ids
}

TEST(ArchiveColumns, ADamagedColumnIsRefusedWithWhatIsWrong) {
  // Two ids that differ in one letter: turning one into the other inside the payload (and sealing it
  // again, so that the checksums pass) must be found by the model's own checks, not loaded.
  model m;
  m.add_person("dup-a", "A");
  m.add_person("dup-b", "B");
  const std::string archive = to_archive(m, archive_kind::binary);
  std::string payload = archive.substr(32);
  const auto at = payload.find("dup-b");
  ASSERT_NE(at, std::string::npos);
  payload[at + 4] = 'a';
  const std::string what = error_of(seal(1, 0, 3, payload));
  EXPECT_NE(what.find("probe.orgraph: the payload is not a valid model: duplicate id 'dup-a'"), std::string::npos)
      << what;
  // A column longer than what remains of the payload is refused before anything is allocated.
  std::string truncated = archive.substr(32, archive.size() - 32 - 8);
  EXPECT_NE(error_of(seal(1, 0, 3, truncated)).find("probe.orgraph"), std::string::npos);
  // Version 2 is for binary payloads only.
  EXPECT_NE(error_of(seal(1, 1, 2, to_archive(m, archive_kind::text).substr(32))).find("binary archives only"),
            std::string::npos);
}

TEST(ArchiveColumns, AGeneratedModelRoundTripsWithEveryFieldKept) {
  const model m = generate({2000, 7});
  const model again = from_archive(to_archive(m, archive_kind::binary));
  EXPECT_EQ(again, m);
  const auto a = m.relations(), b = again.relations();
  EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end(),
                         [&](relation_id x, relation_id y) { return m[x] == again[y]; }));
}
