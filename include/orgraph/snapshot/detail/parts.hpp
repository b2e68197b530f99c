#pragma once
// Internal: the parts a snapshot builds once, the first time a question needs them. Flat arrays indexed
// by vertex, and compressed lists (an offsets array and a values array) where a node has several.

#include <orgraph/model/types.hpp>

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace orgraph::detail {

inline constexpr std::uint32_t no_index = 0xffffffffu;

/// The values of `key` in a compressed list.
template <class T> struct span_of {
  const T* first = nullptr;
  const T* last = nullptr;
  [[nodiscard]] const T* begin() const noexcept { return first; }
  [[nodiscard]] const T* end() const noexcept { return last; }
  [[nodiscard]] std::size_t size() const noexcept { return static_cast<std::size_t>(last - first); }
  [[nodiscard]] bool empty() const noexcept { return first == last; }
};

template <class T>
span_of<T> row(const std::vector<std::uint32_t>& offsets, const std::vector<T>& values, std::size_t key) noexcept {
  return {values.data() + offsets[key], values.data() + offsets[key + 1]};
}

/// Time rules 2 and 3: every node's successor (itself for all but replaced bodies), and for each body
/// the predecessors it answers for on the date, oldest first.
struct bodies_part {
  std::vector<std::uint32_t> successor;
  std::vector<std::uint32_t> predecessor_offsets;
  std::vector<std::uint32_t> predecessors;
};

/// Each post's effective holding on the date: the index of the winning `holds` relation, or no_index.
struct holders_part {
  std::vector<std::uint32_t> holding;
};

/// One resolved line-management answer (line_manager's rules), compact.
struct line_answer {
  std::uint32_t manager = no_index; // the person; no_index when every post up the line is vacant
  std::uint32_t post = no_index;    // the post managed through
  relation_id winner;               // the winning relation (into the node, or into a post it holds)
  std::uint8_t arrangement = 0;
  bool found = false;     // some relation of the type is in force
  bool ambiguous = false; // another candidate of the same rank resolves to someone else
  bool named = false;     // the winning relation names the node itself (not a post it holds)
  std::vector<vertex> vacant_posts;
};

/// Every person's and post's effective line manager on the date, and the lists that read them.
struct line_part {
  std::vector<std::uint32_t> manager, post, chain_length;
  std::vector<relation_id> winner;
  std::vector<std::uint8_t> flags, arrangement;
  std::unordered_map<std::uint32_t, std::vector<vertex>> vacant; // rare: answers that passed vacant posts
  // For each person, the nodes it is the line manager of; for each post, the nodes whose answer names
  // it as the post managed through or as a vacant post passed. Vertex order.
  std::vector<std::uint32_t> below_offsets, below;
  std::vector<std::uint32_t> post_below_offsets, post_below;

  // vacant_passed: the answer passed vacant posts, so `vacant` has an entry for the node.
  enum : std::uint8_t { found = 1, ambiguous = 2, named = 4, vacant_passed = 8 };
};

/// One seat on a body (members()' rules), compact.
struct seat_record {
  std::string_view role;
  std::uint32_t body = no_index;     // the body in force sat on
  std::uint32_t recorded = no_index; // the body the relation names (a predecessor, if replaced)
  std::uint32_t person = no_index;   // no_index for a vacant post
  std::uint32_t post = no_index;
  std::uint32_t on_behalf_of = no_index;
  std::uint32_t area = no_index; // the area sat for
  relation_id edge;
  relation_id holding; // a seat through a post: the holds relation that makes `person` its holder
  std::uint8_t basis = 0;
  std::uint8_t via = 0;
};

/// Every body's seats on the date, and every person's.
struct seats_part {
  std::vector<std::uint32_t> offsets; // by body
  std::vector<seat_record> seats;
  std::vector<std::uint32_t> person_offsets, by_person; // indices into `seats`, by person
};

/// One step up a reporting line, compact.
struct step_record {
  std::uint32_t body = no_index;
  std::uint32_t replaced = no_index;
  relation_id edge;
  std::uint8_t via = 0; // reporting_via
};

/// Every body's first reporting step on the date.
struct links_part {
  std::vector<step_record> first_step;
};

struct influence_part; // compiled only: src/snapshot/influence_part.hpp

} // namespace orgraph::detail
