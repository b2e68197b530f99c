// Histories and window questions (docs/time.md): each aspect is a query of the snapshot, asked on the
// dates history_points.cpp finds and turned into items and changes by history_sweep.cpp. Nothing here
// decides who manages or sits where: the answers are the snapshot's.

#include <orgraph/error.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/query/history.hpp>
#include <orgraph/query/line_management.hpp>

#include "history_detail.hpp"
#include "members.hpp"

#include <algorithm>
#include <array>
#include <tuple>
#include <utility>

namespace orgraph {

namespace {

constexpr std::array<std::string_view, history_aspect_count> aspect_names{
    "line_manager", "supervisor", "dotted_line_manager", "post",     "holder",         "membership", "member",
    "chair",        "name",       "successor",           "lifetime", "reporting_line", "decision"};

std::size_t index_of(history_aspect a) { return static_cast<std::size_t>(a); }

detail::history_tables make_tables(const model& m) {
  detail::history_tables t;
  t.named = detail::index_posts_by_organization(m);
  const auto& ds = m.decisions();
  const std::size_t n = m.node_count();
  t.decision_offsets.assign(n + 1, 0);
  for (const auto& d : ds)
    if (d.organization < n)
      ++t.decision_offsets[d.organization + 1];
  for (std::size_t v = 0; v < n; ++v)
    t.decision_offsets[v + 1] += t.decision_offsets[v];
  t.decisions.resize(t.decision_offsets[n]);
  std::vector<std::uint32_t> at(t.decision_offsets.begin(), t.decision_offsets.end() - 1);
  for (decision_index i = 0; i < ds.size(); ++i)
    if (ds[i].organization < n)
      t.decisions[at[ds[i].organization]++] = i;
  for (std::size_t v = 0; v < n; ++v)
    std::stable_sort(t.decisions.begin() + t.decision_offsets[v], t.decisions.begin() + t.decision_offsets[v + 1],
                     [&](decision_index a, decision_index b) { return ds[a].date < ds[b].date; });
  return t;
}

// ---- the answers, as history values -------------------------------------------------------------

history_value from_manager(const manager_answer& a) {
  history_value v;
  v.node = a.manager ? *a.manager : no_vertex;
  v.post = a.post;
  v.arrangement = a.arrangement;
  v.via = a.relation;
  v.vacant_posts = a.vacant_posts;
  v.ambiguous = a.ambiguous;
  return v;
}

/// A seat as a history value naming `node`: the body for a membership, which says which replaced body
/// the seat is recorded on; the person for a member, which does not (a renaming is the name aspect's
/// change, not one of every seat's).
history_value from_seat(const model& m, membership&& s, vertex node, bool with_replaced) {
  history_value v;
  v.node = node;
  v.post = s.post;
  v.role = std::move(s.role);
  v.on_behalf_of = s.on_behalf_of;
  v.area = s.edge ? m.area(*s.edge) : no_vertex;
  v.basis = s.basis;
  v.via = s.via;
  v.relation = s.edge;
  if (with_replaced)
    v.replaced = s.replaced;
  return v;
}

using values = std::vector<history_value>;

values one_or_none(const std::optional<manager_answer>& a) { return a ? values{from_manager(*a)} : values{}; }

values posts_held(const snapshot& s, vertex person) {
  const model& m = s.model();
  values out;
  for (relation_id h : m.out_relations(person, relation_type::holds))
    if (s.in_force(h)) {
      history_value v;
      v.node = m.target(h);
      v.arrangement = m.arrangement(h);
      v.role = std::string(m.role(h));
      v.on_behalf_of = m.on_behalf_of(h);
      v.area = m.area(h);
      v.via = relation_type::holds;
      v.relation = h;
      out.push_back(std::move(v));
    }
  return out;
}

values holder_of(const snapshot& s, vertex post) {
  const auto h = holding(s, post);
  if (!h)
    return {};
  history_value v;
  v.node = h->person;
  v.arrangement = h->arrangement;
  v.via = relation_type::holds;
  v.relation = h->relation;
  v.post = h->seconded_to;
  return {v};
}

/// The seats of `x` (a person, or a post) on the bodies in force that `names` answer for: members() of
/// each, keeping the seats x fills (or that go with the post). Ordered by body, then post, then relation.
values seats_of_node(const snapshot& s, const detail::history_tables& t, vertex x, const std::vector<vertex>& names) {
  const model& m = s.model();
  std::vector<vertex> bodies;
  for (vertex n : names)
    if (const vertex b = s.successor(n); s.body_in_force(b))
      bodies.push_back(b);
  std::sort(bodies.begin(), bodies.end());
  bodies.erase(std::unique(bodies.begin(), bodies.end()), bodies.end());
  const bool person = m.kind(x) == node_kind::person;
  values out;
  for (vertex b : bodies)
    for (auto& seat : detail::members_using(s, b, &t.named))
      if (person ? seat.person == x : seat.post == x)
        out.push_back(from_seat(m, std::move(seat), b, true));
  const auto key = [](const history_value& v) {
    return std::make_tuple(v.node, v.post, v.relation ? v.relation->bits() : 0xffffffffu);
  };
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  return out;
}

/// members() and chair() of a day, from one members(): `member` first if wanted, then `chair`.
std::vector<values> seats_now(const snapshot& s, const detail::history_tables& t, vertex body, bool member,
                              bool chair) {
  std::vector<membership> seats = detail::members_using(s, body, &t.named);
  std::vector<values> out;
  std::optional<membership> c = chair ? detail::chair_among(seats) : std::nullopt;
  if (member) {
    out.emplace_back();
    for (auto& seat : seats) {
      const vertex who = seat.person ? *seat.person : no_vertex;
      out.back().push_back(from_seat(s.model(), std::move(seat), who, false));
    }
  }
  if (chair) {
    out.emplace_back();
    if (c) {
      const vertex who = c->person ? *c->person : no_vertex;
      out.back().push_back(from_seat(s.model(), std::move(*c), who, false));
    }
  }
  return out;
}

history_value of_node(vertex v) {
  history_value out;
  out.node = v;
  return out;
}

/// Time rule 3 from the body's side: the bodies it stands for besides itself and those it was reached
/// through (the `name` aspect tells of those).
values stands_for(const snapshot& s, vertex body) {
  const successor_answer a = successor_on(s, body);
  values out;
  for (vertex n : detail::names_of(s, a.body))
    if (n != a.body && n != body && std::find(a.replaced.begin(), a.replaced.end(), n) == a.replaced.end())
      out.push_back(of_node(n));
  return out;
}

values first_step(const snapshot& s, vertex body) {
  const vertex b = s.successor(body);
  if (!s.body_in_force(b))
    return {};
  const detail::step_record step = detail::first_step_of(s, b);
  if (step.body == detail::no_index)
    return {};
  history_value v = of_node(step.body);
  if (step.edge != relation_id())
    v.relation = step.edge;
  v.replaced = step.replaced == detail::no_index ? no_vertex : vertex{step.replaced};
  return {v};
}

// ---- asking each aspect -------------------------------------------------------------------------

struct asker {
  const history_index& h;
  vertex x;
  date from, to;
  node_history& out;

