// Questions over time (docs/time.md): the history of a person, post or body, the timeline of a file,
// and the window forms of members and bodies.

#include <orgraph/analysis/stats.hpp>
#include <orgraph/query/history.hpp>
#include <orgraph/query/timeline.hpp>

#include "commands.hpp"

#include <string>
#include <utility>
#include <vector>

namespace orgraph::cli {

namespace {

/// The period asked about: --from and --to, else from the first date the file names to today (or to
/// its last date, if that is later), so that a history covers everything the file says.
std::pair<orgraph::date, orgraph::date> period_asked(const invocation& inv, const orgraph::model& m) {
  const auto span = orgraph::dates_named(m);
  const orgraph::date today = orgraph::date::today();
  orgraph::date from = span ? span->earliest : today;
  orgraph::date to = span && span->latest > today ? span->latest : today;
  if (const auto f = invocation::date_of(inv.since_text))
    from = *f;
  if (const auto t = invocation::date_of(inv.until_text))
    to = *t;
  if (to < from)
    throw usage_error("--to " + to.to_string() + " is before --from " + from.to_string());
  return {from, to};
}

/// "2009-11-02..2010-03-31; 2010-04-01..2010-12-31"
std::string periods_text(const std::vector<orgraph::date_range>& periods) {
  std::string s;
  for (const auto& p : periods)
    s.append(s.empty() ? "" : "; ").append(p.from.to_string()).append("..").append(p.to.to_string());
  return s;
}

boost::json::array periods_json(const std::vector<orgraph::date_range>& periods) {
  boost::json::array a;
  for (const auto& p : periods)
    a.emplace_back(boost::json::object{{"from", p.from.to_string()}, {"to", p.to.to_string()}});
  return a;
}

/// What an item of a history names, as one table cell: "core-manager-social-work via post-x (interim)".
std::string value_text(const orgraph::model& m, const orgraph::history_value& v, orgraph::history_aspect a) {
  if (a == orgraph::history_aspect::decision)
    return v.decision == orgraph::no_decision ? "-" : m.decisions()[v.decision].id;
  if (a == orgraph::history_aspect::lifetime)
    return "present";
  std::string s = id_or_dash(m, v.node);
  if (v.node == orgraph::no_vertex && !v.vacant_posts.empty())
    s = "(vacant)";
  if (v.post != orgraph::no_vertex && v.post != v.node)
    s += " via " + std::string(m[v.post].id);
  if (!v.role.empty())
    s += ", " + v.role;
  if (v.on_behalf_of != orgraph::no_vertex)
    s += ", for " + std::string(m[v.on_behalf_of].id);
  if (v.area != orgraph::no_vertex)
    s += ", " + std::string(m[v.area].id);
  if (v.arrangement != orgraph::arrangement::substantive)
    s += " (" + std::string(orgraph::to_string(v.arrangement)) + ")";
  return s;
}

boost::json::value value_json(const orgraph::model& m, const std::optional<orgraph::history_value>& v,
                              orgraph::history_aspect a) {
  if (!v)
    return nullptr;
  if (a == orgraph::history_aspect::decision)
    return v->decision == orgraph::no_decision ? boost::json::value(nullptr)
                                               : boost::json::value(boost::json::string(m.decisions()[v->decision].id));
  if (a == orgraph::history_aspect::lifetime)
    return true;
  return id_or_null(m, v->node);
}

/// The fields a change carries beyond before and after, where they help: from the side that has them.
void add_details(const orgraph::model& m, boost::json::object& o, const orgraph::history_change& c) {
  const orgraph::history_value* v = c.after ? &*c.after : c.before ? &*c.before : nullptr;
  if (v == nullptr)
    return;
  if (v->post != orgraph::no_vertex && v->post != v->node)
    o["post"] = std::string(m[v->post].id);
  if (!v->role.empty())
    o["role"] = v->role;
  if (v->on_behalf_of != orgraph::no_vertex)
    o["on_behalf_of"] = std::string(m[v->on_behalf_of].id);
  if (v->area != orgraph::no_vertex)
    o["area"] = std::string(m[v->area].id);
  if (v->arrangement != orgraph::arrangement::substantive)
    o["arrangement"] = orgraph::to_string(v->arrangement);
}

} // namespace

// ---- history FILE ID [--from DATE] [--to DATE] [--json|--csv] ----

int run_history(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const auto x = node_arg(m, inv, 0, any_node, inv.file);
  const auto [from, to] = period_asked(inv, m);
  const auto h = orgraph::history_of(m, x, from, to);

  if (inv.json) {
    boost::json::array changes;
    for (const auto& c : h.changes) {
      boost::json::object o{{"date", c.on.to_string()},
                            {"aspect", orgraph::to_string(c.aspect)},
                            {"before", value_json(m, c.before, c.aspect)},
                            {"after", value_json(m, c.after, c.aspect)}};
      add_details(m, o, c);
      changes.emplace_back(std::move(o));
    }
    print_json(out, boost::json::object{{"id", std::string(m[x].id)},
                                        {"from", from.to_string()},
                                        {"to", to.to_string()},
                                        {"changes", std::move(changes)}});
    return exit_ok;
  }
  if (prose(inv)) {
    if (h.changes.empty()) {
      out << "Nothing about " << describe(m, x) << " changed from " << from.to_string() << " to " << to.to_string()
          << '\n';
      return exit_ok;
    }
    out << "History of " << describe(m, x) << " from " << from.to_string() << " to " << to.to_string() << '\n';
  }
  table t({"DATE", "ASPECT", "BEFORE", "AFTER"});
  for (const auto& c : h.changes)
    t.add_row({c.on.to_string(), std::string(orgraph::to_string(c.aspect)),
               c.before ? value_text(m, *c.before, c.aspect) : "-", c.after ? value_text(m, *c.after, c.aspect) : "-"});
  emit(out, inv, t);
  return exit_ok;
}

// ---- timeline FILE [--from DATE] [--to DATE] [--json|--csv] ----

int run_timeline(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const auto [from, to] = period_asked(inv, m);
  const auto entries = orgraph::timeline(m, from, to);
  // The kinds of change a date can have, as columns and JSON keys.
  const auto started = [](const orgraph::timeline_counts& c) {
    std::uint32_t n = 0;
    for (auto k : c.started)
      n += k;
    return n;
  };
  const auto ended = [](const orgraph::timeline_counts& c) {
    std::uint32_t n = 0;
    for (auto k : c.ended)
      n += k;
    return n;
  };
  const auto nodes = [](const std::array<std::uint32_t, 4>& a) { return a[0] + a[1] + a[2] + a[3]; };

  if (inv.json) {
    boost::json::array items;
    for (const auto& e : entries) {
      boost::json::object by_type;
      for (std::size_t t = 0; t < e.counts.started.size(); ++t)
        if (e.counts.started[t] + e.counts.ended[t] != 0)
          by_type[orgraph::to_string(static_cast<orgraph::relation_type>(t))] =
              boost::json::object{{"started", e.counts.started[t]}, {"ended", e.counts.ended[t]}};
      items.emplace_back(boost::json::object{{"date", e.on.to_string()},
                                             {"total", e.counts.total()},
                                             {"relations", std::move(by_type)},
                                             {"nodes_began", nodes(e.counts.began)},
                                             {"nodes_ceased", nodes(e.counts.ceased)},
                                             {"replacements", e.counts.replacements},
                                             {"decisions", e.counts.decisions}});
    }
    print_json(out,
               boost::json::object{{"from", from.to_string()}, {"to", to.to_string()}, {"dates", std::move(items)}});
    return exit_ok;
  }
  if (prose(inv)) {
    if (entries.empty()) {
      out << "Nothing changed from " << from.to_string() << " to " << to.to_string() << '\n';
      return exit_ok;
    }
    out << "Dates on which something changed, " << from.to_string() << " to " << to.to_string() << ": "
        << entries.size() << '\n';
  }
  table t({"DATE", "CHANGES", "STARTED", "ENDED", "FOUNDED", "DISSOLVED", "RENAMED", "DECISIONS"});
  for (const auto& e : entries)
    t.add_row({e.on.to_string(), std::to_string(e.counts.total()), std::to_string(started(e.counts)),
               std::to_string(ended(e.counts)), std::to_string(nodes(e.counts.began)),
               std::to_string(nodes(e.counts.ceased)), std::to_string(e.counts.replacements),
               std::to_string(e.counts.decisions)});
  emit(out, inv, t);
  return exit_ok;
}

// ---- members FILE BODY --from DATE --to DATE, bodies FILE PERSON --from DATE --to DATE ----

int run_window(const invocation& inv, std::ostream& out, bool members) {
  const auto m = load(inv);
  const auto x = node_arg(m, inv, 0, members ? a_body : a_person, inv.file);
  const auto [from, to] = period_asked(inv, m);
  const auto entries = members ? orgraph::members_between(m, x, from, to) : orgraph::bodies_between(m, x, from, to);
  const char* key = members ? "members" : "bodies";

  if (inv.json) {
    boost::json::array items;
    for (const auto& e : entries)
      items.emplace_back(boost::json::object{{"id", std::string(m[e.node].id)},
                                             {"name", std::string(m[e.node].name)},
                                             {"periods", periods_json(e.periods)}});
    print_json(out, boost::json::object{{"id", std::string(m[x].id)},
                                        {"from", from.to_string()},
                                        {"to", to.to_string()},
                                        {key, std::move(items)}});
    return exit_ok;
  }
  if (prose(inv)) {
    if (entries.empty()) {
      out << describe(m, x) << (members ? " had no members" : " sat on no body") << " from " << from.to_string()
          << " to " << to.to_string() << '\n';
      return exit_ok;
    }
    out << (members ? "Everyone who sat on " : "Every body ") << describe(m, x) << (members ? "" : " sat on")
        << " from " << from.to_string() << " to " << to.to_string() << '\n';
  }
  table t({"ID", "NAME", "PERIODS"});
  for (const auto& e : entries)
    t.add_row({std::string(m[e.node].id), std::string(m[e.node].name), periods_text(e.periods)});
  emit(out, inv, t);
  return exit_ok;
}

} // namespace orgraph::cli
