// Streams a JSON document through Boost.JSON's SAX parser into compact records (json_records.hpp); the
// model is built from them once the document has ended (json_build.cpp). Nothing holds the whole text or
// a DOM: keys the format does not use are skipped, however large or deep their values.

#include "json_reader.hpp"
#include "json_records.hpp"

#include <orgraph/error.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/error.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/json/value.hpp>

#include <array>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

namespace json = boost::json;

namespace orgraph::detail {

namespace json_reading {

namespace {

enum class value_kind : std::uint8_t { object, array, text, scalar, null };

// Where the parser is in the document. Only these levels matter; anything deeper is skipped.
enum class where : std::uint8_t { document, top, section_array, record, languages, list, done };

/// The SAX handler: follows the document's structure and files each value the reader uses into the
/// document's records as it arrives. It throws only for a passed limit and for std::bad_alloc.
class handler {
public:
  // As Boost.JSON's own DOM parser, so that the same inputs are refused for size.
  static constexpr std::size_t max_object_size = json::object::max_size();
  static constexpr std::size_t max_array_size = json::array::max_size();
  static constexpr std::size_t max_key_size = json::string::max_size();
  static constexpr std::size_t max_string_size = json::string::max_size();

  handler(document& doc, const std::string& file, const load_options& limits)
      : doc_(doc), file_(file), limits_(limits) {}

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) {
    resolve_ids();
    return true;
  }
  bool on_object_begin(json::error_code&) { return value(value_kind::object, {}); }
  bool on_array_begin(json::error_code&) { return value(value_kind::array, {}); }
  bool on_object_end(std::size_t, json::error_code&) { return end(); }
  bool on_array_end(std::size_t, json::error_code&) { return end(); }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) { return key_part(s); }
  bool on_key(json::string_view s, std::size_t, json::error_code&) { return key_part(s) && key(); }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    if (skip_ == 0 && wants_text())
      text_.append(s.data(), s.size());
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code&) {
    if (skip_ != 0 || text_.empty())
      return value(value_kind::text, {s.data(), s.size()});
    text_.append(s.data(), s.size());
    value(value_kind::text, text_);
    release(text_);
    return true;
  }
  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(std::int64_t, json::string_view, json::error_code&) { return value(value_kind::scalar, {}); }
  bool on_uint64(std::uint64_t, json::string_view, json::error_code&) { return value(value_kind::scalar, {}); }
  bool on_double(double, json::string_view, json::error_code&) { return value(value_kind::scalar, {}); }
  bool on_bool(bool, json::error_code&) { return value(value_kind::scalar, {}); }
  bool on_null(json::error_code&) { return value(value_kind::null, {}); }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

  /// Look up every id still waiting (see defer_id).
  void resolve_ids() {
    while (waiting_ != 0)
      resolve_one();
  }

private:
  // An id waiting to be looked up: where it goes, its hash, its text.
  struct waiting_id {
    std::uint32_t* slot = nullptr;
    std::uint64_t hash = 0;
    std::string text;
  };
  static constexpr std::size_t wait_size = 16;

  // Ids wait a few values before they are looked up while their slot of the table is fetched: the table
  // is larger than any cache, and waiting for memory was most of the reading's time. The slots they go to
  // are in blocks that do not move; a section is cleared, and a slot marked, only once none is waiting.
  void defer_id(std::uint32_t* slot, std::string_view text) {
    if (waiting_ == wait_size)
      resolve_one();
    waiting_id& w = wait_[(first_waiting_ + waiting_) % wait_size];
    w.slot = slot;
    w.hash = hash_text(text);
    w.text.assign(text);
    doc_.ids.prefetch(w.hash);
    ++waiting_;
  }
  void resolve_one() {
    waiting_id& w = wait_[first_waiting_];
    *w.slot = doc_.ids.intern(w.text, w.hash);
    release(w.text);
    first_waiting_ = (first_waiting_ + 1) % wait_size;
    --waiting_;
  }

  // A language map's entry ({"lang:en": "..."}): its key and, if it is text, its value, in lang_text_.
  struct language {
    std::size_t key = 0, key_size = 0, value = 0, value_size = 0;
    bool is_text = false;
  };

  // A scratch buffer that once held something huge gives its memory back.
  static void release(std::string& s) {
    if (s.capacity() > (std::size_t{1} << 16))
      std::string().swap(s);
    else
      s.clear();
  }

  [[nodiscard]] const layout& current_layout() const noexcept { return layouts[section_]; }
  [[nodiscard]] std::int8_t slot() const noexcept { return current_layout().slot[static_cast<std::size_t>(field_)]; }
  [[nodiscard]] slot_kind kind() const noexcept { return current_layout().kind[static_cast<std::size_t>(field_)]; }

  [[nodiscard]] bool wants_text() const noexcept {
    return (where_ == where::record && field_ != field::none && kind() != slot_kind::list) ||
           where_ == where::languages || where_ == where::list;
  }

