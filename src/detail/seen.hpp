#pragma once
// Internal: the set of what a walk has already met. Most walks are short (a management chain, a line of
// renamings) and a few elements searched in order beat any hash; a hostile shape (a chain of a million)
// must not turn each step into a search of everything before it, so past a few elements the set hashes.

#include <algorithm>
#include <cstddef>
#include <unordered_set>
#include <vector>

namespace orgraph::detail {

template <class T> class seen_set {
public:
  /// Add `x`; false if it was already there.
  bool insert(const T& x) {
    if (hashed_.empty()) {
      if (std::find(small_.begin(), small_.end(), x) != small_.end())
        return false;
      small_.push_back(x);
      if (small_.size() > small_limit)
        hashed_.insert(small_.begin(), small_.end());
      return true;
    }
    return hashed_.insert(x).second;
  }
  [[nodiscard]] bool contains(const T& x) const {
    return hashed_.empty() ? std::find(small_.begin(), small_.end(), x) != small_.end() : hashed_.count(x) != 0;
  }

private:
  static constexpr std::size_t small_limit = 16;
  std::vector<T> small_;
  std::unordered_set<T> hashed_;
};

} // namespace orgraph::detail
