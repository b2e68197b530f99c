#pragma once
// Answers as short text, by id, for mismatch messages: enough to see the difference at a glance and
// to write the case down again by hand.

#include <orgraph/analysis/influence.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/query/decisions.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/query/line_management.hpp>

#include "../common/random_model.hpp"
#include "../reference/validate.hpp"

#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace differential {

using orgraph::model;
using orgraph::vertex;

/// A number that is not a vertex (vertex and std::size_t are one type, so numbers are wrapped).
struct count {
  std::size_t n = 0;
  friend bool operator==(const count& a, const count& b) { return a.n == b.n; }
};

/// Decision indices, which are std::size_t like vertices.
struct decision_list {
  std::vector<orgraph::decision_index> items;
  friend bool operator==(const decision_list& a, const decision_list& b) { return a.items == b.items; }
};

struct shower {
  const model& m;

  std::string operator()(vertex v) const {
    if (v == orgraph::no_vertex)
      return "-";
    return v < m.node_count() ? std::string(m[v].id) : "#" + std::to_string(v);
  }
  std::string operator()(orgraph::relation_id r) const {
    return std::string(orgraph::to_string(r.type())) + "#" + std::to_string(r.index());
  }
  std::string operator()(bool b) const { return b ? "true" : "false"; }
  std::string operator()(const count& c) const { return std::to_string(c.n); }
  std::string operator()(const decision_list& d) const {
    std::string s = "[";
    for (std::size_t i = 0; i < d.items.size(); ++i)
      s += (i == 0 ? "" : " ") + std::to_string(d.items[i]);
    return s + "]";
  }
  std::string operator()(std::int32_t n) const { return std::to_string(n); }
  std::string operator()(double d) const {
    std::ostringstream s;
    s << d;
    return s.str();
  }
  std::string operator()(orgraph::date d) const {
    if (d == orgraph::date::min())
      return "min";
    if (d == orgraph::date::max())
      return "max";
    return d.to_string();
  }
  std::string operator()(const std::string& s) const { return "'" + s + "'"; }

  std::string operator()(const orgraph::manager_answer& a) const {
    std::string s = "{manager " + (a.manager ? (*this)(*a.manager) : std::string("none"));
    if (a.post != orgraph::no_vertex)
      s += " post " + (*this)(a.post);
    s += " " + std::string(orgraph::to_string(a.arrangement)) + " " + std::string(orgraph::to_string(a.relation));
    if (!a.vacant_posts.empty())
      s += " vacant " + (*this)(a.vacant_posts);
    if (a.ambiguous)
      s += " ambiguous";
    return s + "}";
  }
  std::string operator()(const orgraph::membership& x) const {
    std::string s = "{" + (*this)(x.body) + " " + (x.person ? (*this)(*x.person) : std::string("vacant"));
    if (x.post != orgraph::no_vertex)
      s += " post " + (*this)(x.post);
    s += " role '" + x.role + "'";
    if (x.on_behalf_of != orgraph::no_vertex)
      s += " for " + (*this)(x.on_behalf_of);
    if (x.area != orgraph::no_vertex)
      s += " area " + (*this)(x.area);
    s += " " + std::string(orgraph::to_string(x.basis)) + " via " + std::string(orgraph::to_string(x.via));
    s += " edge " + (x.edge ? (*this)(*x.edge) : std::string("none"));
    if (x.holding)
      s += " holding " + (*this)(*x.holding);
    if (x.replaced != orgraph::no_vertex)
      s += " replaced " + (*this)(x.replaced);
    return s + "}";
  }
  std::string operator()(const orgraph::interlock& x) const {
    return "{" + (*this)(x.person) + " " + (*this)(x.bodies) + "}";
  }
  std::string operator()(const orgraph::reporting_step& x) const {
    std::string s = "{" + (*this)(x.body) + " " + std::string(orgraph::to_string(x.via));
    if (x.edge)
      s += " " + (*this)(*x.edge);
    if (x.replaced != orgraph::no_vertex)
      s += " replaced " + (*this)(x.replaced);
    return s + "}";
  }
  std::string operator()(const orgraph::sub_body& x) const {
    return "{" + (*this)(x.body) + " above " + (*this)(x.above) + " depth " + std::to_string(x.depth) + "}";
  }
  std::string operator()(const orgraph::successor_answer& x) const {
    return "{" + (*this)(x.requested) + " -> " + (*this)(x.body) + " passing " + (*this)(x.replaced) + "}";
  }
  std::string operator()(const orgraph::expiring_body& x) const {
    return "{" + (*this)(x.body) + " " + (*this)(x.last_day) + " " + std::to_string(x.days_left) + "}";
  }
  std::string operator()(const orgraph::coverage& x) const {
    std::string s = "{" + (*this)(x.body) + " area " + (*this)(x.area) + " '" + x.status + "' " + (*this)(x.edge);
    if (x.replaced != orgraph::no_vertex)
      s += " replaced " + (*this)(x.replaced);
    return s + "}";
  }
  std::string operator()(const orgraph::matter_route& x) const {
    std::string s = "{steps";
    for (auto i : x.steps)
      s += " " + std::to_string(i);
    if (x.final_decision)
      s += " final " + std::to_string(*x.final_decision);
    if (x.open)
      s += " open awaiting " + (*this)(x.awaiting);
    return s + "}";
  }
  std::string operator()(const orgraph::body_without_decisions& x) const {
    std::string s = "{" + (*this)(x.body);
    for (auto i : x.decisions)
      s += " " + std::to_string(i);
    return s + "}";
  }
  std::string operator()(const orgraph::influence_step& x) const {
    std::string s = (*this)(x.from) + " " + orgraph::step_label(x) + " " + (*this)(x.to);
    if (x.post != orgraph::no_vertex)
      s += " post " + (*this)(x.post);
    if (x.body != orgraph::no_vertex)
      s += " body " + (*this)(x.body);
    return s + " via " + std::string(orgraph::to_string(x.relation)) + " w " + (*this)(x.weight);
  }
  std::string operator()(const orgraph::influence_path& x) const {
    return "{" + (*this)(x.vertices) + " length " + (*this)(x.length) + " steps " + (*this)(x.steps) + "}";
  }
  std::string operator()(const orgraph::reach_entry& x) const {
    return "{" + (*this)(x.body) + " " + (*this)(x.distance) + " hops " + std::to_string(x.hops) + "}";
  }
  std::string operator()(const orgraph::link_audit_entry& x) const {
    return "{" + (*this)(x.body) + " -> " + (*this)(x.above) + " " + std::string(orgraph::to_string(x.via)) + " " +
           (*this)(x.linking) + " " + std::string(orgraph::to_string(x.level)) + "}";
  }
  std::string operator()(const orgraph_reference::finding& f) const {
    std::string s = "{" + f.code + (f.level == orgraph::severity::error ? " error" : " warning");
    for (const auto& id : f.ids)
      s += " " + id;
    return s + "}";
  }

