#pragma once
// Internal to the JSON reader: the compact form records wait in until the document has ended.
// json_reader.cpp streams a document into a `document`, json_build.cpp builds the model from it. Records
// are kept because the top-level keys may come in any order and records refer to ids defined anywhere.

#include <orgraph/detail/text.hpp>
#include <orgraph/error.hpp>
#include <orgraph/io/load_options.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/time/date.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orgraph::detail::json_reading {

// What a 32-bit slot holds instead of a value. Ids, symbols and offsets stay below all three.
inline constexpr std::uint32_t absent = 0xffffffffu;     // missing, null or "": the reader treats them alike
inline constexpr std::uint32_t wrong_type = 0xfffffffeu; // neither text nor a language map holding text
inline constexpr std::uint32_t not_object = 0xfffffffdu; // in a record's first slot: the element is no object
inline constexpr std::uint32_t max_handle = 0xfffffff0u;
inline constexpr std::uint32_t unparsed_date = 0x80000000u; // in a date slot: the rest indexes date_texts

/// Append-only storage in blocks that never move: growing copies nothing and wastes at most one block.
template <class T> class block_vector {
public:
  void push_back(const T& v) {
    if (size_ == blocks_.size() * block_size)
      blocks_.push_back(std::unique_ptr<T[]>(new T[block_size]));
    blocks_.back()[size_ % block_size] = v;
    ++size_;
  }
  [[nodiscard]] const T& operator[](std::size_t i) const noexcept { return blocks_[i / block_size][i % block_size]; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  void clear() noexcept {
    std::vector<std::unique_ptr<T[]>>().swap(blocks_);
    size_ = 0;
  }

private:
  static constexpr std::size_t block_size = std::size_t{1} << 14;
  std::vector<std::unique_ptr<T[]>> blocks_;
  std::size_t size_ = 0;
};

/// Fixed-size records of 32-bit slots, kept in blocks as block_vector keeps its elements.
class record_store {
public:
  explicit record_store(std::uint32_t stride = 1) : stride_(stride) {}
  /// A new record, every slot `absent`.
  std::uint32_t* add() {
    if (size_ == blocks_.size() << block_bits)
      blocks_.push_back(std::unique_ptr<std::uint32_t[]>(new std::uint32_t[stride_ << block_bits]));
    std::uint32_t* r = at(size_);
    std::fill_n(r, stride_, absent);
    ++size_;
    return r;
  }
  [[nodiscard]] const std::uint32_t* operator[](std::size_t i) const noexcept { return at(i); }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  void clear() noexcept {
    std::vector<std::unique_ptr<std::uint32_t[]>>().swap(blocks_);
    size_ = 0;
  }

private:
  static constexpr unsigned block_bits = 12;
  [[nodiscard]] std::uint32_t* at(std::size_t i) const noexcept {
    return blocks_[i >> block_bits].get() + (i & ((std::size_t{1} << block_bits) - 1)) * stride_;
  }
  std::uint32_t stride_;
  std::vector<std::unique_ptr<std::uint32_t[]>> blocks_;
  std::size_t size_ = 0;
};

/// Texts one after another in 1 MiB units that never move; a text longer than a unit gets units of its own.
class text_store {
public:
  text_ref add(std::string_view s) { return add(s, 0); }
  /// Add `s` and leave room for `more` bytes right after it, in the same unit.
  text_ref add(std::string_view s, std::size_t more) {
    constexpr std::uint64_t unit = std::uint64_t{1} << unit_bits;
    const std::uint64_t size = s.size() + std::uint64_t{more};
    if (size > (units_.size() << unit_bits) - used_) {
      const std::uint64_t count = std::max<std::uint64_t>(1, (size + unit - 1) >> unit_bits);
      if (((units_.size() + count) << unit_bits) > std::uint64_t{1} << 32)
        throw model_error("a model holds at most 4 GiB of ids and names");
      owned_.reserve(owned_.size() + 1);
      units_.reserve(units_.size() + count);
      owned_.push_back(std::unique_ptr<char[]>(new char[std::max<std::uint64_t>(size, unit)]));
      used_ = units_.size() << unit_bits;
      for (std::uint64_t i = 0; i < count; ++i)
        units_.push_back(owned_.back().get() + (i << unit_bits));
    }
    const text_ref r{static_cast<std::uint32_t>(used_), static_cast<std::uint32_t>(s.size())};
    if (!s.empty())
      std::memcpy(units_[used_ >> unit_bits] + (used_ & (unit - 1)), s.data(), s.size());
    // A text of several units ends inside memory sized to it: the next text starts on a fresh unit.
    used_ = size > unit ? units_.size() << unit_bits : used_ + size;
    return r;
  }
  /// Add `s` after two 32-bit numbers, all in one unit; the reference is to `s`.
  text_ref add_after(std::string_view s, std::uint32_t a, std::uint32_t b) {
    char header[8];
    std::memcpy(header, &a, 4);
    std::memcpy(header + 4, &b, 4);
    const text_ref r = add(std::string_view(header, 8), s.size());
    if (!s.empty())
      std::memcpy(const_cast<char*>(at(r.offset + 8)), s.data(), s.size()); // the store's own memory
    return {r.offset + 8, static_cast<std::uint32_t>(s.size())};
  }
  [[nodiscard]] const char* at(std::uint32_t offset) const noexcept {
    return units_[offset >> unit_bits] + (offset & ((std::uint32_t{1} << unit_bits) - 1));
  }
  [[nodiscard]] std::string_view view(text_ref r) const noexcept {
    if (r.size == 0)
      return {};
    return {units_[r.offset >> unit_bits] + (r.offset & ((std::uint32_t{1} << unit_bits) - 1)), r.size};
  }

private:
  static constexpr unsigned unit_bits = 20;
  std::vector<std::unique_ptr<char[]>> owned_;
  std::vector<char*> units_; // unit i of the offsets, inside one of owned_
  std::uint64_t used_ = 0;
};

/// A hash of a text, its high bits well mixed (they place it in an interner and tell texts apart).
[[nodiscard]] std::uint64_t hash_text(std::string_view s) noexcept;

/// Distinct texts, each stored once and named by its index, in the order first seen. A slot keeps the
/// high half of its text's hash, which also places it, and where the text is; the text is stored after
/// its size and index. A lookup compares texts only when those 32 bits agree, and then finds all it
/// needs in one place: a miss on the table and one on the text, where a table of indices would add a third.
class interner {
public:
  std::uint32_t intern(std::string_view s) { return intern(s, hash_text(s)); }
  /// intern(s) for `hash` = hash_text(s).
  std::uint32_t intern(std::string_view s, std::uint64_t hash) {
    if ((refs_.size() + 1) * 10 > slots_.size() * 7)
      grow();
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = tag >> shift_;; i = (i + 1) & mask) {
      slot& at = slots_[i];
      if (at.tag == tag && at.entry != absent) {
        const char* e = entries_.at(at.entry);
        std::uint32_t size, handle;
        std::memcpy(&size, e, 4);
        if (size == s.size() && std::memcmp(e + 8, s.data(), s.size()) == 0) {
          std::memcpy(&handle, e + 4, 4);
          return handle;
        }
      } else if (at.entry == absent) {
        return add(at, tag, s);
      }
    }
  }
  /// Start fetching the slot where a lookup of the text with that hash begins.
  void prefetch(std::uint64_t hash) const noexcept {
#if defined(__GNUC__)
    if (!slots_.empty())
      __builtin_prefetch(&slots_[static_cast<std::uint32_t>(hash >> 32) >> shift_]);
#else
    (void)hash;
#endif
  }
  /// Where the text of `handle` is.
  [[nodiscard]] text_ref operator[](std::uint32_t handle) const noexcept { return refs_[handle]; }
  [[nodiscard]] std::string_view text(std::uint32_t handle) const noexcept { return entries_.view(refs_[handle]); }
  [[nodiscard]] std::size_t size() const noexcept { return refs_.size(); }

private:
  struct slot {
    std::uint32_t tag = 0;
    std::uint32_t entry = absent; // offset of the entry: size, index, text
  };
  std::uint32_t add(slot& at, std::uint32_t tag, std::string_view s) {
    if (refs_.size() >= max_handle)
      throw model_error("a model holds at most 4,294,967,280 distinct texts");
    const auto handle = static_cast<std::uint32_t>(refs_.size());
    const auto size = static_cast<std::uint32_t>(s.size());
    const text_ref r = entries_.add_after(s, size, handle);
    refs_.push_back(r);
    at = {tag, r.offset - 8};
    return handle;
  }
  void grow() {
    std::vector<slot> old(slots_.empty() ? 16 : 2 * slots_.size());
    old.swap(slots_);
    shift_ = 32;
    for (std::size_t n = slots_.size(); n > 1; n >>= 1)
      --shift_;
    const std::size_t mask = slots_.size() - 1;
    for (const slot& s : old)
      if (s.entry != absent) {
        std::size_t i = s.tag >> shift_;
        while (slots_[i].entry != absent)
          i = (i + 1) & mask;
        slots_[i] = s;
      }
  }
  std::vector<slot> slots_;
  unsigned shift_ = 32; // a tag's top log2(slots) bits are its home slot
  text_store entries_;
  block_vector<text_ref> refs_; // each handle's text, for the builder
};

