// Streams a JSON document through Boost.JSON's SAX parser into compact records (json_records.hpp); the
// model is built from them once the document has ended (json_build.cpp). Nothing holds the whole text or
// a DOM: keys the format does not use are skipped, however large or deep their values.

#include "json_reader.hpp"

#include <orgraph/error.hpp>

#include "json_handler.hpp"
#include "json_records.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/error.hpp>
#include <boost/json/parse_options.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

namespace json = boost::json;

namespace orgraph::detail {

using namespace json_reading;

struct json_stream::impl {
  impl(std::string name, const load_options& options)
      : file(std::move(name)), limits(options), parser(parse_options(options), doc, file, limits) {}

  static json::parse_options parse_options(const load_options& limits) {
    json::parse_options o;
    o.max_depth = limits.max_depth; // Popolo needs a handful of levels; deeper input is hostile or broken
    return o;
  }

  // Throws the syntax error `ec` at `used` bytes into `data`, the current piece (or at the end).
  [[noreturn]] void fail(const char* data, std::size_t used, json::error_code ec, std::size_t size = 0) const {
    std::size_t line = lines, start = line_start;
    for (const char* p = data; p != nullptr && p < data + used;) {
      const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(data + used - p)));
      if (nl == nullptr)
        break;
      ++line;
      start = consumed + static_cast<std::size_t>(nl - data) + 1;
      p = nl + 1;
    }
    std::string why = "malformed JSON: " + ec.message();
    if (ec == json::error::too_deep)
      why += " (deeper than " + std::to_string(limits.max_depth) + " levels, load_options::max_depth)";
    std::size_t next = used; // the text after a complete value: another object or array is JSON Lines
    while (next < size && (data[next] == ' ' || data[next] == '\t' || data[next] == '\r' || data[next] == '\n'))
      ++next;
    if (ec == json::error::extra_data && next < size && (data[next] == '{' || data[next] == '['))
      why = "JSON Lines (one JSON value a line), not one JSON document: load_json reads orgraph and Popolo JSON, "
            "and orgraph reads JSON Lines only for the GOV.UK organisations list (load_govuk_organisations)";
    throw parse_error(file, line + 1, consumed + used - start + 1, why);
  }

  std::string file;
  load_options limits;
  document doc;
  json::basic_parser<handler> parser;
  std::size_t consumed = 0;   // bytes fed so far
  std::size_t lines = 0;      // line breaks among them
  std::size_t line_start = 0; // offset of the first byte after the last line break
};

json_stream::json_stream(std::string source_name, const load_options& limits)
    : impl_(std::make_unique<impl>(std::move(source_name), limits)) {}

json_stream::~json_stream() = default;

void json_stream::feed(const char* data, std::size_t size) {
  if (size == 0)
    return;
  impl& s = *impl_;
  json::error_code ec;
  const std::size_t used = s.parser.write_some(true, data, size, ec);
  if (!ec && used < size)
    ec = json::make_error_code(json::error::extra_data);
  if (ec)
    s.fail(data, used, ec, size); // another object or array after the first is named as JSON Lines
  // Line breaks are counted now, a piece at a time, so that an error needs no second pass over the text.
  for (const char* p = data; p < data + size;) {
    const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(data + size - p)));
    if (nl == nullptr)
      break;
    ++s.lines;
    s.line_start = s.consumed + static_cast<std::size_t>(nl - data) + 1;
    p = nl + 1;
  }
  s.consumed += size;
}

model json_stream::finish() {
  impl& s = *impl_;
  json::error_code ec;
  s.parser.write_some(false, nullptr, 0, ec);
  if (ec)
    s.fail(nullptr, 0, ec);
  s.parser.handler().resolve_ids();
  return build_model(s.doc, s.file, s.limits);
}

model parse_json_in_chunks(std::string_view text, std::string_view source_name, const load_options& limits,
                           std::size_t chunk) {
  json_stream stream{std::string(source_name), limits};
  for (std::size_t at = 0; at < text.size(); at += chunk)
    stream.feed(text.data() + at, std::min(chunk, text.size() - at));
  return stream.finish();
}

namespace {

// Whether a piece of input may end just before `p` (at least 12 bytes in): not inside an escape
// sequence (a surrogate pair is 12 bytes) nor a UTF-8 sequence. Boost.JSON reports an error in a sequence
// cut in two at a different place, sometimes with a different message, than in one it sees whole.
bool can_cut(const char* b, std::size_t p) noexcept {
  if (std::memchr(b + p - 12, '\\', 12) != nullptr)
    return false;
  const auto byte = [b](std::size_t i) { return static_cast<unsigned char>(b[i]); };
  if (byte(p - 1) < 0x80)
    return true;
  std::size_t lead = p - 1;
  while (lead > p - 4 && (byte(lead) & 0xC0) == 0x80)
    --lead;
  const unsigned char c = byte(lead);
  const std::size_t length = c >= 0xF8 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  return length != 0 && p - lead == length;
}

// Where to end a piece of `size` bytes: the last place that can_cut, looking back a little; else the end.
std::size_t cut_point(const char* b, std::size_t size) noexcept {
  const std::size_t lowest = size - std::min<std::size_t>(256, size / 2);
  for (std::size_t p = size; p >= lowest && p >= 12; --p)
    if (can_cut(b, p))
      return p;
  return size;
}

} // namespace

model read_json_file(std::FILE* file, const std::string& path, const load_options& limits, std::size_t chunk) {
  json_stream stream{path, limits};
  const std::unique_ptr<char[]> buffer(new char[chunk]);
  std::uint64_t total = 0;
  std::size_t kept = 0; // bytes at the start of the buffer, the end of the last read, not fed yet
  for (;;) {
    errno = 0;
    const std::size_t want = chunk - kept;
    const std::size_t n = std::fread(buffer.get() + kept, 1, want, file);
    if (n < want && std::ferror(file)) {
      const int why = errno;
      throw file_error(path, std::string("cannot read: ") + (why != 0 ? std::strerror(why) : "read error"));
    }
    total += n;
    // The size was checked before opening, but a file can grow, and a pipe has no size.
    if (total > limits.max_file_size)
      throw parse_error(path, 0, 0,
                        "the file has more than " + std::to_string(limits.max_file_size) +
                            " bytes, the limit (load_options::max_file_size)");
    const bool at_end = n < want; // fread returns short only at the end or on an error, checked above
    const std::size_t have = kept + n;
    const std::size_t cut = at_end ? have : cut_point(buffer.get(), have);
    stream.feed(buffer.get(), cut);
    kept = have - cut;
    std::memmove(buffer.get(), buffer.get() + cut, kept);
    if (at_end)
      break;
  }
  return stream.finish();
}

} // namespace orgraph::detail
