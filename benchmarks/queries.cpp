// Queries 1 to 6, each on the model (the free functions with a date: a snapshot made and the parts it
// needs built by every call), on one snapshot prepared for the date, and on the baseline; then the
// whole-model operations and the snapshot's build, part by part. Every iteration asks about the next
// id of the fixed sample, so a result is the mean over the sample; the comparison script takes the
// median of the repetitions.

#include <orgraph/analysis/compare.hpp>
#include <orgraph/analysis/influence.hpp>
#include <orgraph/analysis/validate.hpp>
#include <orgraph/io/dot.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/query/line_management.hpp>
#include <orgraph/snapshot/influence_graph.hpp>

#include "context.hpp"
#include "counting_buffer.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace orgraph_bench {
namespace {

using orgraph::vertex;
using part = orgraph::snapshot::part;

/// Register `name` running `f(id)` for the ids of `ids` in turn; `f` returns the answer's size.
/// The counter `answer` is the answer for the first id, so that the tools can be checked to agree.
template <class F> void add(const std::string& name, const std::vector<vertex>& ids, F f) {
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

std::size_t dot_size(const orgraph::snapshot& s) {
  counting_buffer buffer;
  std::ostream out(&buffer);
  orgraph::write_dot(out, s);
  return buffer.count;
}

std::size_t changes(const orgraph::comparison& c) {
  return c.bodies_added.size() + c.bodies_removed.size() + c.members_added.size() + c.members_removed.size() +
         c.managers_changed.size();
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

std::size_t chain_baseline(const baseline& base, vertex v) {
  static thread_local std::vector<std::uint32_t> chain;
  chain.clear();
  for (std::uint32_t u = base.parent[v]; u != none; u = base.parent[u])
    chain.push_back(u);
  return chain.size();
}

std::size_t chain_persons(const std::vector<orgraph::manager_answer>& chain) {
  std::size_t steps = 0;
  for (const orgraph::manager_answer& step : chain)
    steps += step.manager ? 1 : 0;
  return steps;
}

std::size_t members_with_person(const std::vector<orgraph::membership>& seats) {
  std::size_t n = 0;
  for (const auto& seat : seats)
    n += seat.person ? 1 : 0;
  return n;
}

std::size_t path_hops(const std::vector<orgraph::influence_path>& paths) {
  return paths.empty() ? 0 : paths.front().hops();
}

std::size_t bfs_hops(const baseline& base, vertex v, vertex to) {
  static thread_local std::vector<std::uint32_t> pred, queue;
  const int steps =
      bfs_path(base.influence, static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(to), pred, queue);
  return steps < 0 ? 0 : static_cast<std::size_t>(steps);
}

std::size_t channels_baseline(const baseline& base, vertex v, vertex to) {
  static thread_local flow_scratch scratch;
  return channels(base, static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(to), scratch);
}

std::vector<std::uint32_t> separators_baseline(const baseline& base, vertex v, vertex to) {
  static thread_local std::vector<std::uint32_t> pred, queue;
  return separators(base, static_cast<std::uint32_t>(v), static_cast<std::uint32_t>(to), pred, queue);
}

/// The baseline's validation: the parent array checked for cycles and for persons managed by no one
/// who manage no one.
std::size_t validate_baseline(const baseline& base) {
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
    if (base.parent[start] == none &&
        base.reports.begin(static_cast<std::uint32_t>(start)) == base.reports.end(static_cast<std::uint32_t>(start)))
      ++findings; // managed by no one and managing no one
  }
  return findings;
}

/// Count the ids for which `a` and `b` answer differently, print the count under `name`.
template <class A, class B>
std::size_t differ(const char* name, const std::vector<vertex>& ids, std::size_t limit, A a, B b) {
  std::size_t asked = 0, wrong = 0;
  for (vertex v : ids) {
    if (asked == limit)
      break;
    ++asked;
    if (!(a(v) == b(v))) {
      if (wrong == 0)
        std::cerr << "check: " << name << " differs first at vertex " << v << '\n';
      ++wrong;
    }
  }
  std::cerr << "check: " << name << ": " << asked << " asked, " << wrong << " differ\n";
  return wrong;
}

} // namespace

std::size_t check_answers() {
  const context& c = ctx();
  const orgraph::model& m = c.model;
  const orgraph::org_chart& s = *c.snap;
  const baseline& base = c.base;
  const orgraph::date on = c.on;
  const vertex to = c.sample.target;
  const std::vector<vertex> top{c.sample.top}, mid{c.sample.mid};
  const std::size_t all = static_cast<std::size_t>(-1);
  // The model's forms make a snapshot per question; at a million persons an influence question on the
  // model builds the influence graph each time, so only a few ids are asked of it.
  const std::size_t few = c.sample.persons >= 100000 ? 2 : 20;
  std::size_t wrong = 0;

  const auto manager = [](const std::optional<orgraph::manager_answer>& a) {
    return a && a->manager ? *a->manager : orgraph::no_vertex;
  };
  const auto parent = [&](vertex v) { return base.parent[v] == none ? orgraph::no_vertex : vertex{base.parent[v]}; };
  wrong += differ(
      "line_manager snapshot/baseline", c.sample.person_ids, all,
      [&](vertex v) { return manager(orgraph::line_manager(s, v)); }, parent);
  wrong += differ(
      "manager_of snapshot/baseline", c.sample.person_ids, all, [&](vertex v) { return s.manager_of(v); }, parent);
  wrong += differ(
      "line_manager model/snapshot", c.sample.person_ids, all,
      [&](vertex v) { return orgraph::line_manager(m, v, on); }, [&](vertex v) { return orgraph::line_manager(s, v); });
  wrong += differ(
      "management_chain snapshot/baseline", c.sample.person_ids, all,
      [&](vertex v) { return chain_persons(orgraph::management_chain(static_cast<const orgraph::snapshot&>(s), v)); },
      [&](vertex v) { return chain_baseline(base, v); });
  wrong += differ(
      "management_chain model/snapshot", c.sample.person_ids, few,
      [&](vertex v) { return orgraph::management_chain(m, v, on); },
      [&](vertex v) { return orgraph::management_chain(static_cast<const orgraph::snapshot&>(s), v); });
  for (const auto* ids : {&top, &mid}) {
    // The same persons; the baseline's order within a level follows its parents, orgraph's the vertices.
    const auto sorted = [](std::vector<vertex> v) {
      std::sort(v.begin(), v.end());
      return v;
    };
    wrong += differ(
        "all_reports snapshot/baseline", *ids, all, [&](vertex v) { return sorted(orgraph::all_reports(s, v)); },
        [&](vertex v) { return sorted(all_reports_baseline(base.reports, v)); });
    wrong += differ(
        "all_reports model/snapshot", *ids, all, [&](vertex v) { return orgraph::all_reports(m, v, on); },
        [&](vertex v) { return orgraph::all_reports(s, v); });
  }
  wrong += differ(
      "members snapshot/baseline", c.sample.body_ids, all,
      [&](vertex b) { return members_with_person(orgraph::members(s, b)); },
      [&](vertex b) {
        return static_cast<std::size_t>(base.members.end(static_cast<std::uint32_t>(b)) -
                                        base.members.begin(static_cast<std::uint32_t>(b)));
      });
  wrong += differ(
      "members model/snapshot", c.sample.body_ids, few, [&](vertex b) { return orgraph::members(m, b, on); },
      [&](vertex b) { return orgraph::members(s, b); });
  {
    const std::size_t a = num_edges(orgraph::influence_graph(s)), b = base.influence.targets.size();
    std::cerr << "check: influence graph edges: snapshot " << a << ", baseline " << b << '\n';
    wrong += a == b ? 0 : 1;
  }
  wrong += differ(
      "influence_path snapshot/baseline", c.sample.member_ids, all,
      [&](vertex v) { return path_hops(orgraph::influence_paths(s, v, to)); },
      [&](vertex v) { return bfs_hops(base, v, to); });
  wrong += differ(
      "influence_path model/snapshot", c.sample.member_ids, few,
      [&](vertex v) { return orgraph::influence_paths(m, v, to, on); },
      [&](vertex v) { return orgraph::influence_paths(s, v, to); });
  wrong += differ(
      "independent_channels snapshot/baseline", c.sample.member_ids, all,
      [&](vertex v) { return orgraph::independent_channels(s, v, to).count(); },
      [&](vertex v) { return channels_baseline(base, v, to); });
  wrong += differ(
      "independent_channels model/snapshot", c.sample.member_ids, few,
      [&](vertex v) { return orgraph::independent_channels(m, v, to, on).paths; },
      [&](vertex v) { return orgraph::independent_channels(s, v, to).paths; });
  wrong += differ(
      "single_points_of_failure snapshot/baseline", c.sample.member_ids, all,
      [&](vertex v) {
        const auto cut = orgraph::single_points_of_failure(s, v, to);
        return std::vector<std::uint32_t>(cut.begin(), cut.end());
      },
      [&](vertex v) { return separators_baseline(base, v, to); });
  wrong += differ(
      "single_points_of_failure model/snapshot", c.sample.member_ids, few,
      [&](vertex v) { return orgraph::single_points_of_failure(m, v, to, on); },
      [&](vertex v) { return orgraph::single_points_of_failure(s, v, to); });
  std::cerr << "check: " << wrong << " answers differ in all\n";
  return wrong;
}

void register_queries() {
  context& c = ctx();
  const orgraph::model& m = c.model;
  const orgraph::org_chart& chart = *c.snap;
  const orgraph::snapshot& snap = chart;
  const baseline& base = c.base;
  const orgraph::date on = c.on;
  static std::vector<vertex> top, mid;
  top = {c.sample.top};
  mid = {c.sample.mid};

  // 1. Effective line manager.
  add("line_manager/model", c.sample.person_ids, [&m, on](vertex v) {
    const auto a = orgraph::line_manager(m, v, on);
    return a && a->manager ? *a->manager : orgraph::no_vertex;
  });
  add("line_manager/snapshot", c.sample.person_ids, [&snap](vertex v) {
    const auto a = orgraph::line_manager(snap, v);
    return a && a->manager ? *a->manager : orgraph::no_vertex;
  });
  add("line_manager/baseline", c.sample.person_ids, [&base](vertex v) { return std::size_t{base.parent[v]}; });
  // The cheapest question a snapshot answers: the person alone, without the answer record.
  add("manager_of/snapshot", c.sample.person_ids, [&chart](vertex v) { return chart.manager_of(v); });
  add("manager_of/baseline", c.sample.person_ids, [&base](vertex v) { return std::size_t{base.parent[v]}; });

  // 2. The whole management chain.
  add("management_chain/model", c.sample.person_ids,
      [&m, on](vertex v) { return orgraph::management_chain(m, v, on).size(); });
  add("management_chain/snapshot", c.sample.person_ids,
      [&snap](vertex v) { return chain_persons(orgraph::management_chain(snap, v)); });
  add("management_chain/baseline", c.sample.person_ids, [&base](vertex v) { return chain_baseline(base, v); });
  add("chain_of_persons/snapshot", c.sample.person_ids, [&chart](vertex v) {
    static thread_local std::vector<vertex> chain;
    chain.clear();
    for (vertex u = chart.manager_of(v); u != orgraph::no_vertex; u = chart.manager_of(u))
      chain.push_back(u);
    return chain.size();
  });
  add("chain_of_persons/baseline", c.sample.person_ids, [&base](vertex v) { return chain_baseline(base, v); });

  // 3. All reports of the top person and of a mid-level manager.
  for (const auto& [name, ids] :
       {std::pair{std::string("all_reports_top"), &top}, std::pair{std::string("all_reports_mid"), &mid}}) {
    add(name + "/model", *ids, [&m, on](vertex v) { return orgraph::all_reports(m, v, on).size(); });
    add(name + "/snapshot", *ids, [&snap](vertex v) { return orgraph::all_reports(snap, v).size(); });
    add(name + "/baseline", *ids, [&base](vertex v) { return all_reports_baseline(base.reports, v).size(); });
  }

  // 4. Members of a body on the date.
  add("members/model", c.sample.body_ids, [&m, on](vertex b) { return orgraph::members(m, b, on).size(); });
  add("members/snapshot", c.sample.body_ids, [&snap](vertex b) { return orgraph::members(snap, b).size(); });
  add("members/baseline", c.sample.body_ids, [&base](vertex b) {
    static thread_local std::vector<std::uint32_t> out;
    out.assign(base.members.begin(static_cast<std::uint32_t>(b)), base.members.end(static_cast<std::uint32_t>(b)));
    return out.size();
  });

  // 5. Shortest influence path, independent channels and single points of failure from a team member
  // to the top body. On the model each question builds the influence graph for the date.
  const vertex to = c.sample.target;
  add("influence_path/model", c.sample.member_ids,
      [&m, on, to](vertex v) { return path_hops(orgraph::influence_paths(m, v, to, on)); });
  add("influence_path/snapshot", c.sample.member_ids,
      [&snap, to](vertex v) { return path_hops(orgraph::influence_paths(snap, v, to)); });
  add("influence_path/baseline", c.sample.member_ids, [&base, to](vertex v) { return bfs_hops(base, v, to); });
  add("independent_channels/model", c.sample.member_ids,
      [&m, on, to](vertex v) { return orgraph::independent_channels(m, v, to, on).count(); });
  add("independent_channels/snapshot", c.sample.member_ids,
      [&snap, to](vertex v) { return orgraph::independent_channels(snap, v, to).count(); });
  add("independent_channels/baseline", c.sample.member_ids,
      [&base, to](vertex v) { return channels_baseline(base, v, to); });
  add("single_points_of_failure/model", c.sample.member_ids,
      [&m, on, to](vertex v) { return orgraph::single_points_of_failure(m, v, to, on).size(); });
  add("single_points_of_failure/snapshot", c.sample.member_ids,
      [&snap, to](vertex v) { return orgraph::single_points_of_failure(snap, v, to).size(); });
  add("single_points_of_failure/baseline", c.sample.member_ids,
      [&base, to](vertex v) { return separators_baseline(base, v, to).size(); });

  // 6. Whole-model operations: validation (the baseline checks the parent array for cycles and
  // roots), the DOT picture and the comparison of the date with a year before.
  add("validate/model", top, [&m, on](vertex) {
    const auto report = orgraph::validate(m, on);
    return report.errors.size() + report.warnings.size();
  });
  add("validate/snapshot", top, [&snap](vertex) {
    const auto report = orgraph::validate(snap);
    return report.errors.size() + report.warnings.size();
  });
  add("validate/baseline", top, [&base](vertex) { return validate_baseline(base); });
  add("dot/model", top, [&m, on](vertex) { return dot_size(orgraph::snapshot(m, on)); });
  add("dot/snapshot", top, [&snap](vertex) { return dot_size(snap); });
  add("compare/model", top, [&m, on](vertex) { return changes(orgraph::compare(m, on.plus_days(-365), on)); });

  // The snapshot's build, part by part: each timed on a fresh snapshot whose earlier parts (those it
  // reads) are built untimed first; `all` is prepare() on a fresh snapshot, every part included.
  const std::pair<const char*, part> parts[] = {
      {"bodies", part::bodies}, {"holders", part::holders}, {"line_management", part::line_management},
      {"seats", part::seats},   {"links", part::links},     {"influence", part::influence},
      {"all", part::all}};
  const auto needs = [](part p) {
    switch (p) {
    case part::line_management: return part::holders;
    case part::seats:
      return static_cast<part>(static_cast<unsigned>(part::bodies) | static_cast<unsigned>(part::holders));
    case part::links: return part::bodies;
    case part::influence:
      return static_cast<part>(static_cast<unsigned>(part::bodies) | static_cast<unsigned>(part::holders) |
                               static_cast<unsigned>(part::seats));
    default: return static_cast<part>(0);
    }
  };
  for (const auto& [name, p] : parts) {
    const part first = needs(p), what = p;
    benchmark::RegisterBenchmark((std::string("build_") + name + "/snapshot").c_str(), [&m, on, first,
                                                                                        what](benchmark::State& state) {
      for (auto _ : state) {
        state.PauseTiming();
        auto s = std::make_unique<orgraph::snapshot>(m, on);
        if (static_cast<unsigned>(first) != 0)
          s->prepare(first);
        state.ResumeTiming();
        s->prepare(what);
        state.PauseTiming();
        s.reset();
        state.ResumeTiming();
      }
    })->Unit(benchmark::kMillisecond);
  }
}

} // namespace orgraph_bench
