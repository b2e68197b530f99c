#pragma once
/// @file
/// @brief Calendar dates, partial ISO-8601 dates and inclusive periods: the time in "as on".

#include <orgraph/export.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace orgraph {

namespace detail {
struct period_bits;
} // namespace detail

/**
 * @brief A day of the proleptic Gregorian calendar, years 1 to 9999.
 *
 * Stored as a count of days since 1970-01-01, so comparing and hashing are integer operations.
 * @code
 * auto d = orgraph::date::from_ymd(2009, 10, 26);
 * assert(d.to_string() == "2009-10-26");
 * @endcode
 */
class date {
public:
  /** @brief 1970-01-01. */
  constexpr date() noexcept = default;

  /** @brief The day `days` after (or before, if negative) 1970-01-01; no range check. */
  [[nodiscard]] static constexpr date from_days(std::int32_t days) noexcept {
    date d;
    d.days_ = days;
    return d;
  }

  /** @brief The given calendar day; throws date_error if it does not exist (2009-02-30). */
  [[nodiscard]] ORGRAPH_EXPORT static date from_ymd(int year, unsigned month, unsigned day);

  /** @brief Today in UTC: the date a query means when it is given none. */
  [[nodiscard]] ORGRAPH_EXPORT static date today();

  /** @brief A sentinel before every real date: the start of a period with no start. */
  [[nodiscard]] static constexpr date min() noexcept { return from_days(std::numeric_limits<std::int32_t>::min()); }
  /** @brief A sentinel after every real date: the end of a period with no end. */
  [[nodiscard]] static constexpr date max() noexcept { return from_days(std::numeric_limits<std::int32_t>::max()); }

  /** @brief Days since 1970-01-01. */
  [[nodiscard]] constexpr std::int32_t days_since_epoch() const noexcept { return days_; }

  /** @brief Calendar year. */
  [[nodiscard]] ORGRAPH_EXPORT int year() const noexcept;
  /** @brief Calendar month, 1 to 12. */
  [[nodiscard]] ORGRAPH_EXPORT unsigned month() const noexcept;
  /** @brief Day of the month, 1 to 31. */
  [[nodiscard]] ORGRAPH_EXPORT unsigned day() const noexcept;

  /** @brief `YYYY-MM-DD`. */
  [[nodiscard]] ORGRAPH_EXPORT std::string to_string() const;

  /** @brief The date `n` days later (earlier if `n` is negative). */
  [[nodiscard]] constexpr date plus_days(std::int32_t n) const noexcept { return from_days(days_ + n); }

  /** @name Comparison */
  ///@{
  /**
   * @brief Dates compare in calendar order: earlier is less.
   * @code
   * assert(orgraph::date::from_ymd(2009, 10, 26) < orgraph::date::from_ymd(2010, 1, 1));
   * @endcode
   */
  friend constexpr bool operator==(date a, date b) noexcept { return a.days_ == b.days_; }
  friend constexpr bool operator!=(date a, date b) noexcept { return a.days_ != b.days_; }
  friend constexpr bool operator<(date a, date b) noexcept { return a.days_ < b.days_; }
  friend constexpr bool operator<=(date a, date b) noexcept { return a.days_ <= b.days_; }
  friend constexpr bool operator>(date a, date b) noexcept { return a.days_ > b.days_; }
  friend constexpr bool operator>=(date a, date b) noexcept { return a.days_ >= b.days_; }
  ///@}

private:
  std::int32_t days_ = 0;
};

/** @brief How much of a date was given: `2009`, `2009-10` or `2009-10-26`. */
enum class date_precision : std::uint8_t { year = 1, month = 2, day = 3 };

/**
 * @brief An ISO-8601 date that may name only a year or a month, as Popolo allows.
 *
 * As the start of a period it means the first day it covers, as the end the last.
 */
struct partial_date {
  int year = 1970;    ///< the calendar year, always given
  unsigned month = 0; ///< 1 to 12, or 0 when only the year is known
  unsigned day = 0;   ///< 1 to 31, or 0 when only the year or month is known

  /** @brief How much of the date is known. */
  [[nodiscard]] constexpr date_precision precision() const noexcept {
    return month == 0 ? date_precision::year : day == 0 ? date_precision::month : date_precision::day;
  }
  /** @brief The first day the date covers (2009-10 → 2009-10-01). */
  [[nodiscard]] ORGRAPH_EXPORT date first_day() const;
  /** @brief The last day the date covers (2009-10 → 2009-10-31). */
  [[nodiscard]] ORGRAPH_EXPORT date last_day() const;
  /** @brief The date as written: `2009`, `2009-10` or `2009-10-26`. */
  [[nodiscard]] ORGRAPH_EXPORT std::string to_string() const;

