// "Did you mean": edit distances and date shapes (the rules are in suggest.hpp).

#include "suggest.hpp"

#include <orgraph/error.hpp>
#include <orgraph/query/find.hpp>
#include <orgraph/time/date.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace orgraph::cli {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > limit)
    return limit + 1;
  // Three rows of the optimal string alignment table: two back for a swap of neighbours.
  std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j)
    previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit)
      return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

std::size_t suggestion_limit(std::string_view typed) {
  return std::max<std::size_t>(1, std::min<std::size_t>(3, typed.size() / 3));
}

std::size_t suggestion_distance(std::string_view typed, std::string_view candidate, std::size_t limit) {
  const std::string a = orgraph::search_text(typed);
  const std::string b = orgraph::search_text(candidate);
  if (a == b)
    return 0;
  if (a.size() >= 4 && b.find(a) != std::string::npos)
    return std::min<std::size_t>(1, limit + 1);
  return edit_distance(a, b, limit);
}

std::vector<std::string> closest(std::string_view typed, const std::vector<std::string>& candidates) {
  const std::size_t limit = suggestion_limit(typed);
  std::size_t best = limit + 1;
  std::vector<std::string> out;
  for (const auto& c : candidates) {
    const std::size_t d = suggestion_distance(typed, c, limit);
    if (d > limit || d > best)
      continue;
    if (d < best) {
      best = d;
      out.clear();
    }
    if (out.size() < 3 && std::find(out.begin(), out.end(), c) == out.end())
      out.push_back(c);
  }
  return out;
}

std::string did_you_mean(const std::vector<std::string>& suggestions) {
  if (suggestions.empty())
    return {};
  std::string s = " (did you mean ";
  for (std::size_t i = 0; i < suggestions.size(); ++i) {
    if (i > 0)
      s += i + 1 == suggestions.size() ? " or " : ", ";
    s += suggestions[i];
  }
  return s + "?)";
}

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::string> day_text(std::string_view y, std::string_view m, std::string_view d) {
  if (y.size() != 4 || m.empty() || m.size() > 2 || d.empty() || d.size() > 2)
    return std::nullopt;
  try {
    const auto number = [](std::string_view s) { return static_cast<unsigned>(std::atoi(std::string(s).c_str())); };
    return orgraph::date::from_ymd(static_cast<int>(number(y)), number(m), number(d)).to_string();
  } catch (const orgraph::date_error&) {
    return std::nullopt;
  }
}

} // namespace

std::optional<std::string> date_suggestion(std::string_view text) {
  if (text.size() > 10 && (text[10] == 'T' || text[10] == ' '))
    text = text.substr(0, 10); // a time of day: the day is what is asked about
  std::vector<std::string_view> groups;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] >= '0' && text[i] <= '9')
      continue;
    if (i < text.size() && std::string_view("-/.").find(text[i]) == std::string_view::npos)
      return std::nullopt; // letters or other signs: not a date in another shape
    groups.push_back(text.substr(start, i - start));
    start = i + 1;
  }
  if (!std::all_of(groups.begin(), groups.end(), all_digits))
    return std::nullopt;
  if (groups.size() == 3)
    return groups[0].size() == 4 ? day_text(groups[0], groups[1], groups[2])
                                 : day_text(groups[2], groups[1], groups[0]); // day first, as in the UK
  if (groups.size() == 2)
    return day_text(groups[0], groups[1], "1");
  if (groups.size() == 1 && groups[0].size() == 8)
    return day_text(groups[0].substr(0, 4), groups[0].substr(4, 2), groups[0].substr(6, 2));
  if (groups.size() == 1 && groups[0].size() == 4)
    return day_text(groups[0], "1", "1");
  return std::nullopt;
}

std::string bad_date_message(std::string_view text) {
  const auto suggestion = date_suggestion(text);
  if (suggestion && *suggestion != text)
    return "'" + std::string(text) + "' is not a date YYYY-MM-DD" + did_you_mean({*suggestion});
  try {
    (void)orgraph::parse_date(text);
  } catch (const orgraph::date_error& e) {
    if (text.size() == 10 && text[4] == '-' && text[7] == '-')
      return e.what(); // the right shape, not a day: say why ("that month has no such day")
  }
  return "'" + std::string(text) + "' is not a date YYYY-MM-DD";
}

} // namespace orgraph::cli
