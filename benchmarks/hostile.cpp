// orgraph_bench_hostile [--max=N] [Google Benchmark flags]: the hostile shapes of issue 12, at 10^4,
// 10^5 and 10^6 (up to N), so that the growth shows: a management chain as long as the organisation
// (each person manages the next) and one body with every person a member of it. Each model is built
// once per size, in this process; every benchmark is one question asked of it.
//
//   chain_build/snapshot     an org_chart of the chain (its line-management part)
//   chain_last/snapshot      management_chain of the last person, on that chart
//   chain_last/model         the same on the model with a date (resolved step by step)
//   reports_first/snapshot   all_reports of the first person (everyone else)
//   body_members/snapshot    members() of the body, on a snapshot with every part built
//   body_members/model       the same on the model with a date
//   body_size/model          membership_size() on the model with a date
//   body_validate/model      validate() of the whole model on the date
//   body_dot/model           write_dot() of the whole model on the date, to a stream that only counts
//   body_compare/model       compare() of the date with one before half the members joined

#include <orgraph/analysis/compare.hpp>
#include <orgraph/analysis/validate.hpp>
#include <orgraph/io/dot.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/query/line_management.hpp>
#include <orgraph/query/org_chart.hpp>

#include "counting_buffer.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace {

using orgraph::vertex;
using orgraph_bench::counting_buffer;

const orgraph::date on = orgraph::date::from_ymd(2024, 12, 31);
const orgraph::date before = orgraph::date::from_ymd(2024, 1, 1);

/// Persons p0 … p(n-1), each managing the next.
orgraph::model chain_of(std::size_t n) {
  orgraph::model m;
  m.reserve(n, 16 * n);
  for (std::size_t i = 0; i < n; ++i)
    m.add_person("p" + std::to_string(i), "Person " + std::to_string(i));
  for (std::size_t i = 0; i + 1 < n; ++i)
    m.add_relation(i, i + 1, {orgraph::relation_type::manages});
  m.shrink_to_fit();
  return m;
}

/// One board and n persons, every one of them a member: half since the board was founded (undated),
/// half from 2024-06-01, so that comparing 2024-01-01 with the date finds half of them added.
orgraph::model body_of(std::size_t n) {
  orgraph::model m;
  m.reserve(n + 1, 16 * n);
  const vertex board = m.add_organization("board", "The board", "board");
  const orgraph::period joined(orgraph::parse_partial_date("2024-06-01"), std::nullopt);
  for (std::size_t i = 0; i < n; ++i) {
    const vertex p = m.add_person("p" + std::to_string(i), "Person " + std::to_string(i));
    orgraph::relation r(orgraph::relation_type::member_of, i % 2 == 0 ? orgraph::period{} : joined);
    r.role = i == 0 ? "chair" : "member";
    m.add_relation(p, board, r);
  }
  m.shrink_to_fit();
  return m;
}

/// Each shape built once per size and kept for the process.
const orgraph::model& shape(bool chain, std::size_t n) {
  static std::map<std::pair<bool, std::size_t>, std::unique_ptr<orgraph::model>> built;
  auto& slot = built[{chain, n}];
  if (!slot)
    slot = std::make_unique<orgraph::model>(chain ? chain_of(n) : body_of(n));
  return *slot;
}

/// Register `name` at each size, running `f(model, n)`, which returns the answer's size.
template <class F> void add(const char* name, bool chain, const std::vector<std::int64_t>& sizes, F f) {
  auto* b = benchmark::RegisterBenchmark(name, [chain, f](benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const orgraph::model& m = shape(chain, n);
    std::size_t answer = 0;
    for (auto _ : state)
      benchmark::DoNotOptimize(answer = f(m, n));
    state.counters["answer"] = static_cast<double>(answer);
  });
  for (std::int64_t n : sizes)
    b->Arg(n);
  b->Unit(benchmark::kMillisecond);
}

} // namespace

int main(int argc, char** argv) {
  std::int64_t max = 1000000;
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i)
    if (std::strncmp(argv[i], "--max=", 6) == 0)
      max = std::strtoll(argv[i] + 6, nullptr, 10);
    else
      rest.push_back(argv[i]);
  int rest_count = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_count, rest.data());
  std::vector<std::int64_t> sizes;
  for (std::int64_t n = 10000; n <= max; n *= 10)
    sizes.push_back(n);
  if (sizes.empty())
    sizes.push_back(max);

  // The snapshots the questions on a snapshot use, one per model, built untimed.
  static std::map<const orgraph::model*, std::unique_ptr<orgraph::org_chart>> charts;
  const auto chart_of = [](const orgraph::model& m) -> const orgraph::org_chart& {
    auto& slot = charts[&m];
    if (!slot) {
      slot = std::make_unique<orgraph::org_chart>(m, on);
      slot->prepare();
    }
    return *slot;
  };

  add("chain_build/snapshot", true, sizes,
      [](const orgraph::model& m, std::size_t) { return orgraph::org_chart(m, on).chain_length(m.node_count() - 1); });
  add("chain_last/snapshot", true, sizes, [chart_of](const orgraph::model& m, std::size_t n) {
    return orgraph::management_chain(static_cast<const orgraph::snapshot&>(chart_of(m)), n - 1).size();
  });
  add("chain_last/model", true, sizes,
      [](const orgraph::model& m, std::size_t n) { return orgraph::management_chain(m, n - 1, on).size(); });
  add("reports_first/snapshot", true, sizes,
      [chart_of](const orgraph::model& m, std::size_t) { return orgraph::all_reports(chart_of(m), 0).size(); });
  add("body_members/snapshot", false, sizes,
      [chart_of](const orgraph::model& m, std::size_t) { return orgraph::members(chart_of(m), 0).size(); });
  add("body_members/model", false, sizes,
      [](const orgraph::model& m, std::size_t) { return orgraph::members(m, 0, on).size(); });
  add("body_size/model", false, sizes,
      [](const orgraph::model& m, std::size_t) { return orgraph::membership_size(m, 0, on); });
  add("body_validate/model", false, sizes, [](const orgraph::model& m, std::size_t) {
    const auto report = orgraph::validate(m, on);
    return report.errors.size() + report.warnings.size();
  });
  add("body_dot/model", false, sizes, [](const orgraph::model& m, std::size_t) {
    counting_buffer buffer;
    std::ostream out(&buffer);
    orgraph::write_dot(out, m, on);
    return buffer.count;
  });
  add("body_compare/model", false, sizes, [](const orgraph::model& m, std::size_t) {
    const auto c = orgraph::compare(m, before, on);
    return c.members_added.size() + c.members_removed.size();
  });

  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
