// The influence graph of a date (docs/influence.md), built once from the seats and the links between
// bodies: one edge for each ordered pair, and for each edge the steps that give it, in the order found.

#include "state.hpp"

#include <algorithm>

namespace orgraph::detail {

influence_part build_influence(const snapshot& snap) {
  const model& m = snap.model();
  const std::size_t n = m.node_count();
  const seats_part& seats = snap.seats();

  struct found {
    std::uint32_t from, to;
    influence_step_record step;
  };
  std::vector<found> all;
  all.reserve(2 * seats.seats.size());
  const auto u32 = [](vertex v) { return static_cast<std::uint32_t>(v); };

  for (vertex b = 0; b < n; ++b) {
    if (!snap.body_in_force(b))
      continue;
    for (const seat_record& s : row(seats.offsets, seats.seats, b)) {
      if (s.person == no_index)
        continue;
      influence_step_record r;
      r.role = s.role;
      r.post = s.post;
      r.body = u32(b);
      r.relation = static_cast<relation_type>(s.via);
      r.rank = rank_of_role(s.role);
      r.link = influence_link::sits_on;
      all.push_back({s.person, u32(b), r});
      r.link = influence_link::carried_by;
      all.push_back({u32(b), s.person, r});
      if (s.on_behalf_of != no_index) {
        const vertex x = snap.successor(s.on_behalf_of);
        if (x != b && snap.body_in_force(x)) {
          r.link = influence_link::represented_by;
          all.push_back({u32(x), s.person, r});
        }
      }
    }
  }
  for (vertex b = 0; b < n; ++b) {
    if (!snap.body_in_force(b))
      continue;
    // Its own links first, then those of the bodies it replaced; each body's reports_to before its
    // recommends_to.
    for (vertex named : names_of(snap, b))
      for (relation_type type : {relation_type::reports_to, relation_type::recommends_to})
        for (relation_id r : m.out_relations(named, type)) {
          if (!snap.in_force(r))
            continue;
          const vertex t = snap.successor(m.target(r));
          if (t == b || !snap.body_in_force(t))
            continue;
          influence_step_record s;
          s.link = type == relation_type::reports_to ? influence_link::reports_to : influence_link::recommends_to;
          s.relation = type;
          all.push_back({u32(b), u32(t), s});
        }
    if (const vertex parent = m.parent(b); parent != no_vertex) {
      const vertex t = snap.successor(parent);
      if (t != b && snap.body_in_force(t)) {
        influence_step_record s;
        s.link = influence_link::parent;
        all.push_back({u32(b), u32(t), s});
      }
    }
  }

  // Group by (from, to), keeping the order found within a pair: stable, so the first found stays first.
  std::stable_sort(all.begin(), all.end(),
                   [](const found& x, const found& y) { return x.from != y.from ? x.from < y.from : x.to < y.to; });
  influence_part part;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  part.steps.reserve(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i == 0 || all[i].from != all[i - 1].from || all[i].to != all[i - 1].to) {
      pairs.emplace_back(all[i].from, all[i].to);
      part.step_offsets.push_back(static_cast<std::uint32_t>(part.steps.size()));
    }
    part.steps.push_back(all[i].step);
  }
  part.step_offsets.push_back(static_cast<std::uint32_t>(part.steps.size()));
  part.graph = influence_graph_type(boost::edges_are_sorted, pairs.begin(), pairs.end(), static_cast<std::uint32_t>(n));
  return part;
}

} // namespace orgraph::detail
