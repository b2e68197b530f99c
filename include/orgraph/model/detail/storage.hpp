#pragma once
// Internal: how a model stores its relations, and the index it derives from them. Public headers need
// the layouts (the model's inline accessors read them); users never name them.

#include <orgraph/detail/text.hpp>
#include <orgraph/model/types.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace orgraph {

namespace detail {

inline constexpr std::uint32_t none32 = 0xffffffffu;

/// Ensure one more element fits without reallocating, growing geometrically: reserving exactly
/// size() + 1 on every insertion would reallocate every time and make building a model quadratic.
template <class Vector> void make_room_for_one(Vector& v) {
  if (v.size() == v.capacity())
    v.reserve(v.capacity() < 4 ? 4 : 2 * v.capacity());
}

/// A relation's fixed fields: 20 bytes, whatever its type.
struct relation_core {
  std::uint32_t from = none32;
  std::uint32_t to = none32;
  std::int32_t first = 0;      // period_bits::first
  std::int32_t last = 0;       // period_bits::last
  std::uint8_t precisions = 0; // period_bits::precisions
  std::uint8_t arrangement = 0;
  std::uint8_t removed = 0;   // 1 once remove_relation() has taken it out; its handle then names nothing
  std::uint8_t from_term = 0; // bit 1: the start is the term's (the relation gave none), bit 2: the end
};

inline constexpr std::uint8_t start_from_term = 1;
inline constexpr std::uint8_t end_from_term = 2;

/// The fields only some relations use (role, status, on whose behalf, the organization a holding
/// names, the area sat for, a user id, a term). A type's table stores them only once one of its
/// relations has any.
struct relation_extra {
  std::uint32_t role = 0;   // symbol
  std::uint32_t status = 0; // symbol
  std::uint32_t on_behalf_of = none32;
  std::uint32_t organization = none32;
  std::uint32_t area = none32;
  text_ref id;
  std::uint32_t term = none32;
};

/// The relations of one type, in the order they were added.
struct relation_table {
  std::vector<relation_core> core;
  std::vector<relation_extra> extra; // empty, or as long as `core`
  std::uint32_t live = 0;            // not removed
};

/// What the model derives from its relations for finding them quickly: each node's relations out and
/// in, ordered by type and then as added, and each node's children. Built on first use after an edit.
struct model_index {
  std::vector<std::uint32_t> out_offsets, in_offsets, child_offsets; // node_count() + 1 each
  std::vector<relation_id> out, in;
  std::vector<std::uint32_t> children;

  [[nodiscard]] std::size_t bytes() const noexcept {
    return (out_offsets.capacity() + in_offsets.capacity() + child_offsets.capacity() + children.capacity()) *
               sizeof(std::uint32_t) +
           (out.capacity() + in.capacity()) * sizeof(relation_id);
  }
};

inline constexpr std::size_t relation_type_count = 10;

struct model_access; // src/model/columns.hpp: the model's storage column by column, for archives

} // namespace detail

} // namespace orgraph
