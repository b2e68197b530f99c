#pragma once
/// @file
/// @brief The umbrella header: the model, dates, queries, validation and JSON I/O.
///
/// It stays cheap to include: Boost.Graph's adjacency_list and range-v3 views, but no Boost.JSON and
/// no Boost.Serialization (those are in the compiled library or in opt-in headers).

#include <orgraph/analysis/validate.hpp>
#include <orgraph/error.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/model/types.hpp>
#include <orgraph/query/line_management.hpp>
#include <orgraph/time/date.hpp>
#include <orgraph/version.hpp>
