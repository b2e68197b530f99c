#include <orgraph/error.hpp>
#include <orgraph/time/date.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>

using orgraph::date;
using orgraph::date_error;
using orgraph::date_precision;
using orgraph::parse_date;
using orgraph::parse_partial_date;
using orgraph::partial_date;
using orgraph::period;

namespace {

// The message of the date_error `f` throws; fails the test if it throws nothing or something else.
template <class F> std::string date_error_message(F&& f) {
  try {
    f();
  } catch (const date_error& e) {
    return e.what();
  } catch (...) {
    ADD_FAILURE() << "threw something other than orgraph::date_error";
    return {};
  }
  ADD_FAILURE() << "threw nothing";
  return {};
}

partial_date pd(const char* text) { return parse_partial_date(text); }

} // namespace

// ---------------------------------------------------------------------------------------------
// date

TEST(Date, RoundTripsThroughText) {
  const date d = date::from_ymd(2009, 10, 26);
  EXPECT_EQ(d.to_string(), "2009-10-26");
  EXPECT_EQ(d.year(), 2009);
  EXPECT_EQ(d.month(), 10u);
  EXPECT_EQ(d.day(), 26u);
}

TEST(Date, CountsDaysFromTheUnixEpoch) {
  EXPECT_EQ(date::from_ymd(1970, 1, 1).days_since_epoch(), 0);
  EXPECT_EQ(date(), date::from_ymd(1970, 1, 1));
  // 30 years of 365 days plus the leap days of 1972..1996 (seven of them).
  EXPECT_EQ(date::from_ymd(2000, 1, 1).days_since_epoch(), 30 * 365 + 7);
  // From 2000-01-01: nine years with three leap days (2000, 2004, 2008), then January to
  // September 2009 (273 days) and 25 more days.
  EXPECT_EQ(date::from_ymd(2009, 10, 26).days_since_epoch(), 30 * 365 + 7 + 9 * 365 + 3 + 273 + 25);
  EXPECT_EQ(date::from_ymd(1969, 12, 31).days_since_epoch(), -1);
}

TEST(Date, FromYmdAcceptsTheLeapDayOfALeapYearOnly) {
  EXPECT_NO_THROW((void)date::from_ymd(2008, 2, 29));
  EXPECT_NO_THROW((void)date::from_ymd(2000, 2, 29)); // divisible by 400
  EXPECT_THROW((void)date::from_ymd(2009, 2, 29), date_error);
  EXPECT_THROW((void)date::from_ymd(1900, 2, 29), date_error); // divisible by 100, not 400
  EXPECT_THROW((void)date::from_ymd(2009, 2, 30), date_error);
  EXPECT_THROW((void)date::from_ymd(2008, 2, 30), date_error);
}

TEST(Date, FromYmdRejectsDaysAndMonthsOutOfRange) {
  EXPECT_THROW((void)date::from_ymd(2009, 13, 1), date_error);
  EXPECT_THROW((void)date::from_ymd(2009, 0, 1), date_error);
  EXPECT_THROW((void)date::from_ymd(2009, 1, 0), date_error);
  EXPECT_THROW((void)date::from_ymd(2009, 4, 31), date_error);
  EXPECT_THROW((void)date::from_ymd(2009, 1, 32), date_error);
  EXPECT_NO_THROW((void)date::from_ymd(2009, 1, 31));
  EXPECT_NO_THROW((void)date::from_ymd(2009, 4, 30));
}

TEST(Date, FromYmdAcceptsYearsOneToNineThousandNineHundredNinetyNine) {
  EXPECT_THROW((void)date::from_ymd(0, 1, 1), date_error);
  EXPECT_THROW((void)date::from_ymd(10000, 1, 1), date_error);
  EXPECT_THROW((void)date::from_ymd(-1, 1, 1), date_error);
  EXPECT_EQ(date::from_ymd(1, 1, 1).to_string(), "0001-01-01");
  EXPECT_EQ(date::from_ymd(9999, 12, 31).to_string(), "9999-12-31");
}

