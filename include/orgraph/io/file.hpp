#pragma once
/// @file
/// @brief Writing a file so that a crash, a kill or a full disk never leaves it half-written, and
/// reading a whole file with every error checked (docs/reliability.md, "Saving files").
///
/// Every file orgraph writes (save_json(), save_archive(), the CLI's convert and generate) goes
/// through write_file_atomically(); every file it reads through read_file().

#include <orgraph/error.hpp>
#include <orgraph/export.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace orgraph {

/**
 * @brief Replace `file` with what `write` writes to the stream it is given, so that `file` is at
 * every moment either the old file, whole, or the new one, whole.
 *
 * The new content goes to a temporary file beside the target, named `.NAME.orgraph-tmp-PID-RANDOM`
 * and created exclusively; it is flushed and synced to the disk, given the target's permission bits
 * (and its owner and group where the user may set them), renamed over the target, and the folder is
 * synced. On any failure, including an exception from `write`, the temporary file is removed, the
 * target is left as it was, and file_error names the target and gives the operating system's reason
 * (`No space left on device`). Temporary files of earlier saves of the same target whose process
 * has ended (or that are more than an hour old) are removed first.
 *
 * What it does with what it replaces (docs/reliability.md has the full rules):
 * - a symbolic link is followed, and the file it leads to is replaced; the link stays a link;
 * - a read-only target (no write permission bit, or one the user may not write) is refused;
 * - a hard link is broken: the name saved to gets the new file, other names keep the old one;
 * - a target that is not a regular file (a FIFO, a terminal, `/dev/null`) is written in place,
 *   since there is nothing to replace; a folder is refused.
 * @code
 * orgraph::write_file_atomically("chart.dot", [&](std::ostream& out) { orgraph::write_dot(out, m); });
 * @endcode
 */
ORGRAPH_EXPORT void write_file_atomically(const std::filesystem::path& file,
                                          const std::function<void(std::ostream&)>& write);

/** @brief Replace `file` with `bytes`, as write_file_atomically() above. */
ORGRAPH_EXPORT void write_file_atomically(const std::filesystem::path& file, std::string_view bytes);

/** @brief The largest file read_file() reads unless told otherwise: 2 GiB, as load_options::max_file_size. */
inline constexpr std::uint64_t default_max_read_size = std::uint64_t{2} << 30;

/**
 * @brief The whole content of `file`, read with every error checked.
 *
 * Throws file_error, naming the file and giving the operating system's reason, if it cannot be
 * opened or read, if it is a folder, or if it holds more than `max_size` bytes (checked before
 * reading and again while reading, since a file may grow). A shortage of memory is not hidden in a
 * stream's state: it escapes as std::bad_alloc, which the loaders turn into resource_error.
 * @code
 * std::string text = orgraph::read_file("upload.json", 10 << 20);
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::string read_file(const std::filesystem::path& file,
                                                   std::uint64_t max_size = default_max_read_size);

/**
 * @brief At most the first `max_bytes` bytes of `file` (all of it if it is shorter), read with the
 * checks of read_file(): enough to tell a format by its first bytes without reading a large file.
 */
[[nodiscard]] ORGRAPH_EXPORT std::string read_file_start(const std::filesystem::path& file, std::size_t max_bytes);

} // namespace orgraph
