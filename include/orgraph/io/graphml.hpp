#pragma once
/// @file
/// @brief GraphML export, for Gephi, Cytoscape, networkx, igraph and Neo4j (APOC's GraphML import):
/// every node with its kind, name and lifetime, every relation with its type and dates, written by
/// Boost.Graph's GraphML writer. Boost's graphml.hpp stays inside the compiled library.

#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/time/date.hpp>

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>

namespace orgraph {

/**
 * @brief What write_graphml() writes.
 * @code
 * orgraph::graphml_options o;
 * o.on = orgraph::date::from_ymd(2011, 4, 14); // only what is in force that day
 * @endcode
 */
struct graphml_options {
  /// Only the nodes that exist on this date and the relations in force on it between them (the
  /// snapshot's rules); without a date, every node and every relation.
  std::optional<date> on;
};

/** @brief What write_graphml() wrote: fewer than the model holds when a date was given. */
struct graphml_written {
  std::size_t nodes = 0;     ///< `<node>` elements
  std::size_t relations = 0; ///< `<edge>` elements
};

/**
 * @brief Write `m` as GraphML (directed); returns how many nodes and relations it wrote. Each node has the attributes
 * `orgraph_id`, `kind`, `name`, `label` (the name, else the id), `classification`, `disciplines` (`;`-separated),
 * `parent`, `area`, `start`, `end` (its lifetime, as given) and `labels` (`:Person`, `:Post`, `:Organization`, `:Area`,
 * which Neo4j reads as labels); each edge `type`, `label` (the type), `start`, `end`, `arrangement`,
 * `role`, `status`, `on_behalf_of`, `area`, `organization` (node attributes name nodes by their orgraph
 * id) and `relation_id`; the graph `as_on`, the date or empty. A field a node or relation does not have
 * is empty. GraphML's own node ids are `n` and the vertex number. Text that XML cannot carry (control
 * characters, bytes that are not UTF-8) is written as U+FFFD.
 * @code
 * std::ofstream out("essex.graphml");
 * orgraph::write_graphml(out, m);
 * @endcode
 */
ORGRAPH_EXPORT graphml_written write_graphml(std::ostream& out, const model& m, const graphml_options& options = {});

/** @brief write_graphml() into a file, replaced safely as write_file_atomically() replaces it. */
ORGRAPH_EXPORT graphml_written save_graphml(const model& m, const std::filesystem::path& file,
                                            const graphml_options& options = {});

} // namespace orgraph
