// Faults during a save (docs/reliability.md, "Faults tried"): a process killed with SIGKILL at each
// stage of a save and at random moments, and a disk that fills up. After each, the target must be
// exactly the old file or exactly the new one, and the next save must leave no temporary behind.
// The tallies are printed for the fault table.

#include <orgraph/io/archive.hpp>
#include <orgraph/io/file.hpp>
#include <orgraph/io/generate.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/orgraph.hpp>

#include "process_support.hpp"

#include <gtest/gtest.h>

#include <poll.h>
#include <sys/inotify.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <functional>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace orgraph;
using namespace orgraph::test;
namespace fs = std::filesystem;

namespace {

// Two different models large enough that a save takes milliseconds (about 600 KB of JSON each).
const model& model_a() {
  static const model m = generate({2000, 1});
  return m;
}
const model& model_b() {
  static const model m = generate({2000, 2});
  return m;
}

// When the parent kills the saving child, as inotify reports the save's steps in the folder.
enum class moment {
  created,     // the temporary file has just been created: the write is about to begin
  first_write, // the first write to any file in the folder
  closed,      // the temporary is written, synced and closed: the rename is next
  renamed,     // the rename is done: the folder's sync is next
  random       // after a random delay, while the child saves the two models in turn, again and again
};

const char* name_of(moment m) {
  switch (m) {
  case moment::created: return "temporary created";
  case moment::first_write: return "first write";
  case moment::closed: return "temporary closed";
  case moment::renamed: return "renamed";
  case moment::random: return "random moment";
  }
  return "?";
}

struct tally {
  int runs = 0;
  int old_file = 0;          // the target was the old file, whole
  int new_file = 0;          // the target was the new file, whole
  int neither = 0;           // anything else: a failure
  int partial_temporary = 0; // kills that left a temporary shorter than the new file: the write was cut
  int temporaries_left = 0;  // temporaries a kill left (removed by the next save)
  int left_after_next_save = 0;
};

// Wait for the inotify event that marks `when` and return true, or false after the timeout.
bool wait_for(int inotify, moment when, const std::string& target_name, std::chrono::milliseconds timeout) {
  alignas(inotify_event) char buffer[16384];
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0)
      return false;
    pollfd p{inotify, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0)
      continue;
    const ssize_t n = ::read(inotify, buffer, sizeof buffer);
    for (ssize_t at = 0; n > 0 && at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buffer + at);
      const std::string name = e->len > 0 ? std::string(e->name) : std::string();
      const bool temporary = name.find(".orgraph-tmp-") != std::string::npos;
      if ((when == moment::created && (e->mask & IN_CREATE) && temporary) ||
          (when == moment::first_write && (e->mask & IN_MODIFY)) ||
          (when == moment::closed && (e->mask & IN_CLOSE_WRITE) && temporary) ||
          (when == moment::renamed && (e->mask & IN_MOVED_TO) && name == target_name))
        return true;
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
    }
  }
}

