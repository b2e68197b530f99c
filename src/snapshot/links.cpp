// The links between bodies on a date (docs/governance.md, "Reporting lines"): a body's first reporting
// step, written once, and the part that holds every body's.

#include <orgraph/snapshot/governance_types.hpp>

#include "state.hpp"

namespace orgraph::detail {

step_record first_step_of(const snapshot& snap, vertex body) {
  const model& m = snap.model();
  const auto names = names_of(snap, body);
  // A body carries on the relations of the bodies it has replaced: its own reports_to first, then
  // theirs; then its parent, then theirs.
  for (vertex n : names)
    for (relation_id r : m.out_relations(n, relation_type::reports_to)) {
      if (!snap.in_force(r))
        continue;
      const vertex named = m.target(r);
      const vertex above = snap.successor(named);
      if (above == body)
        continue; // a predecessor that reported to what replaced it
      step_record s;
      s.body = static_cast<std::uint32_t>(above);
      s.edge = r;
      s.via = static_cast<std::uint8_t>(reporting_via::reports_to);
      s.replaced = above == named ? no_index : static_cast<std::uint32_t>(named);
      return s;
    }
  for (vertex n : names) {
    const vertex named = m.parent(n);
    if (named == no_vertex)
      continue;
    const vertex above = snap.successor(named);
    if (above == body || !snap.exists(above))
      continue;
    step_record s;
    s.body = static_cast<std::uint32_t>(above);
    s.via = static_cast<std::uint8_t>(reporting_via::parent);
    s.replaced = above == named ? no_index : static_cast<std::uint32_t>(named);
    return s;
  }
  return {};
}

links_part build_links(const snapshot& snap) {
  const std::size_t n = snap.model().node_count();
  links_part part;
  part.first_step.resize(n);
  for (vertex b = 0; b < n; ++b)
    if (snap.body_in_force(b))
      part.first_step[b] = first_step_of(snap, b);
  return part;
}

} // namespace orgraph::detail
