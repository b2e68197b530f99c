#pragma once
/// @file
/// @brief orgraph::model as a Boost.Graph graph: bidirectional, vertex-list and edge-list, with relation
/// handles as edges and the vertex number as the vertex index, so Boost.Graph's algorithms run on a
/// model directly.
///
/// Every relation is an edge, whatever its type and dates: filter by type and date yourself (or ask a
/// orgraph::snapshot, whose graphs hold only what is in force on its date).
/// @code
/// #include <orgraph/graph/model_graph.hpp>
/// #include <boost/graph/breadth_first_search.hpp>
/// std::vector<boost::default_color_type> colour(m.node_count());
/// boost::breadth_first_search(m, m.at("ecc"), boost::color_map(colour.data()));
/// @endcode

#include <orgraph/model/model.hpp>

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/property_map/property_map.hpp>

#include <utility>

namespace orgraph {

/** @brief Boost.Graph: every vertex of a model. */
[[nodiscard]] inline std::pair<boost::counting_iterator<vertex>, boost::counting_iterator<vertex>>
vertices(const model& m) noexcept {
  return {boost::counting_iterator<vertex>(0), boost::counting_iterator<vertex>(m.node_count())};
}

/** @brief Boost.Graph: the vertex index map of a model, the vertex number itself. */
[[nodiscard]] inline boost::typed_identity_property_map<vertex> get(boost::vertex_index_t, const model&) noexcept {
  return {};
}

} // namespace orgraph

namespace boost {

/** @brief Boost.Graph's traits for orgraph::model. */
template <> struct graph_traits<orgraph::model> {
  using vertex_descriptor = orgraph::vertex;              ///< a vertex number
  using edge_descriptor = orgraph::relation_id;           ///< a relation handle
  using directed_category = bidirectional_tag;            ///< relations have a direction, found both ways
  using edge_parallel_category = allow_parallel_edge_tag; ///< two nodes may share several relations
  /** @brief The concepts the model meets (bidirectional_graph_tag is an incidence_graph_tag already). */
  struct traversal_category : bidirectional_graph_tag, vertex_list_graph_tag, edge_list_graph_tag {};
  using out_edge_iterator = const orgraph::relation_id*;      ///< into the model's index
  using in_edge_iterator = const orgraph::relation_id*;       ///< into the model's index
  using vertex_iterator = counting_iterator<orgraph::vertex>; ///< vertex numbers
  using edge_iterator = orgraph::relation_iterator;           ///< every relation
  using adjacency_iterator = void;                            ///< not an AdjacencyGraph
  using vertices_size_type = std::size_t;                     ///< a count of vertices
  using edges_size_type = std::size_t;                        ///< a count of edges
  using degree_size_type = std::size_t;                       ///< a count of incident edges
  /** @brief The value that names no vertex. */
  static vertex_descriptor null_vertex() noexcept { return orgraph::no_vertex; }
};

/** @brief Boost.Graph: a model's vertex index map type. */
template <> struct property_map<orgraph::model, vertex_index_t> {
  using type = typed_identity_property_map<orgraph::vertex>;       ///< the map
  using const_type = typed_identity_property_map<orgraph::vertex>; ///< the read-only map
};

} // namespace boost
