// Issue 14, item 6: questions over ten years (the generator's 2015 to 2024) on the loaded model: the
// history of a person (every aspect, and the line manager alone), of the body with the most seats, of the
// sample's bodies, a window question, the timeline of the whole model, and the history_index they read.
// The generated bodies are small (a team, a board of fifteen), so a synthetic board of 100 and 1,000
// seat records over the same years shows how a body's history grows with its size: with the number of
// seats times the number of change dates, since members() is asked in full on each date.
//
// The benchmarks register themselves (this file needs no call from main.cpp) and read the context main()
// fills before any of them runs. Names are <question>/<form>, as the comparison script expects.

#include <orgraph/query/history.hpp>
#include <orgraph/query/timeline.hpp>

#include "context.hpp"

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

namespace orgraph_bench {
namespace {

using orgraph::date;
using orgraph::vertex;

date first_day() { return date::from_ymd(2015, 1, 1); }
date last_day() { return date::from_ymd(2024, 12, 31); }

/// Built on first use, outside any timed loop, and kept for every benchmark after.
const orgraph::history_index& index() {
  static const orgraph::history_index h(ctx().model);
  return h;
}

/// The body with the most memberships into it.
vertex largest_body() {
  static const vertex body = [] {
    const orgraph::model& m = ctx().model;
    vertex best = 0;
    std::size_t most = 0;
    for (vertex v = 0; v < m.node_count(); ++v)
      if (m.kind(v) == orgraph::node_kind::organization &&
          m.in_relations(v, orgraph::relation_type::member_of).size() > most) {
        most = m.in_relations(v, orgraph::relation_type::member_of).size();
        best = v;
      }
    return best;
  }();
  return body;
}

/// A board with `seats` seat records over the ten years: each member sits from a day to a later one,
/// a quarter of them again after a gap; a chair changes every two years; renamed halfway.
struct synthetic_board {
  orgraph::model m;
  vertex board = 0;

  explicit synthetic_board(std::size_t seats) {
    std::uint64_t state = 42;
    const auto next = [&state] {
      std::uint64_t z = (state += 0x9E3779B97F4A7C15u);
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
      return z ^ (z >> 31);
    };
    const std::int32_t days = last_day().days_since_epoch() - first_day().days_since_epoch() + 1;
    const auto day = [&](std::int32_t offset) {
      const date d = first_day().plus_days(offset);
      return orgraph::partial_date{d.year(), d.month(), d.day()};
    };
    board = m.add_organization("board", "Board", "board");
    const vertex renamed = m.add_organization("board-2", "Board (renamed)", "board");
    m.add_relation(board, renamed, {orgraph::relation_type::replaced_by, {day(days / 2), std::nullopt}});
    const std::size_t people = seats - seats / 4;
    for (std::size_t i = 0; i < people; ++i)
      m.add_person("p" + std::to_string(i), "Member " + std::to_string(i));
    for (std::size_t k = 0; k < seats; ++k) {
      const auto start = static_cast<std::int32_t>(next() % static_cast<std::uint64_t>(days));
      const auto length = static_cast<std::int32_t>(90 + next() % 1500);
      orgraph::relation seat{orgraph::relation_type::member_of, {day(start), day(std::min(start + length, days - 1))}};
      seat.role = k % 200 < 5 ? "Chair" : "member";
      m.add_relation(vertex{2 + k % people}, board, seat);
    }
  }
};

/// Register `name` asking `f` about the nodes `pick()` lists, one each iteration in turn. The nodes are
/// read when the benchmark runs (main() has loaded the model by then), and so is the index, before the
/// timed loop.
template <class Pick, class F> void add(const std::string& name, Pick pick, benchmark::TimeUnit unit, F f) {
  benchmark::RegisterBenchmark(name.c_str(), [pick, f](benchmark::State& state) {
    (void)index();
    const std::vector<vertex> list = pick();
    std::size_t i = 0, answer = 0;
    for (auto _ : state) {
      benchmark::DoNotOptimize(answer = f(list[i]));
      if (++i == list.size())
        i = 0;
    }
    state.counters["answer"] = static_cast<double>(f(list.front()));
  })->Unit(unit);
}

std::size_t history(vertex v) { return orgraph::history_of(index(), v, first_day(), last_day()).changes.size(); }

[[maybe_unused]] const bool registered = [] {
  const auto persons = [] { return ctx().sample.person_ids; };
  const auto bodies = [] { return ctx().sample.body_ids; };
  const auto largest = [] { return std::vector<vertex>{largest_body()}; };
  const auto mid = [] { return std::vector<vertex>{ctx().sample.mid}; };
  const auto none = [] { return std::vector<vertex>{0}; };

  // A person: every aspect, then the line manager alone; whom a mid-level manager managed.
  add("history_person/index", persons, benchmark::kMicrosecond, history);
  add("history_line_manager/index", persons, benchmark::kMicrosecond, [](vertex v) {
    return orgraph::history_of(index(), v, first_day(), last_day(), {orgraph::history_aspect::line_manager})
        .changes.size();
  });
  add("managed_between_mid/index", mid, benchmark::kMicrosecond,
      [](vertex v) { return orgraph::managed_between(index(), v, first_day(), last_day()).size(); });
  // Bodies: the one with the most memberships, and the sample's (mostly teams).
  add("history_body_largest/index", largest, benchmark::kMicrosecond, history);
  add("history_body_sample/index", bodies, benchmark::kMicrosecond, history);
  add("members_between_largest/index", largest, benchmark::kMicrosecond,
      [](vertex v) { return orgraph::members_between(index(), v, first_day(), last_day()).size(); });

  // The whole model: the timeline of the ten years, and the index itself.
  add("timeline/model", none, benchmark::kMillisecond,
      [](vertex) { return orgraph::timeline(ctx().model, first_day(), last_day()).size(); });
  add("history_index_build/model", none, benchmark::kMillisecond,
      [](vertex) { return orgraph::history_index(ctx().model).model().node_count(); });

  // A synthetic board of many seats, on its own small model.
  for (const std::size_t seats : {100, 1000})
    benchmark::RegisterBenchmark(
        ("history_board_" + std::to_string(seats) + "/index").c_str(),
        [seats](benchmark::State& state) {
          const synthetic_board b(seats);
          const orgraph::history_index h(b.m);
          std::size_t answer = 0;
          for (auto _ : state)
            benchmark::DoNotOptimize(answer = orgraph::history_of(h, b.board, first_day(), last_day()).changes.size());
          state.counters["answer"] = static_cast<double>(answer);
        })
        ->Unit(benchmark::kMillisecond);
  return true;
}();

} // namespace
} // namespace orgraph_bench
