#include <orgraph/io/file.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdio>
#include <ostream>
#include <streambuf>
#include <system_error>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace orgraph {

// Out-of-line so that the vtable lives in the library (the other errors' are in src/model/model.cpp).
resource_error::resource_error(std::string source, const std::string& message)
    : error(message), source_(std::move(source)) {}
resource_error::~resource_error() = default;

namespace {

// The operating system's words for an errno value ("No space left on device"); thread-safe, unlike strerror.
std::string reason(int err) { return std::generic_category().message(err); }

// A file descriptor closed when it goes out of scope (unless released).
class descriptor {
public:
  explicit descriptor(int fd = -1) noexcept : fd_(fd) {}
  descriptor(descriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  descriptor& operator=(descriptor&& other) noexcept {
    if (this != &other) {
      close();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  ~descriptor() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  [[nodiscard]] int get() const noexcept { return fd_; }
  // Close now, returning 0 or the errno of a failed close (NFS reports some write errors only here).
  int close() noexcept {
    const int fd = std::exchange(fd_, -1);
    return fd >= 0 && ::close(fd) != 0 ? errno : 0;
  }

private:
  int fd_;
};

// A stream buffer writing to a file descriptor. A failed write is kept (its errno), not thrown, so
// the stream turns bad and the caller reports the operating system's reason after the writer returns.
class descriptor_buffer : public std::streambuf {
public:
  explicit descriptor_buffer(int fd) : fd_(fd), buffer_(std::size_t{1} << 16) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  [[nodiscard]] int error() const noexcept { return error_; }

protected:
  int_type overflow(int_type ch) override {
    if (!drain())
      return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }

  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n < epptr() - pptr()) {
      std::copy(s, s + n, pptr());
      pbump(static_cast<int>(n));
      return n;
    }
    // Larger than what is left of the buffer: write it straight through.
    if (!drain() || !write_all(s, static_cast<std::size_t>(n)))
      return 0;
    return n;
  }

  int sync() override { return drain() ? 0 : -1; }

private:
  bool drain() {
    const auto pending = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return write_all(buffer_.data(), pending);
  }

  bool write_all(const char* p, std::size_t n) {
    if (error_ != 0)
      return false;
    while (n > 0) {
      const ssize_t k = ::write(fd_, p, n);
      if (k < 0) {
        if (errno == EINTR)
          continue;
        error_ = errno;
        return false;
      }
      p += k;
      n -= static_cast<std::size_t>(k);
    }
    return true;
  }

  int fd_;
  std::vector<char> buffer_;
  int error_ = 0;
};

// The file a save replaces: `file` itself, or where its chain of symbolic links ends (which may not
// exist yet: a link to a file still to be written). Saving replaces that file and leaves links links.
fs::path follow_links(const fs::path& file) {
  fs::path p = file;
  for (int hops = 0;; ++hops) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) {
      if (errno == ENOENT)
        return p;
      throw file_error(file.string(), "cannot examine " + p.string() + ": " + reason(errno));
    }
    if (!S_ISLNK(st.st_mode))
      return p;
    if (hops == 40)
      throw file_error(file.string(), "cannot write: " + reason(ELOOP));
    std::error_code ec;
    const fs::path to = fs::read_symlink(p, ec);
    if (ec)
      throw file_error(file.string(), "cannot read the symbolic link " + p.string() + ": " + ec.message());
    p = to.is_absolute() ? to : p.parent_path() / to;
  }
}

// Temporary files are `.NAME.orgraph-tmp-PID-RANDOM` beside the target. The name part is cut so that
// the whole stays within the usual 255-byte limit on a file name.
std::string temporary_prefix(const fs::path& target) {
  std::string name = target.filename().string();
  if (name.size() > 200)
    name.resize(200);
  return "." + name + ".orgraph-tmp-";
}

// A temporary older than this is not being written: the writer's last write would have touched it.
constexpr auto stale_after = std::chrono::hours(1);

