// orgraph_bench --data=DIR [Google Benchmark flags]: the query and I/O benchmarks on the data
// folder orgraph_bench_data wrote. Names are <query>/<tool>, tool being `model` (orgraph's free
// functions on the model, with a date: each makes a snapshot and builds the parts it needs),
// `snapshot` (the same questions on one snapshot for the date with every part prepared) or
// `baseline` (flat arrays, no dates, ids or checks, written here). Before timing anything it checks
// that the snapshot, the model and the baseline give the same answers (--check-only stops there).

#include <orgraph/io/archive.hpp>

#include "context.hpp"

#include <benchmark/benchmark.h>

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace orgraph_bench {
context& ctx() {
  static context c;
  return c;
}
} // namespace orgraph_bench

int main(int argc, char** argv) {
  using namespace orgraph_bench;
  std::vector<char*> rest;
  std::string dir;
  bool check_only = false;
  for (int i = 0; i < argc; ++i)
    if (std::strncmp(argv[i], "--data=", 7) == 0)
      dir = argv[i] + 7;
    else if (std::strcmp(argv[i], "--check-only") == 0)
      check_only = true;
    else
      rest.push_back(argv[i]);
  if (dir.empty()) {
    std::cerr << "usage: orgraph_bench --data=DIR [benchmark flags]; DIR is written by orgraph_bench_data\n";
    return 2;
  }
  int rest_count = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_count, rest.data());

  context& c = ctx();
  c.data.dir = dir;
  c.sample = read_sample(c.data);
  c.on = query_date();
  c.model = orgraph::load_archive(c.data.archive());
  c.snap = std::make_unique<orgraph::org_chart>(c.model, c.on);
  c.snap->prepare();
  c.base = make_baseline(*c.snap);
  benchmark::AddCustomContext("persons", std::to_string(c.sample.persons));
  benchmark::AddCustomContext("nodes", std::to_string(c.model.node_count()));
  benchmark::AddCustomContext("relations", std::to_string(c.model.relation_count()));

  const std::size_t differ = check_answers();
  benchmark::AddCustomContext("disagreements", std::to_string(differ));
  if (check_only)
    return differ == 0 ? 0 : 1;
  register_queries();
  register_io();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