// One run: the target holds `old_bytes`; a child runs `save` (which ends by exiting) and is killed
// at `when`; then the target is checked, the child's temporary counted, and a save by this process
// (`next_save`, which puts the old bytes back) must remove it.
void kill_run(const fs::path& target, const std::string& old_bytes, const std::string& new_bytes, moment when,
              std::chrono::microseconds random_delay, const std::function<void()>& save,
              const std::function<void()>& next_save, tally& t) {
  const fs::path dir = target.parent_path();
  const int inotify = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  ASSERT_GE(inotify, 0);
  ASSERT_GE(::inotify_add_watch(inotify, dir.c_str(), IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    try {
      save();
    } catch (...) {
      ::_exit(3);
    }
    ::_exit(0);
  }
  if (when == moment::random)
    std::this_thread::sleep_for(random_delay);
  else
    EXPECT_TRUE(wait_for(inotify, when, target.filename().string(), std::chrono::seconds(20)))
        << name_of(when) << ": the save never got there";
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0); // reaped: its pid now names no process, so its temporary is stale
  ::close(inotify);

  ++t.runs;
  const auto now = bytes_of(target);
  if (now == old_bytes)
    ++t.old_file;
  else if (now == new_bytes)
    ++t.new_file;
  else {
    ++t.neither;
    ADD_FAILURE() << name_of(when) << ": the target is neither the old nor the new file ("
                  << (now ? std::to_string(now->size()) + " bytes" : std::string("missing")) << ")";
  }
  const auto temporaries = temporaries_in(dir);
  t.temporaries_left += static_cast<int>(temporaries.size());
  for (const auto& name : temporaries)
    if (fs::file_size(dir / name) < new_bytes.size())
      ++t.partial_temporary;
  next_save();
  const auto after = temporaries_in(dir);
  t.left_after_next_save += static_cast<int>(after.size());
  EXPECT_TRUE(after.empty()) << "a temporary survived the next save: " << after.front();
  EXPECT_EQ(bytes_of(target), old_bytes);
}

void report(const std::string& what, const tally& t) {
  std::cout << "[ figures  ] " << what << ": " << t.runs << " runs, " << t.old_file << " old file, " << t.new_file
            << " new file, " << t.neither << " neither; " << t.temporaries_left << " temporaries left by kills ("
            << t.partial_temporary << " cut mid-write), " << t.left_after_next_save << " after the next save\n";
}

TEST(KillDuringSave, TheTargetIsAlwaysTheOldOrTheNewFile) {
  scratch_dir dir("kill-save");
  const std::string json_a = to_json(model_a()), json_b = to_json(model_b());
  const std::string archive_a = to_archive(model_a()), archive_b = to_archive(model_b());
  std::mt19937 random(20240611);

  // How long one save of model B takes here, to spread the random kills over it.
  const fs::path probe = dir / "probe.json";
  const auto start = std::chrono::steady_clock::now();
  save_json(model_b(), probe);
  const auto one_save = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);

  tally json_tally, archive_tally, random_tally;
  const fs::path json_target = dir / "model.json";
  const fs::path archive_target = dir / "model.orgraph";
  put_file(json_target, json_a);
  put_file(archive_target, archive_a);
  const auto restore_json = [&] { write_file_atomically(json_target, json_a); };
  const auto restore_archive = [&] { write_file_atomically(archive_target, archive_a); };

  // The stages of one save, each many times: the write beginning above all.
  const std::vector<std::pair<moment, int>> stages{
      {moment::created, 10}, {moment::first_write, 10}, {moment::closed, 3}, {moment::renamed, 3}};
  for (const auto& [when, times] : stages) {
    for (int i = 0; i < times; ++i) {
      kill_run(
          json_target, json_a, json_b, when, {}, [&] { save_json(model_b(), json_target); }, restore_json, json_tally);
      kill_run(
          archive_target, archive_a, archive_b, when, {}, [&] { save_archive(model_b(), archive_target); },
          restore_archive, archive_tally);
    }
  }
  // Random moments: the child saves B, A, B, ... until it is killed, anywhere in any save. Half the
  // runs serialise each time (save_json), half write the bytes ready-made, so that more kills land
  // in the writing, syncing and renaming than in building the text.
  std::uniform_int_distribution<long long> delay(0, std::max<long long>(3 * one_save.count(), 1000));
  for (int i = 0; i < 30; ++i) {
    const bool serialise = i % 2 == 0;
    kill_run(
        json_target, json_a, json_b, moment::random, std::chrono::microseconds(delay(random)),
        [&] {
          for (int k = 0;; ++k) {
            if (serialise)
              save_json(k % 2 == 0 ? model_b() : model_a(), json_target);
            else
              write_file_atomically(json_target, k % 2 == 0 ? json_b : json_a);
          }
        },
        restore_json, random_tally);
  }
  report("save_json killed at a stage", json_tally);
  report("save_archive killed at a stage", archive_tally);
  report("save_json killed at random moments", random_tally);
  std::cout << "[ figures  ] one save of " << json_b.size() << " bytes of JSON took " << one_save.count() << " us\n";

  const int runs = json_tally.runs + archive_tally.runs + random_tally.runs;
  EXPECT_GE(runs, 50);
  EXPECT_EQ(json_tally.neither + archive_tally.neither + random_tally.neither, 0);
  // The kills at the start of the write did cut writes short: the test reaches what it means to.
  EXPECT_GT(json_tally.partial_temporary + archive_tally.partial_temporary, 0);
  EXPECT_GT(json_tally.old_file, 0);
  EXPECT_GT(json_tally.new_file, 0); // the kills after the rename
}