// Whether `rest` (what follows the prefix) is "PID-HEX" and that save can no longer finish: its
// process has ended, or the file has not been written to for longer than stale_after (the pid may
// have been reused). A live process's temporary is left alone: it may be a save still under way.
bool is_stale(std::string_view rest, int dir_fd, const char* name) {
  const auto dash = rest.find('-');
  if (dash == 0 || dash == std::string_view::npos || dash > 10 || dash + 1 == rest.size() || rest.size() - dash > 17)
    return false;
  long long pid = 0;
  for (std::size_t i = 0; i < dash; ++i) {
    if (rest[i] < '0' || rest[i] > '9')
      return false;
    pid = pid * 10 + (rest[i] - '0');
  }
  for (std::size_t i = dash + 1; i < rest.size(); ++i)
    if (!std::isxdigit(static_cast<unsigned char>(rest[i])))
      return false;
  struct stat st {};
  if (pid <= 0 || pid > INT_MAX || ::fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
    return false;
  if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
    return true;
  const auto modified = std::chrono::system_clock::from_time_t(st.st_mtime);
  return std::chrono::system_clock::now() - modified > stale_after;
}

// Remove what earlier, killed saves of the same target left behind. Best effort: a folder that
// cannot be listed is no reason to refuse the save.
void remove_stale_temporaries(const fs::path& dir, const std::string& prefix) {
  DIR* d = ::opendir(dir.empty() ? "." : dir.c_str());
  if (d == nullptr)
    return;
  std::vector<std::string> stale;
  while (const dirent* e = ::readdir(d)) {
    const std::string_view name(e->d_name);
    if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0 &&
        is_stale(name.substr(prefix.size()), ::dirfd(d), e->d_name))
      stale.emplace_back(name);
  }
  for (const auto& name : stale)
    ::unlinkat(::dirfd(d), name.c_str(), 0);
  ::closedir(d);
}

// A name that no other save picks: the pid, then bits of the clock and a counter mixed (splitmix64).
std::string temporary_name(const std::string& prefix, unsigned attempt) {
  static std::atomic<unsigned long long> counter{0};
  unsigned long long x = static_cast<unsigned long long>(std::chrono::steady_clock::now().time_since_epoch().count()) ^
                         (static_cast<unsigned long long>(::getpid()) << 32) ^ (++counter * 0x9E3779B97F4A7C15ULL) ^
                         attempt;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  x ^= x >> 31;
  static const char digits[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, x >>= 4)
    hex[static_cast<std::size_t>(i)] = digits[x & 0xF];
  return prefix + std::to_string(::getpid()) + "-" + hex;
}

// Run the writer into a stream over `fd`; the errno of the first failed write, EIO if the stream
// failed some other way, 0 if all went well.
int run_writer(int fd, const std::function<void(std::ostream&)>& write) {
  descriptor_buffer buffer(fd);
  std::ostream out(&buffer);
  write(out);
  out.flush();
  if (buffer.error() != 0)
    return buffer.error();
  return out ? 0 : EIO;
}

// A FIFO, a terminal, /dev/null: there is no file to replace, so it is written as it is.
void write_in_place(const fs::path& target, const std::string& shown, const std::function<void(std::ostream&)>& write) {
  descriptor fd(::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0)
    throw file_error(shown, "cannot open for writing: " + reason(errno));
  if (const int err = run_writer(fd.get(), write))
    throw file_error(shown, "cannot write: " + reason(err));
  if (const int err = fd.close())
    throw file_error(shown, "cannot write: " + reason(err));
}

} // namespace

void write_file_atomically(const fs::path& file, const std::function<void(std::ostream&)>& write) {
  const std::string shown = file.string();
  const fs::path target = follow_links(file);
  struct stat old {};
  const bool exists = ::stat(target.c_str(), &old) == 0;
  if (!exists && errno != ENOENT)
    throw file_error(shown, "cannot examine it: " + reason(errno));
  if (exists) {
    if (S_ISDIR(old.st_mode))
      throw file_error(shown, "cannot write: " + reason(EISDIR));
    if (!S_ISREG(old.st_mode)) {
      write_in_place(target, shown, write);
      return;
    }
    // Read-only by its mode (which root could ignore) or to this user: its owner meant it to stay.
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(old.st_mode & 07777));
    if ((old.st_mode & 0222) == 0)
      throw file_error(shown, std::string("is read-only (mode ") + mode +
                                  "): orgraph does not replace a read-only file; make it writable to save over it");
    if (::faccessat(AT_FDCWD, target.c_str(), W_OK, AT_EACCESS) != 0)
      throw file_error(shown, std::string("is read-only to this user (mode ") + mode + "): " + reason(errno) +
                                  "; orgraph does not replace a file it may not write");
  }

  const fs::path dir = target.parent_path();
  const std::string prefix = temporary_prefix(target);
  remove_stale_temporaries(dir, prefix);

  // New content is private until it is complete: 0600, then the old file's mode just before the
  // rename. A new file gets what open() gives any new file (0666 less the umask).
  const std::string unchanged = exists ? " (the previous file is unchanged)" : "";
  fs::path temporary;
  descriptor fd;
  for (unsigned attempt = 0; fd.get() < 0; ++attempt) {
    temporary = dir / temporary_name(prefix, attempt);
    fd = descriptor(
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, exists ? 0600 : 0666));
    if (fd.get() < 0 && (errno != EEXIST || attempt == 100))
      throw file_error(shown, "cannot create a temporary file in " + (dir.empty() ? std::string(".") : dir.string()) +
                                  ": " + reason(errno) + unchanged);
  }
  const auto fail = [&](const std::string& what, int err) {
    fd.close();
    ::unlink(temporary.c_str());
    throw file_error(shown, what + ": " + reason(err) + unchanged);
  };

  int err = 0;
  try {
    err = run_writer(fd.get(), write);
  } catch (...) {
    fd.close();
    ::unlink(temporary.c_str());
    throw;
  }
  if (err != 0)
    fail("cannot write", err);
  if (exists) {
    // The owner and group where this user may set them (root; a group the user is in), else the
    // user's own; then the permission bits, which a change of owner could have cleared.
    struct stat now {};
    if (::fstat(fd.get(), &now) == 0 && (now.st_uid != old.st_uid || now.st_gid != old.st_gid) &&
        ::fchown(fd.get(), old.st_uid, old.st_gid) != 0)
      (void)::fchown(fd.get(), static_cast<uid_t>(-1), old.st_gid);
    if (::fchmod(fd.get(), old.st_mode & 0777) != 0)
      fail("cannot give the new file the old one's mode", errno);
  }
  if (::fsync(fd.get()) != 0)
    fail("cannot write", errno);
  if (const int close_err = fd.close())
    fail("cannot write", close_err);
  if (::rename(temporary.c_str(), target.c_str()) != 0)
    fail("cannot replace it", errno);

  // The rename is durable only once the folder is: without this a crash could bring the old file back.
  descriptor d(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (d.get() >= 0 && ::fsync(d.get()) != 0 && errno != EINVAL && errno != ENOTSUP)
    throw file_error(shown,
                     "written, but the folder could not be synced, so a crash may undo the save: " + reason(errno));
}