TEST(Date, FromYmdErrorNamesTheBadDate) {
  const std::string leap = date_error_message([] { (void)date::from_ymd(2009, 2, 29); });
  EXPECT_NE(leap.find("2009-02-29"), std::string::npos) << leap;
  const std::string month = date_error_message([] { (void)date::from_ymd(2009, 13, 1); });
  EXPECT_NE(month.find("13"), std::string::npos) << month;
  const std::string year = date_error_message([] { (void)date::from_ymd(10000, 1, 1); });
  EXPECT_NE(year.find("10000"), std::string::npos) << year;
}

TEST(Date, PlusDaysCrossesMonthYearAndLeapDay) {
  EXPECT_EQ(date::from_ymd(2008, 2, 28).plus_days(1), date::from_ymd(2008, 2, 29));
  EXPECT_EQ(date::from_ymd(2009, 2, 28).plus_days(1), date::from_ymd(2009, 3, 1));
  EXPECT_EQ(date::from_ymd(2009, 12, 31).plus_days(1), date::from_ymd(2010, 1, 1));
  EXPECT_EQ(date::from_ymd(2010, 1, 1).plus_days(-1), date::from_ymd(2009, 12, 31));
  EXPECT_EQ(date::from_ymd(2009, 1, 1).plus_days(365), date::from_ymd(2010, 1, 1));
  EXPECT_EQ(date::from_ymd(2008, 1, 1).plus_days(365), date::from_ymd(2008, 12, 31));
}