// ---- which fields each array's records have, and where a record keeps them ----

enum class section : std::uint8_t { areas, organizations, posts, persons, memberships, relations, decisions, events };
inline constexpr std::size_t section_count = 8;
inline constexpr std::array<const char*, section_count> section_names{
    "areas", "organizations", "posts", "persons", "memberships", "relations", "decisions", "events"};
/// Whether an array's records are nodes (counted against load_options::max_nodes).
[[nodiscard]] constexpr bool holds_nodes(std::size_t s) noexcept {
  return s <= static_cast<std::size_t>(section::persons);
}
/// Whether an array's records are relations (counted against load_options::max_relations).
[[nodiscard]] constexpr bool holds_relations(std::size_t s) noexcept {
  return s == static_cast<std::size_t>(section::memberships) || s == static_cast<std::size_t>(section::relations);
}

/// Every key the reader uses, in any array. `plain_id` is no key: it notes that a decision's id was a plain string.
enum class field : std::uint8_t {
  id,
  name,
  label,
  classification,
  type,
  founding_date,
  dissolution_date,
  start_date,
  end_date,
  disciplines,
  parent_id,
  organization_id,
  person_id,
  post_id,
  role,
  on_behalf_of_id,
  arrangement,
  from,
  to,
  status,
  subject,
  date,
  outcome,
  to_id,
  follows,
  area_id,
  legislative_period_id,
  plain_id,
  none
};
inline constexpr std::size_t field_count = static_cast<std::size_t>(field::none);
inline constexpr std::array<const char*, field_count + 1> field_names{"id",
                                                                      "name",
                                                                      "label",
                                                                      "classification",
                                                                      "type",
                                                                      "founding_date",
                                                                      "dissolution_date",
                                                                      "start_date",
                                                                      "end_date",
                                                                      "disciplines",
                                                                      "parent_id",
                                                                      "organization_id",
                                                                      "person_id",
                                                                      "post_id",
                                                                      "role",
                                                                      "on_behalf_of_id",
                                                                      "arrangement",
                                                                      "from",
                                                                      "to",
                                                                      "status",
                                                                      "subject",
                                                                      "date",
                                                                      "outcome",
                                                                      "to_id",
                                                                      "follows",
                                                                      "area_id",
                                                                      "legislative_period_id",
                                                                      "",
                                                                      ""};

