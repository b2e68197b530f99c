// Histories and window questions against asking every day (tests/reference/history.hpp), on random
// models: for each (model, date) pair of the harness, the 91 days around the date. Each aspect of every
// node's history must give, on every day, the reference's answer of that day (query "history:<aspect>")
// and the library snapshot's (query "history:<aspect>@snapshot", which tells a history that misses a
// change date from a snapshot that disagrees with the reference); its changes must be what differs
// from one day to the next; and each window question must list the days the question held.

#include <orgraph/query/history.hpp>
#include <orgraph/query/timeline.hpp>

#include "harness.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace differential;
using orgraph::history_aspect;
using orgraph::node_kind;
using orgraph_reference::values;

/// The same queries as orgraph_reference::reference_side, asked of the library's snapshot of the day.
struct snapshot_side {
  const model& m;
  orgraph::snapshot s;

  snapshot_side(const model& model, date on) : m(model), s(model, on) {}

  auto line_manager(vertex x) const { return orgraph::line_manager(s, x); }
  auto supervisor(vertex x) const { return orgraph::supervisor(s, x); }
  auto dotted_line_managers(vertex x) const { return orgraph::dotted_line_managers(s, x); }
  std::vector<orgraph::relation_id> holdings(vertex person) const {
    std::vector<orgraph::relation_id> out;
    for (orgraph::relation_id h : m.out_relations(person, orgraph::relation_type::holds))
      if (s.in_force(h))
        out.push_back(h);
    return out;
  }
  std::optional<orgraph::history_value> holder(vertex post) const {
    const auto h = orgraph::holding(s, post);
    if (!h)
      return std::nullopt;
    orgraph::history_value v;
    v.node = h->person;
    v.arrangement = h->arrangement;
    v.via = orgraph::relation_type::holds;
    v.relation = h->relation;
    v.post = h->seconded_to;
    return v;
  }
  auto active_bodies() const { return orgraph::active_bodies(s); }
  auto members(vertex b) const { return orgraph::members(s, b); }
  auto chair(vertex b) const { return orgraph::chair(s, b); }
  auto successor_on(vertex b) const { return orgraph::successor_on(s, b); }
  std::vector<vertex> names_of(vertex b) const {
    std::vector<vertex> out{b};
    for (vertex v = 0; v < m.node_count(); ++v)
      if (v != b && m[v].kind == node_kind::organization && orgraph::successor_on(s, v).body == b)
        out.push_back(v);
    return out;
  }
  bool present(vertex b) const { return s.present(b); }
  std::optional<orgraph::reporting_step> first_step(vertex b) const {
    const auto line = orgraph::reporting_line(s, b);
    return line.empty() ? std::nullopt : std::optional<orgraph::reporting_step>(line.front());
  }
};

using day_table = std::vector<std::vector<std::array<values, orgraph::history_aspect_count>>>; // [day][node][aspect]

std::string show_value(const shower& show, const orgraph::history_value& v) {
  std::string s = "{" + show(v.node);
  if (v.post != orgraph::no_vertex)
    s += " post " + show(v.post);
  if (v.arrangement != orgraph::arrangement::substantive)
    s += " " + std::string(orgraph::to_string(v.arrangement));
  if (!v.role.empty())
    s += " role '" + v.role + "'";
  if (v.on_behalf_of != orgraph::no_vertex)
    s += " for " + show(v.on_behalf_of);
  s += " via " + std::string(orgraph::to_string(v.via));
  if (v.relation)
    s += " " + show(*v.relation);
  if (v.replaced != orgraph::no_vertex)
    s += " replaced " + show(v.replaced);
  if (!v.vacant_posts.empty())
    s += " vacant " + show(v.vacant_posts);
  if (v.ambiguous)
    s += " ambiguous";
  return s + "}";
}

std::string show_values(const shower& show, const values& vs) {
  std::string s = "[";
  for (const auto& v : vs)
    s += (s.size() == 1 ? "" : ", ") + show_value(show, v);
  return s + "]";
}

/// What is in `a` and not matched by an equal value in `b` (multisets).
values minus(values a, const values& b) {
  for (const auto& v : b)
    if (const auto it = std::find(a.begin(), a.end(), v); it != a.end())
      a.erase(it);
  return orgraph_reference::sorted(a);
}

bool single_valued(history_aspect a) {
  return a == history_aspect::line_manager || a == history_aspect::supervisor || a == history_aspect::holder ||
         a == history_aspect::chair || a == history_aspect::name || a == history_aspect::lifetime ||
         a == history_aspect::reporting_line;
}

