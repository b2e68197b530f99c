#pragma once
// Internal helpers shared by the governance sources (src/governance*.cpp, src/validate_governance.cpp).

#include <orgraph/query/governance.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace orgraph::detail {

/// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b) noexcept;
/// Whether `word` occurs in `text`, ASCII case-insensitively.
bool icontains(std::string_view text, std::string_view word) noexcept;

/// The holds edge that wins for a post on a date: a temporary holder first, the first added among equals.
std::optional<model::edge> effective_holding(const model& m, vertex post, date on);

/// Append the seats that go with `post` on a date (ex officio, its own body, bodies its holdings name).
void post_seats(const model& m, vertex post, date on, std::vector<membership>& out);

/// The first step of a body's reporting line on a date.
std::optional<reporting_step> first_step(const model& m, vertex body, date on);

/// The replaced_by edge out of (forwards) or into (backwards) a body that takes effect first.
std::optional<model::edge> first_replacement(const model& m, vertex body, bool forwards);

/// The bodies whose relations count as relations of `body` on a date: itself, then every body of
/// its lineage that it has replaced by then (members(), reporting lines and influence read them).
std::vector<vertex> answering_for(const model& m, vertex body, date on);

} // namespace orgraph::detail
