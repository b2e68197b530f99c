#pragma once
// Internal: case-insensitive comparisons of the short texts roles and classifications are.

#include <algorithm>
#include <cctype>
#include <string_view>

namespace orgraph::detail {

/// ASCII case-insensitive equality.
inline bool iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

/// Whether `word` occurs in `text`, ASCII case-insensitively.
inline bool icontains(std::string_view text, std::string_view word) noexcept {
  if (word.size() > text.size())
    return false;
  for (std::size_t i = 0; i + word.size() <= text.size(); ++i)
    if (iequals(text.substr(i, word.size()), word))
      return true;
  return false;
}

} // namespace orgraph::detail
