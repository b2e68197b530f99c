#include <orgraph/error.hpp>
#include <orgraph/time/date.hpp>

#include <gtest/gtest.h>

using orgraph::date;

TEST(Date, RoundTripsThroughText) {
  const date d = date::from_ymd(2009, 10, 26);
  EXPECT_EQ(d.to_string(), "2009-10-26");
  EXPECT_EQ(d.year(), 2009);
  EXPECT_EQ(d.month(), 10u);
  EXPECT_EQ(d.day(), 26u);
}
