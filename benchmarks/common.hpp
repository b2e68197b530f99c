#pragma once
// Shared by the benchmark programs: the data folder orgraph_bench_data writes, the fixed sample of
// ids every tool asks about, and the plain baseline (the same relations as flat arrays).

#include <orgraph/model/model.hpp>
#include <orgraph/snapshot/snapshot.hpp>
#include <orgraph/time/date.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace orgraph_bench {

/// Every query is asked as on this date: the last day of the generator's ten years (2015-2024).
orgraph::date query_date();

/// The files of one data folder (one size). Vertex numbers in the .tsv files are the model's.
struct files {
  std::filesystem::path dir;
  [[nodiscard]] std::filesystem::path json() const { return dir / "model.json"; }
  [[nodiscard]] std::filesystem::path archive() const { return dir / "model.orgraph"; }
  [[nodiscard]] std::filesystem::path csv() const { return dir / "persons.csv"; }
  [[nodiscard]] std::filesystem::path sample() const { return dir / "sample.txt"; }
};

/// The fixed random sample, as written to sample.txt.
struct sample {
  std::size_t persons = 0;                 ///< the generated size
  orgraph::vertex top = 0;                 ///< the chief executive: all reports of the top person
  orgraph::vertex mid = 0;                 ///< a mid-level manager (half the deepest chain down)
  orgraph::vertex target = 0;              ///< the top body influence is measured to (the council)
  std::vector<orgraph::vertex> person_ids; ///< persons for line manager and chain
  std::vector<orgraph::vertex> body_ids;   ///< bodies for members()
  std::vector<orgraph::vertex> member_ids; ///< team members (persons who manage nobody) for influence
};

sample read_sample(const files& f);

/// A compressed sparse row adjacency: the neighbours of v are targets[offsets[v] .. offsets[v+1]).
struct csr {
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> targets;

  csr() = default;
  csr(std::size_t vertices, std::vector<std::pair<std::uint32_t, std::uint32_t>> edges);
  [[nodiscard]] const std::uint32_t* begin(std::uint32_t v) const { return targets.data() + offsets[v]; }
  [[nodiscard]] const std::uint32_t* end(std::uint32_t v) const { return targets.data() + offsets[v + 1]; }
  [[nodiscard]] std::size_t bytes() const { return (offsets.capacity() + targets.capacity()) * sizeof(std::uint32_t); }
};

constexpr std::uint32_t none = 0xffffffffu;

/// The plain baseline: what the relations in force on the date are, as arrays. No dates, no ids, no
/// checks, nothing but what the queries need. Built from orgraph's own answers so it holds the same
/// relations (the influence graph from members() and the body relations, not from the snapshot's
/// influence part, so that the two can be checked against each other).
struct baseline {
  std::vector<std::uint32_t> parent; ///< effective line manager (a person) or `none`
  csr reports;                       ///< manager → persons they line-manage
  csr members;                       ///< body → persons sitting on it
  csr influence;                     ///< the bipartite influence graph (persons and bodies); edge e is targets[e]
  std::vector<std::uint32_t> influence_source; ///< the source of influence edge e
  csr influence_in;                            ///< w → the numbers of the influence edges into w
  [[nodiscard]] std::size_t bytes() const {
    return parent.capacity() * sizeof(std::uint32_t) + reports.bytes() + members.bytes() + influence.bytes() +
           influence_source.capacity() * sizeof(std::uint32_t) + influence_in.bytes();
  }
  /// What the line-management questions read: the parent array and the reports.
  [[nodiscard]] std::size_t line_bytes() const { return parent.capacity() * sizeof(std::uint32_t) + reports.bytes(); }
};

/// The influence graph of a snapshot, as steps (from, to), built with orgraph's public queries:
/// person → body where they sit, body → each member, body X → persons who sit anywhere on X's
/// behalf, body → body for reports_to, recommends_to and the parent, bodies in force only.
std::vector<std::pair<std::uint32_t, std::uint32_t>> influence_steps(const orgraph::snapshot& s);

baseline make_baseline(const orgraph::snapshot& s);

/// Breadth-first search over a CSR graph from `from`; returns the number of steps to `to` and
/// fills `pred` (the path), or returns -1. `pred` and `queue` are scratch, resized as needed.
/// The yardstick for the shortest influence path.
int bfs_path(const csr& g, std::uint32_t from, std::uint32_t to, std::vector<std::uint32_t>& pred,
             std::vector<std::uint32_t>& queue);

/// Scratch arrays for the flow baseline, kept between questions; a question resets what it touched.
struct flow_scratch {
  std::vector<std::uint32_t> pred, pred_edge, queue; // over split states: 2v is v_in, 2v + 1 is v_out
  std::vector<std::uint8_t> edge_flow, through;
  std::vector<std::uint32_t> flowed, passed;
};

/// Independent channels the plain way: the most paths from `s` to `t` that share no vertex in between,
/// by breadth-first augmenting paths over the influence arrays with every vertex split in two (the
/// split is implicit: a flag per vertex and per edge). Stops at the out-degree of `s`, the most there
/// can be. The same question independent_channels() answers.
std::size_t channels(const baseline& b, std::uint32_t s, std::uint32_t t, flow_scratch& scratch);

/// Single points of failure the plain way: one shortest path P by breadth-first search, then a walk
/// along it that explores, from each vertex of P in turn, the vertices off P it reaches; a vertex of P
/// is a separator when nothing explored so far reaches past it. In path order; empty without a path.
std::vector<std::uint32_t> separators(const baseline& b, std::uint32_t s, std::uint32_t t,
                                      std::vector<std::uint32_t>& pred, std::vector<std::uint32_t>& queue);

} // namespace orgraph_bench
