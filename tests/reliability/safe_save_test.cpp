// Saving never loses the file it replaces (docs/reliability.md, "Saving files"): what a save does with
// modes, owners, read-only files, symbolic and hard links, devices and stale temporaries; the
// operating system's reason in every error; and the checked whole-file reads.

#include <orgraph/io/archive.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/file.hpp>
#include <orgraph/io/generate.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/orgraph.hpp>

#include "process_support.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <stdexcept>
#include <string>
#include <vector>

using namespace orgraph;
using namespace orgraph::test;
namespace fs = std::filesystem;

namespace {

const model& small_model() {
  static const model m = generate({50, 7});
  return m;
}

const model& other_model() {
  static const model m = generate({60, 8});
  return m;
}

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

// The message of the file_error a call throws, or a failure.
template <class F> std::string file_error_of(F&& f) {
  try {
    f();
  } catch (const file_error& e) {
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not a file_error: " << e.what();
    return {};
  }
  ADD_FAILURE() << "no exception";
  return {};
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST(SafeSave, ReplacesTheFileAndLeavesNoTemporary) {
  scratch_dir dir("save-basic");
  const fs::path p = dir / "m.json";
  put_file(p, "old");
  save_json(small_model(), p);
  EXPECT_EQ(bytes_of(p), to_json(small_model()));
  save_archive(small_model(), dir / "m.orgraph");
  EXPECT_EQ(bytes_of(dir / "m.orgraph"), to_archive(small_model()));
  EXPECT_TRUE(temporaries_in(dir.path()).empty());
}

TEST(SafeSave, KeepsThePermissionBitsOfTheFileItReplaces) {
  scratch_dir dir("save-mode");
  for (const mode_t mode : {0600, 0640, 0604, 0660}) {
    for (const char* name : {"m.json", "m.orgraph", "m.orgraph.xml"}) {
      const fs::path p = dir / name;
      put_file(p, "old");
      ASSERT_EQ(::chmod(p.c_str(), mode), 0);
      if (std::string(name) == "m.json")
        save_json(small_model(), p);
      else
        save_archive(small_model(), p, std::string(name) == "m.orgraph" ? archive_kind::binary : archive_kind::xml);
      EXPECT_EQ(mode_of(p), mode) << name << " was " << std::oct << mode;
    }
  }
  // A file that did not exist gets what any new file gets: 0666 less the umask.
  const mode_t umask_now = ::umask(022);
  ::umask(umask_now);
  save_json(small_model(), dir / "new.json");
  EXPECT_EQ(mode_of(dir / "new.json"), 0666 & ~umask_now);
}

TEST(SafeSave, KeepsTheOwnerAndGroupWhereAllowed) {
  if (!running_as_root())
    GTEST_SKIP() << "changing a file's owner needs root; as another user the new file is the user's own";
  scratch_dir dir("save-owner");
  const fs::path p = dir / "m.json";
  put_file(p, "old");
  ASSERT_EQ(::chown(p.c_str(), 4242, 4343), 0);
  ASSERT_EQ(::chmod(p.c_str(), 0640), 0);
  save_json(small_model(), p);
  struct stat st {};
  ASSERT_EQ(::stat(p.c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, 4242u);
  EXPECT_EQ(st.st_gid, 4343u);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
}

TEST(SafeSave, RefusesAReadOnlyFile) {
  scratch_dir dir("save-readonly");
  for (const mode_t mode : {0444, 0400, 0000}) {
    const fs::path p = dir / "m.json";
    put_file(p, "old");
    ASSERT_EQ(::chmod(p.c_str(), mode), 0);
    const std::string what = file_error_of([&] { save_json(small_model(), p); });
    EXPECT_TRUE(contains(what, p.string())) << what;
    EXPECT_TRUE(contains(what, "is read-only")) << what;
    const std::string archive_what = file_error_of([&] { save_archive(small_model(), p); });
    EXPECT_TRUE(contains(archive_what, "is read-only")) << archive_what;
    ::chmod(p.c_str(), 0600);
    EXPECT_EQ(bytes_of(p), "old");
    EXPECT_TRUE(temporaries_in(dir.path()).empty());
    ::chmod(p.c_str(), mode);
    EXPECT_EQ(mode_of(p), mode);
    ::chmod(p.c_str(), 0600);
  }
}

TEST(SafeSave, RefusesAFileThisUserMayNotWrite) {
  if (!running_as_root())
    GTEST_SKIP() << "needs root to drop to another user; RefusesAReadOnlyFile covers the mode";
  scratch_dir dir("save-other-user");
  ASSERT_EQ(::chmod(dir.path().c_str(), 0777), 0); // the folder is writable: only the file is not
  const fs::path p = dir / "m.json";
  put_file(p, "old");
  ASSERT_EQ(::chmod(p.c_str(), 0644), 0);
  int channel[2];
  ASSERT_EQ(::pipe(channel), 0);
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(channel[0]);
    std::string what = "saved";
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) {
      what = "cannot drop privileges";
    } else {
      try {
        save_json(small_model(), p);
      } catch (const std::exception& e) {
        what = e.what();
      }
    }
    (void)!::write(channel[1], what.data(), what.size());
    ::_exit(0);
  }
  ::close(channel[1]);
  const std::string what = drain(channel[0]);
  ::close(channel[0]);
  ::waitpid(child, nullptr, 0);
  EXPECT_TRUE(contains(what, "is read-only to this user (mode 0644): Permission denied")) << what;
  EXPECT_EQ(bytes_of(p), "old");
  EXPECT_TRUE(temporaries_in(dir.path()).empty());
}

TEST(SafeSave, FollowsASymbolicLinkAndReplacesWhatItLeadsTo) {
  scratch_dir dir("save-symlink");
  fs::create_directories(dir / "data");
  const fs::path real = dir / "data" / "real.json";
  put_file(real, "old");
  ASSERT_EQ(::chmod(real.c_str(), 0600), 0);
  const fs::path link = dir / "link.json";
  fs::create_symlink(fs::path("data") / "real.json", link); // relative, as links usually are
  save_json(small_model(), link);
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(link)));
  EXPECT_EQ(fs::read_symlink(link), fs::path("data") / "real.json");
  EXPECT_EQ(bytes_of(real), to_json(small_model()));
  EXPECT_EQ(mode_of(real), 0600u);
  EXPECT_TRUE(temporaries_in(dir.path()).empty());
  EXPECT_TRUE(temporaries_in(dir / "data").empty());

  // A chain of links ends at the same file; a link to a file not yet written creates that file.
  const fs::path chain = dir / "chain.json";
  fs::create_symlink(link, chain);
  save_archive(other_model(), chain);
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(chain)));
  EXPECT_EQ(bytes_of(real), to_archive(other_model()));
  const fs::path dangling = dir / "dangling.json";
  fs::create_symlink(dir / "data" / "later.json", dangling);
  save_json(small_model(), dangling);
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(dangling)));
  EXPECT_EQ(bytes_of(dir / "data" / "later.json"), to_json(small_model()));

  // A loop of links is an error with the operating system's words for it.
  fs::create_symlink(dir / "loop-b", dir / "loop-a");
  fs::create_symlink(dir / "loop-a", dir / "loop-b");
  const std::string what = file_error_of([&] { save_json(small_model(), dir / "loop-a"); });
  EXPECT_TRUE(contains(what, "Too many levels of symbolic links")) << what;
}

