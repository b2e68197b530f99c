#pragma once
// The reference's text rules: case-insensitive comparison, chair roles and role ranks, written from
// docs/governance.md and docs/influence.md rather than from the library, so a change to either shows.

#include <orgraph/analysis/influence.hpp>

#include <cctype>
#include <string>
#include <string_view>

namespace orgraph_reference {

/// ASCII lower case: the only case folding the documents ask for.
inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

inline bool iequals(std::string_view a, std::string_view b) {
  return orgraph_reference::lower(a) == orgraph_reference::lower(b);
}

inline bool icontains(std::string_view text, std::string_view word) {
  return orgraph_reference::lower(text).find(orgraph_reference::lower(word)) != std::string::npos;
}

/// "chair", "chairman", "chairwoman", "chairperson" or "chair person", any case, alone or followed by
/// more words (a separator after it); never "vice-chair", since that does not start with the word.
inline bool is_chair_role(std::string_view role) {
  std::string r = orgraph_reference::lower(role);
  const auto first = r.find_first_not_of(" \t");
  r = first == std::string::npos ? std::string() : r.substr(first);
  for (std::string_view word : {"chair person", "chairperson", "chairwoman", "chairman", "chair"}) {
    if (r.compare(0, word.size(), word) != 0)
      continue;
    if (r.size() == word.size())
      return true;
    const auto next = static_cast<unsigned char>(r[word.size()]);
    if (!std::isalnum(next) && next != '-')
      return true;
  }
  return false;
}

/// influence.md's table; a role matching several ranks takes the first of observer, vice-chair, chair.
inline orgraph::role_rank rank_of_role(std::string_view role) {
  if (orgraph_reference::icontains(role, "observer"))
    return orgraph::role_rank::observer;
  if (orgraph_reference::icontains(role, "vice") || orgraph_reference::icontains(role, "deputy"))
    return orgraph::role_rank::vice_chair;
  if (orgraph_reference::is_chair_role(role))
    return orgraph::role_rank::chair;
  return orgraph::role_rank::member;
}

} // namespace orgraph_reference