/// How a field is kept: `ref` an interned id, `symbol` an interned short text, `text` offset and size in
/// the texts (two slots), `date` a packed date, `list` offset and count of symbols (two slots), `flag` 1 or absent.
enum class slot_kind : std::uint8_t { none, ref, symbol, text, date, list, flag };

struct layout {
  std::array<std::int8_t, field_count + 1> slot{}; // -1: the array's records do not have it
  std::array<slot_kind, field_count + 1> kind{};
  std::uint32_t stride = 0;
};

// The first field takes slot 0, which also says whether the record is an object: it must be one slot.
constexpr layout make_layout(std::initializer_list<std::pair<field, slot_kind>> fields) {
  layout l;
  for (auto& s : l.slot)
    s = -1;
  for (const auto& f : fields) {
    l.slot[static_cast<std::size_t>(f.first)] = static_cast<std::int8_t>(l.stride);
    l.kind[static_cast<std::size_t>(f.first)] = f.second;
    l.stride += f.second == slot_kind::text || f.second == slot_kind::list ? 2 : 1;
  }
  return l;
}

constexpr std::array<layout, section_count> make_layouts() {
  using k = slot_kind;
  return {
      make_layout({{field::id, k::ref},
                   {field::name, k::text},
                   {field::classification, k::symbol},
                   {field::type, k::symbol},
                   {field::parent_id, k::ref}}),
      make_layout({{field::id, k::ref},
                   {field::name, k::text},
                   {field::classification, k::symbol},
                   {field::founding_date, k::date},
                   {field::dissolution_date, k::date},
                   {field::parent_id, k::ref},
                   {field::area_id, k::ref}}),
      make_layout({{field::id, k::ref},
                   {field::label, k::text},
                   {field::classification, k::symbol},
                   {field::start_date, k::date},
                   {field::end_date, k::date},
                   {field::disciplines, k::list},
                   {field::organization_id, k::ref},
                   {field::area_id, k::ref}}),
      make_layout({{field::id, k::ref},
                   {field::name, k::text},
                   {field::classification, k::symbol},
                   {field::disciplines, k::list}}),
      make_layout({{field::person_id, k::ref},
                   {field::post_id, k::ref},
                   {field::organization_id, k::ref},
                   {field::start_date, k::date},
                   {field::end_date, k::date},
                   {field::role, k::symbol},
                   {field::on_behalf_of_id, k::ref},
                   {field::arrangement, k::symbol},
                   {field::id, k::text},
                   {field::area_id, k::ref},
                   {field::legislative_period_id, k::ref}}),
      make_layout({{field::type, k::symbol},
                   {field::from, k::ref},
                   {field::to, k::ref},
                   {field::start_date, k::date},
                   {field::end_date, k::date},
                   {field::arrangement, k::symbol},
                   {field::status, k::symbol},
                   {field::id, k::text}}),
      make_layout({{field::organization_id, k::ref},
                   {field::id, k::text},
                   {field::plain_id, k::flag},
                   {field::subject, k::text},
                   {field::date, k::text},
                   {field::outcome, k::symbol},
                   {field::to_id, k::ref},
                   {field::follows, k::text}}),
      make_layout({{field::id, k::ref},
                   {field::name, k::text},
                   {field::classification, k::symbol},
                   {field::organization_id, k::ref},
                   {field::start_date, k::date},
                   {field::end_date, k::date}}),
  };
}
inline constexpr std::array<layout, section_count> layouts = make_layouts();

