// Archives: a Boost.Serialization payload of plain records inside orgraph's own envelope.
//
// Boost.Serialization trusts its input; this file does not. The envelope (magic, versions, kind,
// length, CRC-32) is checked before a byte of payload is decoded; so is Boost's own archive header
// (its signature is read with a length from the input) and, for XML, the tag structure (Boost's own
// end-tag check reads past the name it expects). Every count and string length in the payload is
// checked against the bytes that remain before anything is allocated, and the model is rebuilt
// through its public add_* functions so that every invariant is checked again.

#include <orgraph/error.hpp>
#include <orgraph/io/archive.hpp>
#include <orgraph/io/file.hpp>

#include "archive_columns.hpp"
#include "archive_payload.hpp"
#include "load_guards.hpp"

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <boost/serialization/binary_object.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/split_member.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <new>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

namespace orgraph {

archive_error::archive_error(std::string source, const std::string& reason)
    : error((source.empty() ? std::string("<memory>") : source) + ": " + reason), source_(std::move(source)) {}
archive_error::~archive_error() = default;

namespace {
constexpr std::array<std::string_view, 3> kind_names{"binary", "text", "xml"};
} // namespace

std::string_view to_string(archive_kind k) noexcept {
  const auto i = static_cast<std::size_t>(k);
  return i < kind_names.size() ? kind_names[i] : std::string_view("unknown");
}

std::optional<archive_kind> archive_kind_from_string(std::string_view s) noexcept {
  for (std::size_t i = 0; i < kind_names.size(); ++i)
    if (kind_names[i] == s)
      return static_cast<archive_kind>(i);
  return std::nullopt;
}

namespace detail::archive {

// ---- the envelope ----
//
//  offset size  field
//       0    8  magic "ORGRAPH\0"
//       8    2  envelope version (little-endian)
//      10    1  archive kind: 0 binary, 1 text, 2 xml
//      11    1  reserved, 0
//      12    4  payload version
//      16    8  payload length in bytes
//      24    4  CRC-32 of the payload
//      28    4  CRC-32 of bytes 0..27 (the header itself)
//      32       payload
constexpr std::array<char, 8> magic{'O', 'R', 'G', 'R', 'A', 'P', 'H', '\0'};
constexpr std::size_t header_size = 32;

// CRC-32 (the reflected polynomial 0xEDB88320 of zlib and Boost's crc_32_type), eight bytes a step with
// eight tables ("slicing by 8"): a checksum of a 150 MB archive must not cost more than reading it.
struct crc_tables {
  std::array<std::array<std::uint32_t, 256>, 8> t{};
  crc_tables() {
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k)
        c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[0][i] = c;
    }
    for (std::size_t i = 0; i < 256; ++i)
      for (std::size_t k = 1; k < 8; ++k)
        t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFFu];
  }
};

std::uint32_t crc32(const char* data, std::size_t n) {
  static const crc_tables tables;
  const auto& t = tables.t;
  const auto* p = reinterpret_cast<const unsigned char*>(data);
  std::uint32_t c = 0xFFFFFFFFu;
  for (; n >= 8; n -= 8, p += 8) {
    const std::uint32_t lo =
        c ^ (std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24);
    c = t[7][lo & 0xFFu] ^ t[6][(lo >> 8) & 0xFFu] ^ t[5][(lo >> 16) & 0xFFu] ^ t[4][lo >> 24] ^ t[3][p[4]] ^
        t[2][p[5]] ^ t[1][p[6]] ^ t[0][p[7]];
  }
  for (; n > 0; --n, ++p)
    c = t[0][(c ^ *p) & 0xFFu] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

template <class Int> void put(std::string& out, std::size_t at, Int value) {
  for (std::size_t i = 0; i < sizeof(Int); ++i)
    out[at + i] = static_cast<char>(static_cast<unsigned char>((static_cast<std::uint64_t>(value) >> (8 * i)) & 0xFFu));
}

template <class Int> Int get(std::string_view in, std::size_t at) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < sizeof(Int); ++i)
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  return static_cast<Int>(v);
}

