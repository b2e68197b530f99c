// parse_csv on arbitrary text. The first byte picks the mapping (orgraph's person rows, the senior
// organogram, the junior organogram, or person rows with ';' separating fields), so one corpus
// reaches both row layouts; detect_csv_mapping sees the text too. A model that loads must survive
// the JSON round trip.

#include <orgraph/error.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/json.hpp>

#include "fuzz_common.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

orgraph::csv_mapping mapping_for(std::uint8_t selector) {
  switch (selector % 4) {
  case 1: return orgraph::csv_mapping::organogram();
  case 2: return orgraph::csv_mapping::organogram_junior();
  case 3: {
    orgraph::csv_mapping m;
    m.separator = ';';
    m.discipline_separator = '|';
    m.top_markers = {"XX"};
    return m;
  }
  default: return orgraph::csv_mapping{};
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0)
    return 0;
  const orgraph::csv_mapping mapping = mapping_for(data[0]);
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    (void)orgraph::detect_csv_mapping(text);
  } catch (const orgraph::parse_error&) {
    // a header wider than orgraph reads is refused with that reason (documented); anything else escapes
  }
  orgraph::model m;
  try {
    m = orgraph::parse_csv(text, mapping, "fuzz.csv");
  } catch (const orgraph::error&) {
    return 0;
  }
  orgraph::model reloaded;
  try {
    reloaded = orgraph::parse_json(orgraph::to_json(m), "written.json");
  } catch (const orgraph::error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    ORGRAPH_FUZZ_CHECK(false, "a model loaded from CSV does not survive the JSON round trip");
  }
  ORGRAPH_FUZZ_CHECK(reloaded == m, "a model loaded from CSV changes in the JSON round trip");
  return 0;
}
