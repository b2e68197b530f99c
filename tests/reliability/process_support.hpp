#pragma once
// Helpers for the reliability tests that need processes and files of their own: a scratch folder,
// whole-file reads, the temporaries a save leaves, and the CLI run with exact arguments (no shell, so
// hostile bytes reach it as they are) and optionally a memory limit. POSIX only.

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

namespace orgraph::test {

namespace fs = std::filesystem;

/// A folder of its own under the system's temporary folder, emptied first and removed at the end.
class scratch_dir {
public:
  explicit scratch_dir(const std::string& name)
      : path_(fs::temp_directory_path() / ("orgraph-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;
  ~scratch_dir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  [[nodiscard]] const fs::path& path() const { return path_; }
  [[nodiscard]] fs::path operator/(const std::string& name) const { return path_ / name; }

private:
  fs::path path_;
};

/// A file's bytes, or nothing if it cannot be opened.
inline std::optional<std::string> bytes_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in)
    return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad() || !s)
    return std::nullopt;
  return s.str();
}

/// Write bytes to a file directly (no safe path: the tests set up what a save then replaces).
inline void put_file(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.close();
  ASSERT_TRUE(out) << "cannot write " << p;
}

/// The names in a folder that are orgraph save temporaries (`.NAME.orgraph-tmp-PID-RANDOM`).
inline std::vector<std::string> temporaries_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".orgraph-tmp-") != std::string::npos)
      out.push_back(e.path().filename().string());
  return out;
}

/// Whether the test runs as root (mounting a small disk, changing owners, dropping privileges).
inline bool running_as_root() { return ::geteuid() == 0; }

/// Whether the build has AddressSanitizer, which reserves more address space than any memory limit allows.
constexpr bool under_address_sanitizer() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

struct run_result {
  int code = -1;   ///< the exit code, or -1 if it did not exit normally
  int signal = 0;  ///< the signal that ended it, if one did
  std::string out; ///< what it wrote on stdout
  std::string err; ///< what it wrote on stderr
};

/// Read what a descriptor gives until its end.
inline std::string drain(int fd) {
  std::string s;
  char buffer[65536];
  for (;;) {
    const ssize_t k = ::read(fd, buffer, sizeof buffer);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      return s;
    s.append(buffer, static_cast<std::size_t>(k));
  }
}

/// Run a program with exactly these arguments; stdout and stderr go to files (no pipe can fill up),
/// read back once it has ended. `address_space` limits its memory (RLIMIT_AS) in bytes when not 0.
inline run_result run_program(const std::string& program, const std::vector<std::string>& args,
                              std::uint64_t address_space = 0, const fs::path& workdir = {}) {
  const fs::path dir = fs::temp_directory_path();
  const std::string tag = std::to_string(::getpid());
  const fs::path out_path = dir / ("orgraph-run-" + tag + ".out");
  const fs::path err_path = dir / ("orgraph-run-" + tag + ".err");
  run_result r;
  const pid_t child = ::fork();
  if (child == 0) {
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (out < 0 || err < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0)
      ::_exit(126);
    if (!workdir.empty() && ::chdir(workdir.c_str()) != 0)
      ::_exit(126);
    if (address_space != 0) {
      const rlimit limit{static_cast<rlim_t>(address_space), static_cast<rlim_t>(address_space)};
      if (::setrlimit(RLIMIT_AS, &limit) != 0)
        ::_exit(126);
    }
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const auto& a : args)
      argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  if (child < 0) {
    ADD_FAILURE() << "fork failed";
    return r;
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status))
    r.code = WEXITSTATUS(status);
  if (WIFSIGNALED(status))
    r.signal = WTERMSIG(status);
  r.out = bytes_of(out_path).value_or("");
  r.err = bytes_of(err_path).value_or("");
  std::error_code ignored;
  fs::remove(out_path, ignored);
  fs::remove(err_path, ignored);
  return r;
}

#if defined(ORGRAPH_CLI)
/// Run the orgraph command-line tool with exactly these arguments.
inline run_result run_cli(const std::vector<std::string>& args, std::uint64_t address_space = 0,
                          const fs::path& workdir = {}) {
  return run_program(ORGRAPH_CLI, args, address_space, workdir);
}
#endif

} // namespace orgraph::test