#if defined(ORGRAPH_CLI)
// The CLI's writes go the same way: convert to DOT and generate, killed as their write begins.
TEST(KillDuringSave, TheCliWritesAreSafeToo) {
  scratch_dir dir("kill-cli");
  save_json(model_a(), dir / "a.json");
  save_json(model_b(), dir / "b.json");
  ASSERT_EQ(run_cli({"convert", (dir / "a.json").string(), (dir / "a.dot").string(), "--on", "2020-01-01"}).code, 0);
  ASSERT_EQ(run_cli({"convert", (dir / "b.json").string(), (dir / "b.dot").string(), "--on", "2020-01-01"}).code, 0);
  ASSERT_EQ(run_cli({"generate", (dir / "g1.json").string(), "--persons", "2000", "--seed", "1"}).code, 0);
  ASSERT_EQ(run_cli({"generate", (dir / "g2.json").string(), "--persons", "2000", "--seed", "2"}).code, 0);
  const std::string dot_a = *bytes_of(dir / "a.dot"), dot_b = *bytes_of(dir / "b.dot");
  const std::string gen_1 = *bytes_of(dir / "g1.json"), gen_2 = *bytes_of(dir / "g2.json");
  fs::create_directories(dir / "out");
  const fs::path dot_target = dir / "out" / "chart.dot";
  const fs::path gen_target = dir / "out" / "generated.json";
  put_file(dot_target, dot_a);
  put_file(gen_target, gen_1);
  const std::string cli = ORGRAPH_CLI;
  const std::string b_json = (dir / "b.json").string();
  tally t;
  for (const moment when : {moment::created, moment::first_write, moment::closed}) {
    for (int i = 0; i < 2; ++i) {
      kill_run(
          dot_target, dot_a, dot_b, when, {},
          [&] {
            const int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, 1);
            ::execl(cli.c_str(), cli.c_str(), "convert", b_json.c_str(), dot_target.c_str(), "--on", "2020-01-01",
                    static_cast<char*>(nullptr));
          },
          [&] { write_file_atomically(dot_target, dot_a); }, t);
      kill_run(
          gen_target, gen_1, gen_2, when, {},
          [&] {
            const int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, 1);
            ::execl(cli.c_str(), cli.c_str(), "generate", gen_target.c_str(), "--persons", "2000", "--seed", "2",
                    static_cast<char*>(nullptr));
          },
          [&] { write_file_atomically(gen_target, gen_1); }, t);
    }
  }
  report("orgraph convert (DOT) and generate killed at a stage", t);
  EXPECT_EQ(t.neither, 0);
  EXPECT_EQ(t.left_after_next_save, 0);
}
#endif

// ---- a full disk: a small tmpfs, mounted when running as root