void write_file_atomically(const fs::path& file, std::string_view bytes) {
  write_file_atomically(
      file, [&](std::ostream& out) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
}

namespace {

descriptor open_for_reading(const fs::path& file, struct stat& st) {
  descriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0)
    throw file_error(file.string(), "cannot open for reading: " + reason(errno));
  if (::fstat(fd.get(), &st) != 0)
    throw file_error(file.string(), "cannot read: " + reason(errno));
  if (S_ISDIR(st.st_mode))
    throw file_error(file.string(), "cannot read: " + reason(EISDIR));
  return fd;
}

// Read into `text` from `at` on until the end of the file or `max_size` bytes in all; the text grows
// as needed. Returns whether the end of the file was reached.
bool read_into(int fd, std::string& text, std::size_t at, std::uint64_t max_size, const fs::path& file) {
  for (;;) {
    if (at == text.size()) {
      if (at >= max_size)
        return false;
      text.resize(static_cast<std::size_t>(std::min<std::uint64_t>(max_size, std::max<std::size_t>(at * 2, 1 << 16))));
    }
    const ssize_t k = ::read(fd, text.data() + at, text.size() - at);
    if (k < 0) {
      if (errno == EINTR)
        continue;
      throw file_error(file.string(), "cannot read: " + reason(errno));
    }
    if (k == 0) {
      text.resize(at);
      return true;
    }
    at += static_cast<std::size_t>(k);
  }
}

std::string too_large(std::uint64_t size, std::uint64_t max_size) {
  return "holds " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(max_size) + " bytes";
}

} // namespace

std::string read_file(const fs::path& file, std::uint64_t max_size) {
  struct stat st {};
  descriptor fd = open_for_reading(file, st);
  if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > max_size)
    throw file_error(file.string(), too_large(static_cast<std::uint64_t>(st.st_size), max_size));
  std::string text;
  // The size fstat gives, and one byte more so that a file that has grown is noticed.
  if (S_ISREG(st.st_mode)) {
    const auto size = static_cast<std::uint64_t>(st.st_size);
    text.resize(static_cast<std::size_t>(std::min<std::uint64_t>(size + 1, max_size)));
  }
  if (!read_into(fd.get(), text, 0, max_size, file)) {
    char extra = 0;
    ssize_t k;
    while ((k = ::read(fd.get(), &extra, 1)) < 0 && errno == EINTR) {
    }
    if (k < 0)
      throw file_error(file.string(), "cannot read: " + reason(errno));
    if (k > 0)
      throw file_error(file.string(), "holds more than the limit of " + std::to_string(max_size) + " bytes");
  }
  return text;
}

std::string read_file_start(const fs::path& file, std::size_t max_bytes) {
  struct stat st {};
  descriptor fd = open_for_reading(file, st);
  std::string text(max_bytes, '\0');
  std::size_t at = 0;
  while (at < max_bytes) {
    const ssize_t k = ::read(fd.get(), text.data() + at, max_bytes - at);
    if (k < 0) {
      if (errno == EINTR)
        continue;
      throw file_error(file.string(), "cannot read: " + reason(errno));
    }
    if (k == 0)
      break;
    at += static_cast<std::size_t>(k);
  }
  text.resize(at);
  return text;
}

} // namespace orgraph
