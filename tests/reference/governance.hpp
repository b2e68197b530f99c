#pragma once
// Governance by docs/governance.md and the time rules: members, chairs, reporting lines, sub-bodies,
// coverage. Brute force: each question rescans the model.

#include <orgraph/query/governance.hpp>

#include "line_management.hpp"
#include "text.hpp"
#include "time_rules.hpp"

#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace orgraph_reference {

using orgraph::membership;
using orgraph::membership_basis;
using orgraph::reporting_step;
using orgraph::reporting_via;

/// The posts that can give body `n` a seat: a member_of into n (any date), n as their parent, or a
/// holding (any date) that names n; ascending vertex.
inline std::vector<vertex> posts_seated_on(const model& m, vertex n) {
  std::vector<bool> seated(m.node_count(), false);
  for (vertex p = 0; p < m.node_count(); ++p)
    seated[p] = m.parent(p) == n;
  for (relation_id r : m.relations(relation_type::member_of))
    if (m.target(r) == n)
      seated[m.source(r)] = true;
  for (relation_id h : m.relations(relation_type::holds))
    if (m.organization(h) == n)
      seated[m.target(h)] = true;
  std::vector<vertex> out;
  for (vertex p = 0; p < m.node_count(); ++p)
    if (seated[p] && m.kind(p) == node_kind::post)
      out.push_back(p);
  return out;
}

/// The seats post p gives on body n (recorded as n): one for each member_of in force from p to n and
/// each holder of p; if there is none, one for each holder when p is a post of n. A post nobody holds
/// gives one vacant seat each time.
inline std::vector<membership> post_seats(const model& m, vertex p, vertex n, date on) {
  const auto holdings = orgraph_reference::effective_holdings(m, p, on);
  std::vector<std::optional<relation_id>> holders(holdings.begin(), holdings.end());
  if (holders.empty())
    holders.push_back(std::nullopt); // vacant
  const auto seat_for = [&](const std::optional<relation_id>& holding) {
    membership s;
    s.body = n;
    s.post = p;
    s.role = std::string(m[p].name);
    s.area = m[p].area;
    if (holding) {
      const auto h = m[*holding];
      s.person = h.from;
      s.holding = *holding;
      if (!h.role.empty())
        s.role = std::string(h.role);
      s.on_behalf_of = h.on_behalf_of;
      if (h.area != no_vertex)
        s.area = h.area;
    }
    return s;
  };
  std::vector<membership> out;
  for (relation_id r : m.relations(relation_type::member_of)) {
    const auto rel = m[r];
    if (rel.from != p || rel.to != n || !orgraph_reference::in_force(m, r, on))
      continue;
    for (const auto& holding : holders) {
      membership s = seat_for(holding);
      if (!rel.role.empty())
        s.role = std::string(rel.role);
      if (rel.on_behalf_of != no_vertex)
        s.on_behalf_of = rel.on_behalf_of;
      if (rel.area != no_vertex)
        s.area = rel.area;
      s.basis = membership_basis::ex_officio;
      s.via = relation_type::member_of;
      s.edge = r;
      out.push_back(s);
    }
  }
  if (!out.empty())
    return out;
  bool of_body = m[p].parent == n;
  for (relation_id h : m.relations(relation_type::holds))
    of_body = of_body || (m[h].to == p && m[h].organization == n && orgraph_reference::in_force(m, h, on));
  if (!of_body)
    return out;
  for (const auto& holding : holders) {
    membership s = seat_for(holding);
    s.basis = membership_basis::post_of_body;
    s.via = relation_type::holds;
    if (holding)
      s.edge = *holding;
    out.push_back(s);
  }
  return out;
}

/// Who sits on `body` on a date: the answer is for its successor, which must exist; seats recorded on
/// every name it answers for, direct ones first, then those of posts; seats that agree in person,
/// post, role, on_behalf_of and area once, the first found.
inline std::vector<membership> members(const model& m, vertex body, date on) {
  std::vector<membership> out;
  const vertex s = orgraph_reference::successor(m, body, on);
  if (!orgraph_reference::exists(m, s, on))
    return out;
  const auto add = [&](membership seat) {
    if (seat.body != s) {
      seat.replaced = seat.body;
      seat.body = s;
    }
    for (const auto& t : out)
      if (t.person == seat.person && t.post == seat.post && t.role == seat.role &&
          t.on_behalf_of == seat.on_behalf_of && t.area == seat.area)
        return;
    out.push_back(std::move(seat));
  };
  const auto names = orgraph_reference::names_of(m, s, on);
  for (vertex n : names)
    for (relation_id r : m.relations(relation_type::member_of)) {
      const auto rel = m[r];
      if (rel.to != n || m[rel.from].kind != node_kind::person || !orgraph_reference::in_force(m, r, on))
        continue;
      membership seat;
      seat.body = n;
      seat.person = rel.from;
      seat.role = std::string(rel.role);
      seat.on_behalf_of = rel.on_behalf_of;
      seat.area = rel.area;
      seat.basis = membership_basis::direct;
      seat.via = relation_type::member_of;
      seat.edge = r;
      add(std::move(seat));
    }
  for (vertex n : names)
    for (vertex p : orgraph_reference::posts_seated_on(m, n))
      if (orgraph_reference::exists(m, p, on))
        for (auto& seat : orgraph_reference::post_seats(m, p, n, on))
          add(std::move(seat));
  return out;
}