TEST(Date, CalendarFieldsSurviveEveryDayOfALeapYearAndTheEnds) {
  // Walk 2008 day by day and check each day's fields against from_ymd: both conversions agree.
  const unsigned lengths[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  date d = date::from_ymd(2008, 1, 1);
  for (unsigned m = 1; m <= 12; ++m)
    for (unsigned day = 1; day <= lengths[m - 1]; ++day) {
      ASSERT_EQ(d, date::from_ymd(2008, m, day));
      ASSERT_EQ(d.year(), 2008);
      ASSERT_EQ(d.month(), m);
      ASSERT_EQ(d.day(), day);
      d = d.plus_days(1);
    }
  EXPECT_EQ(d.to_string(), "2009-01-01");
  EXPECT_EQ(date::from_ymd(1, 1, 1).year(), 1);
  EXPECT_EQ(date::from_ymd(9999, 12, 31).day(), 31u);
}

TEST(Date, OrdersByDay) {
  const date a = date::from_ymd(2009, 10, 2);
  const date b = date::from_ymd(2009, 12, 8);
  EXPECT_LT(a, b);
  EXPECT_LE(a, a);
  EXPECT_GT(b, a);
  EXPECT_GE(b, b);
  EXPECT_NE(a, b);
  EXPECT_LT(date::min(), date::from_ymd(1, 1, 1));
  EXPECT_GT(date::max(), date::from_ymd(9999, 12, 31));
}

TEST(Date, TodayIsARealDateAfterTheSeedDocuments) {
  const date t = date::today();
  EXPECT_GT(t, date::from_ymd(2011, 4, 14));
  EXPECT_LT(t, date::from_ymd(9999, 12, 31));
}

// ---------------------------------------------------------------------------------------------
// partial_date and parsing

TEST(PartialDate, ParsesAYearAlone) {
  const partial_date p = parse_partial_date("2009");
  EXPECT_EQ(p.year, 2009);
  EXPECT_EQ(p.month, 0u);
  EXPECT_EQ(p.day, 0u);
  EXPECT_EQ(p.precision(), date_precision::year);
  EXPECT_EQ(p.to_string(), "2009");
}

TEST(PartialDate, ParsesAYearAndMonth) {
  const partial_date p = parse_partial_date("2009-10");
  EXPECT_EQ(p.year, 2009);
  EXPECT_EQ(p.month, 10u);
  EXPECT_EQ(p.day, 0u);
  EXPECT_EQ(p.precision(), date_precision::month);
  EXPECT_EQ(p.to_string(), "2009-10");
}

TEST(PartialDate, ParsesAFullDate) {
  const partial_date p = parse_partial_date("2009-10-26");
  EXPECT_EQ(p.year, 2009);
  EXPECT_EQ(p.month, 10u);
  EXPECT_EQ(p.day, 26u);
  EXPECT_EQ(p.precision(), date_precision::day);
  EXPECT_EQ(p.to_string(), "2009-10-26");
}

TEST(PartialDate, IgnoresATimeOfDay) {
  const partial_date p = parse_partial_date("2009-10-26T10:00:00Z");
  EXPECT_EQ(p, (partial_date{2009, 10, 26}));
  EXPECT_EQ(p.precision(), date_precision::day);
}

TEST(PartialDate, RejectsMalformedText) {
  for (const char* bad : {"2009-1-5", "09-10-26", "2009/10/26", "", "2009-10-26x", "2009-10-2", "20091026", "2009-",
                          "2009-10-", " 2009", "2009 ", "abcd", "2009-1a", "+2009", "2009-10T10:00"})
    EXPECT_THROW((void)parse_partial_date(bad), date_error) << "'" << bad << "'";
}

TEST(PartialDate, RejectsDatesThatDoNotExist) {
  for (const char* bad :
       {"0000", "2009-00", "2009-13", "2009-02-29", "2009-02-30", "2009-04-31", "2009-10-00", "2009-10-32"})
    EXPECT_THROW((void)parse_partial_date(bad), date_error) << bad;
  EXPECT_NO_THROW((void)parse_partial_date("2008-02-29"));
  EXPECT_NO_THROW((void)parse_partial_date("0001"));
  EXPECT_NO_THROW((void)parse_partial_date("9999-12-31"));
}

TEST(PartialDate, ErrorMessageQuotesTheText) {
  for (const char* bad : {"2009-1-5", "09-10-26", "2009/10/26", "2009-10-26x", "2009-02-29", "2009-13"}) {
    const std::string message = date_error_message([&] { (void)parse_partial_date(bad); });
    EXPECT_NE(message.find(std::string("'") + bad + "'"), std::string::npos) << message;
  }
  const std::string empty = date_error_message([] { (void)parse_partial_date(""); });
  EXPECT_NE(empty.find("''"), std::string::npos) << empty;
}

TEST(PartialDate, DateErrorIsAnOrgraphError) { EXPECT_THROW((void)parse_partial_date("nonsense"), orgraph::error); }

TEST(PartialDate, FirstAndLastDayOfAMonth) {
  EXPECT_EQ(pd("2009-10").first_day(), date::from_ymd(2009, 10, 1));
  EXPECT_EQ(pd("2009-10").last_day(), date::from_ymd(2009, 10, 31));
  EXPECT_EQ(pd("2009-02").last_day(), date::from_ymd(2009, 2, 28));
  EXPECT_EQ(pd("2008-02").last_day(), date::from_ymd(2008, 2, 29));
  EXPECT_EQ(pd("2009-04").last_day(), date::from_ymd(2009, 4, 30));
  EXPECT_EQ(pd("2009-12").last_day(), date::from_ymd(2009, 12, 31));
}

TEST(PartialDate, FirstAndLastDayOfAYear) {
  EXPECT_EQ(pd("2009").first_day(), date::from_ymd(2009, 1, 1));
  EXPECT_EQ(pd("2009").last_day(), date::from_ymd(2009, 12, 31));
}

TEST(PartialDate, AFullDateIsItsOwnFirstAndLastDay) {
  EXPECT_EQ(pd("2009-10-26").first_day(), date::from_ymd(2009, 10, 26));
  EXPECT_EQ(pd("2009-10-26").last_day(), date::from_ymd(2009, 10, 26));
}

TEST(PartialDate, ToStringPadsWithZeros) {
  EXPECT_EQ((partial_date{2009, 2, 0}).to_string(), "2009-02");
  EXPECT_EQ((partial_date{2009, 2, 3}).to_string(), "2009-02-03");
  EXPECT_EQ((partial_date{812, 0, 0}).to_string(), "0812");
}

TEST(ParseDate, AcceptsAFullDate) {
  EXPECT_EQ(parse_date("2009-12-08"), date::from_ymd(2009, 12, 8));
  EXPECT_EQ(parse_date("2011-04-14T09:30:00Z"), date::from_ymd(2011, 4, 14));
}

TEST(ParseDate, RequiresAFullDate) {
  EXPECT_THROW((void)parse_date("2009"), date_error);
  EXPECT_THROW((void)parse_date("2009-10"), date_error);
  const std::string message = date_error_message([] { (void)parse_date("2009-10"); });
  EXPECT_NE(message.find("'2009-10'"), std::string::npos) << message;
  EXPECT_THROW((void)parse_date("2009-02-29"), date_error);
  EXPECT_THROW((void)parse_date("26/10/2009"), date_error);
}

// ---------------------------------------------------------------------------------------------
// period

TEST(Period, ContainsBothEndsInclusive) {
  const period p{pd("2009-10-02"), pd("2009-12-08")};
  EXPECT_FALSE(p.contains(date::from_ymd(2009, 10, 1)));
  EXPECT_TRUE(p.contains(date::from_ymd(2009, 10, 2)));
  EXPECT_TRUE(p.contains(date::from_ymd(2009, 11, 15)));
  EXPECT_TRUE(p.contains(date::from_ymd(2009, 12, 8)));
  EXPECT_FALSE(p.contains(date::from_ymd(2009, 12, 9)));
}

TEST(Period, ASingleDayPeriodContainsOnlyThatDay) {
  const period p{pd("2011-04-14"), pd("2011-04-14")};
  EXPECT_TRUE(p.contains(date::from_ymd(2011, 4, 14)));
  EXPECT_FALSE(p.contains(date::from_ymd(2011, 4, 13)));
  EXPECT_FALSE(p.contains(date::from_ymd(2011, 4, 15)));
}

TEST(Period, PartialBoundsCoverTheirWholeMonthOrYear) {
  const period p{pd("2009-10"), pd("2010")};
  EXPECT_FALSE(p.contains(date::from_ymd(2009, 9, 30)));
  EXPECT_TRUE(p.contains(date::from_ymd(2009, 10, 1)));
  EXPECT_TRUE(p.contains(date::from_ymd(2010, 12, 31)));
  EXPECT_FALSE(p.contains(date::from_ymd(2011, 1, 1)));
  EXPECT_EQ(p.first_day(), date::from_ymd(2009, 10, 1));
  EXPECT_EQ(p.last_day(), date::from_ymd(2010, 12, 31));
}

TEST(Period, OpenStartMeansSinceAlways) {
  const period p{std::nullopt, pd("2009-10-26")};
  EXPECT_TRUE(p.contains(date::from_ymd(1, 1, 1)));
  EXPECT_TRUE(p.contains(date::from_ymd(2009, 10, 26)));
  EXPECT_FALSE(p.contains(date::from_ymd(2009, 10, 27)));
  EXPECT_EQ(p.first_day(), date::min());
  EXPECT_FALSE(p.start().has_value());
  EXPECT_FALSE(p.has_start());
  EXPECT_TRUE(p.has_end());
}

TEST(Period, OpenEndMeansStillInForce) {
  const period p{pd("2009-10-26"), std::nullopt};
  EXPECT_FALSE(p.contains(date::from_ymd(2009, 10, 25)));
  EXPECT_TRUE(p.contains(date::from_ymd(2009, 10, 26)));
  EXPECT_TRUE(p.contains(date::from_ymd(9999, 12, 31)));
  EXPECT_EQ(p.last_day(), date::max());
  EXPECT_FALSE(p.end().has_value());
  EXPECT_FALSE(p.has_end());
  EXPECT_TRUE(p.has_start());
}

TEST(Period, DefaultIsAlwaysInForce) {
  const period p;
  EXPECT_TRUE(p.contains(date::from_ymd(1, 1, 1)));
  EXPECT_TRUE(p.contains(date::from_ymd(2009, 10, 26)));
  EXPECT_TRUE(p.contains(date::from_ymd(9999, 12, 31)));
  EXPECT_FALSE(p.start().has_value());
  EXPECT_FALSE(p.end().has_value());
  EXPECT_EQ(p, (period{std::nullopt, std::nullopt}));
}

TEST(Period, EndBeforeStartThrowsNamingBoth) {
  EXPECT_THROW((period{pd("2009-12-08"), pd("2009-12-07")}), date_error);
  EXPECT_THROW((period{pd("2010"), pd("2009-12")}), date_error);
  const std::string message = date_error_message([] {
    period p{pd("2011-04-14"), pd("2011-01")};
    (void)p;
  });
  EXPECT_NE(message.find("2011-04-14"), std::string::npos) << message;
  EXPECT_NE(message.find("2011-01"), std::string::npos) << message;
}

TEST(Period, EndInsideTheStartMonthIsAllowed) {
  // "2009-10" as a start means 1 October, so an end on 15 October is after it.
  EXPECT_NO_THROW((period{pd("2009-10"), pd("2009-10-15")}));
  // "2009-10" as an end means 31 October, so a start on 26 October is before it.
  EXPECT_NO_THROW((period{pd("2009-10-26"), pd("2009-10")}));
  EXPECT_NO_THROW((period{pd("2009"), pd("2009")}));
}

TEST(Period, StartAndEndComeBackAsWritten) {
  const period by_year{pd("2009"), pd("2011")};
  EXPECT_EQ(by_year.start(), pd("2009"));
  EXPECT_EQ(by_year.end(), pd("2011"));
  EXPECT_EQ(by_year.end()->to_string(), "2011");

  const period by_month{pd("2009-10"), pd("2010-02")};
  EXPECT_EQ(by_month.start(), pd("2009-10"));
  EXPECT_EQ(by_month.end(), pd("2010-02"));
  EXPECT_EQ(by_month.end()->to_string(), "2010-02");

  const period by_day{pd("2009-10-26"), pd("2011-04-14")};
  EXPECT_EQ(by_day.start(), pd("2009-10-26"));
  EXPECT_EQ(by_day.end(), pd("2011-04-14"));
}

TEST(Period, EqualityIncludesThePrecisionWritten) {
  // The same days, written differently, are different periods: a saved model keeps what it read.
  const period month{pd("2009-10"), std::nullopt};
  const period day{pd("2009-10-01"), std::nullopt};
  EXPECT_EQ(month.first_day(), day.first_day());
  EXPECT_NE(month, day);
  EXPECT_EQ(month, (period{pd("2009-10"), std::nullopt}));
}

TEST(Period, OverlapsWhenTheyShareADay) {
  const period autumn{pd("2009-09-01"), pd("2009-12-08")};
  EXPECT_TRUE(autumn.overlaps(period{pd("2009-12-08"), std::nullopt}));
  EXPECT_FALSE(autumn.overlaps(period{pd("2009-12-09"), std::nullopt}));
  EXPECT_TRUE(autumn.overlaps(period{std::nullopt, pd("2009-09-01")}));
  EXPECT_FALSE(autumn.overlaps(period{std::nullopt, pd("2009-08")}));
  EXPECT_TRUE(autumn.overlaps(period{}));
}

TEST(PartialDate, TimeOfDayMustLookLikeATime) {
  EXPECT_EQ(orgraph::parse_partial_date("2009-10-26T10:00").day, 26u);
  EXPECT_EQ(orgraph::parse_partial_date("2009-10-26T10:00:00+01:00").day, 26u);
  EXPECT_THROW((void)orgraph::parse_partial_date("2009-10-26T"), orgraph::date_error);
  EXPECT_THROW((void)orgraph::parse_partial_date("2009-10-26Tjunk"), orgraph::date_error);
  EXPECT_THROW((void)orgraph::parse_partial_date("2009-10-26T1000"), orgraph::date_error);
}
