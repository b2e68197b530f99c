// Query 7: loading the model from JSON, CSV (line management only) and the binary archive, and
// saving it. From 100,000 persons one iteration a repetition, at a million one repetition: a
// million-person file takes tens of seconds.

#include <orgraph/io/archive.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/json.hpp>

#include "context.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

namespace orgraph_bench {
namespace {

template <class F> void add(const std::string& name, F f) {
  auto* b = benchmark::RegisterBenchmark(name.c_str(), [f](benchmark::State& state) {
    std::size_t size = 0;
    for (auto _ : state)
      size = f();
    state.counters["answer"] = static_cast<double>(size);
  });
  b->Unit(benchmark::kMillisecond);
  if (ctx().sample.persons >= 100000)
    b->Iterations(1); // seconds each
  if (ctx().sample.persons >= 1000000)
    b->Repetitions(1); // a few minutes for the five at a million persons; once is enough there
}

} // namespace

void register_io() {
  const context& c = ctx();
  const files& f = c.data;
  const std::filesystem::path scratch = f.dir / "scratch";
  std::filesystem::create_directories(scratch);

  add("load_json/model", [f] { return orgraph::load_json(f.json()).node_count(); });
  add("load_csv/model", [f] { return orgraph::load_csv(f.csv()).node_count(); });
  add("load_archive/model", [f] { return orgraph::load_archive(f.archive()).node_count(); });
  add("save_archive/model", [&c, scratch] {
    orgraph::save_archive(c.model, scratch / "model.orgraph");
    return std::size_t{1};
  });
  add("save_json/model", [&c, scratch] {
    orgraph::save_json(c.model, scratch / "model.json");
    return std::size_t{1};
  });
}

} // namespace orgraph_bench
