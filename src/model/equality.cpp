// Comparing two models by content (model.hpp, operator==): nodes matched by id, relations and
// decisions whatever order they were added in, terms by id.

#include <orgraph/model/model.hpp>

#include <algorithm>
#include <tuple>

namespace orgraph {

// ---- comparison -----------------------------------------------------------------------------------

namespace {

// A relation named by ids rather than vertices, in a form that sorts, so that models built in
// different orders compare equal.
using edge_key = std::tuple<std::string_view, std::string_view, int, int, std::string_view, std::string_view,
                            std::string_view, std::string_view, std::string_view, std::int32_t, std::int32_t, int,
                            std::string_view, std::string_view, int>;

std::string_view id_or_empty(const model& m, vertex v) { return v == no_vertex ? std::string_view() : m.id(v); }

std::vector<edge_key> sorted_edges(const model& m) {
  std::vector<edge_key> keys;
  keys.reserve(m.relation_count());
  for (relation_id id : m.relations()) {
    const relation_view r = m[id];
    keys.emplace_back(m.id(r.from), m.id(r.to), static_cast<int>(r.type), static_cast<int>(r.arrangement), r.role,
                      id_or_empty(m, r.on_behalf_of), id_or_empty(m, r.organization), r.status, r.id,
                      detail::period_bits::first(r.when), detail::period_bits::last(r.when),
                      detail::period_bits::precisions(r.when), id_or_empty(m, r.area),
                      r.term == no_term ? std::string_view() : std::string_view(m.terms()[r.term].id),
                      (r.start_from_term ? 1 : 0) | (r.end_from_term ? 2 : 0));
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

bool same_node(const model& a, vertex va, const model& b, vertex vb) {
  const node_view x = a[va];
  const node_view y = b[vb];
  return x.kind == y.kind && x.id == y.id && x.name == y.name && x.classification == y.classification &&
         x.disciplines == y.disciplines && x.lifetime == y.lifetime &&
         id_or_empty(a, x.parent) == id_or_empty(b, y.parent) && id_or_empty(a, x.area) == id_or_empty(b, y.area);
}

bool same_decisions(const model& a, const model& b) {
  if (a.decisions().size() != b.decisions().size())
    return false;
  for (const decision& x : a.decisions()) {
    const auto j = b.find_decision(x.id);
    if (!j)
      return false;
    const decision& y = b.decisions()[*j];
    const auto follows = [](const model& m, const decision& d) {
      return d.follows == no_decision ? std::string() : m.decisions()[d.follows].id;
    };
    if (x.subject != y.subject || x.date != y.date || x.outcome != y.outcome ||
        id_or_empty(a, x.organization) != id_or_empty(b, y.organization) ||
        id_or_empty(a, x.to) != id_or_empty(b, y.to) || follows(a, x) != follows(b, y))
      return false;
  }
  return true;
}

bool same_terms(const model& a, const model& b) {
  if (a.terms().size() != b.terms().size())
    return false;
  for (const term& x : a.terms()) {
    const auto j = b.find_term(x.id);
    if (!j)
      return false;
    const term& y = b.terms()[*j];
    if (x.name != y.name || x.when != y.when || id_or_empty(a, x.organization) != id_or_empty(b, y.organization))
      return false;
  }
  return true;
}

} // namespace

bool operator==(const model& a, const model& b) {
  if (a.node_count() != b.node_count() || a.relation_count() != b.relation_count())
    return false;
  for (vertex v = 0; v < a.node_count(); ++v) {
    const auto w = b.find(a.id(v));
    if (!w || !same_node(a, v, b, *w))
      return false;
  }
  return same_decisions(a, b) && same_terms(a, b) && sorted_edges(a) == sorted_edges(b);
}

} // namespace orgraph