  template <class Points> void ask(history_aspect a, Points&& points, const detail::aspect_answer& answer) {
    detail::change_points p(h.model(), from, to);
    points(p);
    detail::sweep(h.model(), a, p.take(), from, to, answer, out.items[index_of(a)], out.changes);
    out.followed[index_of(a)] = true;
  }

  /// Several aspects read from one question on the same dates.
  template <class Points>
  void ask(const std::vector<history_aspect>& as, Points&& points, const detail::aspects_answer& answer) {
    detail::change_points p(h.model(), from, to);
    points(p);
    std::vector<std::vector<history_item>*> items;
    for (history_aspect a : as) {
      items.push_back(&out.items[index_of(a)]);
      out.followed[index_of(a)] = true;
    }
    detail::sweep(h.model(), as, p.take(), from, to, answer, items, out.changes);
  }
};

void person_or_post(asker& k, const std::vector<history_aspect>& only) {
  const model& m = k.h.model();
  const vertex x = k.x;
  const auto wanted = [&](history_aspect a) {
    return only.empty() || std::find(only.begin(), only.end(), a) != only.end();
  };
  if (wanted(history_aspect::line_manager))
    k.ask(
        history_aspect::line_manager, [&](auto& p) { detail::manager_points(p, x, relation_type::manages); },
        [x](const snapshot& s) { return one_or_none(line_manager(s, x)); });
  if (wanted(history_aspect::supervisor))
    k.ask(
        history_aspect::supervisor,
        [&](auto& p) {
          detail::manager_points(p, x, relation_type::supervises);
          detail::manager_points(p, x, relation_type::manages); // the line manager when no one supervises
        },
        [x](const snapshot& s) { return one_or_none(supervisor(s, x)); });
  if (wanted(history_aspect::dotted_line_manager))
    k.ask(
        history_aspect::dotted_line_manager, [&](auto& p) { detail::dotted_points(p, x); },
        [x](const snapshot& s) {
          values out;
          for (const auto& a : dotted_line_managers(s, x))
            out.push_back(from_manager(a));
          return out;
        });
  if (m.kind(x) == node_kind::person && wanted(history_aspect::post))
    k.ask(
        history_aspect::post, [&](auto& p) { detail::post_points(p, x); },
        [x](const snapshot& s) { return posts_held(s, x); });
  if (m.kind(x) == node_kind::post && wanted(history_aspect::holder))
    k.ask(
        history_aspect::holder, [&](auto& p) { detail::holder_points(p, x); },
        [x](const snapshot& s) { return holder_of(s, x); });
  if (wanted(history_aspect::membership)) {
    const auto names = detail::seat_names(m, x);
    const detail::history_tables& t = k.h.tables();
    k.ask(
        history_aspect::membership, [&](auto& p) { detail::seat_points(p, x); },
        [&t, x, names](const snapshot& s) { return seats_of_node(s, t, x, names); });
  }
}

void decisions_of(asker& k, const std::vector<vertex>& names) {
  const model& m = k.h.model();
  const detail::history_tables& t = k.h.tables();
  std::vector<decision_index> taken;
  for (vertex n : names)
    for (decision_index i : detail::row(t.decision_offsets, t.decisions, n)) {
      const decision& d = m.decisions()[i];
      if (d.date < k.from || k.to < d.date)
        continue;
      const snapshot s(m, d.date); // a body's records count as those of the body answering for it then
      if (s.successor(n) == s.successor(k.x))
        taken.push_back(i);
    }
  std::sort(taken.begin(), taken.end(), [&](decision_index a, decision_index b) {
    const auto& ds = m.decisions();
    return ds[a].date != ds[b].date ? ds[a].date < ds[b].date : a < b;
  });
  for (decision_index i : taken) {
    history_value v = of_node(m.decisions()[i].organization);
    v.decision = i;
    k.out.changes.push_back({m.decisions()[i].date, history_aspect::decision, std::nullopt, std::move(v)});
  }
  k.out.followed[index_of(history_aspect::decision)] = true;
}

void body(asker& k, const std::vector<history_aspect>& only) {
  const vertex b = k.x;
  const detail::history_tables& t = k.h.tables();
  const auto names = detail::name_closure(k.h.model(), b);
  const auto wanted = [&](history_aspect a) {
    return only.empty() || std::find(only.begin(), only.end(), a) != only.end();
  };
  const bool member = wanted(history_aspect::member), chair = wanted(history_aspect::chair);
  std::vector<history_aspect> seats;
  if (member)
    seats.push_back(history_aspect::member);
  if (chair)
    seats.push_back(history_aspect::chair);
  if (!seats.empty())
    k.ask(
        seats, [&](auto& p) { detail::member_points(p, names, t.named); },
        [&t, b, member, chair](const snapshot& s) { return seats_now(s, t, b, member, chair); });
  if (wanted(history_aspect::name))
    k.ask(
        history_aspect::name, [&](auto& p) { p.presence(b); },
        [b](const snapshot& s) { return values{of_node(s.successor(b))}; });
  if (wanted(history_aspect::successor))
    k.ask(
        history_aspect::successor, [&](auto& p) { detail::succession_points(p, names); },
        [b](const snapshot& s) { return stands_for(s, b); });
  if (wanted(history_aspect::lifetime))
    k.ask(
        history_aspect::lifetime, [&](auto& p) { p.presence(b); },
        [b](const snapshot& s) { return s.present(b) ? values{of_node(b)} : values{}; });
  if (wanted(history_aspect::reporting_line))
    k.ask(
        history_aspect::reporting_line, [&](auto& p) { detail::reporting_points(p, names); },
        [b](const snapshot& s) { return first_step(s, b); });
  if (wanted(history_aspect::decision))
    decisions_of(k, names);
}

void check_period(date from, date to) {
  if (to < from)
    throw date_error("a history's period ends (" + to.to_string() + ") before it starts (" + from.to_string() + ")");
}

} // namespace

std::string_view to_string(history_aspect a) noexcept {
  const auto i = index_of(a);
  return i < aspect_names.size() ? aspect_names[i] : std::string_view("line_manager");
}

std::optional<history_aspect> history_aspect_from_string(std::string_view s) noexcept {
  for (std::size_t i = 0; i < aspect_names.size(); ++i)
    if (aspect_names[i] == s)
      return static_cast<history_aspect>(i);
  return std::nullopt;
}

std::vector<history_value> node_history::on(history_aspect a, date d) const {
  std::vector<history_value> out;
  for (const auto& i : of(a))
    if (i.when.contains(d))
      out.push_back(i.value);
  return out;
}

std::vector<history_change> node_history::changes_of(history_aspect a) const {
  std::vector<history_change> out;
  for (const auto& c : changes)
    if (c.aspect == a)
      out.push_back(c);
  return out;
}

history_index::history_index(const orgraph::model& m)
    : tables_(std::make_shared<const detail::history_tables>(make_tables(m))), model_(&m) {}

node_history history_of(const history_index& h, vertex x, date from, date to, const std::vector<history_aspect>& only) {
  check_period(from, to);
  node_history out;
  out.node = x;
  out.from = from;
  out.to = to;
  const model& m = h.model();
  if (!m.contains(x))
    return out;
  asker k{h, x, from, to, out};
  switch (m.kind(x)) {
  case node_kind::person:
  case node_kind::post: person_or_post(k, only); break;
  case node_kind::organization: body(k, only); break;
  case node_kind::area: break;
  }
  // Each aspect added its changes in date order, the aspects in their own order: a stable sort by date
  // keeps both.
  std::stable_sort(out.changes.begin(), out.changes.end(),
                   [](const history_change& a, const history_change& b) { return a.on < b.on; });
  return out;
}

// ---- window questions ---------------------------------------------------------------------------

std::vector<window_entry> members_between(const history_index& h, vertex body, date from, date to) {
  check_period(from, to);
  if (!h.model().contains(body) || h.model().kind(body) != node_kind::organization)
    return {};
  const auto history = history_of(h, body, from, to, {history_aspect::member});
  return detail::windows_of(history.of(history_aspect::member), [](const history_value& v) { return v.node; });
}

std::vector<window_entry> bodies_between(const history_index& h, vertex person, date from, date to) {
  check_period(from, to);
  if (!h.model().contains(person) || h.model().kind(person) != node_kind::person)
    return {};
  const auto history = history_of(h, person, from, to, {history_aspect::membership});
  return detail::windows_of(history.of(history_aspect::membership), [](const history_value& v) { return v.node; });
}

std::vector<window_entry> managed_between(const history_index& h, vertex manager, date from, date to) {
  check_period(from, to);
  const model& m = h.model();
  if (!m.contains(manager) || (m.kind(manager) != node_kind::person && m.kind(manager) != node_kind::post))
    return {};
  std::vector<history_item> items;
  std::vector<history_change> changes;
  for (vertex t : detail::reachable_reports(m, manager)) {
    if (m.kind(t) != node_kind::person)
      continue;
    detail::change_points p(m, from, to);
    detail::manager_points(p, t, relation_type::manages);
    detail::sweep(
        m, history_aspect::line_manager, p.take(), from, to,
        [manager, t](const snapshot& s) { return is_line_manager_of(s, manager, t) ? values{of_node(t)} : values{}; },
        items, changes);
  }
  return detail::windows_of(items, [](const history_value& v) { return v.node; });
}

} // namespace orgraph