  /** @name Comparison */
  ///@{
  /**
   * @brief Equal when written the same: `2009-10` is not `2009-10-01`, though both start on that day.
   * @code
   * assert(orgraph::parse_partial_date("2009-10") != orgraph::parse_partial_date("2009-10-01"));
   * @endcode
   */
  friend constexpr bool operator==(const partial_date& a, const partial_date& b) noexcept {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend constexpr bool operator!=(const partial_date& a, const partial_date& b) noexcept { return !(a == b); }
  ///@}
};

/**
 * @brief Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 *
 * A time part after the day (`2009-10-26T10:00:00Z`), as some Popolo files have, is accepted and ignored.
 * Throws date_error naming the text if it is not a valid date.
 */
[[nodiscard]] ORGRAPH_EXPORT partial_date parse_partial_date(std::string_view text);

/** @brief Parse a full `YYYY-MM-DD` date; throws date_error otherwise. */
[[nodiscard]] ORGRAPH_EXPORT date parse_date(std::string_view text);

/**
 * @brief When something is in force: from a start day to an end day, both inclusive.
 *
 * No start means "since always", no end "still in force". The precision of each bound is kept so that
 * a model saved again writes `2009-10` where it read `2009-10`.
 * @code
 * orgraph::period p{orgraph::parse_partial_date("2009-10"), std::nullopt};
 * assert(p.contains(orgraph::date::from_ymd(2009, 10, 1)));
 * @endcode
 */
class period {
public:
  /** @brief Always in force. */
  constexpr period() noexcept = default;

  /** @brief In force from `start` (its first day) to `end` (its last day); throws date_error if end < start. */
  ORGRAPH_EXPORT period(std::optional<partial_date> start, std::optional<partial_date> end);

  /** @brief Whether `on` lies within the period, ends included. */
  [[nodiscard]] constexpr bool contains(date on) const noexcept { return first_ <= on && on <= last_; }

  /** @brief Whether the two periods share at least one day. */
  [[nodiscard]] constexpr bool overlaps(const period& other) const noexcept {
    return first_ <= other.last_ && other.first_ <= last_;
  }

  /** @brief The first day in force, or date::min() when there is no start. */
  [[nodiscard]] constexpr date first_day() const noexcept { return first_; }
  /** @brief The last day in force, or date::max() when there is no end. */
  [[nodiscard]] constexpr date last_day() const noexcept { return last_; }

  /** @brief Whether a start was given (cheaper than `start()`, which rebuilds it to its precision). */
  [[nodiscard]] constexpr bool has_start() const noexcept { return start_precision_ != 0; }
  /** @brief Whether an end was given. */
  [[nodiscard]] constexpr bool has_end() const noexcept { return end_precision_ != 0; }

  /** @brief The start as given, if any. */
  [[nodiscard]] ORGRAPH_EXPORT std::optional<partial_date> start() const;
  /** @brief The end as given, if any. */
  [[nodiscard]] ORGRAPH_EXPORT std::optional<partial_date> end() const;

  /** @name Comparison */
  ///@{
  /**
   * @brief Equal when in force on the same days with bounds given to the same precision, so a
   * period from `2009-10` differs from one from `2009-10-01`.
   * @code
   * orgraph::period month(orgraph::parse_partial_date("2009-10"), std::nullopt);
   * orgraph::period day(orgraph::parse_partial_date("2009-10-01"), std::nullopt);
   * assert(month != day && month.first_day() == day.first_day());
   * @endcode
   */
  friend constexpr bool operator==(const period& a, const period& b) noexcept {
    return a.first_ == b.first_ && a.last_ == b.last_ && a.start_precision_ == b.start_precision_ &&
           a.end_precision_ == b.end_precision_;
  }
  friend constexpr bool operator!=(const period& a, const period& b) noexcept { return !(a == b); }
  ///@}

private:
  friend struct detail::period_bits;
  date first_ = date::min();
  date last_ = date::max();
  std::uint8_t start_precision_ = 0; // 0: no start; otherwise a date_precision
  std::uint8_t end_precision_ = 0;
};

} // namespace orgraph

namespace orgraph::detail {

/// Internal: a period taken apart into integers and put back, for compact storage.
struct period_bits {
  [[nodiscard]] static constexpr std::int32_t first(const period& p) noexcept { return p.first_.days_since_epoch(); }
  [[nodiscard]] static constexpr std::int32_t last(const period& p) noexcept { return p.last_.days_since_epoch(); }
  /// Both precisions in one byte: the start's in the low nibble, the end's in the high one.
  [[nodiscard]] static constexpr std::uint8_t precisions(const period& p) noexcept {
    return static_cast<std::uint8_t>(p.start_precision_ | (p.end_precision_ << 4));
  }
  [[nodiscard]] static constexpr period make(std::int32_t first, std::int32_t last, std::uint8_t precisions) noexcept {
    period p;
    p.first_ = date::from_days(first);
    p.last_ = date::from_days(last);
    p.start_precision_ = static_cast<std::uint8_t>(precisions & 15u);
    p.end_precision_ = static_cast<std::uint8_t>(precisions >> 4);
    return p;
  }
};

} // namespace orgraph::detail
