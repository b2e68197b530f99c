// Governance queries (docs/governance.md), answered from a snapshot: the seats and first reporting
// steps are resolved once by the rules in src/snapshot/, and read here.

#include <orgraph/query/governance.hpp>

#include "../detail/seen.hpp"
#include "../snapshot/state.hpp"
#include "members.hpp"
#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>
#include <utility>

namespace orgraph {

std::string_view to_string(membership_basis b) noexcept {
  switch (b) {
  case membership_basis::direct: return "direct";
  case membership_basis::ex_officio: return "ex_officio";
  case membership_basis::post_of_body: return "post_of_body";
  }
  return "direct";
}

std::string_view to_string(reporting_via v) noexcept { return v == reporting_via::parent ? "parent" : "reports_to"; }

bool is_chair_role(std::string_view role) noexcept {
  while (!role.empty() && std::isspace(static_cast<unsigned char>(role.front())))
    role.remove_prefix(1);
  for (std::string_view word : {"chair person", "chairperson", "chairwoman", "chairman", "chair"}) {
    if (role.size() < word.size() || !detail::iequals(role.substr(0, word.size()), word))
      continue;
    if (role.size() == word.size())
      return true;
    const char next = role[word.size()];
    if (next == ' ' || next == ',' || next == ':' || next == '(' || next == ';' || next == '\t')
      return true;
  }
  return false;
}

namespace {

bool is_body(const model& m, vertex v) { return m.contains(v) && m.kind(v) == node_kind::organization; }

membership to_membership(const detail::seat_record& s) {
  membership out;
  out.body = s.body;
  if (s.person != detail::no_index)
    out.person = s.person;
  out.post = s.post == detail::no_index ? no_vertex : vertex{s.post};
  out.role = std::string(s.role);
  out.on_behalf_of = s.on_behalf_of == detail::no_index ? no_vertex : vertex{s.on_behalf_of};
  out.area = s.area == detail::no_index ? no_vertex : vertex{s.area};
  out.basis = static_cast<membership_basis>(s.basis);
  out.via = static_cast<relation_type>(s.via);
  if (s.edge != relation_id())
    out.edge = s.edge;
  if (s.holding != relation_id())
    out.holding = s.holding;
  out.replaced = s.recorded != s.body ? vertex{s.recorded} : no_vertex;
  return out;
}

/// The seats of the body answering for `body` on the date, given to `f` as one span: the part's row
/// when built (no copy); else found by the rule, with the posts holdings name from `named` if given
/// (else found by a scan of every holding).
template <class F> void with_seats(const snapshot& s, vertex body, const detail::posts_by_organization* named, F&& f) {
  const model& m = s.model();
  if (!is_body(m, body))
    return;
  const vertex b = s.successor(body);
  if (!s.body_in_force(b))
    return;
  if (s.built(snapshot::part::seats)) {
    const detail::seats_part& p = s.seats();
    f(detail::row(p.offsets, p.seats, b));
    return;
  }
  std::vector<detail::seat_record> seats;
  detail::seats_of(s, b, named, seats);
  f(detail::span_of<detail::seat_record>{seats.data(), seats.data() + seats.size()});
}

template <class F>
void for_each_seat(const snapshot& s, vertex body, const detail::posts_by_organization* named, F&& f) {
  with_seats(s, body, named, [&](detail::span_of<detail::seat_record> seats) {
    for (const auto& seat : seats)
      f(seat);
  });
}

reporting_step to_step(const detail::step_record& r) {
  reporting_step s;
  s.body = r.body;
  s.via = static_cast<reporting_via>(r.via);
  if (r.edge != relation_id())
    s.edge = r.edge;
  s.replaced = r.replaced == detail::no_index ? no_vertex : vertex{r.replaced};
  return s;
}

detail::step_record first_step(const snapshot& s, vertex body) {
  if (s.built(snapshot::part::links))
    return s.links().first_step[body];
  return detail::first_step_of(s, body);
}

} // namespace

namespace detail {

std::vector<membership> members_using(const snapshot& s, vertex body, const posts_by_organization* named) {
  std::vector<membership> out;
  with_seats(s, body, named, [&](span_of<seat_record> seats) {
    out.reserve(seats.size()); // a body of a million seats is not grown twenty times
    for (const auto& seat : seats)
      out.push_back(to_membership(seat));
  });
  return out;
}

std::optional<membership> chair_among(const std::vector<membership>& seats) {
  std::optional<membership> vacant;
  for (const auto& seat : seats) {
    if (!is_chair_role(seat.role))
      continue;
    if (seat.person)
      return seat;
    if (!vacant)
      vacant = seat;
  }
  return vacant;
}

std::optional<membership> chair_using(const snapshot& s, vertex body, const posts_by_organization* named) {
  return chair_among(members_using(s, body, named));
}

} // namespace detail

std::vector<membership> members(const snapshot& s, vertex body) { return detail::members_using(s, body, nullptr); }

std::optional<membership> chair(const snapshot& s, vertex body) { return detail::chair_using(s, body, nullptr); }

std::vector<membership> members_in_area(const snapshot& s, vertex body, vertex area) {
  std::vector<membership> out;
  const model& m = s.model();
  if (!m.contains(area) || m.kind(area) != node_kind::area)
    return out;
  // Areas nest without cycles (set_parent refuses one), so each walk up ends.
  const auto within = [&](std::uint32_t a) {
    for (vertex v = a == detail::no_index ? no_vertex : vertex{a}; v != no_vertex; v = m.parent(v))
      if (v == area)
        return true;
    return false;
  };
  for_each_seat(s, body, nullptr, [&](const detail::seat_record& seat) {
    if (within(seat.area))
      out.push_back(to_membership(seat));
  });
  return out;
}

std::vector<membership> bodies_of(const snapshot& s, vertex person) {
  std::vector<membership> out;
  if (!s.model().contains(person) || s.model().kind(person) != node_kind::person)
    return out;
  const detail::seats_part& p = s.seats();
  for (std::uint32_t i : detail::row(p.person_offsets, p.by_person, person))
    out.push_back(to_membership(p.seats[i]));
  return out;
}

std::size_t membership_size(const snapshot& s, vertex body) {
  std::vector<std::uint32_t> persons;
  for_each_seat(s, body, nullptr, [&](const detail::seat_record& seat) {
    if (seat.person != detail::no_index)
      persons.push_back(seat.person);
  });
  std::sort(persons.begin(), persons.end());
  return static_cast<std::size_t>(std::unique(persons.begin(), persons.end()) - persons.begin());
}

std::vector<vertex> shared_members(const snapshot& s, vertex a, vertex b) {
  std::unordered_set<std::uint32_t> on_b, listed;
  for_each_seat(s, b, nullptr, [&](const detail::seat_record& seat) {
    if (seat.person != detail::no_index)
      on_b.insert(seat.person);
  });
  std::vector<vertex> out;
  for_each_seat(s, a, nullptr, [&](const detail::seat_record& seat) {
    if (seat.person != detail::no_index && on_b.count(seat.person) != 0 && listed.insert(seat.person).second)
      out.push_back(seat.person);
  });
  return out;
}

std::vector<interlock> interlocks(const snapshot& s) {
  std::vector<interlock> out;
  const model& m = s.model();
  const detail::seats_part& p = s.seats();
  for (vertex v = 0; v < m.node_count(); ++v) {
    if (m.kind(v) != node_kind::person)
      continue;
    interlock i;
    i.person = v;
    detail::seen_set<vertex> listed;
    for (std::uint32_t k : detail::row(p.person_offsets, p.by_person, v))
      if (listed.insert(p.seats[k].body))
        i.bodies.push_back(p.seats[k].body);
    if (i.bodies.size() >= 2)
      out.push_back(std::move(i));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

std::vector<reporting_step> reporting_line(const snapshot& s, vertex body) {
  std::vector<reporting_step> line;
  if (!is_body(s.model(), body))
    return line;
  vertex at = s.successor(body);
  if (!s.body_in_force(at))
    return line;
  std::unordered_set<vertex> seen{at};
  for (;;) {
    const detail::step_record step = first_step(s, at);
    if (step.body == detail::no_index || !seen.insert(step.body).second)
      return line;
    line.push_back(to_step(step));
    at = step.body;
  }
}

std::vector<sub_body> sub_bodies(const snapshot& s, vertex body, bool direct_only) {
  std::vector<sub_body> out;
  const model& m = s.model();
  if (!is_body(m, body))
    return out;
  const vertex top = s.successor(body);
  if (!s.body_in_force(top))
    return out;
  const detail::links_part& links = s.links();
  const std::size_t n = m.node_count();
  // The bodies directly below each body, in vertex order.
  std::vector<std::uint32_t> offsets(n + 1, 0), below;
  for (vertex v = 0; v < n; ++v)
    if (links.first_step[v].body != detail::no_index)
      ++offsets[links.first_step[v].body + 1];
  for (std::size_t v = 0; v < n; ++v)
    offsets[v + 1] += offsets[v];
  below.resize(offsets[n]);
  std::vector<std::uint32_t> at(offsets.begin(), offsets.end() - 1);
  for (vertex v = 0; v < n; ++v)
    if (links.first_step[v].body != detail::no_index)
      below[at[links.first_step[v].body]++] = static_cast<std::uint32_t>(v);

  std::vector<bool> seen(n, false);
  seen[top] = true;
  std::vector<vertex> level{top}, next;
  for (std::size_t depth = 1; !level.empty(); ++depth) {
    next.clear();
    for (vertex above : level)
      for (std::uint32_t v : detail::row(offsets, below, above))
        if (!seen[v]) {
          seen[v] = true;
          next.push_back(v);
        }
    std::sort(next.begin(), next.end());
    for (vertex v : next)
      out.push_back({v, to_step(links.first_step[v]), depth});
    if (direct_only)
      break;
    level.swap(next);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

date replacement_date(const model& m, model::edge replaced_by) { return detail::replacement_date(m, replaced_by); }

std::vector<vertex> lineage(const model& m, vertex body) {
  // From `body` along the replacement that took effect first, backwards or forwards, never repeating.
  detail::seen_set<vertex> met;
  met.insert(body);
  const auto walk = [&](bool forwards, std::vector<vertex>& line) {
    for (vertex v = body;;) {
      const relation_id r = detail::first_replacement(m, v, forwards);
      if (r == relation_id())
        return;
      v = forwards ? m.target(r) : m.source(r);
      if (!met.insert(v))
        return; // a cycle of renamings: stop before repeating
      line.push_back(v);
    }
  };
  std::vector<vertex> back{body};
  walk(false, back);
  std::vector<vertex> out(back.rbegin(), back.rend());
  walk(true, out);
  return out;
}

successor_answer successor_on(const snapshot& s, vertex body) {
  successor_answer a;
  a.requested = body;
  a.body = detail::follow_successors(s.model(), body, s.on(), &a.replaced);
  return a;
}

bool in_force(const snapshot& s, vertex body) { return is_body(s.model(), body) && s.body_in_force(body); }

std::vector<vertex> active_bodies(const snapshot& s) {
  std::vector<vertex> out;
  for (vertex v = 0; v < s.model().node_count(); ++v)
    if (s.model().kind(v) == node_kind::organization && s.body_in_force(v))
      out.push_back(v);
  return out;
}

std::vector<expiring_body> expiring(const snapshot& s, std::int32_t within_days) {
  std::vector<expiring_body> out;
  const date until = s.on().plus_days(within_days);
  for (vertex v : active_bodies(s)) {
    const period& life = s.model().lifetime(v);
    if (!life.has_end() || life.last_day() > until)
      continue;
    out.push_back({v, life.last_day(), life.last_day().days_since_epoch() - s.on().days_since_epoch()});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const expiring_body& x, const expiring_body& y) { return x.last_day < y.last_day; });
  return out;
}

// ---------------------------------------------------------------------------------------------

std::vector<coverage> covering(const snapshot& s, vertex area, std::string_view classification) {
  const model& m = s.model();
  std::vector<coverage> out;
  detail::seen_set<vertex> areas_seen;
  std::unordered_set<vertex> listed;
  for (vertex a = area; a != no_vertex && m.contains(a) && m.kind(a) == node_kind::area; a = m.parent(a)) {
    if (!areas_seen.insert(a))
      break; // parent areas in a cycle
    for (relation_id r : m.in_relations(a, relation_type::covers)) {
      if (!s.in_force(r))
        continue;
      const vertex named = m.source(r);
      const vertex body = s.successor(named);
      if (!s.body_in_force(body))
        continue;
      if (!classification.empty() && !detail::iequals(m.classification(body), classification))
        continue;
      if (!listed.insert(body).second)
        continue;
      coverage c;
      c.body = body;
      c.area = a;
      c.status = std::string(m.status(r));
      c.edge = r;
      if (body != named)
        c.replaced = named;
      out.push_back(std::move(c));
    }
  }
  return out;
}

std::vector<vertex> coverage_gaps(const snapshot& s, std::string_view classification, std::string_view level) {
  std::vector<vertex> out;
  const model& m = s.model();
  for (vertex v = 0; v < m.node_count(); ++v)
    if (m.kind(v) == node_kind::area && detail::iequals(m.classification(v), level) &&
        covering(s, v, classification).empty())
      out.push_back(v);
  return out;
}

} // namespace orgraph