  void skip(value_kind k) noexcept {
    if (k == value_kind::object || k == value_kind::array)
      skip_ = 1;
  }

  // A value begins (objects, arrays) or arrives whole (the rest) at the current place.
  bool value(value_kind k, std::string_view text) {
    if (skip_ != 0) {
      if (k == value_kind::object || k == value_kind::array)
        ++skip_;
      return true;
    }
    switch (where_) {
    case where::document:
      if (k == value_kind::object) {
        where_ = where::top;
      } else {
        doc_.top_not_object = true;
        skip(k);
      }
      break;
    case where::top: top_value(k); break;
    case where::section_array: element(k); break;
    case where::record: field_value(k, text); break;
    case where::languages:
      languages_.back().is_text = k == value_kind::text;
      if (k == value_kind::text) {
        languages_.back().value = lang_text_.size();
        languages_.back().value_size = text.size();
        lang_text_.append(text);
      }
      skip(k);
      break;
    case where::list: list_element(k, text); break;
    case where::done: break;
    }
    return true;
  }

  bool end() {
    if (skip_ != 0) {
      --skip_;
      return true;
    }
    switch (where_) {
    case where::top: where_ = where::done; break;
    case where::section_array: where_ = where::top; break;
    case where::record: where_ = where::section_array; break;
    case where::languages:
      end_languages();
      where_ = where::record;
      break;
    case where::list: where_ = where::record; break;
    case where::document:
    case where::done: break;
    }
    return true;
  }

  bool key_part(json::string_view s) {
    if (skip_ != 0)
      return true;
    // Only a language map's keys are kept whole; any other key longer than every known one is unknown.
    if (where_ == where::languages || key_.size() + s.size() <= 32)
      key_.append(s.data(), s.size());
    else
      key_long_ = true;
    return true;
  }

  bool key() {
    if (skip_ != 0)
      return true;
    const std::string_view k = key_long_ ? std::string_view() : std::string_view(key_);
    if (where_ == where::top) {
      top_key_ = section_of(k);
    } else if (where_ == where::record) {
      field_ = field_of(k);
      if (field_ != field::none && slot() < 0)
        field_ = field::none;
    } else if (where_ == where::languages) {
      language l;
      l.key = lang_text_.size();
      l.key_size = k.size();
      lang_text_.append(k);
      languages_.push_back(l);
    }
    release(key_);
    key_long_ = false;
    return true;
  }

  // The value of a top-level key: an array of records, or anything else.
  void top_value(value_kind k) {
    if (top_key_ < 0) {
      skip(k);
      return;
    }
    // A key given twice counts as its last value, as a DOM would keep it.
    section_ = static_cast<std::size_t>(top_key_);
    resolve_ids(); // before a section given twice is cleared
    section_data& s = doc_.sections[section_];
    if (section_ < 4)
      nodes_ -= s.records.size();
    else if (section_ < 6)
      relations_ -= s.records.size();
    s.records.clear();
    if (k == value_kind::array) {
      s.st = section_data::state::array;
      where_ = where::section_array;
    } else {
      s.st = k == value_kind::null ? section_data::state::missing : section_data::state::wrong_type;
      skip(k);
    }
  }

  // An element of a top-level array: a record, which must be an object.
  void element(value_kind k) {
    if (section_ < 4 && ++nodes_ > limits_.max_nodes)
      too_many("nodes", limits_.max_nodes, "load_options::max_nodes");
    if (section_ >= 4 && section_ < 6 && ++relations_ > limits_.max_relations)
      too_many("relations and memberships", limits_.max_relations, "load_options::max_relations");
    record_ = doc_.sections[section_].records.add();
    if (k == value_kind::object) {
      where_ = where::record;
    } else {
      record_[0] = not_object;
      skip(k);
    }
  }

  [[noreturn]] void too_many(const char* what, std::size_t limit, const char* option) const {
    const std::size_t i = doc_.sections[section_].records.size();
    throw parse_error(file_, 0, 0,
                      std::string(section_names[section_]) + "[" + std::to_string(i) + "]: more than the limit of " +
                          std::to_string(limit) + " " + what + " (" + option + ")");
  }

  void field_value(value_kind k, std::string_view text) {
    if (field_ == field::none) {
      skip(k);
      return;
    }
    if (kind() == slot_kind::list) {
      if (k == value_kind::array) {
        record_[slot()] = static_cast<std::uint32_t>(std::min<std::size_t>(doc_.lists.size(), max_handle));
        record_[slot() + 1] = 0;
        where_ = where::list;
      } else {
        mark(k == value_kind::null ? absent : wrong_type);
        skip(k);
      }
      return;
    }
    switch (k) {
    case value_kind::text: store(text, true); break;
    case value_kind::null: mark(absent); break;
    case value_kind::object: // perhaps a language map, as Popolo writes names
      languages_.clear();
      release(lang_text_);
      where_ = where::languages;
      break;
    case value_kind::array:
    case value_kind::scalar:
      mark(wrong_type);
      skip(k);
      break;
    }
  }