[[nodiscard]] constexpr const layout& layout_of(section s) noexcept { return layouts[static_cast<std::size_t>(s)]; }

/// The array a top-level key names, or -1.
[[nodiscard]] int section_of(std::string_view key) noexcept;
/// The field a record's key names, `field::none` for a key the reader does not use.
[[nodiscard]] field field_of(std::string_view key) noexcept;

// ---- dates ----

/// A partial date in one slot, below unparsed_date: year, month (0: none), day (0: none).
[[nodiscard]] constexpr std::uint32_t pack_date(const partial_date& d) noexcept {
  return static_cast<std::uint32_t>(d.year) << 9 | d.month << 5 | d.day;
}
[[nodiscard]] constexpr partial_date unpack_date(std::uint32_t v) noexcept {
  return partial_date{static_cast<int>(v >> 9), (v >> 5) & 15u, v & 31u};
}
/// Reads YYYY, YYYY-MM or YYYY-MM-DD exactly as parse_partial_date does, without throwing; false for
/// anything else (a time of day, a bad date), which is kept as text for parse_partial_date to read or refuse.
[[nodiscard]] bool quick_date(std::string_view s, std::uint32_t& packed) noexcept;

// ---- the document ----

struct section_data {
  enum class state : std::uint8_t { missing, array, wrong_type };
  state st = state::missing;
  record_store records;
};

/// Everything a document held that the model needs, texts interned or stored once.
struct document {
  document() {
    for (std::size_t s = 0; s < section_count; ++s)
      sections[s].records = record_store(layouts[s].stride);
  }

  std::array<section_data, section_count> sections;
  bool top_not_object = false;
  bool known_key = false;              // a top-level key orgraph reads was seen
  std::vector<std::string> other_keys; // top-level keys orgraph does not read, the first few, for a refusal
  text_store texts;                    // names, relation ids, decisions' texts, dates left unparsed
  interner ids;                        // every id, of a node or referred to; a `ref` slot holds its handle
  interner symbols;                    // classifications, types, roles, statuses, arrangements, disciplines
  block_vector<std::uint32_t> lists;   // the symbols of disciplines
  block_vector<text_ref> date_texts;   // dates quick_date did not read

  [[nodiscard]] section_data& operator[](section s) noexcept { return sections[static_cast<std::size_t>(s)]; }
  [[nodiscard]] std::string_view id_text(std::uint32_t h) const noexcept { return ids.text(h); }
  [[nodiscard]] std::string_view symbol_text(std::uint32_t h) const noexcept { return symbols.text(h); }
};

/// The model the document describes, built as the DOM reader built it: nodes (areas, organizations, posts,
/// persons), parents, terms, memberships, relations, decisions, each in file order, with the same
/// errors. Frees the records as it goes. With `options.lenient`, a bad record is reported to
/// `options.skipped` and left out instead.
[[nodiscard]] model build_model(document& doc, const std::string& file, const load_options& options);

} // namespace orgraph::detail::json_reading
