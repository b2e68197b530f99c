// Who sits on a body (docs/governance.md, "Members"), written once: a body's seats on a date, and the
// part that holds every body's seats and every person's.

#include "state.hpp"

#include <orgraph/snapshot/governance_types.hpp>

#include <algorithm>
#include <tuple>
#include <unordered_set>

namespace orgraph::detail {

posts_by_organization index_posts_by_organization(const model& m) {
  const std::size_t n = m.node_count();
  posts_by_organization x;
  x.offsets.assign(n + 1, 0);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs; // (organization, post)
  for (relation_id r : m.relations(relation_type::holds))
    if (const vertex o = m.organization(r); o != no_vertex)
      pairs.emplace_back(static_cast<std::uint32_t>(o), static_cast<std::uint32_t>(m.target(r)));
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  for (const auto& [o, p] : pairs)
    ++x.offsets[o + 1];
  for (std::size_t v = 0; v < n; ++v)
    x.offsets[v + 1] += x.offsets[v];
  x.posts.reserve(pairs.size());
  for (const auto& [o, p] : pairs)
    x.posts.push_back(p);
  return x;
}

namespace {

/// The seat `post` gives on the body `name` (one of the names of the body sat on), if any: ex officio
/// by a `member_of` in force from the post, else through the post belonging to the body or a holding
/// in force naming it.
bool post_seat(const snapshot& snap, vertex post, vertex name, seat_record& s) {
  const model& m = snap.model();
  const relation_id holding = snap.holding(post);
  const bool held = holding != relation_id();
  const std::string_view holding_role = held && !m.role(holding).empty() ? m.role(holding) : m.name(post);
  const vertex holding_behalf = held ? m.on_behalf_of(holding) : no_vertex;
  s.person = held ? static_cast<std::uint32_t>(m.source(holding)) : no_index;
  s.post = static_cast<std::uint32_t>(post);
  s.recorded = static_cast<std::uint32_t>(name);
  for (relation_id r : m.out_relations(post, relation_type::member_of))
    if (m.target(r) == name && snap.in_force(r)) {
      s.role = !m.role(r).empty() ? m.role(r) : holding_role;
      const vertex behalf = m.on_behalf_of(r) != no_vertex ? m.on_behalf_of(r) : holding_behalf;
      s.on_behalf_of = behalf == no_vertex ? no_index : static_cast<std::uint32_t>(behalf);
      s.basis = static_cast<std::uint8_t>(membership_basis::ex_officio);
      s.via = static_cast<std::uint8_t>(relation_type::member_of);
      s.edge = r;
      return true;
    }
  bool belongs = m.parent(post) == name;
  for (relation_id r : m.in_relations(post, relation_type::holds))
    if (!belongs && m.organization(r) == name && snap.in_force(r))
      belongs = true;
  if (!belongs)
    return false;
  s.role = holding_role;
  s.on_behalf_of = holding_behalf == no_vertex ? no_index : static_cast<std::uint32_t>(holding_behalf);
  s.basis = static_cast<std::uint8_t>(membership_basis::post_of_body);
  s.via = static_cast<std::uint8_t>(relation_type::holds);
  s.edge = holding;
  return true;
}

} // namespace

void seats_of(const snapshot& snap, vertex body, const posts_by_organization* named, std::vector<seat_record>& out) {
  const model& m = snap.model();
  const std::size_t first = out.size();
  const auto names = names_of(snap, body);
  // Each (post, person) seat once: the first recorded wins. A short list is searched; a long one
  // (a legislature, a body of thousands) through a hash set, so a large body costs linear time.
  std::unordered_set<std::uint64_t> listed;
  const auto key_of = [](const seat_record& s) { return (std::uint64_t{s.post} << 32) | s.person; };
  const auto add = [&](seat_record s) {
    s.body = static_cast<std::uint32_t>(body);
    const std::uint64_t key = key_of(s);
    if (out.size() - first < 32) {
      for (std::size_t i = first; i < out.size(); ++i)
        if (key_of(out[i]) == key)
          return;
    } else {
      if (listed.empty())
        for (std::size_t i = first; i < out.size(); ++i)
          listed.insert(key_of(out[i]));
      if (!listed.insert(key).second)
        return;
    }
    out.push_back(s);
  };
  for (vertex n : names)
    for (relation_id r : m.in_relations(n, relation_type::member_of))
      if (m.kind(m.source(r)) == node_kind::person && snap.in_force(r)) {
        seat_record s;
        s.recorded = static_cast<std::uint32_t>(n);
        s.person = static_cast<std::uint32_t>(m.source(r));
        s.role = m.role(r);
        s.on_behalf_of = m.on_behalf_of(r) == no_vertex ? no_index : static_cast<std::uint32_t>(m.on_behalf_of(r));
        s.basis = static_cast<std::uint8_t>(membership_basis::direct);
        s.via = static_cast<std::uint8_t>(relation_type::member_of);
        s.edge = r;
        add(s);
      }
  std::vector<vertex> posts;
  for (vertex n : names) {
    posts.clear();
    for (relation_id r : m.in_relations(n, relation_type::member_of))
      if (m.kind(m.source(r)) == node_kind::post)
        posts.push_back(m.source(r));
    for (vertex c : m.children(n))
      if (m.kind(c) == node_kind::post)
        posts.push_back(c);
    if (named != nullptr) {
      for (std::uint32_t p : row(named->offsets, named->posts, n))
        posts.push_back(p);
    } else {
      for (relation_id r : m.relations(relation_type::holds))
        if (m.organization(r) == n)
          posts.push_back(m.target(r));
    }
    std::sort(posts.begin(), posts.end());
    posts.erase(std::unique(posts.begin(), posts.end()), posts.end());
    for (vertex p : posts) {
      seat_record s;
      if (snap.exists(p) && post_seat(snap, p, n, s))
        add(s);
    }
  }
}

seats_part build_seats(const snapshot& snap) {
  const model& m = snap.model();
  const std::size_t n = m.node_count();
  const posts_by_organization named = index_posts_by_organization(m);
  seats_part part;
  part.offsets.assign(n + 1, 0);
  for (vertex b = 0; b < n; ++b) {
    if (snap.body_in_force(b))
      seats_of(snap, b, &named, part.seats);
    part.offsets[b + 1] = static_cast<std::uint32_t>(part.seats.size());
  }
  // Every person's seats, in the order of the bodies and of their seats.
  part.person_offsets.assign(n + 1, 0);
  for (const auto& s : part.seats)
    if (s.person != no_index)
      ++part.person_offsets[s.person + 1];
  for (std::size_t v = 0; v < n; ++v)
    part.person_offsets[v + 1] += part.person_offsets[v];
  part.by_person.resize(part.person_offsets[n]);
  std::vector<std::uint32_t> at(part.person_offsets.begin(), part.person_offsets.end() - 1);
  for (std::uint32_t i = 0; i < part.seats.size(); ++i)
    if (part.seats[i].person != no_index)
      part.by_person[at[part.seats[i].person]++] = i;
  // A person's seats in the order bodies_of() gives them: direct seats as their relations were added,
  // then seats through posts in the order the person's holdings were added; within a post its ex officio
  // seats (in relation order), then its own body, then bodies its holdings name.
  const auto order = [&](std::uint32_t i) {
    const seat_record& s = part.seats[i];
    if (s.basis == static_cast<std::uint8_t>(membership_basis::direct))
      return std::make_tuple(0u, s.edge.index(), 0u, std::uint64_t{0});
    const relation_id h = snap.holding(s.post);
    if (s.basis == static_cast<std::uint8_t>(membership_basis::ex_officio))
      return std::make_tuple(1u, h.index(), 0u, std::uint64_t{s.edge.index()});
    const bool own = m.parent(s.post) == s.recorded;
    return std::make_tuple(1u, h.index(), 1u, own ? std::uint64_t{0} : std::uint64_t{1} + s.recorded);
  };
  for (std::size_t v = 0; v < n; ++v) {
    auto first = part.by_person.begin() + part.person_offsets[v];
    auto last = part.by_person.begin() + part.person_offsets[v + 1];
    if (last - first > 1)
      std::stable_sort(first, last, [&](std::uint32_t a, std::uint32_t b) { return order(a) < order(b); });
  }
  return part;
}

} // namespace orgraph::detail
