// from_archive on arbitrary payloads of one archive kind (ORGRAPH_FUZZ_ARCHIVE_KIND: 0 binary,
// 1 text, 2 xml; one executable per kind).
//
// Bytes that already start with the archive magic go to from_archive as they are, which exercises
// the envelope checks. Anything else is taken as a payload and wrapped in a sound envelope (correct
// lengths and CRC-32s) first: random bytes would almost never pass the checksum, and the payload
// decoder behind it is where a hostile file could do harm. A model that loads must be written and
// read back equal in the same kind.

#include <orgraph/error.hpp>
#include <orgraph/io/archive.hpp>

#include "fuzz_common.hpp"

#include <boost/crc.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#ifndef ORGRAPH_FUZZ_ARCHIVE_KIND
#error "define ORGRAPH_FUZZ_ARCHIVE_KIND (0 binary, 1 text, 2 xml)"
#endif

namespace {

constexpr auto kind = static_cast<orgraph::archive_kind>(ORGRAPH_FUZZ_ARCHIVE_KIND);

std::uint32_t crc32(const char* p, std::size_t n) {
  boost::crc_32_type crc;
  crc.process_bytes(p, n);
  return crc.checksum();
}

void put(std::string& out, std::size_t at, std::uint64_t value, std::size_t bytes) {
  for (std::size_t i = 0; i < bytes; ++i)
    out[at + i] = static_cast<char>((value >> (8 * i)) & 0xFFu);
}

// The envelope as docs/persistence.md describes it: magic, envelope version, kind, reserved,
// payload version, payload length, payload CRC-32, header CRC-32, then the payload.
std::string wrap(std::string_view payload) {
  std::string out(32, '\0');
  std::memcpy(out.data(), "ORGRAPH", 8);
  put(out, 8, orgraph::archive_envelope_version, 2);
  put(out, 10, static_cast<std::uint8_t>(kind), 1);
  put(out, 12, orgraph::archive_payload_version, 4);
  put(out, 16, payload.size(), 8);
  put(out, 24, crc32(payload.data(), payload.size()), 4);
  put(out, 28, crc32(out.data(), 28), 4);
  out.append(payload);
  return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string input = orgraph::looks_like_archive(bytes) ? std::string(bytes) : wrap(bytes);
  orgraph::model m;
  try {
    m = orgraph::from_archive(input, "fuzz.orgraph");
  } catch (const orgraph::error&) {
    return 0;
  }
  orgraph::model again;
  try {
    again = orgraph::from_archive(orgraph::to_archive(m, kind), "written.orgraph");
  } catch (const orgraph::error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    ORGRAPH_FUZZ_CHECK(false, "to_archive wrote a model that from_archive refuses");
  }
  ORGRAPH_FUZZ_CHECK(again == m, "to_archive then from_archive changed the model");
  return 0;
}
