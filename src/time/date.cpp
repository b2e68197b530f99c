#include <orgraph/error.hpp>
#include <orgraph/time/date.hpp>

#include <chrono>
#include <cstdio>

namespace orgraph {

namespace {

constexpr bool is_leap(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr unsigned days_in_month(int y, unsigned m) noexcept {
  constexpr unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : lengths[m - 1];
}

// Days since 1970-01-01 of a valid civil date. Counts in 400-year eras that start on 1 March, so
// that the leap day falls at the end of a year and every other month has a fixed offset.
constexpr std::int32_t days_from_civil(int y, unsigned m, unsigned d) noexcept {
  const int year = m <= 2 ? y - 1 : y;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned month_from_march = m > 2 ? m - 3 : m + 9;
  const unsigned day_of_year = (153 * month_from_march + 2) / 5 + d - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int32_t>(day_of_era) - 719468;
}

struct ymd {
  int y;
  unsigned m;
  unsigned d;
};

constexpr ymd civil_from_days(std::int32_t days) noexcept {
  const std::int32_t z = days + 719468;
  const std::int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(z - era * 146097);
  const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned month_from_march = (5 * day_of_year + 2) / 153;
  const unsigned d = day_of_year - (153 * month_from_march + 2) / 5 + 1;
  const unsigned m = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
  const int y = static_cast<int>(year_of_era) + era * 400 + (m <= 2 ? 1 : 0);
  return {y, m, d};
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2000, 3, 1) == 11017);
static_assert(civil_from_days(11017).y == 2000 && civil_from_days(11017).m == 3);

[[noreturn]] void bad_date(std::string_view text, const char* why) {
  throw date_error("invalid date '" + std::string(text) + "': " + why);
}

bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9')
      return false;
  return !s.empty();
}

unsigned to_number(std::string_view s) {
  unsigned n = 0;
  for (char c : s)
    n = n * 10 + static_cast<unsigned>(c - '0');
  return n;
}

} // namespace

date date::from_ymd(int year, unsigned month, unsigned day) {
  if (year < 1 || year > 9999)
    throw date_error("invalid date: year " + std::to_string(year) + " is outside 1 to 9999");
  if (month < 1 || month > 12)
    throw date_error("invalid date: month " + std::to_string(month) + " is outside 1 to 12");
  if (day < 1 || day > days_in_month(year, month)) {
    // Name the date as it would be written, 2009-02-30, so the message can be searched for.
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", year, month, day);
    throw date_error("invalid date " + std::string(text) + ": " + std::to_string(year) + "-" + (month < 10 ? "0" : "") +
                     std::to_string(month) + " has no day " + std::to_string(day));
  }
  return from_days(days_from_civil(year, month, day));
}

date date::today() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return from_days(static_cast<std::int32_t>(std::chrono::duration_cast<std::chrono::hours>(now).count() / 24));
}

int date::year() const noexcept { return civil_from_days(days_).y; }
unsigned date::month() const noexcept { return civil_from_days(days_).m; }
unsigned date::day() const noexcept { return civil_from_days(days_).d; }

std::string date::to_string() const {
  const auto c = civil_from_days(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.y, c.m, c.d);
  return buf;
}

date partial_date::first_day() const { return date::from_ymd(year, month == 0 ? 1 : month, day == 0 ? 1 : day); }

date partial_date::last_day() const {
  if (month == 0)
    return date::from_ymd(year, 12, 31);
  if (day == 0)
    return date::from_ymd(year, month, days_in_month(year, month));
  return date::from_ymd(year, month, day);
}

std::string partial_date::to_string() const {
  char buf[16];
  if (month == 0)
    std::snprintf(buf, sizeof buf, "%04d", year);
  else if (day == 0)
    std::snprintf(buf, sizeof buf, "%04d-%02u", year, month);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
  return buf;
}

partial_date parse_partial_date(std::string_view text) {
  std::string_view s = text;
  // Popolo allows a full timestamp; orgraph works in days, so drop the time of day.
  if (s.size() > 10 && s[10] == 'T') {
    // Accept a time of day such as 10:00, 10:00:00.5Z or 10:00:00+01:00, and nothing else.
    const std::string_view time = s.substr(11);
    const bool plausible = time.size() >= 5 && time[2] == ':' && digits(time.substr(0, 2)) &&
                           digits(time.substr(3, 2)) &&
                           time.find_first_not_of("0123456789:.+-Z") == std::string_view::npos;
    if (!plausible)
      bad_date(text, "the time after 'T' must look like HH:MM[:SS][Z or offset]");
    s = s.substr(0, 10);
  }
  if (s.size() != 4 && s.size() != 7 && s.size() != 10)
    bad_date(text, "expected YYYY, YYYY-MM or YYYY-MM-DD");
  if (!digits(s.substr(0, 4)))
    bad_date(text, "the year must be four digits");
  partial_date p;
  p.year = static_cast<int>(to_number(s.substr(0, 4)));
  if (s.size() >= 7) {
    if (s[4] != '-' || !digits(s.substr(5, 2)))
      bad_date(text, "expected YYYY-MM");
    p.month = to_number(s.substr(5, 2));
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !digits(s.substr(8, 2)))
      bad_date(text, "expected YYYY-MM-DD");
    p.day = to_number(s.substr(8, 2));
  }
  if (p.year < 1)
    bad_date(text, "there is no year 0");
  if (p.month > 12 || (s.size() >= 7 && p.month == 0))
    bad_date(text, "the month must be 01 to 12");
  if (s.size() == 10 && (p.day == 0 || p.day > days_in_month(p.year, p.month)))
    bad_date(text, "that month has no such day");
  return p;
}

date parse_date(std::string_view text) {
  const auto p = parse_partial_date(text);
  if (p.precision() != date_precision::day)
    bad_date(text, "a full date YYYY-MM-DD is needed here");
  return p.first_day();
}

period::period(std::optional<partial_date> start, std::optional<partial_date> end) {
  if (start) {
    first_ = start->first_day();
    start_precision_ = static_cast<std::uint8_t>(start->precision());
  }
  if (end) {
    last_ = end->last_day();
    end_precision_ = static_cast<std::uint8_t>(end->precision());
  }
  if (last_ < first_)
    throw date_error("the end " + end->to_string() + " is before the start " + start->to_string());
}

namespace {
partial_date truncate(date d, std::uint8_t precision) {
  partial_date p{d.year(), d.month(), d.day()};
  if (precision < static_cast<std::uint8_t>(date_precision::day))
    p.day = 0;
  if (precision < static_cast<std::uint8_t>(date_precision::month))
    p.month = 0;
  return p;
}
} // namespace

std::optional<partial_date> period::start() const {
  if (start_precision_ == 0)
    return std::nullopt;
  return truncate(first_, start_precision_);
}

std::optional<partial_date> period::end() const {
  if (end_precision_ == 0)
    return std::nullopt;
  return truncate(last_, end_precision_);
}

} // namespace orgraph