class small_disk {
public:
  explicit small_disk(const fs::path& where, std::size_t bytes) : where_(where) {
    fs::create_directories(where_);
    const std::string options = "size=" + std::to_string(bytes) + ",mode=0755";
    if (::mount("orgraph-test", where_.c_str(), "tmpfs", 0, options.c_str()) == 0)
      mounted_ = true;
    else
      why_ = std::string("mount -t tmpfs failed: ") + std::strerror(errno);
  }
  small_disk(const small_disk&) = delete;
  small_disk& operator=(const small_disk&) = delete;
  ~small_disk() {
    if (mounted_)
      ::umount2(where_.c_str(), MNT_DETACH);
  }
  [[nodiscard]] bool mounted() const { return mounted_; }
  [[nodiscard]] const std::string& why() const { return why_; }

private:
  fs::path where_;
  bool mounted_ = false;
  std::string why_;
};

TEST(FullDisk, TheOldFileSurvivesAndTheErrorSaysWhy) {
  if (!running_as_root())
    GTEST_SKIP() << "a full disk is tried on a small tmpfs, which only root may mount; run the suite as root";
  scratch_dir dir("full-disk");
  small_disk disk(dir / "disk", 256 * 1024);
  if (!disk.mounted())
    GTEST_SKIP() << disk.why() << " (a container without CAP_SYS_ADMIN?)";
  const model& small = generate({100, 3});
  const model& big = model_b(); // its JSON and archives are more than twice the disk
  int tries = 0, survived = 0;
  const auto attempt = [&](const std::string& name, const std::string& old_bytes,
                           const std::function<void(const fs::path&)>& save) {
    const fs::path target = dir / "disk" / name;
    put_file(target, old_bytes);
    ++tries;
    std::string what;
    try {
      save(target);
      ADD_FAILURE() << name << ": a save larger than the disk succeeded";
    } catch (const file_error& e) {
      what = e.what();
    }
    EXPECT_NE(what.find(target.string()), std::string::npos) << what;
    EXPECT_NE(what.find("No space left on device"), std::string::npos) << what;
    EXPECT_NE(what.find("the previous file is unchanged"), std::string::npos) << what;
    const bool intact = bytes_of(target) == old_bytes && temporaries_in(dir / "disk").empty();
    EXPECT_TRUE(intact) << name << ": the old file or the folder changed";
    survived += intact ? 1 : 0;
    fs::remove(target);
  };
  const std::string old_json = to_json(small);
  attempt("m.json", old_json, [&](const fs::path& p) { save_json(big, p); });
  attempt("m.orgraph", to_archive(small), [&](const fs::path& p) { save_archive(big, p); });
  attempt("m.orgraph.xml", to_archive(small, archive_kind::xml),
          [&](const fs::path& p) { save_archive(big, p, archive_kind::xml); });
  attempt("m.dot", "digraph G {}\n", [&](const fs::path& p) {
    write_file_atomically(p, [&](std::ostream& out) { write_dot(out, big, parse_date("2020-01-01")); });
  });
  // A disk already full but for a few bytes: the old file is still whole.
  {
    put_file(dir / "disk" / "filler", std::string(200 * 1024, 'f'));
    attempt("small.json", old_json, [&](const fs::path& p) { save_json(generate({300, 4}), p); });
    fs::remove(dir / "disk" / "filler");
  }
#if defined(ORGRAPH_CLI)
  save_json(big, dir / "big.json");
  for (const std::string name : {"cli.json", "cli.orgraph", "cli.dot"}) {
    const fs::path target = dir / "disk" / name;
    put_file(target, "old");
    ++tries;
    const run_result r = run_cli({"convert", (dir / "big.json").string(), target.string(), "--on", "2020-01-01"});
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_EQ(r.err, "orgraph: " + target.string() +
                         ": cannot write: No space left on device (the previous file is "
                         "unchanged)\n");
    const bool intact = bytes_of(target) == "old" && temporaries_in(dir / "disk").empty();
    EXPECT_TRUE(intact) << name;
    survived += intact ? 1 : 0;
    fs::remove(target);
  }
#endif
  std::cout << "[ figures  ] full disk (256 KiB tmpfs): " << tries << " saves tried, " << survived
            << " left the old file whole and no temporary\n";
  EXPECT_EQ(survived, tries);
}

} // namespace
