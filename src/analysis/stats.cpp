// statistics(): counts and extremes of a model on a date, from one snapshot's line management and seats.

#include <orgraph/analysis/stats.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/query/line_management.hpp>

#include <algorithm>
#include <vector>

namespace orgraph {

namespace {

/// Widens a span to take in a day.
struct span_builder {
  std::optional<date_span> span;

  void note(date d) {
    if (!span)
      span = date_span{d, d};
    span->earliest = std::min(span->earliest, d);
    span->latest = std::max(span->latest, d);
  }
  void note(const period& p) {
    if (p.start())
      note(p.first_day());
    if (p.end())
      note(p.last_day());
  }
};

bool takes_part(const model& m, vertex v) { return m.kind(v) == node_kind::person || m.kind(v) == node_kind::post; }

/// The deepest chain, the widest span and the roots, from the resolved line management.
void line_management_statistics(const snapshot& s, model_statistics& out) {
  const model& m = s.model();
  const std::size_t n = m.node_count();
  const detail::line_part& line = s.line();
  const auto manager_of = [&](vertex v) {
    const std::uint32_t x = line.manager[v];
    return x == detail::no_index ? no_vertex : vertex{x};
  };
  // Each node's managers and vacant posts above it follow from its manager's, so nodes are taken in
  // order of chain length and each is visited once.
  std::vector<vertex> order;
  for (vertex v = 0; v < n; ++v)
    if (takes_part(m, v))
      order.push_back(v);
  std::stable_sort(order.begin(), order.end(),
                   [&](vertex a, vertex b) { return line.chain_length[a] < line.chain_length[b]; });
  std::vector<std::size_t> managers(n, 0);
  std::vector<std::size_t> vacant(n, 0);
  for (const vertex v : order) {
    const auto answer = line_manager(s, v);
    if (!answer)
      continue;
    const vertex above = manager_of(v);
    vacant[v] = answer->vacant_posts.size();
    if (above == no_vertex)
      continue; // vacant to the top
    if (line.chain_length[above] + 1 == line.chain_length[v]) {
      managers[v] = 1 + managers[above];
      vacant[v] += vacant[above];
    } else {
      managers[v] = line.chain_length[v]; // in a management cycle: the chain goes round once
    }
  }
  for (vertex v = 0; v < n; ++v) {
    if (!takes_part(m, v) || (m.kind(v) == node_kind::post && s.holder(v) != no_vertex))
      continue;
    if (managers[v] + vacant[v] > out.deepest_levels()) {
      out.deepest = v;
      out.deepest_managers = managers[v];
      out.deepest_vacant_posts = vacant[v];
    }
    const std::size_t span = span_of_control(s, v);
    if (span > out.widest_span) {
      out.widest = v;
      out.widest_span = span;
    }
    if (span > 0 && !line_manager(s, v))
      ++out.roots;
  }
}

} // namespace

std::optional<date_span> dates_named(const model& m) {
  span_builder b;
  for (vertex v = 0; v < m.node_count(); ++v)
    b.note(m.lifetime(v));
  for (const relation_id r : m.relations())
    b.note(m.when(r));
  for (const auto& d : m.decisions())
    b.note(d.date);
  return b.span;
}

std::optional<date> last_day_in_force(const model& m) {
  std::optional<date> last;
  for (const relation_id r : m.relations()) {
    const date d = m.when(r).last_day();
    if (!last || d > *last)
      last = d;
  }
  return last;
}

model_statistics statistics(const snapshot& s) {
  const model& m = s.model();
  model_statistics out;
  for (vertex v = 0; v < m.node_count(); ++v)
    ++out.nodes_of_kind[static_cast<std::size_t>(m.kind(v))];
  for (std::size_t t = 0; t < out.relations_of_type.size(); ++t)
    out.relations_of_type[t] = m.relation_count(static_cast<relation_type>(t));
  out.dates = dates_named(m);

  s.prepare(snapshot::part::line_management);
  line_management_statistics(s, out);

  s.prepare(snapshot::part::seats);
  for (vertex v = 0; v < m.node_count(); ++v) {
    if (!in_force(s, v)) // a replaced body's members are its successor's
      continue;
    const std::size_t size = membership_size(s, v);
    if (size > out.largest_body_size) {
      out.largest_body = v;
      out.largest_body_size = size;
    }
  }
  return out;
}

} // namespace orgraph
