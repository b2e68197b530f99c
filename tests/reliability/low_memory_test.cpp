// A shortage of memory never passes as success (docs/reliability.md, "Faults tried"): each loader,
// and the CLI, runs in a child process under a ladder of address-space limits (setrlimit RLIMIT_AS,
// as `ulimit -v` sets). Every rung must end in the whole model or in resource_error's "out of memory
// while loading FILE": never a shorter model, never an error that blames the file.
// AddressSanitizer reserves more address space than any such limit, so these tests skip under it.

#include <orgraph/io/archive.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/generate.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/orgraph.hpp>

#include "process_support.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>
#include <typeinfo>
#include <vector>

using namespace orgraph;
using namespace orgraph::test;
namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t mib = std::uint64_t{1} << 20;

// What a load came to: "model N" (its node count), or "<exception type>: <message>".
std::string outcome_of(const std::function<model()>& load) {
  try {
    const model m = load();
    return "model " + std::to_string(m.node_count());
  } catch (const resource_error& e) {
    return std::string("resource_error: ") + e.what();
  } catch (const file_error& e) {
    return std::string("file_error: ") + e.what();
  } catch (const archive_error& e) {
    return std::string("archive_error: ") + e.what();
  } catch (const parse_error& e) {
    return std::string("parse_error: ") + e.what();
  } catch (const std::bad_alloc&) {
    return "std::bad_alloc escaped";
  } catch (const std::exception& e) {
    return std::string(typeid(e).name()) + ": " + e.what();
  }
}

// The child's half: this test program started again with only this test, the load named in the
// environment, and a limit set before it started (a forked child would inherit the parent's freed
// heap, which the limit does not count, and could load from that).
TEST(LowMemoryChild, LoadsWhatTheEnvironmentNames) {
  const char* what = std::getenv("ORGRAPH_LOW_MEMORY_LOAD");
  if (what == nullptr)
    GTEST_SKIP() << "the child of the LowMemory tests: run by them, with a memory limit";
  const std::string spec(what);
  const auto colon = spec.find(':');
  const std::string kind = spec.substr(0, colon), file = colon == std::string::npos ? "" : spec.substr(colon + 1);
  const std::string outcome = outcome_of([&]() -> model {
    if (kind == "json")
      return load_json(file);
    if (kind == "archive")
      return load_archive(file);
    if (kind == "csv")
      return load_csv(file);
    return model();
  });
  std::cout << "\noutcome: " << outcome << "\n";
}

// Run the load in a fresh copy of this program under an address-space limit of `limit` bytes.
std::string load_under_limit(std::uint64_t limit, const std::string& kind, const fs::path& file) {
  ::setenv("ORGRAPH_LOW_MEMORY_LOAD", (kind + ":" + file.string()).c_str(), 1);
  const run_result r = run_program(fs::read_symlink("/proc/self/exe").string(),
                                   {"--gtest_filter=LowMemoryChild.*", "--gtest_brief=1"}, limit);
  ::unsetenv("ORGRAPH_LOW_MEMORY_LOAD");
  const auto at = r.out.find("\noutcome: ");
  if (at == std::string::npos)
    return "no outcome (exit " + std::to_string(r.code) + ", signal " + std::to_string(r.signal) + "): " + r.err;
  return r.out.substr(at + 10, r.out.find('\n', at + 10) - (at + 10));
}

// The smallest limit (in steps of 2 MiB) under which the program starts and loads nothing.
std::uint64_t floor_of_program() {
  std::uint64_t floor = 8 * mib;
  while (floor < 1024 * mib && load_under_limit(floor, "none", "") != "model 0")
    floor += 2 * mib;
  return floor;
}

struct ladder_result {
  int rungs = 0, whole = 0, out_of_memory = 0;
};

// Climb the ladder of limits for one loader: each outcome must be the whole model or the message.
ladder_result climb(const std::string& what, const std::string& kind, const fs::path& file, std::size_t nodes,
                    std::uint64_t floor, const std::vector<std::uint64_t>& rungs) {
  ladder_result r;
  const std::string whole = "model " + std::to_string(nodes);
  const std::string short_of_memory = "resource_error: out of memory while loading " + file.string();
  for (const std::uint64_t extra : rungs) {
    const std::string outcome = load_under_limit(floor + extra, kind, file);
    ++r.rungs;
    if (outcome == whole)
      ++r.whole;
    else if (outcome == short_of_memory)
      ++r.out_of_memory;
    else
      ADD_FAILURE() << what << " with " << extra / mib << " MiB above the floor: " << outcome;
  }
  std::cout << "[ figures  ] " << what << ": " << r.rungs << " limits, " << r.whole << " whole models, "
            << r.out_of_memory << " out-of-memory errors, " << (r.rungs - r.whole - r.out_of_memory)
            << " anything else\n";
  return r;
}

