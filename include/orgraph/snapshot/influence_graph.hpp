#pragma once
/// @file
/// @brief A snapshot's influence graph as a Boost.Graph graph (docs/influence.md): a vertex for every
/// model vertex (persons and bodies in force have steps; other vertices none), one edge for each ordered
/// pair that some step joins. For running Boost.Graph algorithms, or orgraph's own <orgraph/graph.hpp>,
/// on influence directly.
/// @code
/// #include <orgraph/snapshot/influence_graph.hpp>
/// const auto& g = orgraph::influence_graph(snap);
/// auto cut = orgraph::graph::separating_vertices(g, m.at("dcp-harlow"), m.at("essex-ctb"));
/// @endcode

#include <orgraph/snapshot/influence_types.hpp>
#include <orgraph/snapshot/snapshot.hpp>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace orgraph {

/** @brief The influence graph's type: compressed sparse rows with 32-bit vertex and edge numbers. */
using influence_graph_type =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property, boost::no_property,
                                       std::uint32_t, std::uint32_t>;

namespace detail {

/// One way a pair of vertices is joined: what a step records, compact.
struct influence_step_record {
  std::string_view role;
  std::uint32_t post = no_index;
  std::uint32_t body = no_index;
  influence_link link = influence_link::sits_on;
  relation_type relation = relation_type::member_of;
  role_rank rank = role_rank::member;
};

/// The influence graph of a date: its edges, and for each edge (by edge index) the steps that give it,
/// in the order they were found.
struct influence_part {
  influence_graph_type graph;
  std::vector<std::uint32_t> step_offsets;
  std::vector<influence_step_record> steps;
};

} // namespace detail

/** @brief The influence graph of a snapshot, built on first use. */
[[nodiscard]] inline const influence_graph_type& influence_graph(const snapshot& snap) {
  return snap.influence().graph;
}

} // namespace orgraph