/// members() restricted to the seats for `area` or an area within it.
inline std::vector<membership> members_in_area(const model& m, vertex body, vertex area, date on) {
  std::vector<membership> out;
  if (m[area].kind != node_kind::area)
    return out;
  for (auto& s : orgraph_reference::members(m, body, on)) {
    std::vector<vertex> up;
    for (vertex a = s.area; a != no_vertex && !orgraph_reference::contains(up, a); a = m[a].parent)
      up.push_back(a);
    if (orgraph_reference::contains(up, area))
      out.push_back(std::move(s));
  }
  return out;
}

inline std::optional<membership> chair(const model& m, vertex body, date on) {
  std::optional<membership> vacant;
  for (auto& s : orgraph_reference::members(m, body, on)) {
    if (!orgraph_reference::is_chair_role(s.role))
      continue;
    if (s.person)
      return s;
    if (!vacant)
      vacant = s;
  }
  return vacant;
}

/// The inverse of members(): every body in force, in vertex order, and the person's seats on it.
/// The seats members() gives, over bodies in force, whose person is `person`: direct seats first in
/// the order their member_of relations were added; then seats through posts, in the order the
/// person's holdings of those posts were added; within a post its ex officio seats in relation order,
/// then its seat on its own body, then those on bodies its holdings name, in vertex order.
inline std::vector<membership> bodies_of(const model& m, vertex person, date on) {
  std::vector<membership> out;
  for (vertex b : orgraph_reference::active_bodies(m, on))
    for (auto& s : orgraph_reference::members(m, b, on))
      if (s.person == person)
        out.push_back(s);
  const auto key = [&](const membership& s) {
    if (s.basis == membership_basis::direct)
      return std::make_tuple(0u, s.edge->index(), 0u, std::size_t{0});
    const std::uint32_t h = s.holding ? s.holding->index() : 0u; // the person's own holding
    if (s.basis == membership_basis::ex_officio)
      return std::make_tuple(1u, h, 0u, std::size_t{s.edge->index()});
    const vertex recorded = s.replaced != no_vertex ? s.replaced : s.body;
    return std::make_tuple(1u, h, 1u, m[s.post].parent == recorded ? std::size_t{0} : recorded + 1);
  };
  std::stable_sort(out.begin(), out.end(), [&](const membership& a, const membership& b) { return key(a) < key(b); });
  return out;
}

inline std::vector<vertex> persons_on(const model& m, vertex body, date on) {
  std::vector<vertex> out;
  for (const auto& s : orgraph_reference::members(m, body, on))
    if (s.person && !orgraph_reference::contains(out, *s.person))
      out.push_back(*s.person);
  return out;
}

inline std::size_t membership_size(const model& m, vertex body, date on) {
  return orgraph_reference::persons_on(m, body, on).size();
}

inline std::vector<vertex> shared_members(const model& m, vertex a, vertex b, date on) {
  const auto on_b = orgraph_reference::persons_on(m, b, on);
  std::vector<vertex> out;
  for (vertex p : orgraph_reference::persons_on(m, a, on))
    if (orgraph_reference::contains(on_b, p))
      out.push_back(p);
  return out;
}

inline std::vector<orgraph::interlock> interlocks(const model& m, date on) {
  std::vector<orgraph::interlock> out;
  for (vertex p = 0; p < m.node_count(); ++p) {
    if (m[p].kind != node_kind::person)
      continue;
    orgraph::interlock i;
    i.person = p;
    for (const auto& s : orgraph_reference::bodies_of(m, p, on))
      if (!orgraph_reference::contains(i.bodies, s.body))
        i.bodies.push_back(s.body);
    if (i.bodies.size() >= 2)
      out.push_back(std::move(i));
  }
  return out;
}

