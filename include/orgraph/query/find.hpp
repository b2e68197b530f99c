#pragma once
/// @file
/// @brief Finding nodes by a piece of their id or name, ignoring case and accents: "harper" finds
/// `HIP001/holder`, named Prof David Harper; "Mühlheim" and "muhlheim" find each other.

#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace orgraph {

/**
 * @brief Text folded for searching: ASCII letters in lower case, Latin letters with accents as their
 * base letters (é → e, Ł → l, ß → ss, Æ → ae), combining accents dropped, typographic quotes and
 * dashes as `'`, `"` and `-`, a no-break space as a space. Other text is kept as it is, so two texts
 * that fold alike read alike to an English-speaking user.
 * @code
 * assert(orgraph::search_text("Zoë O’Brien") == "zoe o'brien");
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::string search_text(std::string_view text);

/** @brief Which nodes find_nodes() looks at. */
struct find_options {
  std::vector<node_kind> kinds; ///< only nodes of these kinds; empty: every kind
};

/** @brief A node find_nodes() found. */
struct node_match {
  vertex node = no_vertex; ///< the node
  bool exact = false;      ///< the whole id or the whole name matched, not only a part of it

  /** @brief Equal when both fields are. */
  friend bool operator==(const node_match& a, const node_match& b) { return a.node == b.node && a.exact == b.exact; }
};

/**
 * @brief The nodes whose id or name contains `text`, compared as search_text() folds them, in the
 * order the nodes were added. Names do not depend on dates, so every node of the model is looked at.
 * @code
 * for (const auto& hit : orgraph::find_nodes(m, "harper", {{orgraph::node_kind::person}})) std::cout << m.id(hit.node);
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<node_match> find_nodes(const model& m, std::string_view text,
                                                                const find_options& options = {});

} // namespace orgraph
