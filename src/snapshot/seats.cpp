// Who sits on a body (docs/governance.md, "Members"), written once: a body's seats on a date, each
// membership its own seat, and the part that holds every body's seats and every person's.

#include <orgraph/snapshot/governance_types.hpp>

#include "state.hpp"

#include <algorithm>
#include <functional>
#include <string_view>
#include <tuple>

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

std::uint32_t index_or_none(vertex v) { return v == no_vertex ? no_index : static_cast<std::uint32_t>(v); }

/// Who a seat is, for telling seats apart: the same person (or vacancy) through the same post, in the
/// same role, for the same body represented and the same area. Two membership relations that agree in
/// all these (a record repeated in the data, consecutive terms meeting on one day, one relation reached
/// through two names of a renamed body) are one seat.
struct seat_key {
  std::uint32_t person, post, on_behalf_of, area;
  std::string_view role;
  friend bool operator==(const seat_key& a, const seat_key& b) noexcept {
    return a.person == b.person && a.post == b.post && a.on_behalf_of == b.on_behalf_of && a.area == b.area &&
           a.role == b.role;
  }
};
struct seat_key_hash {
  std::size_t operator()(const seat_key& k) const noexcept {
    std::uint64_t h = (std::uint64_t{k.person} << 32 | k.post) * 0x9E3779B97F4A7C15u;
    h ^= (std::uint64_t{k.on_behalf_of} << 32 | k.area) + (h << 6) + (h >> 2);
    return static_cast<std::size_t>(h ^ std::hash<std::string_view>()(k.role));
  }
};
seat_key key_of(const seat_record& s) { return {s.person, s.post, s.on_behalf_of, s.area, s.role}; }

/// The seats `post` gives on the body `name` (one of the names of the body sat on), through `add`:
/// ex officio, one for each `member_of` in force from the post and each of its holders; else, if the
/// post belongs to the body or a holding in force names it, one for each holder. A post nobody holds
/// gives a vacant seat.
template <class Add> void post_seats(const snapshot& snap, vertex post, vertex name, Add&& add) {
  const model& m = snap.model();
  const std::vector<relation_id> holdings = effective_holdings(snap, post);
  const auto role_of = [&](relation_id h) {
    return h != relation_id() && !m.role(h).empty() ? m.role(h) : m.name(post);
  };
  const auto seat = [&](relation_id h) {
    seat_record s;
    s.post = static_cast<std::uint32_t>(post);
    s.recorded = static_cast<std::uint32_t>(name);
    s.holding = h;
    s.person = h == relation_id() ? no_index : static_cast<std::uint32_t>(m.source(h));
    s.role = role_of(h);
    s.on_behalf_of = h == relation_id() ? no_index : index_or_none(m.on_behalf_of(h));
    const vertex area = h != relation_id() && m.area(h) != no_vertex ? m.area(h) : m.area(post);
    s.area = index_or_none(area);
    return s;
  };
  // Each holder once, or one vacant seat.
  const auto for_each_holder = [&](auto&& f) {
    if (holdings.empty())
      f(relation_id());
    for (relation_id h : holdings)
      f(h);
  };
  bool ex_officio = false;
  for (relation_id r : m.out_relations(post, relation_type::member_of)) {
    if (m.target(r) != name || !snap.in_force(r))
      continue;
    ex_officio = true;
    for_each_holder([&](relation_id h) {
      seat_record s = seat(h);
      if (!m.role(r).empty())
        s.role = m.role(r);
      if (m.on_behalf_of(r) != no_vertex)
        s.on_behalf_of = index_or_none(m.on_behalf_of(r));
      if (m.area(r) != no_vertex)
        s.area = index_or_none(m.area(r));
      s.basis = static_cast<std::uint8_t>(membership_basis::ex_officio);
      s.via = static_cast<std::uint8_t>(relation_type::member_of);
      s.edge = r;
      add(s);
    });
  }
  if (ex_officio)
    return;
  bool belongs = m.parent(post) == name;
  for (relation_id r : m.in_relations(post, relation_type::holds))
    if (!belongs && m.organization(r) == name && snap.in_force(r))
      belongs = true;
  if (!belongs)
    return;
  for_each_holder([&](relation_id h) {
    seat_record s = seat(h);
    s.basis = static_cast<std::uint8_t>(membership_basis::post_of_body);
    s.via = static_cast<std::uint8_t>(relation_type::holds);
    s.edge = h;
    add(s);
  });
}

} // namespace

void seats_of(const snapshot& snap, vertex body, const posts_by_organization* named, std::vector<seat_record>& out) {
  const model& m = snap.model();
  const std::size_t first = out.size();
  const auto names = names_of(snap, body);
  // A body's seats are about as many as its membership records: size the output and the table for
  // them once, rather than growing both seat by seat (a history asks this on every change date). `out`
  // may be the part's list of every body's seats, so it keeps growing geometrically.
  std::size_t records = 0;
  for (vertex n : names)
    records += m.in_relations(n, relation_type::member_of).size();
  if (out.capacity() < first + records)
    out.reserve(std::max(first + records, 2 * out.capacity()));
  std::size_t initial = 128; // the table's first size, when the 33rd seat makes one worth having
  while (records * 10 > initial * 7)
    initial *= 2;
  // Each seat once (seat_key): the first recorded wins. A short list is searched; a long one (a
  // legislature, a body of thousands) through an open-addressing table of positions in `out`, linear
  // probing, so that a large body costs linear time and one allocation, not one a seat.
  std::vector<std::uint32_t> slots; // 1 + the seat's position after `first`; 0 is empty
  const auto slot_of = [&](const seat_key& k) {
    // seat_key_hash leaves its entropy in the high bits (a product), and a table's mask reads the low
    // ones: mix them down first (splitmix64's finaliser).
    std::uint64_t h = seat_key_hash{}(k);
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9u;
    h = (h ^ (h >> 27)) * 0x94D049BB133111EBu;
    return static_cast<std::size_t>(h ^ (h >> 31)) & (slots.size() - 1);
  };
  const auto rehash = [&](std::size_t capacity) {
    slots.assign(capacity, 0);
    for (std::size_t i = first; i < out.size(); ++i) {
      std::size_t at = slot_of(key_of(out[i]));
      while (slots[at] != 0)
        at = (at + 1) & (slots.size() - 1);
      slots[at] = static_cast<std::uint32_t>(i - first + 1);
    }
  };
  const auto add = [&](seat_record s) {
    s.body = static_cast<std::uint32_t>(body);
    const seat_key key = key_of(s);
    const std::size_t n = out.size() - first;
    if (n < 32) {
      for (std::size_t i = first; i < out.size(); ++i)
        if (key_of(out[i]) == key)
          return;
    } else {
      if ((n + 1) * 10 > slots.size() * 7)
        rehash(slots.empty() ? initial : 2 * slots.size());
      std::size_t at = slot_of(key);
      for (; slots[at] != 0; at = (at + 1) & (slots.size() - 1))
        if (key_of(out[first + slots[at] - 1]) == key)
          return;
      slots[at] = static_cast<std::uint32_t>(n + 1);
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
        s.on_behalf_of = index_or_none(m.on_behalf_of(r));
        s.area = index_or_none(m.area(r));
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
    for (vertex p : posts)
      if (snap.exists(p))
        post_seats(snap, p, n, add);
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
    const relation_id h = s.holding;
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