/// One aspect of one history against the answers of every day; the first problem found, or "".
std::string problem(const shower& show, const orgraph::node_history& h, history_aspect a, const day_table& days) {
  const std::size_t i = orgraph_reference::at(a);
  const auto answer = [&](std::size_t k) -> const values& { return days[k][h.node][i]; }; // k: 0 is the day before
  std::size_t k = 1;
  for (date d = h.from; d <= h.to; d = d.plus_days(1), ++k) {
    const auto got = orgraph_reference::sorted(h.on(a, d));
    const auto want = orgraph_reference::sorted(answer(k));
    if (got != want)
      return "on " + show(d) + ": " + show_values(show, got) + ", asked that day: " + show_values(show, want);
    values before, after;
    std::size_t count = 0;
    for (const auto& c : h.changes)
      if (c.aspect == a && c.on == d) {
        ++count;
        if (c.before)
          before.push_back(*c.before);
        if (c.after)
          after.push_back(*c.after);
        if (c.before && c.after && !single_valued(a) &&
            (c.before->node != c.after->node || c.before->post != c.after->post))
          return "on " + show(d) + ": a change pairs items of different nodes or posts";
      }
    if (single_valued(a) && count > 1)
      return "on " + show(d) + ": " + std::to_string(count) + " changes of an aspect with one answer";
    const auto ended = minus(answer(k - 1), answer(k));
    const auto began = minus(answer(k), answer(k - 1));
    if (orgraph_reference::sorted(before) != ended || orgraph_reference::sorted(after) != began)
      return "changes on " + show(d) + ": ended " + show_values(show, orgraph_reference::sorted(before)) + " began " +
             show_values(show, orgraph_reference::sorted(after)) + ", from one day to the next: ended " +
             show_values(show, ended) + " began " + show_values(show, began);
  }
  const auto& items = h.of(a);
  for (std::size_t x = 0; x < items.size(); ++x) {
    if (items[x].when.from < h.from || h.to < items[x].when.to || items[x].when.to < items[x].when.from)
      return "an item outside the period or ending before it starts";
    for (std::size_t y = 0; y < items.size(); ++y)
      if (items[x].value == items[y].value && items[x].when.to < h.to &&
          items[x].when.to.plus_days(1) == items[y].when.from)
        return "an item ends the day before an equal one begins: " + show_value(show, items[x].value);
  }
  return {};
}

void compare_windows(checker& c, const std::string& query, const std::string& args,
                     const std::vector<orgraph::window_entry>& got, const std::vector<orgraph::window_entry>& want) {
  c.counted(query, !want.empty());
  if (got == want)
    return;
  const auto text = [&](const std::vector<orgraph::window_entry>& es) {
    std::string s;
    for (const auto& e : es) {
      s += c.show()(e.node) + ":";
      for (const auto& p : e.periods)
        s += " " + c.show()(p.from) + ".." + c.show()(p.to);
      s += "; ";
    }
    return s;
  };
  c.fail(query, args, text(got), text(want));
}

/// The timeline against counting each day's facts, and the claim it makes: no answer of any aspect of
/// any node changes on a day that is not on it.
void timelines(const model& m, date from, date to, const day_table& reference, checker& c) {
  const auto& show = c.show();
  const std::string span = show(from) + ".." + show(to);
  const auto got = orgraph::timeline(m, from, to);
  std::vector<orgraph::timeline_entry> want;
  for (date d = from; d <= to; d = d.plus_days(1))
    if (const auto counts = orgraph_reference::timeline_on(m, d); counts.total() != 0)
      want.push_back({d, counts});
  c.counted("timeline", !want.empty());
  if (got != want) {
    const auto text = [&](const std::vector<orgraph::timeline_entry>& es) {
      std::string s;
      for (const auto& e : es)
        s += show(e.on) + " (" + std::to_string(e.counts.total()) + ") ";
      return s;
    };
    c.fail("timeline", span, text(got), text(want));
  }
  if (!c.wants("timeline:complete"))
    return;
  std::size_t k = 1;
  std::vector<std::string> missed;
  for (date d = from; d <= to; d = d.plus_days(1), ++k) {
    if (std::any_of(got.begin(), got.end(), [&](const auto& e) { return e.on == d; }))
      continue;
    for (vertex x = 0; x < m.node_count(); ++x)
      for (std::size_t a = 0; a < orgraph::history_aspect_count; ++a)
        if (reference[k][x][a] != reference[k - 1][x][a] &&
            orgraph_reference::sorted(reference[k][x][a]) != orgraph_reference::sorted(reference[k - 1][x][a]))
          missed.push_back(show(d) + " " + show(x) + " " +
                           std::string(orgraph::to_string(static_cast<history_aspect>(a))));
  }
  c.counted("timeline:complete", true);
  if (!missed.empty())
    c.fail("timeline:complete", span, "answers change off the timeline: " + missed.front(), "none");
}

