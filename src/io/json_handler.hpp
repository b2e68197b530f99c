#pragma once
// Internal to json_reader.cpp, its only user: the SAX handler that files a document's values into the
// records of json_records.hpp as Boost.JSON's parser reports them. In a header of its own for size;
// its functions are defined in the class so that the parser's calls to them inline.

#include <orgraph/error.hpp>
#include <orgraph/io/load_options.hpp>

#include "json_records.hpp"

#include <boost/json/error.hpp>
#include <boost/json/string_view.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph::detail::json_reading {

namespace json = boost::json;

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
      doc_.known_key = doc_.known_key || top_key_ >= 0;
      if (top_key_ < 0 && doc_.other_keys.size() < 8 && !key_long_)
        doc_.other_keys.emplace_back(k);
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
    if (holds_nodes(section_))
      nodes_ -= s.records.size();
    else if (holds_relations(section_))
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
    if (holds_nodes(section_) && ++nodes_ > limits_.max_nodes)
      too_many("nodes", limits_.max_nodes, "load_options::max_nodes");
    if (holds_relations(section_) && ++relations_ > limits_.max_relations)
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
  std::size_t skip_ = 0;      // how deep inside a value being skipped; 0 when not skipping
  int top_key_ = -1;          // the array the current top-level key names, or -1
  std::size_t section_ = 0;   // the array being read
  field field_ = field::none; // the current record's current key
  std::uint32_t* record_ = nullptr;
  std::size_t nodes_ = 0, relations_ = 0;
  std::string key_, text_, lang_text_;
  bool key_long_ = false;
  std::vector<language> languages_;
  std::array<waiting_id, wait_size> wait_;
  std::size_t first_waiting_ = 0, waiting_ = 0;
};

} // namespace orgraph::detail::json_reading