TEST(SafeSave, BreaksAHardLinkAsDocumented) {
  scratch_dir dir("save-hardlink");
  const fs::path a = dir / "a.json", b = dir / "b.json";
  put_file(a, "old");
  fs::create_hard_link(a, b);
  ASSERT_EQ(fs::hard_link_count(a), 2u);
  save_json(small_model(), a);
  EXPECT_EQ(bytes_of(a), to_json(small_model())); // the name saved to has the new file
  EXPECT_EQ(bytes_of(b), "old");                  // the other name keeps the old one
  EXPECT_EQ(fs::hard_link_count(a), 1u);
  EXPECT_EQ(fs::hard_link_count(b), 1u);
}

TEST(SafeSave, ErrorsNameTheFileAndGiveTheOperatingSystemsReason) {
  scratch_dir dir("save-errors");
  const fs::path missing = dir / "no" / "such" / "m.json";
  std::string what = file_error_of([&] { save_json(small_model(), missing); });
  EXPECT_TRUE(contains(what, missing.string())) << what;
  EXPECT_TRUE(contains(what, "No such file or directory")) << what;
  what = file_error_of([&] { save_archive(small_model(), missing); });
  EXPECT_TRUE(contains(what, "No such file or directory")) << what;
  fs::create_directories(dir / "folder.json");
  what = file_error_of([&] { save_json(small_model(), dir / "folder.json"); });
  EXPECT_TRUE(contains(what, "Is a directory")) << what;
}

TEST(SafeSave, AWriterThatFailsLeavesTheOldFileAndNoTemporary) {
  scratch_dir dir("save-throw");
  const fs::path p = dir / "m.dot";
  put_file(p, "old");
  EXPECT_THROW(write_file_atomically(p,
                                     [](std::ostream& out) {
                                       out << std::string(1 << 20, 'x'); // past the buffer: on the disk already
                                       throw std::runtime_error("the writer gives up");
                                     }),
               std::runtime_error);
  EXPECT_EQ(bytes_of(p), "old");
  EXPECT_TRUE(temporaries_in(dir.path()).empty());
}

