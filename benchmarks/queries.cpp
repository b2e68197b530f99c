// Queries 1 to 6, each on the model, on an org_chart (line management only) and on the baseline.
// Every iteration asks about the next id of the fixed sample, so a result is the mean over the
// sample; the comparison script takes the median of the repetitions.

#include "context.hpp"

#include <orgraph/analysis/influence.hpp>

#include <memory>
#include <orgraph/analysis/validate.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/query/line_management.hpp>

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace orgraph_bench {
namespace {

using orgraph::vertex;

/// Register `name` running `f(id)` for the ids of `ids` in turn; `f` returns the answer's size.
/// The counter `answer` is the answer for the first id, so that the tools can be checked to agree.
template <class F>
void add(const std::string& name, const std::vector<vertex>& ids, F f) {
  benchmark::RegisterBenchmark(name.c_str(), [&ids, f](benchmark::State& state) {
    std::size_t i = 0;
    for (auto _ : state) {
      benchmark::DoNotOptimize(f(ids[i]));
      if (++i == ids.size())
        i = 0;
    }
    state.counters["answer"] = static_cast<double>(f(ids.front()));
  })->Unit(benchmark::kMicrosecond);
}

std::vector<vertex> all_reports_baseline(const csr& reports, vertex top) {
  std::vector<vertex> out;
  std::vector<std::uint32_t> frontier{static_cast<std::uint32_t>(top)};
  // A tree: no visited set is needed, as every node has one parent.
  for (std::size_t head = 0; head < frontier.size(); ++head)
    for (const std::uint32_t* p = reports.begin(frontier[head]); p != reports.end(frontier[head]); ++p) {
      out.push_back(*p);
      frontier.push_back(*p);
    }
  return out;
}

} // namespace

void register_queries() {
  context& c = ctx();
  const orgraph::model& m = c.model;
  const orgraph::org_chart& chart = *c.chart;
  const baseline& base = c.base;
  const orgraph::date on = c.on;
  static std::vector<vertex> top, mid, target;
  top = {c.sample.top};
  mid = {c.sample.mid};

  // 1. Effective line manager.
  add("line_manager/model", c.sample.person_ids, [&m, on](vertex v) {
    const auto a = orgraph::line_manager(m, v, on);
    return a && a->manager ? *a->manager : orgraph::no_vertex;
  });
  add("line_manager/chart", c.sample.person_ids, [&chart](vertex v) {
    const auto a = orgraph::line_manager(chart, v);
    return a && a->manager ? *a->manager : orgraph::no_vertex;
  });
  add("line_manager/baseline", c.sample.person_ids, [&base](vertex v) { return std::size_t{base.parent[v]}; });
  // The cheapest question a chart answers: the person alone, without the answer record.
  add("manager_of/chart", c.sample.person_ids, [&chart](vertex v) { return chart.manager_of(v); });
  add("manager_of/baseline", c.sample.person_ids, [&base](vertex v) { return std::size_t{base.parent[v]}; });

  // 2. The whole management chain.
  add("management_chain/model", c.sample.person_ids,
      [&m, on](vertex v) { return orgraph::management_chain(m, v, on).size(); });
  add("management_chain/chart", c.sample.person_ids, [&chart](vertex v) {
    std::size_t steps = 0;
    for (const orgraph::manager_answer& step : orgraph::management_chain(chart, v))
      steps += step.manager ? 1 : 0;
    return steps;
  });
  add("management_chain/baseline", c.sample.person_ids, [&base](vertex v) {
    static thread_local std::vector<std::uint32_t> chain;
    chain.clear();
    for (std::uint32_t u = base.parent[v]; u != none; u = base.parent[u])
      chain.push_back(u);
    return chain.size();
  });

  add("chain_of_persons/chart", c.sample.person_ids, [&chart](vertex v) {
    static thread_local std::vector<vertex> chain;
    chain.clear();
    for (vertex u = chart.manager_of(v); u != orgraph::no_vertex; u = chart.manager_of(u))
      chain.push_back(u);
    return chain.size();
  });
  add("chain_of_persons/baseline", c.sample.person_ids, [&base](vertex v) {
    static thread_local std::vector<std::uint32_t> chain;
    chain.clear();
    for (std::uint32_t u = base.parent[v]; u != none; u = base.parent[u])
      chain.push_back(u);
    return chain.size();
  });

  // 3. All reports of the top person and of a mid-level manager.
  for (const auto& [name, ids] : {std::pair{std::string("all_reports_top"), &top}, std::pair{std::string("all_reports_mid"), &mid}}) {
    add(name + "/model", *ids, [&m, on](vertex v) { return orgraph::all_reports(m, v, on).size(); });
    add(name + "/chart", *ids, [&chart](vertex v) { return orgraph::all_reports(chart, v).size(); });
    add(name + "/baseline", *ids, [&base](vertex v) { return all_reports_baseline(base.reports, v).size(); });
  }

  // 4. Members of a body on the date.
  add("members/model", c.sample.body_ids, [&m, on](vertex b) { return orgraph::members(m, b, on).size(); });
  add("members/baseline", c.sample.body_ids, [&base](vertex b) {
    static thread_local std::vector<std::uint32_t> out;
    out.assign(base.members.begin(static_cast<std::uint32_t>(b)), base.members.end(static_cast<std::uint32_t>(b)));
    return out.size();
  });

  // 5. Shortest influence path and independent channels from a team member to the top body.
  const vertex to = c.sample.target;
  add("influence_path/model", c.sample.member_ids, [&m, on, to](vertex v) {
    const auto paths = orgraph::influence_paths(m, v, to, on);
    return paths.empty() ? std::size_t{0} : paths.front().hops();
  });
  add("independent_channels/model", c.sample.member_ids,
      [&m, on, to](vertex v) { return orgraph::independent_channels(m, v, to, on).count(); });
  // The same questions on an influence_network built once for the date, as the chart is for line
  // management; reported in the snapshot column, its build time on its own row.
  static std::unique_ptr<orgraph::influence_network> net;
  net = std::make_unique<orgraph::influence_network>(m, on);
  add("influence_path/chart", c.sample.member_ids, [to](vertex v) {
    const auto paths = orgraph::influence_paths(*net, v, to, 1);
    return paths.empty() ? std::size_t{0} : paths.front().hops();
  });
  add("independent_channels/chart", c.sample.member_ids,
      [to](vertex v) { return orgraph::independent_channels(*net, v, to).count(); });
  // The yardstick for both: one breadth-first search over the same bipartite graph.
  const auto bfs = [&base, to](vertex v) {
    static thread_local std::vector<std::uint32_t> pred, queue;
    return static_cast<std::size_t>(bfs_path(base.influence, static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(to), pred, queue));
  };
  add("influence_path/baseline", c.sample.member_ids, bfs);
  add("independent_channels/baseline", c.sample.member_ids, bfs);

  // 6. Whole-model validation; the baseline checks the parent array for cycles and roots.
  add("validate/model", top, [&m, on](vertex) {
    const auto report = orgraph::validate(m, on);
    return report.errors.size() + report.warnings.size();
  });
  add("validate/baseline", top, [&base](vertex) {
    const std::size_t n = base.parent.size();
    std::vector<std::uint8_t> state(n, 0); // 0 unseen, 1 on the current walk, 2 done
    std::size_t findings = 0;
    for (std::size_t start = 0; start < n; ++start) {
      std::uint32_t v = static_cast<std::uint32_t>(start);
      while (v != none && state[v] == 0) {
        state[v] = 1;
        v = base.parent[v];
      }
      if (v != none && state[v] == 1)
        ++findings; // a cycle
      for (v = static_cast<std::uint32_t>(start); v != none && state[v] == 1; v = base.parent[v])
        state[v] = 2;
      if (base.parent[start] == none && base.reports.begin(static_cast<std::uint32_t>(start)) == base.reports.end(static_cast<std::uint32_t>(start)))
        ++findings; // managed by no one and managing no one
    }
    return findings;
  });

  // The cost of the snapshot itself, reported separately.
  add("chart_build/chart", top, [&m, on](vertex) { return orgraph::org_chart(m, on).model().node_count(); });
  add("network_build/chart", top, [&m, on](vertex) { return orgraph::influence_network(m, on).step_count(); });
}

} // namespace orgraph_bench
