#pragma once
// Internal: members() and chair() given the posts each body's holdings name, for callers that ask about
// one body on many dates (the histories): without it, each one-off question scans every holding.

#include <orgraph/query/governance.hpp>

#include "../snapshot/state.hpp"

#include <optional>
#include <vector>

namespace orgraph::detail {

/// members(s, body), finding the posts holdings name in `named` (a scan of every holding if null).
std::vector<membership> members_using(const snapshot& s, vertex body, const posts_by_organization* named);

/// The chair among a body's seats (in members() order), by chair()'s rule.
std::optional<membership> chair_among(const std::vector<membership>& seats);

/// chair(s, body), likewise.
std::optional<membership> chair_using(const snapshot& s, vertex body, const posts_by_organization* named);

} // namespace orgraph::detail