  template <class T> std::string operator()(const std::optional<T>& x) const {
    return x ? (*this)(*x) : std::string("none");
  }
  template <class T> std::string operator()(const std::vector<T>& xs) const {
    std::string s = "[";
    for (std::size_t i = 0; i < xs.size(); ++i)
      s += (i == 0 ? "" : ", ") + (*this)(xs[i]);
    return s + "]";
  }
};

inline std::string show_period(const orgraph::period& p) {
  if (!p.start() && !p.end())
    return "always";
  return (p.start() ? p.start()->to_string() : std::string("...")) + ".." +
         (p.end() ? p.end()->to_string() : std::string("..."));
}

/// The whole spec, one line a node, relation or decision: the failing case written out.
inline std::string show_spec(const orgraph::test::model_spec& spec) {
  const auto id = [&](vertex v) { return v == orgraph::no_vertex ? std::string("-") : spec.nodes[v].id; };
  std::ostringstream out;
  for (vertex v = 0; v < spec.nodes.size(); ++v) {
    const auto& n = spec.nodes[v];
    out << "    node " << v << ' ' << n.id << ' ' << orgraph::to_string(n.kind);
    if (!n.classification.empty())
      out << " class '" << n.classification << "'";
    if (n.parent != orgraph::no_vertex)
      out << " parent " << id(n.parent);
    if (n.lifetime.start() || n.lifetime.end())
      out << " life " << show_period(n.lifetime);
    for (const auto& d : n.disciplines)
      out << " [" << d << ']';
    if (n.area != orgraph::no_vertex)
      out << " area " << id(n.area);
    out << '\n';
  }
  for (std::size_t t = 0; t < spec.terms.size(); ++t)
    out << "    term " << t << ' ' << spec.terms[t].id << " of " << id(spec.terms[t].organization) << ' '
        << show_period(spec.terms[t].when) << '\n';
  std::size_t counts[10] = {};
  for (const auto& e : spec.relations) {
    const auto& r = e.rel;
    out << "    " << orgraph::to_string(r.type) << '#' << counts[static_cast<int>(r.type)]++ << ' ' << id(e.from)
        << " -> " << id(e.to) << ' ' << show_period(r.when);
    if (r.arrangement != orgraph::arrangement::substantive)
      out << ' ' << orgraph::to_string(r.arrangement);
    if (!r.role.empty())
      out << " role '" << r.role << "'";
    if (r.on_behalf_of != orgraph::no_vertex)
      out << " for " << id(r.on_behalf_of);
    if (r.organization != orgraph::no_vertex)
      out << " org " << id(r.organization);
    if (!r.status.empty())
      out << " status '" << r.status << "'";
    if (!r.id.empty())
      out << " id '" << r.id << "'";
    if (r.area != orgraph::no_vertex)
      out << " area " << id(r.area);
    if (r.term != orgraph::no_term)
      out << " term " << r.term;
    out << '\n';
  }
  for (std::size_t i = 0; i < spec.decisions.size(); ++i) {
    const auto& d = spec.decisions[i];
    out << "    decision " << i << ' ' << d.id << " '" << d.subject << "' by " << id(d.organization) << " on "
        << d.date.to_string() << ' ' << orgraph::to_string(d.outcome);
    if (d.to != orgraph::no_vertex)
      out << " to " << id(d.to);
    if (d.follows != orgraph::no_decision)
      out << " follows " << d.follows;
    out << '\n';
  }
  return out.str();
}

} // namespace differential
