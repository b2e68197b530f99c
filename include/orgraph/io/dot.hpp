#pragma once
/// @file
/// @brief GraphViz DOT pictures of a model on a date: an org chart of persons and bodies, with an
/// optional focus and influence paths drawn in a highlight colour.
///
/// Boost.Graph's graphviz.hpp stays inside the compiled library; this header is cheap.

#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/snapshot/influence_types.hpp>
#include <orgraph/snapshot/snapshot.hpp>

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace orgraph {

/**
 * @brief What write_dot() draws.
 * @code
 * orgraph::dot_options o;
 * o.focus = m.at("org-ccdb");
 * o.highlight = orgraph::influence_paths(m, m.at("org-dcp-harlow"), m.at("org-ecc"), on, {3});
 * @endcode
 */
struct dot_options {
  /// Draw only this node and those within `radius` edges of it (either direction), plus highlighted paths.
  std::optional<vertex> focus;
  std::size_t radius = 1; ///< how far from `focus` to draw, in edges; ignored without a focus
  /// Paths drawn in `highlight_colour`; a step with no chart edge under it (represented_by, say) is
  /// drawn as an edge of its own, labelled with step_label().
  std::vector<influence_path> highlight;
  std::string highlight_colour = "red"; ///< a GraphViz colour name or `#rrggbb`, for the highlighted paths
  bool memberships = true;              ///< person → body, labelled with the role
  bool reporting = true;                ///< body → body: reports_to (solid), recommends_to (dashed), parent (dotted)
  bool line_management = true;          ///< effective line manager → person (blue)
};

/**
 * @brief Write the model as it stands on `on` as a GraphViz digraph (nodes named by id): bodies in
 * force as boxes, persons with a membership or line management on the date as ellipses.
 * @code
 * std::ofstream out("west-essex.dot");
 * orgraph::write_dot(out, m, orgraph::date::from_ymd(2011, 5, 1));
 * @endcode
 */
ORGRAPH_EXPORT void write_dot(std::ostream& out, const snapshot& s, const dot_options& options = {});
/** @brief write_dot() as on `on`. */
inline void write_dot(std::ostream& out, const model& m, date on = date::today(), const dot_options& options = {}) {
  write_dot(out, snapshot(m, on), options);
}

} // namespace orgraph
