#pragma once
// What every benchmark reads: the data folder, the sample, the model loaded once, the org_chart
// built for the query date and the plain baseline arrays.

#include "common.hpp"

#include <orgraph/query/org_chart.hpp>

#include <memory>

namespace orgraph_bench {

struct context {
  files data;
  orgraph_bench::sample sample;
  orgraph::date on;
  orgraph::model model;
  std::unique_ptr<orgraph::org_chart> chart;
  orgraph_bench::baseline base;
};

/// The one context, filled by main() before any benchmark runs.
context& ctx();

void register_queries();
void register_io();

} // namespace orgraph_bench
