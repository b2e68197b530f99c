#pragma once
/// @file
/// @brief Lists and ranges of a model's relations: a node's relations out or in, and every relation of
/// a type, as relation_id handles. Included by <orgraph/model/model.hpp>.

#include <orgraph/model/detail/storage.hpp>
#include <orgraph/model/types.hpp>

#include <cstddef>
#include <cstdint>
#include <iterator>

namespace orgraph {

/**
 * @brief A contiguous list of relation handles: a node's relations out or in, all or of one type.
 * Valid until the model is next edited.
 */
class relation_list {
public:
  relation_list() = default;
  /** @brief The handles [first, last). */
  relation_list(const relation_id* first, const relation_id* last) noexcept : first_(first), last_(last) {}
  /** @brief The first handle. */
  [[nodiscard]] const relation_id* begin() const noexcept { return first_; }
  /** @brief Past the last handle. */
  [[nodiscard]] const relation_id* end() const noexcept { return last_; }
  /** @brief How many. */
  [[nodiscard]] std::size_t size() const noexcept { return static_cast<std::size_t>(last_ - first_); }
  /** @brief Whether there are none. */
  [[nodiscard]] bool empty() const noexcept { return first_ == last_; }
  /** @brief The `i`-th handle. */
  [[nodiscard]] relation_id operator[](std::size_t i) const noexcept { return first_[i]; }

private:
  const relation_id* first_ = nullptr;
  const relation_id* last_ = nullptr;
};

class model;

/**
 * @brief Iterates over the relations of a model that have not been removed: of one type, or of every
 * type (by type, then in the order added).
 */
class relation_iterator {
public:
  using iterator_category = std::forward_iterator_tag; ///< iterator traits
  using value_type = relation_id;                      ///< iterator traits
  using difference_type = std::ptrdiff_t;              ///< iterator traits
  using pointer = const relation_id*;                  ///< iterator traits
  using reference = relation_id;                       ///< iterator traits

  relation_iterator() = default;
  /** @brief At relation `index` of `type`, stopping before type `end_type`; skips removed relations. */
  relation_iterator(const model* m, std::uint8_t type, std::uint32_t index, std::uint8_t end_type) noexcept
      : m_(m), type_(type), end_type_(end_type), index_(index) {
    settle();
  }
  /** @brief The relation. */
  relation_id operator*() const noexcept { return {static_cast<relation_type>(type_), index_}; }
  /** @brief Next relation. */
  relation_iterator& operator++() noexcept {
    ++index_;
    settle();
    return *this;
  }
  /** @brief Next relation, returning the old position. */
  relation_iterator operator++(int) noexcept {
    relation_iterator old = *this;
    ++*this;
    return old;
  }
  /** @brief Same position. */
  friend bool operator==(const relation_iterator& a, const relation_iterator& b) noexcept {
    return a.type_ == b.type_ && a.index_ == b.index_;
  }
  /** @brief Different positions. */
  friend bool operator!=(const relation_iterator& a, const relation_iterator& b) noexcept { return !(a == b); }

private:
  inline void settle() noexcept;
  const model* m_ = nullptr;
  std::uint8_t type_ = 0;
  std::uint8_t end_type_ = 0;
  std::uint32_t index_ = 0;
};

/** @brief A range of relations: begin() and end() of relation_iterator. */
struct relation_range {
  relation_iterator first; ///< where it starts
  relation_iterator last;  ///< where it ends
  /** @brief The first relation. */
  [[nodiscard]] relation_iterator begin() const noexcept { return first; }
  /** @brief Past the last relation. */
  [[nodiscard]] relation_iterator end() const noexcept { return last; }
};

} // namespace orgraph
