#pragma once
/// @file
/// @brief Saving and loading a whole model as a Boost.Serialization archive inside orgraph's own
/// integrity envelope (docs/persistence.md).
///
/// This header declares only: Boost.Serialization stays inside the compiled library, so including it
/// costs nothing and users need not link Boost.Serialization themselves.

#include <orgraph/error.hpp>
#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace orgraph {

/**
 * @brief A file that is not a readable orgraph archive: not one at all, written by a newer orgraph,
 * truncated, damaged (checksum mismatch) or with a payload that does not decode to a valid model.
 *
 * `what()` names the file (or the source name given for in-memory archives) and the reason.
 * @code
 * try { auto m = orgraph::load_archive("old.orgraph"); }
 * catch (const orgraph::archive_error& e) { std::cerr << e.what() << '\n'; }
 * @endcode
 */
class ORGRAPH_EXPORT archive_error : public error {
public:
  /** @brief Describe why `source` cannot be loaded; the message reads `source: reason`. */
  archive_error(std::string source, const std::string& reason);
  ~archive_error() override;

  /** @brief The file (or source name) concerned. */
  [[nodiscard]] const std::string& source() const noexcept { return source_; }

private:
  std::string source_;
};

/** @brief Which Boost.Serialization archive carries the payload. */
enum class archive_kind : std::uint8_t {
  binary = 0, ///< compact and fastest; portable between machines of the same byte order and word size
  text = 1,   ///< portable text (strings are base64), for moving between platforms
  xml = 2     ///< XML, slow and large, for looking at and diffing
};

/** @brief The name of an archive kind ("binary", "text", "xml"). */
[[nodiscard]] ORGRAPH_EXPORT std::string_view to_string(archive_kind k) noexcept;

/** @brief The archive kind with that name, if any. */
[[nodiscard]] ORGRAPH_EXPORT std::optional<archive_kind> archive_kind_from_string(std::string_view s) noexcept;

/** @brief The envelope version this orgraph writes and the newest it reads. */
inline constexpr std::uint16_t archive_envelope_version = 1;
/**
 * @brief The payload (model layout) version this orgraph writes and the newest it reads: 3, with the
 * areas of nodes and memberships and the terms memberships name. Binary archives hold the model's
 * storage column by column, text and XML archives one record per node, term, relation and decision,
 * readable by people. Every older version still loads: 1 (records, any kind) and 2 (binary columns
 * without areas and terms).
 */
inline constexpr std::uint32_t archive_payload_version = 3;

/**
 * @brief The model as an archive of the given kind, envelope included, in memory.
 * @code
 * std::string bytes = orgraph::to_archive(m, orgraph::archive_kind::binary);
 * auto again = orgraph::from_archive(bytes);
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::string to_archive(const model& m, archive_kind kind = archive_kind::binary);

/**
 * @brief Load a model from archive bytes (envelope included); `source_name` stands for the file name
 * in messages. Throws archive_error for anything but a sound archive, and resource_error (`out of
 * memory while loading ...`) if memory runs out while decoding; never returns half a model.
 */
[[nodiscard]] ORGRAPH_EXPORT model from_archive(std::string_view bytes, std::string_view source_name = "<memory>");

/**
 * @brief Save the model to `file` safely, through write_file_atomically(): a crash, a kill or a full
 * disk never leaves a half-written archive where a good one was, and the file keeps its mode.
 * Throws file_error, with the operating system's reason, if the file cannot be written.
 * @code
 * orgraph::save_archive(m, "county.orgraph", orgraph::archive_kind::binary);
 * @endcode
 */
ORGRAPH_EXPORT void save_archive(const model& m, const std::filesystem::path& file,
                                 archive_kind kind = archive_kind::binary);

/**
 * @brief Load a model saved with save_archive; the kind is read from the envelope.
 *
 * Throws file_error if the file cannot be read, archive_error (naming the file and the reason) if it
 * is not a sound orgraph archive: not one at all, newer version, truncated, checksum mismatch, unknown
 * kind, or a payload that does not decode to a valid model, and resource_error if memory runs out.
 * Every model invariant is checked again.
 */
[[nodiscard]] ORGRAPH_EXPORT model load_archive(const std::filesystem::path& file);

/** @brief What an archive's envelope says, read without decoding the payload. */
struct archive_info {
  std::uint16_t envelope_version = 0;       ///< the version of the 32-byte envelope's layout
  archive_kind kind = archive_kind::binary; ///< how the payload is encoded: binary, text or xml
  std::uint32_t payload_version = 0;        ///< the version of the model's encoding in the payload
  std::uint64_t payload_size = 0;           ///< the payload's length in bytes, envelope excluded
  std::uint32_t crc32 = 0;                  ///< the payload's CRC-32, as zip and PNG compute it
};

/**
 * @brief Check an archive's envelope (magic, versions, kind, length, checksum) and return what it
 * says; throws archive_error as from_archive would. Cheap: the payload is only checksummed.
 */
[[nodiscard]] ORGRAPH_EXPORT archive_info inspect_archive(std::string_view bytes,
                                                          std::string_view source_name = "<memory>");

/** @brief Whether the bytes start with orgraph's archive magic (a quick format sniff for tools). */
[[nodiscard]] ORGRAPH_EXPORT bool looks_like_archive(std::string_view bytes) noexcept;

} // namespace orgraph
