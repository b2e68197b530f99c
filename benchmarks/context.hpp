#pragma once
// What every benchmark reads: the data folder, the sample, the model loaded once, a snapshot of it
// for the query date with every part prepared, and the plain baseline arrays.

#include <orgraph/query/org_chart.hpp>

#include "common.hpp"

#include <memory>

namespace orgraph_bench {

struct context {
  files data;
  orgraph_bench::sample sample;
  orgraph::date on;
  orgraph::model model;
  /// The snapshot for the date, every part built (an org_chart is a snapshot whose line part is built
  /// when made; prepare() builds the rest), so that the snapshot column times questions, not parts.
  std::unique_ptr<orgraph::org_chart> snap;
  orgraph_bench::baseline base;
};

/// The one context, filled by main() before any benchmark runs.
context& ctx();

void register_queries();
void register_io();

/// Ask every question of the sample of the snapshot and of the baseline, and of the model for the
/// first few ids; print how many answers differ, by query, and return the total.
std::size_t check_answers();

} // namespace orgraph_bench