void histories(const model& m, date on, checker& c) {
  const auto& show = c.show();
  const date from = on.plus_days(-45), to = on.plus_days(45);
  const std::string span = show(from) + ".." + show(to);
  day_table reference, snapshots;
  for (date d = from.plus_days(-1); d <= to; d = d.plus_days(1)) {
    reference.push_back(orgraph_reference::day_answers(m, orgraph_reference::reference_side{m, d}));
    snapshots.push_back(orgraph_reference::day_answers(m, snapshot_side(m, d)));
  }
  const orgraph::history_index index(m);
  for (vertex x : nodes_of(m, {node_kind::person, node_kind::post, node_kind::organization})) {
    const auto h = orgraph::history_of(index, x, from, to);
    for (std::size_t i = 0; i < orgraph::history_aspect_count; ++i) {
      const auto a = static_cast<history_aspect>(i);
      if (!h.followed[i] || a == history_aspect::decision)
        continue;
      const std::string query = "history:" + std::string(orgraph::to_string(a));
      const std::string args = show(x) + ", " + span;
      for (const auto& [name, days] :
           {std::make_pair(query, &reference), std::make_pair(query + "@snapshot", &snapshots)}) {
        if (!c.wants(name))
          continue;
        bool any = false;
        for (const auto& day : *days)
          any = any || !day[x][i].empty();
        c.counted(name, any);
        if (const auto p = problem(show, h, a, *days); !p.empty())
          c.fail(name, args, p, "(the answers of each day)");
      }
    }
    if (m[x].kind == node_kind::organization) {
      decision_list got, want{orgraph_reference::decisions_of(m, x, from, to)};
      for (const auto& change : h.changes_of(history_aspect::decision))
        got.items.push_back(change.after->decision);
      c.same("history:decision", show(x) + ", " + span, got, want);
    }
  }

  if (c.wants("timeline") || c.wants("timeline:complete"))
    timelines(m, from, to, reference, c);

  // Window questions: the days on which each day's answer names the node.
  const auto day_of = [&](date d) {
    return static_cast<std::size_t>(d.days_since_epoch() - from.days_since_epoch() + 1);
  };
  const auto named_in = [&](vertex x, history_aspect a) {
    return [&, x, a](date d) {
      std::vector<vertex> out;
      for (const auto& v : reference[day_of(d)][x][orgraph_reference::at(a)])
        if (v.node != orgraph::no_vertex)
          out.push_back(v.node);
      return out;
    };
  };
  for (vertex b : nodes_of(m, {node_kind::organization}))
    if (c.wants("members_between"))
      compare_windows(c, "members_between", show(b) + ", " + span, orgraph::members_between(index, b, from, to),
                      orgraph_reference::window(from, to, named_in(b, history_aspect::member)));
  const auto persons = nodes_of(m, {node_kind::person});
  for (vertex p : persons)
    if (c.wants("bodies_between"))
      compare_windows(c, "bodies_between", show(p) + ", " + span, orgraph::bodies_between(index, p, from, to),
                      orgraph_reference::window(from, to, named_in(p, history_aspect::membership)));
  for (vertex boss : nodes_of(m, {node_kind::person, node_kind::post})) {
    if (!c.wants("managed_between"))
      break;
    const auto managed_on = [&](date d) {
      std::vector<vertex> out;
      for (vertex t : persons)
        for (const auto& v : reference[day_of(d)][t][orgraph_reference::at(history_aspect::line_manager)])
          if (m[boss].kind == node_kind::person
                  ? v.node == boss
                  : v.post == boss || (!v.vacant_posts.empty() && v.vacant_posts.front() == boss))
            out.push_back(t);
      return out;
    };
    compare_windows(c, "managed_between", show(boss) + ", " + span, orgraph::managed_between(index, boss, from, to),
                    orgraph_reference::window(from, to, managed_on));
  }
}

TEST(Differential, Histories) { run_family("histories", histories, 40); }

} // namespace
