#pragma once
/// @file
/// @brief orgraph's generic graph algorithms, templates over Boost.Graph concepts that run on any
/// Boost graph with a vertex index (`adjacency_list` with `vecS` vertices,
/// `compressed_sparse_row_graph`, an orgraph::model itself, ...): shortest and k shortest paths with a
/// deterministic tie rule, vertex-disjoint paths, separating vertices, and tree walks over a parent map.
/// orgraph's own influence and line-management queries call them.
/// @code
/// #include <orgraph/graph.hpp>
/// boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS> g(4);
/// boost::add_edge(0, 1, g); boost::add_edge(1, 3, g); boost::add_edge(0, 2, g); boost::add_edge(2, 3, g);
/// auto paths = orgraph::graph::vertex_disjoint_paths(g, 0, 3);     // {{0, 1, 3}, {0, 2, 3}}
/// auto cut = orgraph::graph::separating_vertices(g, 0, 3);        // {}
/// auto two = orgraph::graph::k_shortest_paths(g, 0, 3, 2);        // {{0, 1, 3}, {0, 2, 3}}
/// @endcode

#include <orgraph/graph/disjoint_paths.hpp>
#include <orgraph/graph/shortest_paths.hpp>
#include <orgraph/graph/tree.hpp>
