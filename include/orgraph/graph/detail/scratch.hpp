#pragma once
// Internal: per-thread scratch arrays for graph searches, cleared in O(1) by a generation stamp, so a
// search on a million-vertex graph touches only the vertices it visits instead of allocating and
// zeroing arrays of every vertex.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace orgraph::graph::detail {

/// Marks and a value per vertex, valid for one search: a vertex is marked when its stamp is the
/// current generation. begin() starts a new search.
template <class Value> class stamped_array {
public:
  void begin(std::size_t n) {
    if (stamps_.size() < n) {
      stamps_.assign(n, 0);
      values_.resize(n);
      generation_ = 0;
    }
    if (++generation_ == 0) { // wrapped after 2^32 searches: clear for real once
      std::fill(stamps_.begin(), stamps_.end(), 0);
      generation_ = 1;
    }
  }
  [[nodiscard]] bool marked(std::size_t v) const noexcept { return stamps_[v] == generation_; }
  /// Mark `v` with a value; returns false (and changes nothing) if it was already marked.
  bool mark(std::size_t v, const Value& value) noexcept {
    if (stamps_[v] == generation_)
      return false;
    stamps_[v] = generation_;
    values_[v] = value;
    return true;
  }
  void set(std::size_t v, const Value& value) noexcept {
    stamps_[v] = generation_;
    values_[v] = value;
  }
  [[nodiscard]] const Value& operator[](std::size_t v) const noexcept { return values_[v]; }
  [[nodiscard]] Value& operator[](std::size_t v) noexcept { return values_[v]; }

private:
  std::vector<std::uint32_t> stamps_;
  std::vector<Value> values_;
  std::uint32_t generation_ = 0;
};

/// The scratch of the calling thread for searches of a given purpose (`Tag`), so that nested or
/// concurrent algorithms never share one.
template <class Tag, class Value> stamped_array<Value>& thread_scratch() {
  static thread_local stamped_array<Value> scratch;
  return scratch;
}

} // namespace orgraph::graph::detail
