#pragma once
/// @file
/// @brief GraphML export, for Gephi, Cytoscape, networkx, igraph and Neo4j (APOC's GraphML import):
/// every node with its kind, name and lifetime, every relation with its type and dates, written by
/// Boost.Graph's GraphML writer. Boost's graphml.hpp stays inside the compiled library.

#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/time/date.hpp>

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

/**
 * @brief Write `m` as GraphML (directed). Each node has the attributes `id`, `kind`, `name`, `label`
 * (the name, else the id), `classification`, `disciplines` (`;`-separated), `parent`, `area`, `start`,
 * `end` (its lifetime, as given) and `labels` (`:Person`, `:Post`, `:Organization`, `:Area`, which
 * Neo4j reads as labels); each edge `type`, `label` (the type), `start`, `end`, `arrangement`, `role`,
 * `status`, `on_behalf_of`, `area`, `organization` and `relation_id`. A field the node or relation does
 * not have is empty; ids name nodes by their orgraph id. Text that XML cannot carry (control
 * characters, bytes that are not UTF-8) is written as U+FFFD.
 * @code
 * std::ofstream out("essex.graphml");
 * orgraph::write_graphml(out, m);
 * @endcode
 */
ORGRAPH_EXPORT void write_graphml(std::ostream& out, const model& m, const graphml_options& options = {});

/** @brief write_graphml() into a file, replaced safely as write_file_atomically() replaces it. */
ORGRAPH_EXPORT void save_graphml(const model& m, const std::filesystem::path& file,
                                 const graphml_options& options = {});

} // namespace orgraph
