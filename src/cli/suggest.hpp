#pragma once
// "Did you mean": the closest candidates to a mistyped command, option, id, name or date.
//
// The rules, the same everywhere: texts are compared folded (orgraph::search_text(): case and Latin
// accents ignored); the distance is the optimal string alignment distance (an insertion, a deletion,
// a substitution or a swap of two neighbours is one edit), and a candidate that contains what was
// typed (four characters or more) is one edit away; a candidate is suggested when it is at most
// max(1, min(3, length / 3)) edits away, and only the nearest are shown, three at most.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph::cli {

/// Edits between `a` and `b` (optimal string alignment), or `limit + 1` when more than `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

/// How far `typed` is from `candidate` by the rules above (both folded here), or `limit + 1`.
std::size_t suggestion_distance(std::string_view typed, std::string_view candidate, std::size_t limit);

/// The most edits a suggestion for `typed` may be away.
std::size_t suggestion_limit(std::string_view typed);

/// The nearest candidates within the limit, in the order given, three at most.
std::vector<std::string> closest(std::string_view typed, const std::vector<std::string>& candidates);

/// " (did you mean a?)", " (did you mean a or b?)", " (did you mean a, b or c?)"; "" for none.
std::string did_you_mean(const std::vector<std::string>& suggestions);

/**
 * What a date typed in another shape most likely means, as YYYY-MM-DD: 2009-11-2 and 2009/11/02 are
 * 2009-11-02, 2/11/2009 is 2 November 2009 (day first, as in the UK), 20091102 and 2009-11-02T10:00
 * are 2009-11-02, 2009-11 is its first day. Empty when the text reads as no day at all.
 */
std::optional<std::string> date_suggestion(std::string_view text);

/// Why `text` is not a date for `--option`, with a suggestion: the message of a bad date option.
std::string bad_date_message(std::string_view text);

} // namespace orgraph::cli