std::string envelope(archive_kind kind, std::string_view payload, std::uint32_t payload_version) {
  std::string out(header_size, '\0');
  std::memcpy(out.data(), magic.data(), magic.size());
  put<std::uint16_t>(out, 8, archive_envelope_version);
  put<std::uint8_t>(out, 10, static_cast<std::uint8_t>(kind));
  put<std::uint8_t>(out, 11, 0);
  put<std::uint32_t>(out, 12, payload_version);
  put<std::uint64_t>(out, 16, payload.size());
  put<std::uint32_t>(out, 24, crc32(payload.data(), payload.size()));
  put<std::uint32_t>(out, 28, crc32(out.data(), 28));
  out.append(payload);
  return out;
}

} // namespace detail::archive
} // namespace orgraph

namespace orgraph {

using namespace detail::archive;

namespace {

template <class OArchive, class Payload = payload> std::string write_payload(const model& m) {
  std::ostringstream out(std::ios::binary);
  {
    OArchive ar(out);
    const Payload p(&m);
    ar << boost::serialization::make_nvp("orgraph", p);
  } // the XML archive closes its root element here
  return std::move(out).str();
}

// ---- Boost's own archive header, checked before Boost reads it ----
//
// Boost's binary and text readers take the length of their header's signature string from the input
// and allocate it before comparing it (a 78-byte file could ask for gigabytes), so the payload must
// start with the header this build's writer produces: the same bytes, except that the Boost library
// version may be older than this Boost's (from 8, since when binary archives store it in two bytes;
// Boost reads older archives and refuses newer ones). After the header Boost reads only fixed-size
// class preambles (class id, tracking level, class version) for orgraph's three record classes; every
// length and count after that is orgraph's own and is checked against the bytes that remain.

constexpr unsigned oldest_library_version = 8;

// The header an empty archive of that kind consists of, as this build writes it.
template <class OArchive> std::string written_header() {
  std::ostringstream out(std::ios::binary);
  { OArchive ar(out); }
  return std::move(out).str();
}

// Binary: the signature's length (a native std::size_t) and the signature, the library version in
// two bytes (low byte first, high byte 0), the sizes of int, long, float and double, and int 1.
void check_binary_header(std::string_view payload, const std::string& source) {
  static const std::string header = written_header<boost::archive::binary_oarchive>();
  static const std::size_t version_at = sizeof(std::size_t) + std::strlen(boost::archive::BOOST_ARCHIVE_SIGNATURE());
  const auto refuse = [&](const std::string& why) {
    throw archive_error(source, "cannot decode the binary payload: " + why);
  };
  if (header.size() != version_at + 2 + 8) // the layout this check assumes: a newer Boost may change it
    refuse("this Boost writes an unexpected binary header (" + std::to_string(header.size()) + " bytes)");
  if (payload.size() < header.size() || payload.compare(0, version_at, header, 0, version_at) != 0)
    refuse("it does not start with the Boost binary archive signature orgraph writes (not a binary archive, "
           "or one written on a machine of another word size or byte order)");
  const auto version = static_cast<unsigned char>(payload[version_at]);
  const auto current = static_cast<unsigned char>(header[version_at]);
  if (payload[version_at + 1] != '\0' || version < oldest_library_version || version > current)
    refuse("Boost library version " +
           std::to_string(version + 256u * static_cast<unsigned char>(payload[version_at + 1])) +
           " in its header, this one reads " + std::to_string(oldest_library_version) + " to " +
           std::to_string(current));
  if (payload.compare(version_at + 2, 8, header, version_at + 2, 8) != 0)
    refuse("written on a machine of another word size or byte order");
}

// Text: "22 serialization::archive", a space, the library version in decimal, then a space or a line break.
void check_text_header(std::string_view payload, const std::string& source) {
  static const std::string header = written_header<boost::archive::text_oarchive>();
  static const std::size_t version_at = header.rfind(' ') + 1; // "22 serialization::archive |19\n"
  const auto refuse = [&](const std::string& why) {
    throw archive_error(source, "cannot decode the text payload: " + why);
  };
  if (payload.compare(0, version_at, header, 0, version_at) != 0)
    refuse("it does not start with \"" + header.substr(0, version_at - 1) +
           "\", the Boost text archive header orgraph writes");
  std::size_t end = version_at;
  unsigned version = 0;
  while (end < payload.size() && end < version_at + 3 && payload[end] >= '0' && payload[end] <= '9')
    version = version * 10 + static_cast<unsigned>(payload[end++] - '0');
  const unsigned current = boost::archive::BOOST_ARCHIVE_VERSION();
  if (end == version_at || end >= payload.size() || (payload[end] != ' ' && payload[end] != '\n'))
    refuse("no Boost library version after the signature");
  if (version < oldest_library_version || version > current)
    refuse("Boost library version " + std::to_string(version) + " in its header, this one reads " +
           std::to_string(oldest_library_version) + " to " + std::to_string(current));
}

// ---- XML structure, checked before Boost reads it ----
//
// Boost's XML reader compares each end tag with the name it expects by indexing that name at the
// length of the tag it read, which reads past the name when the tag is longer. Archives are therefore
// opened with no_xml_tag_checking, and this scan does the checking instead: every element is one that
// orgraph writes, every end tag closes the element opened last, nothing is left open, nesting stays
// shallow. Boost then reads the elements in the order orgraph expects; the values are checked as usual.

constexpr std::array<std::string_view, 35> xml_elements{"boost_serialization",
                                                        "orgraph",
                                                        "node_count",
                                                        "kind",
                                                        "id",
                                                        "name",
                                                        "classification",
                                                        "discipline_count",
                                                        "discipline",
                                                        "parent",
                                                        "lifetime",
                                                        "start",
                                                        "end",
                                                        "present",
                                                        "year",
                                                        "month",
                                                        "day",
                                                        "relation_count",
                                                        "from",
                                                        "to",
                                                        "type",
                                                        "when",
                                                        "arrangement",
                                                        "role",
                                                        "on_behalf_of",
                                                        "organization",
                                                        "status",
                                                        "decision_count",
                                                        "subject",
                                                        "date",
                                                        "outcome",
                                                        "follows",
                                                        "area",
                                                        "term_count",
                                                        "term"};
constexpr std::size_t xml_max_depth = 8; // orgraph writes 5: boost_serialization/orgraph/lifetime/start/year

void check_xml_structure(std::string_view payload, const std::string& source) {
  std::vector<std::string_view> open;
  std::size_t line = 1, pos = 0;
  const auto refuse = [&](const std::string& why) {
    throw archive_error(source, "cannot decode the xml payload: line " + std::to_string(line) + ": " + why);
  };
  // Moves pos just past `until`, counting lines; refuses if it never comes.
  const auto skip_past = [&](std::string_view until, const char* what) {
    const std::size_t at = payload.find(until, pos);
    if (at == std::string_view::npos)
      refuse(std::string("unterminated ") + what);
    line += static_cast<std::size_t>(std::count(payload.begin() + static_cast<std::ptrdiff_t>(pos),
                                                payload.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    pos = at + until.size();
  };
  const auto is_name_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':' ||
           c == '.' || c == '-';
  };
  const auto read_name = [&] {
    const std::size_t start = pos;
    while (pos < payload.size() && is_name_char(payload[pos]))
      ++pos;
    return payload.substr(start, pos - start);
  };
  const auto shown = [](std::string_view name) {
    return std::string(name.substr(0, 40)) + (name.size() > 40 ? "..." : "");
  };
  bool root_seen = false;
  while (pos < payload.size()) {
    const char c = payload[pos];
    if (c == '\n')
      ++line;
    if (c != '<') {
      ++pos;
      continue;
    }
    if (payload.compare(pos, 4, "<!--") == 0) {
      skip_past("-->", "comment");
    } else if (payload.compare(pos, 2, "<?") == 0) {
      skip_past("?>", "processing instruction");
    } else if (payload.compare(pos, 2, "<!") == 0) {
      skip_past(">", "declaration");
    } else if (payload.compare(pos, 2, "</") == 0) {
      pos += 2;
      const std::string_view name = read_name();
      while (pos < payload.size() &&
             (payload[pos] == ' ' || payload[pos] == '\t' || payload[pos] == '\r' || payload[pos] == '\n'))
        line += payload[pos++] == '\n' ? 1 : 0;
      if (pos >= payload.size() || payload[pos] != '>')
        refuse("malformed end tag </" + shown(name) + ">");
      ++pos;
      if (open.empty())
        refuse("end tag </" + shown(name) + "> closes nothing");
      if (open.back() != name)
        refuse("end tag </" + shown(name) + "> where <" + std::string(open.back()) + "> must be closed");
      open.pop_back();
    } else {
      ++pos;
      const std::string_view name = read_name();
      if (name.empty())
        refuse("a '<' that starts no tag");
      if (std::find(xml_elements.begin(), xml_elements.end(), name) == xml_elements.end())
        refuse("<" + shown(name) + "> is not an element orgraph writes");
      if (open.empty() && root_seen)
        refuse("<" + shown(name) + "> after the root element");
      char quote = '\0';
      for (;;) { // the attributes, up to '>' or "/>"; quoted values may hold anything
        if (pos >= payload.size())
          refuse("unterminated tag <" + shown(name) + ">");
        const char d = payload[pos++];
        if (d == '\n')
          ++line;
        if (quote != '\0') {
          if (d == quote)
            quote = '\0';
        } else if (d == '"' || d == '\'') {
          quote = d;
        } else if (d == '<') {
          refuse("unterminated tag <" + shown(name) + ">");
        } else if (d == '>') {
          const bool empty_element = payload[pos - 2] == '/';
          if (!empty_element) {
            if (open.size() == xml_max_depth)
              refuse("elements nested deeper than " + std::to_string(xml_max_depth) + " levels");
            open.push_back(name);
          }
          root_seen = true;
          break;
        }
      }
    }
  }
  if (!open.empty())
    refuse("<" + std::string(open.back()) + "> is never closed (the payload ends first)");
  if (!root_seen)
    refuse("no elements");
}

template <class IArchive, class Payload = payload>
model read_payload(std::string_view bytes, const std::string& source, std::uint32_t version) {
  unsigned flags = 0;
  if constexpr (std::is_same_v<IArchive, boost::archive::binary_iarchive>) {
    check_binary_header(bytes, source);
  } else if constexpr (std::is_same_v<IArchive, boost::archive::text_iarchive>) {
    check_text_header(bytes, source);
  } else {
    check_xml_structure(bytes, source);
    flags = boost::archive::no_xml_tag_checking; // Boost's own check is the faulty one, see above
  }
  view_buffer buffer(bytes.data(), bytes.size());
  std::istream in(&buffer);
  IArchive ar(in, flags);
  Payload p(load_context{&buffer, source, version});
  ar >> boost::serialization::make_nvp("orgraph", p);
  return p.take();
}

} // namespace

bool looks_like_archive(std::string_view bytes) noexcept {
  return bytes.size() >= magic.size() && std::memcmp(bytes.data(), magic.data(), magic.size()) == 0;
}

archive_info inspect_archive(std::string_view bytes, std::string_view source_name) {
  const std::string source(source_name);
  const auto fail = [&](const std::string& why) { throw archive_error(source, why); };
  if (bytes.empty())
    fail("not an orgraph archive: the file is empty");
  const std::size_t probe = std::min(bytes.size(), magic.size());
  if (std::memcmp(bytes.data(), magic.data(), probe) != 0)
    fail("not an orgraph archive: it does not start with the ORGRAPH magic");
  if (bytes.size() < header_size)
    fail("truncated: " + std::to_string(bytes.size()) + " bytes, shorter than the " + std::to_string(header_size) +
         "-byte envelope");
  archive_info info;
  info.envelope_version = get<std::uint16_t>(bytes, 8);
  if (info.envelope_version > archive_envelope_version)
    fail("written by a newer orgraph: envelope version " + std::to_string(info.envelope_version) +
         ", this one reads up to " + std::to_string(archive_envelope_version));
  if (get<std::uint32_t>(bytes, 28) != crc32(bytes.data(), 28))
    fail("damaged envelope: header checksum mismatch");
  if (info.envelope_version == 0)
    fail("damaged envelope: envelope version 0");
  const auto kind = get<std::uint8_t>(bytes, 10);
  if (kind >= kind_names.size())
    fail("unknown archive kind " + std::to_string(kind));
  info.kind = static_cast<archive_kind>(kind);
  info.payload_version = get<std::uint32_t>(bytes, 12);
  if (info.payload_version > archive_payload_version)
    fail("written by a newer orgraph: payload version " + std::to_string(info.payload_version) +
         ", this one reads up to " + std::to_string(archive_payload_version));
  info.payload_size = get<std::uint64_t>(bytes, 16);
  const std::uint64_t present = bytes.size() - header_size;
  if (info.payload_size > present)
    fail("truncated: the envelope announces " + std::to_string(info.payload_size) + " bytes of payload, " +
         std::to_string(present) + " are present");
  if (info.payload_size < present)
    fail("damaged: " + std::to_string(present - info.payload_size) + " unexpected bytes after the payload");
  info.crc32 = get<std::uint32_t>(bytes, 24);
  if (info.crc32 != crc32(bytes.data() + header_size, static_cast<std::size_t>(info.payload_size)))
    fail("checksum mismatch: the payload is damaged");
  return info;
}

std::string to_archive(const model& m, archive_kind kind) {
  // Binary archives hold columns; text and XML, meant to be read, hold records. Both of version 3.
  constexpr std::uint32_t version = archive_payload_version;
  switch (kind) {
  case archive_kind::binary:
    return envelope(kind, write_payload<boost::archive::binary_oarchive, columns_payload>(m), version);
  case archive_kind::text: return envelope(kind, write_payload<boost::archive::text_oarchive>(m), version);
  case archive_kind::xml: return envelope(kind, write_payload<boost::archive::xml_oarchive>(m), version);
  }
  throw error("to_archive: unknown archive kind " + std::to_string(static_cast<int>(kind)));
}

model from_archive(std::string_view bytes, std::string_view source_name) {
  const std::string source(source_name);
  const archive_info info = inspect_archive(bytes, source_name);
  const std::string_view body = bytes.substr(header_size);
  const auto too_big = [&] {
    return "cannot decode the " + std::string(to_string(info.kind)) +
           " payload: the archive asks for more memory than its size allows";
  };
  try {
    switch (info.kind) {
    case archive_kind::binary: // version 1 records; 2 columns without areas and terms; 3 columns
      if (info.payload_version >= 2)
        return read_payload<boost::archive::binary_iarchive, columns_payload>(body, source, info.payload_version);
      return read_payload<boost::archive::binary_iarchive>(body, source, info.payload_version);
    case archive_kind::text: // version 1 records; 3 records with areas and terms (2 was binary only)
    case archive_kind::xml:
      if (info.payload_version == 2)
        throw archive_error(source, "damaged envelope: payload version 2 is for binary archives only");
      return info.kind == archive_kind::text
                 ? read_payload<boost::archive::text_iarchive>(body, source, info.payload_version)
                 : read_payload<boost::archive::xml_iarchive>(body, source, info.payload_version);
    }
  } catch (const archive_error&) {
    throw;
  } catch (const error& e) {
    throw archive_error(source, std::string("the payload is not a valid model: ") + e.what());
  } catch (const boost::archive::archive_exception& e) {
    throw archive_error(source, std::string("cannot decode the ") + std::string(to_string(info.kind)) +
                                    " payload: " + e.what());
  } catch (const std::bad_alloc&) {
    // Every count is checked against the bytes before anything is allocated, so a shortage here is
    // the machine's (a low ulimit -v, say), not the archive's: say so instead of blaming the file.
    throw resource_error(source, "out of memory while loading " + source);
  } catch (const std::length_error&) { // the checks should make this impossible; if not, say what it means
    throw archive_error(source, too_big());
  } catch (const std::exception& e) {
    throw archive_error(source, std::string("cannot decode the payload: ") + e.what());
  }
  throw archive_error(source, "unknown archive kind");
}

model load_archive(const std::filesystem::path& file) {
  const std::string bytes = detail::memory_checked( // the envelope bounds the rest
      file.string(), [&] { return read_file(file, std::numeric_limits<std::uint64_t>::max()); });
  return from_archive(bytes, file.string());
}

void save_archive(const model& m, const std::filesystem::path& file, archive_kind kind) {
  write_file_atomically(file, to_archive(m, kind)); // docs/reliability.md, "Saving files"
}

} // namespace orgraph
