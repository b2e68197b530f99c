#pragma once
/// @file
/// @brief The umbrella header: the model, dates, every query and analysis, and JSON and DOT output.
///
/// It stays cheap to include: Boost.Graph's adjacency_list, but no Boost.JSON, no Boost.Serialization
/// and no Boost.Graph algorithms (those live in the compiled library). The dated snapshot
/// <orgraph/query/org_chart.hpp>, whose lazy ranges are range-v3 views over a compressed_sparse_row_graph,
/// is included on its own by those who want it.

#include <orgraph/analysis/compare.hpp>
#include <orgraph/analysis/influence.hpp>
#include <orgraph/analysis/stats.hpp>
#include <orgraph/analysis/validate.hpp>
#include <orgraph/error.hpp>
#include <orgraph/io/dot.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/io/load_options.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/model/types.hpp>
#include <orgraph/query/decisions.hpp>
#include <orgraph/query/find.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/query/history.hpp>
#include <orgraph/query/line_management.hpp>
#include <orgraph/query/timeline.hpp>
#include <orgraph/time/date.hpp>
#include <orgraph/version.hpp>
