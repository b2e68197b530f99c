#pragma once
// A model as plain lists (nodes, terms, relations, decisions) that builds into a model, and the edits
// that shrink a failing differential case: the random models of random_model.hpp are made as one.

#include <orgraph/model/model.hpp>

#include <cstddef>
#include <vector>

namespace orgraph::test {

/// A model as plain lists, in the order they are added: nodes (each parent before its children),
/// relations, decisions (each `follows` an earlier one).
struct model_spec {
  struct edge {
    vertex from = no_vertex;
    vertex to = no_vertex;
    relation rel;
  };
  std::vector<node> nodes;
  std::vector<term> terms;
  std::vector<edge> relations;
  std::vector<decision> decisions;

  [[nodiscard]] std::size_t size() const { return nodes.size() + relations.size() + decisions.size(); }

  [[nodiscard]] model build() const {
    model m;
    for (const auto& n : nodes) { // areas come after the nodes that serve them: named once all are in
      node first = n;
      first.area = no_vertex;
      m.add_node(first);
    }
    for (vertex v = 0; v < nodes.size(); ++v)
      if (nodes[v].area != no_vertex)
        m.set_area(v, nodes[v].area);
    for (const auto& t : terms)
      m.add_term(t);
    for (const auto& e : relations)
      m.add_relation(e.from, e.to, e.rel);
    for (const auto& d : decisions)
      m.add_decision(d);
    return m;
  }

  /// Whether anything refers to node `v` (so it cannot be taken out alone).
  [[nodiscard]] bool referenced(vertex v) const {
    for (const auto& n : nodes)
      if (n.parent == v || n.area == v)
        return true;
    for (const auto& t : terms)
      if (t.organization == v)
        return true;
    for (const auto& e : relations)
      if (e.from == v || e.to == v || e.rel.on_behalf_of == v || e.rel.organization == v || e.rel.area == v)
        return true;
    for (const auto& d : decisions)
      if (d.organization == v || d.to == v)
        return true;
    return false;
  }

  /// The spec without node `v`, which nothing may refer to; later vertices move down by one.
  [[nodiscard]] model_spec without_node(vertex v) const {
    model_spec out = *this;
    out.nodes.erase(out.nodes.begin() + static_cast<std::ptrdiff_t>(v));
    const auto shift = [v](vertex& x) {
      if (x != no_vertex && x > v)
        --x;
    };
    for (auto& n : out.nodes) {
      shift(n.parent);
      shift(n.area);
    }
    for (auto& t : out.terms)
      shift(t.organization);
    for (auto& e : out.relations) {
      shift(e.from);
      shift(e.to);
      shift(e.rel.on_behalf_of);
      shift(e.rel.organization);
      shift(e.rel.area);
    }
    for (auto& d : out.decisions) {
      shift(d.organization);
      shift(d.to);
    }
    return out;
  }

  /// The spec without decision `i`; a decision that followed it follows nothing.
  [[nodiscard]] model_spec without_decision(decision_index i) const {
    model_spec out = *this;
    out.decisions.erase(out.decisions.begin() + static_cast<std::ptrdiff_t>(i));
    for (auto& d : out.decisions)
      if (d.follows == i)
        d.follows = no_decision;
      else if (d.follows != no_decision && d.follows > i)
        --d.follows;
    return out;
  }
};

} // namespace orgraph::test
