// parse_json on arbitrary bytes. A model that loads must write out and load back equal: the JSON
// writer and reader agree on every model the reader can produce.

#include <orgraph/error.hpp>
#include <orgraph/io/json.hpp>

#include "fuzz_common.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  orgraph::model m;
  try {
    m = orgraph::parse_json(text, "fuzz.json");
  } catch (const orgraph::error&) {
    return 0; // bad input, reported as it should be
  }
  const std::string again = orgraph::to_json(m);
  orgraph::model reloaded;
  try {
    reloaded = orgraph::parse_json(again, "written.json");
  } catch (const orgraph::error& e) {
    std::fprintf(stderr, "%s\n--- written:\n%s\n", e.what(), again.c_str());
    ORGRAPH_FUZZ_CHECK(false, "to_json wrote a model that parse_json refuses");
  }
  ORGRAPH_FUZZ_CHECK(reloaded == m, "to_json then parse_json changed the model");
  return 0;
}
