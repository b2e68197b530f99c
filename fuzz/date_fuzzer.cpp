// parse_partial_date and parse_date on arbitrary text. A date that parses must be a real one
// (first_day and last_day succeed, in order), write itself as it was read, and parse again equal.

#include <orgraph/error.hpp>
#include <orgraph/time/date.hpp>

#include "fuzz_common.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const orgraph::partial_date p = orgraph::parse_partial_date(text);
    ORGRAPH_FUZZ_CHECK(p.first_day() <= p.last_day(), "a partial date ends before it starts");
    ORGRAPH_FUZZ_CHECK(orgraph::parse_partial_date(p.to_string()) == p, "to_string does not parse back equal");
    const orgraph::period both(p, p);
    ORGRAPH_FUZZ_CHECK(both.contains(p.first_day()) && both.contains(p.last_day()), "a period misses its own ends");
  } catch (const orgraph::error&) {
  }
  try {
    const orgraph::date d = orgraph::parse_date(text);
    ORGRAPH_FUZZ_CHECK(orgraph::parse_date(d.to_string()) == d, "a full date does not parse back equal");
    ORGRAPH_FUZZ_CHECK(orgraph::date::from_ymd(d.year(), d.month(), d.day()) == d, "year, month and day disagree");
  } catch (const orgraph::error&) {
  }
  return 0;
}
