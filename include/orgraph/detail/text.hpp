#pragma once
// Internal: compact storage for a model's texts. Ids and names live in one arena and are named by
// (offset, size); short repeated texts (roles, statuses, classifications, disciplines) are interned as
// 32-bit symbols. Users never see these types, only the std::string_view they give.

#include <orgraph/error.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph::detail {

/// Where a text starts in an arena and how long it is.
struct text_ref {
  std::uint32_t offset = 0;
  std::uint32_t size = 0;
};

/// Texts appended one after another in one buffer: no allocation and no header per text.
class text_arena {
public:
  /// Append `s`; throws model_error past 4 GiB of text, std::bad_alloc when memory runs out.
  text_ref add(std::string_view s) {
    if (s.size() > std::numeric_limits<std::uint32_t>::max() - data_.size())
      throw model_error("a model holds at most 4 GiB of ids and names");
    const text_ref r{static_cast<std::uint32_t>(data_.size()), static_cast<std::uint32_t>(s.size())};
    data_.insert(data_.end(), s.begin(), s.end());
    return r;
  }
  /// Take `bytes` as the whole arena (a loader that read the texts in one piece); at most 4 GiB.
  void adopt(std::vector<char>&& bytes) noexcept { data_ = std::move(bytes); }
  /// Forget everything after `size` bytes: undoes add() when a later step of an edit fails.
  void truncate(std::size_t size) noexcept { data_.resize(size); }
  [[nodiscard]] std::string_view view(text_ref r) const noexcept { return {data_.data() + r.offset, r.size}; }
  [[nodiscard]] std::size_t size() const noexcept { return data_.size(); }
  [[nodiscard]] std::size_t bytes() const noexcept { return data_.capacity(); }
  void reserve(std::size_t n) { data_.reserve(n); }
  void shrink_to_fit() { data_.shrink_to_fit(); }

private:
  std::vector<char> data_;
};

/// A set of 32-bit handles found by their text: open addressing with linear probing, 4 bytes a slot.
/// The texts are not stored here; `text_of(handle)` gives them, so an arena can hold them once.
class text_index {
public:
  static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

  /// The handle whose text is `key`, or `none`.
  template <class TextOf> [[nodiscard]] std::uint32_t find(std::string_view key, const TextOf& text_of) const noexcept {
    if (slots_.empty())
      return none;
    for (std::size_t i = slot_of(key);; i = (i + 1) & mask()) {
      const std::uint32_t h = slots_[i];
      if (h == none || text_of(h) == key)
        return h;
    }
  }

  /// Make sure one more handle fits without growing: may allocate (and throw), changes nothing else.
  template <class TextOf> void reserve_one(const TextOf& text_of) {
    if ((count_ + 1) * 10 > slots_.size() * 7)
      rehash(slots_.empty() ? 16 : 2 * slots_.size(), text_of);
  }

  /// Add a handle whose text is not yet in the index; reserve_one() must have been called.
  void insert(std::uint32_t handle, std::string_view key) noexcept {
    std::size_t i = slot_of(key);
    while (slots_[i] != none)
      i = (i + 1) & mask();
    slots_[i] = handle;
    ++count_;
  }

  /// Empty the index and size it for `n` handles, so that as many insert_unique() calls need no growth.
  void reset(std::size_t n) {
    std::size_t capacity = 16;
    while (n * 10 > capacity * 7)
      capacity *= 2;
    slots_.assign(capacity, none);
    count_ = 0;
  }

  /// Add a handle unless one with the same text is there (then return false): one probe sequence.
  /// The index must have room (reset() or reserve_one()).
  template <class TextOf>
  bool insert_unique(std::uint32_t handle, std::string_view key, const TextOf& text_of) noexcept {
    std::size_t i = slot_of(key);
    for (; slots_[i] != none; i = (i + 1) & mask())
      if (text_of(slots_[i]) == key)
        return false;
    slots_[i] = handle;
    ++count_;
    return true;
  }

  /// Rebuild from handles 0 to n - 1 (after removals renumber them).
  template <class TextOf> void rebuild(std::uint32_t n, const TextOf& text_of) {
    std::size_t capacity = 16;
    while (n * 10 > capacity * 7)
      capacity *= 2;
    std::vector<std::uint32_t> fresh(capacity, none);
    slots_.swap(fresh);
    count_ = 0;
    for (std::uint32_t h = 0; h < n; ++h)
      insert(h, text_of(h));
  }

  [[nodiscard]] std::size_t bytes() const noexcept { return slots_.capacity() * sizeof(std::uint32_t); }

private:
  [[nodiscard]] std::size_t mask() const noexcept { return slots_.size() - 1; }
  [[nodiscard]] std::size_t slot_of(std::string_view key) const noexcept {
    return std::hash<std::string_view>{}(key)&mask();
  }
  template <class TextOf> void rehash(std::size_t capacity, const TextOf& text_of) {
    std::vector<std::uint32_t> fresh(capacity, none);
    fresh.swap(slots_);
    for (std::uint32_t h : fresh) // `fresh` now holds the old slots
      if (h != none) {
        std::size_t i = slot_of(text_of(h));
        while (slots_[i] != none)
          i = (i + 1) & mask();
        slots_[i] = h;
      }
  }

  std::vector<std::uint32_t> slots_;
  std::size_t count_ = 0;
};

/// Interned texts: each distinct text once, named by a 32-bit symbol; symbol 0 is the empty text.
class symbol_table {
public:
  symbol_table() { intern(std::string_view()); }

  /// The symbol of `s`, adding it if it is new.
  std::uint32_t intern(std::string_view s) {
    const auto text_of = [this](std::uint32_t h) { return arena_.view(texts_[h]); };
    if (const std::uint32_t found = index_.find(s, text_of); found != text_index::none)
      return found;
    index_.reserve_one(text_of);
    texts_.reserve(texts_.size() + 1);
    const std::size_t mark = arena_.size();
    const text_ref r = arena_.add(s);
    const auto h = static_cast<std::uint32_t>(texts_.size());
    try {
      texts_.push_back(r);
    } catch (...) {
      arena_.truncate(mark);
      throw;
    }
    index_.insert(h, arena_.view(r));
    return h;
  }

  /// The symbol of `s`, or text_index::none if it was never interned.
  [[nodiscard]] std::uint32_t find(std::string_view s) const noexcept {
    return index_.find(s, [this](std::uint32_t h) { return arena_.view(texts_[h]); });
  }

  [[nodiscard]] std::string_view text(std::uint32_t symbol) const noexcept { return arena_.view(texts_[symbol]); }
  [[nodiscard]] std::size_t size() const noexcept { return texts_.size(); }
  [[nodiscard]] std::size_t bytes() const noexcept {
    return arena_.bytes() + texts_.capacity() * sizeof(text_ref) + index_.bytes();
  }

private:
  text_arena arena_;
  std::vector<text_ref> texts_;
  text_index index_;
};

} // namespace orgraph::detail
