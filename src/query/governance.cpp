#include <orgraph/query/governance.hpp>

#include "governance_detail.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace orgraph {

namespace detail {

bool iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool icontains(std::string_view text, std::string_view word) noexcept {
  if (word.size() > text.size())
    return false;
  for (std::size_t i = 0; i + word.size() <= text.size(); ++i)
    if (iequals(text.substr(i, word.size()), word))
      return true;
  return false;
}

std::optional<model::edge> effective_holding(const model& m, vertex post, date on) {
  const auto& g = m.graph();
  std::optional<model::edge> best;
  int best_rank = -1;
  for (auto [it, end] = in_edges(post, g); it != end; ++it) {
    const relation_view r = g[*it];
    if (r.type != relation_type::holds || !r.in_force(on) || m[source(*it, g)].kind != node_kind::person)
      continue;
    if (precedence(r.arrangement) > best_rank) { // strictly greater: the first added wins among equals
      best = *it;
      best_rank = precedence(r.arrangement);
    }
  }
  return best;
}

void post_seats(const model& m, vertex post, date on, std::vector<membership>& out) {
  const node_view p = m[post];
  if (p.kind != node_kind::post || !p.lifetime.contains(on))
    return;
  const auto& g = m.graph();
  const auto holding = effective_holding(m, post, on);
  std::optional<relation_view> held;
  if (holding)
    held = g[*holding];
  const relation_view* h = held ? &*held : nullptr;
  std::optional<vertex> person;
  if (holding)
    person = source(*holding, g);
  const std::string holding_role(h != nullptr && !h->role.empty() ? h->role : p.name);
  const vertex holding_behalf = h != nullptr ? h->on_behalf_of : no_vertex;

  const std::size_t first = out.size();
  const auto seen = [&](vertex body) {
    return std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                       [&](const membership& s) { return s.body == body; });
  };
  // Ex officio: the post itself is a member.
  for (auto [it, end] = out_edges(post, g); it != end; ++it) {
    const relation_view r = g[*it];
    const vertex body = target(*it, g);
    if (r.type != relation_type::member_of || !r.in_force(on) || seen(body))
      continue;
    membership s;
    s.body = body;
    s.person = person;
    s.post = post;
    s.role = !r.role.empty() ? r.role : holding_role;
    s.on_behalf_of = r.on_behalf_of != no_vertex ? r.on_behalf_of : holding_behalf;
    s.basis = membership_basis::ex_officio;
    s.via = relation_type::member_of;
    s.edge = *it;
    out.push_back(std::move(s));
  }
  const auto through_post = [&](vertex body) {
    if (body == no_vertex || m[body].kind != node_kind::organization || seen(body))
      return;
    membership s;
    s.body = body;
    s.person = person;
    s.post = post;
    s.role = holding_role;
    s.on_behalf_of = holding_behalf;
    s.basis = membership_basis::post_of_body;
    s.via = relation_type::holds;
    s.edge = holding;
    out.push_back(std::move(s));
  };
  // The post's own body, then any body a holding in force names.
  through_post(p.parent);
  for (auto [it, end] = in_edges(post, g); it != end; ++it) {
    const relation_view r = g[*it];
    if (r.type == relation_type::holds && r.in_force(on))
      through_post(r.organization);
  }
}

} // namespace detail

std::string_view to_string(membership_basis b) noexcept {
  switch (b) {
  case membership_basis::direct:
    return "direct";
  case membership_basis::ex_officio:
    return "ex_officio";
  case membership_basis::post_of_body:
    return "post_of_body";
  }
  return "direct";
}

std::string_view to_string(reporting_via v) noexcept {
  return v == reporting_via::parent ? "parent" : "reports_to";
}

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

namespace detail {

// Whether the seat is already listed: the same person through the same post (a vacant post: the same post).
bool same_seat_listed(const std::vector<membership>& seats, const membership& s) {
  return std::any_of(seats.begin(), seats.end(), [&](const membership& t) {
    return t.body == s.body && t.post == s.post && t.person == s.person;
  });
}

// The bodies whose relations count as relations of `body` on a date: itself, then every body of its
// lineage that it has replaced by then.
std::vector<vertex> answering_for(const model& m, vertex body, date on) {
  std::vector<vertex> out{body};
  for (vertex v : lineage(m, body)) {
    if (v == body)
      break;
    if (successor_on(m, v, on).body == body)
      out.push_back(v);
  }
  return out;
}

} // namespace detail