// A CSV of person rows: a tree of `persons` under one head, each row with a name and a team, and
// `padding` spaces after the name (trimmed when read: text that costs the model nothing).
std::string person_rows(std::size_t persons, std::size_t padding = 0) {
  std::string s = "person_id,name,manager_id,discipline,organization_id,post,start_date,end_date\n";
  const std::string pad(padding, ' ');
  for (std::size_t i = 0; i < persons; ++i) {
    const std::string manager = i == 0 ? "" : "p" + std::to_string((i - 1) / 8);
    s += "p" + std::to_string(i) + ",Person number " + std::to_string(i) + pad + "," + manager + ",social work,team" +
         std::to_string(i / 50) + ",Practitioner,2010-01-01,\n";
  }
  return s;
}

class LowMemory : public ::testing::Test {
protected:
  void SetUp() override {
    if (under_address_sanitizer())
      GTEST_SKIP() << "AddressSanitizer reserves terabytes of address space: a memory limit cannot be tried under it";
  }
};

// Limits above what the program needs to start, up to plenty.
const std::vector<std::uint64_t> ladder{0, 2 * mib, 4 * mib, 8 * mib, 16 * mib, 32 * mib, 512 * mib};

TEST_F(LowMemory, EveryLoaderGivesTheWholeModelOrSaysItRanOutOfMemory) {
  scratch_dir dir("low-memory");
  // Large enough that its model cannot fit in the up to 2 MiB of slack the floor leaves: the compact
  // archive loader of an optimised build loads a 5,000-person model there, so the lowest rung proved nothing.
  const model m = generate({30000, 5});
  const fs::path json = dir / "model.json", archive = dir / "model.orgraph", csv = dir / "staff.csv";
  save_json(m, json);
  save_archive(m, archive);
  put_file(csv, person_rows(15000));
  const std::size_t csv_nodes = load_csv(csv).node_count(); // unlimited, for the count to expect
  const std::uint64_t floor = floor_of_program();
  std::cout << "[ figures  ] the test program starts in " << floor / mib << " MiB of address space\n";

  const auto a = climb("load_json, 30,000 persons", "json", json, m.node_count(), floor, ladder);
  const auto b = climb("load_archive (binary), 30,000 persons", "archive", archive, m.node_count(), floor, ladder);
  const auto c = climb("load_csv, 15,000 rows", "csv", csv, csv_nodes, floor, ladder);
  // Mostly padding: the text (20 MB) costs more than the model. Reading it into a growing string
  // stream (the old `buffer << in.rdbuf()`) failed silently at 16 MB and loaded a shorter model.
  const fs::path padded = dir / "padded.csv";
  put_file(padded, person_rows(20000, 1000));
  const std::size_t padded_nodes = parse_csv(person_rows(20000)).node_count(); // the padding changes nothing
  const auto d =
      climb("load_csv, 20 MB of mostly padding", "csv", padded, padded_nodes, floor, {16 * mib, 32 * mib, 512 * mib});
  // The ladder reaches both ends: a limit too low for each, and one high enough.
  for (const auto& r : {a, b, c, d}) {
    EXPECT_GT(r.out_of_memory, 0);
    EXPECT_GT(r.whole, 0);
  }
}

#if defined(ORGRAPH_CLI)
// The CLI says so in one line and exits 2, never 0 with a shorter model, for every format.
TEST_F(LowMemory, TheCliSaysOutOfMemoryAndExitsTwo) {
  scratch_dir dir("low-memory-cli");
  const fs::path csv = dir / "staff.csv", json = dir / "model.json", archive = dir / "model.orgraph";
  put_file(csv, person_rows(15000));
  const model m = load_csv(csv);
  save_json(m, json);
  save_archive(m, archive);
  // What the tool maps before it reads anything, found by trying: the ladder starts above it.
  std::uint64_t floor = 4 * mib;
  while (floor < 1024 * mib && run_cli({"--version"}, floor).code != 0)
    floor += 2 * mib;
  int rungs = 0, whole = 0, out_of_memory = 0;
  for (const fs::path& file : {csv, json, archive}) {
    const std::string short_of_memory = "orgraph: out of memory while loading " + file.string() + "\n";
    for (const std::uint64_t extra : {0 * mib, 4 * mib, 16 * mib, 512 * mib}) {
      const run_result r = run_cli({"stats", file.string(), "--on", "2020-01-01", "--json"}, floor + extra);
      ++rungs;
      if (r.code == 0 && r.out.find("\"total\": " + std::to_string(m.node_count())) != std::string::npos) {
        ++whole;
      } else if (r.code == 2 && r.err == short_of_memory && r.out.empty()) {
        ++out_of_memory;
      } else {
        ADD_FAILURE() << file.filename() << " with " << (floor + extra) / mib << " MiB: exit " << r.code << ", signal "
                      << r.signal << "\n"
                      << r.err << r.out.substr(0, 300);
      }
    }
  }
  std::cout << "[ figures  ] orgraph stats on CSV, JSON and an archive of 15,000 persons, tool floor " << floor / mib
            << " MiB: " << rungs << " limits, " << whole << " whole, " << out_of_memory << " out of memory (exit 2), "
            << (rungs - whole - out_of_memory) << " anything else\n";
  EXPECT_GT(out_of_memory, 0);
  EXPECT_GT(whole, 0);
}
#endif

} // namespace