/// The first step up from the body `s` (in force): a reports_to of any of its names, else the parent
/// of any of its names; targets read as their successors; never a step to `s` itself.
inline std::optional<reporting_step> first_step(const model& m, vertex s, date on) {
  const auto names = orgraph_reference::names_of(m, s, on);
  for (vertex n : names)
    for (relation_id r : m.relations(relation_type::reports_to)) {
      const auto rel = m[r];
      if (rel.from != n || !orgraph_reference::in_force(m, r, on))
        continue;
      const vertex t = orgraph_reference::successor(m, rel.to, on);
      if (t == s)
        continue;
      reporting_step step;
      step.body = t;
      step.via = reporting_via::reports_to;
      step.edge = r;
      step.replaced = t != rel.to ? rel.to : no_vertex;
      return step;
    }
  for (vertex n : names) {
    const vertex parent = m[n].parent;
    if (parent == no_vertex)
      continue;
    const vertex t = orgraph_reference::successor(m, parent, on);
    if (t == s || !orgraph_reference::exists(m, t, on))
      continue;
    reporting_step step;
    step.body = t;
    step.via = reporting_via::parent;
    step.replaced = t != parent ? parent : no_vertex;
    return step;
  }
  return std::nullopt;
}

inline std::vector<reporting_step> reporting_line(const model& m, vertex body, date on) {
  std::vector<reporting_step> line;
  const vertex s = orgraph_reference::successor(m, body, on);
  if (!orgraph_reference::in_force(m, s, on))
    return line;
  std::vector<vertex> seen{s};
  for (vertex current = s;;) {
    auto step = orgraph_reference::first_step(m, current, on);
    if (!step || orgraph_reference::contains(seen, step->body))
      break;
    seen.push_back(step->body);
    current = step->body;
    line.push_back(std::move(*step));
  }
  return line;
}

/// Breadth-first below the body's successor: level k are the bodies in force, in vertex order, not yet
/// listed, whose first step goes to a body of level k - 1.
inline std::vector<orgraph::sub_body> sub_bodies(const model& m, vertex body, date on, bool direct_only) {
  std::vector<orgraph::sub_body> out;
  std::vector<vertex> seen{orgraph_reference::successor(m, body, on)};
  std::vector<vertex> level = seen;
  for (std::size_t depth = 1; !level.empty(); ++depth) {
    std::vector<vertex> next;
    for (vertex v : orgraph_reference::active_bodies(m, on)) {
      if (orgraph_reference::contains(seen, v))
        continue;
      const auto step = orgraph_reference::first_step(m, v, on);
      if (step && orgraph_reference::contains(level, step->body)) {
        next.push_back(v);
        out.push_back({v, *step, depth});
      }
    }
    for (vertex v : next)
      seen.push_back(v);
    if (direct_only)
      break;
    level = std::move(next);
  }
  return out;
}

/// Bodies in force covering the area or one of its parent areas, nearest area first, each body once.
inline std::vector<orgraph::coverage> covering(const model& m, vertex area, date on, std::string_view classification) {
  std::vector<orgraph::coverage> out;
  std::vector<vertex> areas;
  for (vertex a = area; a != no_vertex && m[a].kind == node_kind::area && !orgraph_reference::contains(areas, a);
       a = m[a].parent)
    areas.push_back(a);
  for (vertex a : areas)
    for (relation_id r : m.relations(relation_type::covers)) {
      const auto rel = m[r];
      if (rel.to != a || !orgraph_reference::in_force(m, r, on))
        continue;
      const vertex body = orgraph_reference::successor(m, rel.from, on);
      if (!orgraph_reference::in_force(m, body, on))
        continue;
      if (!classification.empty() && !orgraph_reference::iequals(m[body].classification, classification))
        continue;
      bool listed = false;
      for (const auto& c : out)
        listed = listed || c.body == body;
      if (listed)
        continue;
      orgraph::coverage c;
      c.body = body;
      c.area = a;
      c.status = std::string(rel.status);
      c.edge = r;
      c.replaced = body != rel.from ? rel.from : no_vertex;
      out.push_back(std::move(c));
    }
  return out;
}

inline std::vector<vertex> coverage_gaps(const model& m, std::string_view classification, std::string_view level,
                                         date on) {
  std::vector<vertex> out;
  for (vertex v = 0; v < m.node_count(); ++v)
    if (m[v].kind == node_kind::area && orgraph_reference::iequals(m[v].classification, level) &&
        orgraph_reference::covering(m, v, on, classification).empty())
      out.push_back(v);
  return out;
}

} // namespace orgraph_reference
