// The snapshot itself: its parts on demand, and the succession rules (time rules 2 and 3).

#include "../detail/seen.hpp"
#include "state.hpp"

#include <algorithm>

namespace orgraph {

namespace detail {

date replacement_date(const model& m, relation_id replaced_by) {
  const period when = m.when(replaced_by);
  if (when.has_start())
    return when.first_day();
  const period& successor = m.lifetime(m.target(replaced_by));
  if (successor.has_start())
    return successor.first_day();
  const period& predecessor = m.lifetime(m.source(replaced_by));
  if (predecessor.has_end())
    return predecessor.last_day().plus_days(1);
  return date::min();
}

relation_id first_replacement(const model& m, vertex body, bool forwards) {
  relation_id best;
  date best_date = date::max();
  const auto links =
      forwards ? m.out_relations(body, relation_type::replaced_by) : m.in_relations(body, relation_type::replaced_by);
  for (relation_id r : links) { // in the order added, so `<` keeps the first among equal dates
    const date d = replacement_date(m, r);
    if (best == relation_id() || d < best_date) {
      best = r;
      best_date = d;
    }
  }
  return best;
}

vertex follow_successors(const model& m, vertex body, date on, std::vector<vertex>* passed) {
  if (m.kind(body) != node_kind::organization)
    return body;
  seen_set<vertex> seen;
  seen.insert(body);
  vertex at = body;
  for (;;) {
    const relation_id r = first_replacement(m, at, true);
    if (r == relation_id() || on < replacement_date(m, r))
      return at;
    const vertex next = m.target(r);
    if (!seen.insert(next))
      return at; // a cycle of renamings: stop before repeating
    if (passed != nullptr)
      passed->push_back(at);
    at = next;
  }
}

std::vector<vertex> names_of(const snapshot& snap, vertex body) {
  std::vector<vertex> names{body};
  if (snap.built(snapshot::part::bodies)) {
    const bodies_part& b = snap.bodies();
    for (std::uint32_t v : row(b.predecessor_offsets, b.predecessors, body))
      names.push_back(v);
    return names;
  }
  // On the spot, as successor() is: every body whose successor this is lies behind it along replaced_by
  // relations, so a walk back from it finds them without resolving every body of the model.
  const model& m = snap.model();
  seen_set<vertex> met;
  met.insert(body);
  std::vector<vertex> stack{body}, found;
  while (!stack.empty()) {
    const vertex at = stack.back();
    stack.pop_back();
    for (relation_id r : m.in_relations(at, relation_type::replaced_by)) {
      const vertex before = m.source(r);
      if (!met.insert(before))
        continue;
      stack.push_back(before);
      if (follow_successors(m, before, snap.on()) == body)
        found.push_back(before);
    }
  }
  std::sort(found.begin(), found.end());
  names.insert(names.end(), found.begin(), found.end());
  return names;
}

namespace {

bodies_part build_bodies(const snapshot& snap) {
  const model& m = snap.model();
  const std::size_t n = m.node_count();
  bodies_part b;
  b.successor.resize(n);
  for (vertex v = 0; v < n; ++v)
    b.successor[v] = static_cast<std::uint32_t>(m.kind(v) == node_kind::organization &&
                                                        !m.out_relations(v, relation_type::replaced_by).empty()
                                                    ? follow_successors(m, v, snap.on())
                                                    : v);
  // The predecessors each successor answers for: a counting sort by successor, in vertex order.
  b.predecessor_offsets.assign(n + 1, 0);
  for (vertex v = 0; v < n; ++v)
    if (b.successor[v] != v)
      ++b.predecessor_offsets[b.successor[v] + 1];
  for (std::size_t v = 0; v < n; ++v)
    b.predecessor_offsets[v + 1] += b.predecessor_offsets[v];
  b.predecessors.resize(b.predecessor_offsets[n]);
  std::vector<std::uint32_t> at(b.predecessor_offsets.begin(), b.predecessor_offsets.end() - 1);
  for (vertex v = 0; v < n; ++v)
    if (b.successor[v] != v)
      b.predecessors[at[b.successor[v]]++] = static_cast<std::uint32_t>(v);
  return b;
}

holders_part build_holders(const snapshot& snap) {
  const model& m = snap.model();
  holders_part h;
  h.holding.assign(m.node_count(), no_index);
  std::vector<std::uint8_t> rank(m.node_count(), 0);
  // Every holding in force, in the order added: a temporary one displaces a substantive one, and
  // among equals the first stays.
  for (relation_id r : m.relations(relation_type::holds)) {
    if (!snap.in_force(r))
      continue;
    const vertex post = m.target(r);
    const std::uint8_t k = static_cast<std::uint8_t>(precedence(m.arrangement(r)) + 1);
    if (k > rank[post]) {
      rank[post] = k;
      h.holding[post] = r.index();
    }
  }
  return h;
}

} // namespace
} // namespace detail

snapshot::snapshot(const orgraph::model& m, date on)
    : state_(std::make_shared<detail::snapshot_state>()), model_(&m), on_(on) {}

vertex snapshot::successor(vertex v) const {
  if (const auto* b = state_->bodies.peek())
    return b->successor[v];
  return detail::follow_successors(model(), v, on());
}

relation_id snapshot::holding(vertex post) const {
  if (const auto* h = state_->holders.peek()) {
    const std::uint32_t i = h->holding[post];
    return i == detail::no_index ? relation_id() : relation_id(relation_type::holds, i);
  }
  return detail::resolve_holding(*this, post);
}

const detail::bodies_part& snapshot::bodies() const {
  return state_->bodies.get([this] { return detail::build_bodies(*this); });
}
const detail::holders_part& snapshot::holders() const {
  return state_->holders.get([this] { return detail::build_holders(*this); });
}
const detail::line_part& snapshot::line() const {
  return state_->line.get([this] {
    (void)holders();
    return detail::build_line(*this);
  });
}
const detail::seats_part& snapshot::seats() const {
  return state_->seats.get([this] {
    (void)bodies();
    (void)holders();
    return detail::build_seats(*this);
  });
}
const detail::links_part& snapshot::links() const {
  return state_->links.get([this] {
    (void)bodies();
    return detail::build_links(*this);
  });
}
const detail::influence_part& snapshot::influence() const {
  return state_->influence.get([this] {
    (void)seats();
    return detail::build_influence(*this);
  });
}

bool snapshot::built(part p) const noexcept {
  switch (p) {
  case part::holders: return state_->holders.peek() != nullptr;
  case part::line_management: return state_->line.peek() != nullptr;
  case part::bodies: return state_->bodies.peek() != nullptr;
  case part::seats: return state_->seats.peek() != nullptr;
  case part::links: return state_->links.peek() != nullptr;
  case part::influence: return state_->influence.peek() != nullptr;
  case part::all: break;
  }
  return built(part::holders) && built(part::line_management) && built(part::bodies) && built(part::seats) &&
         built(part::links) && built(part::influence);
}

void snapshot::prepare(part p) const {
  const auto wanted = [p](part q) { return (static_cast<unsigned>(p) & static_cast<unsigned>(q)) != 0; };
  if (wanted(part::bodies))
    (void)bodies();
  if (wanted(part::holders))
    (void)holders();
  if (wanted(part::line_management))
    (void)line();
  if (wanted(part::seats))
    (void)seats();
  if (wanted(part::links))
    (void)links();
  if (wanted(part::influence))
    (void)influence();
}

} // namespace orgraph