std::vector<membership> members(const model& m, vertex body, date on) {
  std::vector<membership> out;
  const auto& g = m.graph();
  const auto names = detail::answering_for(m, body, on);
  const auto add = [&](membership s) {
    if (s.body != body) {
      s.replaced = s.body;
      s.body = body;
    }
    if (!detail::same_seat_listed(out, s))
      out.push_back(std::move(s));
  };
  for (vertex b : names)
    for (auto [it, end] = in_edges(b, g); it != end; ++it) {
      const relation_view r = g[*it];
      const vertex who = source(*it, g);
      if (r.type != relation_type::member_of || !r.in_force(on) || m[who].kind != node_kind::person)
        continue;
      membership s;
      s.body = b;
      s.person = who;
      s.role = r.role;
      s.on_behalf_of = r.on_behalf_of;
      s.basis = membership_basis::direct;
      s.via = relation_type::member_of;
      s.edge = *it;
      add(std::move(s));
    }
  // The posts that can give b a seat: those sitting on it ex officio (relations into b), and, through
  // the model's index, those belonging to it or whose holdings name it. In the order the posts were
  // added, as the documentation promises.
  std::vector<membership> seats;
  std::vector<vertex> posts;
  for (vertex b : names) {
    posts.clear();
    for (auto [it, end] = in_edges(b, g); it != end; ++it)
      if (g[*it].type == relation_type::member_of && m[source(*it, g)].kind == node_kind::post)
        posts.push_back(source(*it, g));
    for (vertex v : m.children(b))
      if (m[v].kind == node_kind::post)
        posts.push_back(v);
    for (relation_id h : m.relations(relation_type::holds))
      if (m.organization(h) == b)
        posts.push_back(m.target(h));
    std::sort(posts.begin(), posts.end());
    posts.erase(std::unique(posts.begin(), posts.end()), posts.end());
    for (vertex v : posts) {
      seats.clear();
      detail::post_seats(m, v, on, seats);
      for (auto& s : seats)
        if (s.body == b)
          add(std::move(s));
    }
  }
  return out;
}

std::optional<membership> chair(const model& m, vertex body, date on) {
  std::optional<membership> vacant;
  for (auto& s : members(m, body, on)) {
    if (!is_chair_role(s.role))
      continue;
    if (s.person)
      return std::move(s);
    if (!vacant)
      vacant = std::move(s);
  }
  return vacant;
}

std::vector<membership> bodies_of(const model& m, vertex person, date on) {
  std::vector<membership> out;
  const auto& g = m.graph();
  for (auto [it, end] = out_edges(person, g); it != end; ++it) {
    const relation_view r = g[*it];
    if (r.type != relation_type::member_of || !r.in_force(on))
      continue;
    membership s;
    s.body = target(*it, g);
    s.person = person;
    s.role = r.role;
    s.on_behalf_of = r.on_behalf_of;
    s.basis = membership_basis::direct;
    s.via = relation_type::member_of;
    s.edge = *it;
    out.push_back(std::move(s));
  }
  std::vector<vertex> posts_done;
  for (auto [it, end] = out_edges(person, g); it != end; ++it) {
    const relation_view r = g[*it];
    const vertex post = target(*it, g);
    if (r.type != relation_type::holds || !r.in_force(on) ||
        std::find(posts_done.begin(), posts_done.end(), post) != posts_done.end())
      continue;
    posts_done.push_back(post);
    const auto holding = detail::effective_holding(m, post, on);
    if (!holding || source(*holding, g) != person)
      continue; // someone acting in the post sits in their place
    detail::post_seats(m, post, on, out);
  }
  // Answer for the bodies in force: a membership of a replaced body is one of its successor.
  std::vector<membership> resolved;
  for (auto& s : out) {
    const auto now = successor_on(m, s.body, on);
    if (now.resolved()) {
      s.replaced = s.body;
      s.body = now.body;
    }
    const auto listed = std::find_if(resolved.begin(), resolved.end(), [&](const membership& t) {
      return t.body == s.body && t.post == s.post && t.person == s.person;
    });
    if (listed == resolved.end())
      resolved.push_back(std::move(s));
    else if (listed->replaced != no_vertex && s.replaced == no_vertex)
      *listed = std::move(s); // as members() does: the seat as recorded on the body itself wins

  }
  return resolved;
}

std::size_t membership_size(const model& m, vertex body, date on) {
  std::vector<vertex> persons;
  for (const auto& s : members(m, body, on))
    if (s.person && std::find(persons.begin(), persons.end(), *s.person) == persons.end())
      persons.push_back(*s.person);
  return persons.size();
}