  void list_element(value_kind k, std::string_view text) {
    std::uint32_t& count = record_[slot() + 1];
    if (k == value_kind::text && count != wrong_type) {
      doc_.lists.push_back(doc_.symbols.intern(text));
      ++count;
    } else if (k != value_kind::text) {
      count = wrong_type;
      skip(k);
    }
  }

  // A language map ends: English if it is text, else the first text, as the DOM reader chose. A key
  // given twice keeps its first place and its last value, as in Boost.JSON's objects.
  void end_languages() {
    const auto key_of = [this](const language& l) { return std::string_view(lang_text_).substr(l.key, l.key_size); };
    const language* chosen = nullptr;
    for (const language& l : languages_)
      if (key_of(l) == "lang:en")
        chosen = &l;
    if (chosen == nullptr || !chosen->is_text) {
      chosen = nullptr;
      std::vector<std::size_t> order(languages_.size());
      for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return key_of(languages_[a]) < key_of(languages_[b]); });
      std::size_t first_place = order.size();
      for (std::size_t g = 0; g < order.size();) {
        std::size_t e = g + 1;
        while (e < order.size() && key_of(languages_[order[e]]) == key_of(languages_[order[g]]))
          ++e;
        const language& last = languages_[order[e - 1]];
        if (last.is_text && order[g] < first_place) {
          first_place = order[g];
          chosen = &last;
        }
        g = e;
      }
    }
    if (chosen != nullptr)
      store(std::string_view(lang_text_).substr(chosen->value, chosen->value_size), false);
    else
      mark(wrong_type);
  }

  // Text for the current field; `plain` when it was a JSON string rather than a language map.
  void store(std::string_view text, bool plain) {
    const std::int8_t at = slot();
    std::uint32_t* r = record_;
    switch (kind()) {
    case slot_kind::ref:
      if (text.empty()) {
        resolve_ids();
        r[at] = absent;
      } else {
        defer_id(r + at, text);
      }
      break;
    case slot_kind::symbol: r[at] = text.empty() ? absent : doc_.symbols.intern(text); break;
    case slot_kind::text:
      if (text.empty()) {
        r[at + 1] = absent;
      } else {
        const text_ref t = doc_.texts.add(text);
        r[at] = t.offset;
        r[at + 1] = t.size;
      }
      break;
    case slot_kind::date:
      if (text.empty()) {
        r[at] = absent;
      } else if (!quick_date(text, r[at])) {
        r[at] = unparsed_date | static_cast<std::uint32_t>(std::min<std::size_t>(doc_.date_texts.size(), 0x7ffffff0u));
        doc_.date_texts.push_back(doc_.texts.add(text));
      }
      break;
    case slot_kind::list:
    case slot_kind::flag:
    case slot_kind::none: break;
    }
    if (section_ == static_cast<std::size_t>(section::decisions) && field_ == field::id)
      r[current_layout().slot[static_cast<std::size_t>(field::plain_id)]] = plain && !text.empty() ? 1 : absent;
  }

  // Null (`absent`) or a value of the wrong type for the current field.
  void mark(std::uint32_t what) {
    resolve_ids(); // a waiting id may be bound for this slot
    const slot_kind k = kind();
    record_[slot() + (k == slot_kind::text || k == slot_kind::list ? 1 : 0)] = what;
    if (section_ == static_cast<std::size_t>(section::decisions) && field_ == field::id)
      record_[current_layout().slot[static_cast<std::size_t>(field::plain_id)]] = absent;
  }

  document& doc_;
  const std::string& file_;
  const load_options& limits_;
  where where_ = where::document;
  std::size_t skip_ = 0;     // how deep inside a value being skipped; 0 when not skipping
  int top_key_ = -1;         // the array the current top-level key names, or -1
  std::size_t section_ = 0;  // the array being read
  field field_ = field::none; // the current record's current key
  std::uint32_t* record_ = nullptr;
  std::size_t nodes_ = 0, relations_ = 0;
  std::string key_, text_, lang_text_;
  bool key_long_ = false;
  std::vector<language> languages_;
  std::array<waiting_id, wait_size> wait_;
  std::size_t first_waiting_ = 0, waiting_ = 0;
};

} // namespace

} // namespace json_reading

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
  [[noreturn]] void fail(const char* data, std::size_t used, json::error_code ec) const {
    std::size_t line = lines, start = line_start;
    for (const char* p = data; p != nullptr && p < data + used;) {
      const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(data + used - p)));
      if (nl == nullptr)
        break;
      ++line;
      start = consumed + static_cast<std::size_t>(nl - data) + 1;
      p = nl + 1;
    }
    std::string why = ec.message();
    if (ec == json::error::too_deep)
      why += " (deeper than " + std::to_string(limits.max_depth) + " levels, load_options::max_depth)";
    throw parse_error(file, line + 1, consumed + used - start + 1, "malformed JSON: " + why);
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
    s.fail(data, used, ec);
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
  return build_model(s.doc, s.file);
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