TEST(SafeSave, WritesADeviceInPlace) {
  // Nothing to replace: /dev/null is written as it is, and its folder gets no temporary.
  EXPECT_NO_THROW(save_json(small_model(), "/dev/null"));
  EXPECT_NO_THROW(write_file_atomically("/dev/null", std::string_view("x")));
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST(SafeSave, SavesARelativeNameInTheCurrentFolder) {
  scratch_dir dir("save-relative");
  const fs::path before = fs::current_path();
  fs::current_path(dir.path());
  save_json(small_model(), "m.json");
  save_json(other_model(), "m.json");
  fs::current_path(before);
  EXPECT_EQ(bytes_of(dir / "m.json"), to_json(other_model()));
  EXPECT_TRUE(temporaries_in(dir.path()).empty());
}

// Temporaries are recognised by name and removed by the next save of the same target only when
// their process has ended or they are more than an hour old.
TEST(SafeSave, RemovesStaleTemporariesOfTheSameTargetOnly) {
  scratch_dir dir("save-stale");
  const pid_t dead = ::fork();
  if (dead == 0)
    ::_exit(0);
  ::waitpid(dead, nullptr, 0); // reaped: the pid names no process now
  const std::string me = std::to_string(::getpid());
  const std::string gone = std::to_string(dead);
  const auto temp = [&](const std::string& name) {
    put_file(dir / name, "partial");
    return name;
  };
  const std::string of_dead = temp(".m.json.orgraph-tmp-" + gone + "-0123456789abcdef");
  const std::string of_live = temp(".m.json.orgraph-tmp-" + me + "-00000000000000aa");
  const std::string old_live = temp(".m.json.orgraph-tmp-" + me + "-00000000000000bb");
  const utimbuf two_hours_ago{std::time(nullptr) - 7200, std::time(nullptr) - 7200};
  ASSERT_EQ(::utime((dir / old_live).c_str(), &two_hours_ago), 0);
  const std::string other_target = temp(".n.json.orgraph-tmp-" + gone + "-0123456789abcdef");
  const std::string not_ours = temp(".m.json.orgraph-tmp-notapid");
  const std::string not_hex = temp(".m.json.orgraph-tmp-" + gone + "-xyz");

  save_json(small_model(), dir / "m.json");
  const auto left = temporaries_in(dir.path());
  const auto has = [&](const std::string& name) { return std::find(left.begin(), left.end(), name) != left.end(); };
  EXPECT_FALSE(has(of_dead)) << "the temporary of an ended process is removed";
  EXPECT_FALSE(has(old_live)) << "a temporary not written to for two hours is removed";
  EXPECT_TRUE(has(of_live)) << "a live process's fresh temporary may be a save under way";
  EXPECT_TRUE(has(other_target)) << "another target's temporaries are its own saves' business";
  EXPECT_TRUE(has(not_ours));
  EXPECT_TRUE(has(not_hex));
  EXPECT_EQ(left.size(), 4u);
}

// ---- checked reads

TEST(ReadFile, ErrorsGiveTheOperatingSystemsReason) {
  scratch_dir dir("read-errors");
  std::string what = file_error_of([&] { (void)read_file(dir / "none.json"); });
  EXPECT_TRUE(contains(what, "none.json: cannot open for reading: No such file or directory")) << what;
  what = file_error_of([&] { (void)read_file(dir.path()); });
  EXPECT_TRUE(contains(what, "cannot read: Is a directory")) << what;
  what = file_error_of([&] { (void)load_json(dir.path()); });
  EXPECT_TRUE(contains(what, "Is a directory")) << what;
  what = file_error_of([&] { (void)load_csv(dir.path()); });
  EXPECT_TRUE(contains(what, "Is a directory")) << what;
  what = file_error_of([&] { (void)load_archive(dir.path()); });
  EXPECT_TRUE(contains(what, "Is a directory")) << what;
  what = file_error_of([&] { (void)read_file_start(dir / "none.json", 10); });
  EXPECT_TRUE(contains(what, "No such file or directory")) << what;
}

TEST(ReadFile, ReadsWholeFilesAndBoundsThem) {
  scratch_dir dir("read-whole");
  std::string big(300000, 'a');
  for (std::size_t i = 0; i < big.size(); i += 7)
    big[i] = static_cast<char>('0' + i % 10);
  put_file(dir / "big", big);
  put_file(dir / "empty", "");
  EXPECT_EQ(read_file(dir / "big"), big);
  EXPECT_EQ(read_file(dir / "big", big.size()), big); // exactly at the limit
  EXPECT_EQ(read_file(dir / "empty"), "");
  const std::string what = file_error_of([&] { (void)read_file(dir / "big", big.size() - 1); });
  EXPECT_TRUE(contains(what, "holds 300000 bytes, more than the limit of 299999 bytes")) << what;
  EXPECT_EQ(read_file_start(dir / "big", 1000), big.substr(0, 1000));
  EXPECT_EQ(read_file_start(dir / "big", 1000000), big);
  // Not a regular file: read until its end, within the limit.
  EXPECT_EQ(read_file("/dev/null"), "");
  const std::string zeros = file_error_of([&] { (void)read_file("/dev/zero", 100000); });
  EXPECT_TRUE(contains(zeros, "holds more than the limit of 100000 bytes")) << zeros;
}

} // namespace
