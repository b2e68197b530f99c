#pragma once
// Finding the nodes and decisions a command is asked about: by id, or with --name by a unique piece
// of the name. A miss is bad input whose message names the file and the text, with the closest ids
// and names as suggestions (suggest.hpp has the rules).

#include <orgraph/model/model.hpp>

#include "cli.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph::cli {

/// The kinds of node an argument takes, as messages say them.
struct wanted_kinds {
  std::array<orgraph::node_kind, 2> kinds; ///< the first `count` of them
  std::size_t count;                       ///< 0: any kind
  std::string_view needs;                  ///< "a person or a post"
  std::string_view plural;                 ///< "persons or posts"

  /// Whether a node of kind `k` will do.
  [[nodiscard]] constexpr bool takes(orgraph::node_kind k) const noexcept {
    return count == 0 || kinds[0] == k || (count > 1 && kinds[1] == k);
  }
  /// The kinds, for orgraph::find_options.
  [[nodiscard]] std::vector<orgraph::node_kind> list() const { return {kinds.begin(), kinds.begin() + count}; }
};

inline constexpr wanted_kinds any_node{{}, 0, "a node", "nodes"};
inline constexpr wanted_kinds person_or_post{
    {orgraph::node_kind::person, orgraph::node_kind::post}, 2, "a person or a post", "persons or posts"};
inline constexpr wanted_kinds a_person{{orgraph::node_kind::person}, 1, "a person", "persons"};
inline constexpr wanted_kinds a_body{{orgraph::node_kind::organization}, 1, "a body (an organization)", "bodies"};
inline constexpr wanted_kinds an_area{{orgraph::node_kind::area}, 1, "an area", "areas"};
inline constexpr wanted_kinds person_or_body{
    {orgraph::node_kind::person, orgraph::node_kind::organization}, 2, "a person or a body", "persons or bodies"};

/// "id (name)" for the closest nodes of the wanted kinds to a mistyped id or name (by id or name).
std::vector<std::string> similar_nodes(const orgraph::model& m, std::string_view text, const wanted_kinds& wanted);

/**
 * The node with that id, of a wanted kind. An unknown id throws reference_error
 * `FILE: unknown id 'x' (did you mean ...?)`; a node of another kind
 * `FILE: 'x' is an organization: COMMAND needs a person or a post`.
 */
orgraph::vertex node_at(const orgraph::model& m, const std::string& file, const std::string& id,
                        const wanted_kinds& wanted, std::string_view command);

/**
 * The one node of a wanted kind whose id or name is `text` (case and accents ignored), else the one
 * whose id or name contains it. None, or several, is bad input naming the candidates.
 */
orgraph::vertex node_named(const orgraph::model& m, const std::string& file, const std::string& text,
                           const wanted_kinds& wanted);

/// The node argument in `slot` of the command line: node_at() its id, or node_named() its --name.
orgraph::vertex node_arg(const orgraph::model& m, const invocation& inv, std::size_t slot, const wanted_kinds& wanted,
                         const std::string& file);

/// The decision with that id; an unknown one throws reference_error with the closest ids.
orgraph::decision_index decision_at(const orgraph::model& m, const std::string& file, const std::string& id);

/// The decision argument: decision_at() its id, or with --name the one decision whose id or subject
/// is, else contains, the text.
orgraph::decision_index decision_arg(const orgraph::model& m, const invocation& inv, const std::string& file);

} // namespace orgraph::cli