std::vector<vertex> shared_members(const model& m, vertex a, vertex b, date on) {
  std::vector<vertex> on_b;
  for (const auto& s : members(m, b, on))
    if (s.person)
      on_b.push_back(*s.person);
  std::vector<vertex> out;
  for (const auto& s : members(m, a, on))
    if (s.person && std::find(on_b.begin(), on_b.end(), *s.person) != on_b.end() &&
        std::find(out.begin(), out.end(), *s.person) == out.end())
      out.push_back(*s.person);
  return out;
}

std::vector<interlock> interlocks(const model& m, date on) {
  std::vector<interlock> out;
  for (vertex p = 0; p < m.node_count(); ++p) {
    if (m[p].kind != node_kind::person)
      continue;
    interlock i;
    i.person = p;
    for (const auto& s : bodies_of(m, p, on))
      if (std::find(i.bodies.begin(), i.bodies.end(), s.body) == i.bodies.end())
        i.bodies.push_back(s.body);
    if (i.bodies.size() >= 2)
      out.push_back(std::move(i));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

namespace detail {

std::optional<reporting_step> first_step(const model& m, vertex body, date on) {
  const auto& g = m.graph();
  // A body carries on the relations of the bodies it has replaced by the date (as members() and the
  // influence graph read them): its own reports_to first, then theirs, then its parent, then theirs.
  const auto names = answering_for(m, body, on);
  for (vertex named : names)
    for (auto [it, end] = out_edges(named, g); it != end; ++it) {
      const relation_view r = g[*it];
      if (r.type != relation_type::reports_to || !r.in_force(on))
        continue;
      const auto above = successor_on(m, target(*it, g), on);
      if (above.body == body)
        continue; // a predecessor that reported to what replaced it
      reporting_step s;
      s.via = reporting_via::reports_to;
      s.edge = *it;
      s.body = above.body;
      if (above.resolved())
        s.replaced = above.requested;
      return s;
    }
  if (m[body].kind != node_kind::organization)
    return std::nullopt;
  for (vertex named : names) {
    const vertex parent = m[named].parent;
    if (parent == no_vertex)
      continue;
    const auto target = successor_on(m, parent, on);
    if (target.body == body)
      continue;
    reporting_step s;
    s.via = reporting_via::parent;
    s.body = target.body;
    if (target.resolved())
      s.replaced = target.requested;
    return s;
  }
  return std::nullopt;
}

} // namespace detail

std::vector<reporting_step> reporting_line(const model& m, vertex body, date on) {
  std::vector<reporting_step> line;
  std::vector<vertex> seen{body};
  vertex current = body;
  while (auto step = detail::first_step(m, current, on)) {
    if (std::find(seen.begin(), seen.end(), step->body) != seen.end())
      break;
    seen.push_back(step->body);
    current = step->body;
    line.push_back(std::move(*step));
  }
  return line;
}

std::vector<sub_body> sub_bodies(const model& m, vertex body, date on, bool direct_only) {
  // Each body in force and its first step up, computed once.
  std::vector<std::pair<vertex, reporting_step>> steps;
  for (vertex v : active_bodies(m, on))
    if (auto s = detail::first_step(m, v, on))
      steps.emplace_back(v, std::move(*s));
  std::vector<sub_body> out;
  std::vector<vertex> seen{body};
  std::vector<vertex> level{body};
  for (std::size_t depth = 1; !level.empty(); ++depth) {
    std::vector<vertex> next;
    for (vertex above : level)
      for (const auto& [v, s] : steps)
        if (s.body == above && std::find(seen.begin(), seen.end(), v) == seen.end()) {
          seen.push_back(v);
          next.push_back(v);
          out.push_back({v, s, depth});
        }
    if (direct_only)
      break;
    level = std::move(next);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

date replacement_date(const model& m, model::edge replaced_by) {
  const auto& g = m.graph();
  const relation_view r = g[replaced_by];
  if (r.when.start())
    return r.when.first_day();
  const node_view successor = m[target(replaced_by, g)];
  if (successor.lifetime.start())
    return successor.lifetime.first_day();
  const node_view predecessor = m[source(replaced_by, g)];
  if (predecessor.lifetime.end())
    return predecessor.lifetime.last_day().plus_days(1);
  return date::min();
}

namespace detail {

// The replaced_by link out of (forwards) or into (backwards) a body that took effect first.
std::optional<model::edge> first_replacement(const model& m, vertex body, bool forwards) {
  const auto& g = m.graph();
  std::optional<model::edge> best;
  date best_date = date::max();
  const auto consider = [&](model::edge e) {
    if (g[e].type != relation_type::replaced_by)
      return;
    const date d = replacement_date(m, e);
    if (!best || d < best_date) {
      best = e;
      best_date = d;
    }
  };
  if (forwards)
    for (auto [it, end] = out_edges(body, g); it != end; ++it)
      consider(*it);
  else
    for (auto [it, end] = in_edges(body, g); it != end; ++it)
      consider(*it);
  return best;
}

} // namespace detail

std::vector<vertex> lineage(const model& m, vertex body) {
  const auto& g = m.graph();
  std::vector<vertex> back{body};
  for (vertex v = body;;) {
    const auto e = detail::first_replacement(m, v, false);
    if (!e)
      break;
    v = source(*e, g);
    if (std::find(back.begin(), back.end(), v) != back.end())
      break; // a cycle of renamings: stop before repeating
    back.push_back(v);
  }
  std::vector<vertex> out(back.rbegin(), back.rend());
  for (vertex v = body;;) {
    const auto e = detail::first_replacement(m, v, true);
    if (!e)
      break;
    v = target(*e, g);
    if (std::find(out.begin(), out.end(), v) != out.end())
      break;
    out.push_back(v);
  }
  return out;
}

successor_answer successor_on(const model& m, vertex body, date on) {
  const auto& g = m.graph();
  successor_answer a;
  a.requested = body;
  a.body = body;
  std::vector<vertex> seen{body};
  while (true) {
    const auto e = detail::first_replacement(m, a.body, true);
    if (!e || on < replacement_date(m, *e))
      break;
    const vertex next = target(*e, g);
    if (std::find(seen.begin(), seen.end(), next) != seen.end())
      break;
    seen.push_back(next);
    a.replaced.push_back(a.body);
    a.body = next;
  }
  return a;
}

bool in_force(const model& m, vertex body, date on) {
  return m[body].kind == node_kind::organization && m[body].lifetime.contains(on) && !successor_on(m, body, on).resolved();
}

std::vector<vertex> active_bodies(const model& m, date on) {
  std::vector<vertex> out;
  for (vertex v = 0; v < m.node_count(); ++v)
    if (in_force(m, v, on))
      out.push_back(v);
  return out;
}

std::vector<expiring_body> expiring(const model& m, std::int32_t within_days, date on) {
  std::vector<expiring_body> out;
  const date until = on.plus_days(within_days);
  for (vertex v : active_bodies(m, on)) {
    const period& life = m[v].lifetime;
    if (!life.end() || life.last_day() > until)
      continue;
    out.push_back({v, life.last_day(), life.last_day().days_since_epoch() - on.days_since_epoch()});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const expiring_body& x, const expiring_body& y) { return x.last_day < y.last_day; });
  return out;
}

// ---------------------------------------------------------------------------------------------

std::vector<coverage> covering(const model& m, vertex area, date on, std::string_view classification) {
  const auto& g = m.graph();
  std::vector<coverage> out;
  std::vector<vertex> areas_seen;
  for (vertex a = area; a != no_vertex && m[a].kind == node_kind::area; a = m[a].parent) {
    if (std::find(areas_seen.begin(), areas_seen.end(), a) != areas_seen.end())
      break; // parent areas in a cycle
    areas_seen.push_back(a);
    for (auto [it, end] = in_edges(a, g); it != end; ++it) {
      const relation_view r = g[*it];
      if (r.type != relation_type::covers || !r.in_force(on))
        continue;
      const vertex named = source(*it, g);
      const auto now = successor_on(m, named, on);
      const vertex body = now.body;
      if (!m[body].lifetime.contains(on))
        continue;
      if (!classification.empty() && !detail::iequals(m[body].classification, classification))
        continue;
      if (std::any_of(out.begin(), out.end(), [&](const coverage& c) { return c.body == body; }))
        continue;
      coverage c;
      c.body = body;
      c.area = a;
      c.status = r.status;
      c.edge = *it;
      if (now.resolved())
        c.replaced = named;
      out.push_back(std::move(c));
    }
  }
  return out;
}

std::vector<vertex> coverage_gaps(const model& m, std::string_view classification, std::string_view level, date on) {
  std::vector<vertex> out;
  for (vertex v = 0; v < m.node_count(); ++v)
    if (m[v].kind == node_kind::area && detail::iequals(m[v].classification, level) &&
        covering(m, v, on, classification).empty())
      out.push_back(v);
  return out;
}

} // namespace orgraph
