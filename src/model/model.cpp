#include <orgraph/error.hpp>
#include <orgraph/model/model.hpp>

#include <algorithm>
#include <array>
#include <tuple>
#include <vector>

namespace orgraph {

// Out-of-line so that the vtables live in the library, not in every user's object file.
error::~error() = default;
date_error::~date_error() = default;
parse_error::~parse_error() = default;
reference_error::~reference_error() = default;
model_error::~model_error() = default;
file_error::~file_error() = default;

file_error::file_error(std::string path, const std::string& message)
    : error(path + ": " + message), path_(std::move(path)) {}

namespace {
std::string where(const std::string& file, std::size_t line, std::size_t column) {
  std::string s = file.empty() ? std::string("<input>") : file;
  if (line != 0) {
    s += ':' + std::to_string(line);
    if (column != 0)
      s += ':' + std::to_string(column);
  }
  return s;
}

constexpr std::array<std::string_view, 4> kind_names{"person", "post", "organization", "area"};
constexpr std::array<std::string_view, 10> relation_names{
    "manages", "supervises", "dotted_line_manages", "reports_to", "recommends_to",
    "covers",  "replaced_by", "partners_with",      "holds",      "member_of"};
constexpr std::array<std::string_view, 4> arrangement_names{"substantive", "acting", "interim", "secondment"};
constexpr std::array<std::string_view, 6> outcome_names{"recommended", "approved", "decided",
                                                        "noted",       "deferred", "rejected"};

template <class Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::string_view, N>& names, std::string_view s) noexcept {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s)
      return static_cast<Enum>(i);
  return std::nullopt;
}
} // namespace

parse_error::parse_error(std::string file, std::size_t line, std::size_t column, const std::string& message)
    : error(where(file, line, column) + ": " + message), file_(std::move(file)), line_(line), column_(column) {}

reference_error::reference_error(std::string id, const std::string& message) : error(message), id_(std::move(id)) {}

std::string_view to_string(node_kind k) noexcept { return kind_names[static_cast<std::size_t>(k)]; }
std::string_view to_string(relation_type t) noexcept { return relation_names[static_cast<std::size_t>(t)]; }
std::string_view to_string(arrangement a) noexcept { return arrangement_names[static_cast<std::size_t>(a)]; }

std::string_view to_string(outcome o) noexcept { return outcome_names[static_cast<std::size_t>(o)]; }
std::optional<outcome> outcome_from_string(std::string_view s) noexcept { return lookup<outcome>(outcome_names, s); }

std::optional<relation_type> relation_type_from_string(std::string_view s) noexcept {
  return lookup<relation_type>(relation_names, s);
}
std::optional<arrangement> arrangement_from_string(std::string_view s) noexcept {
  return lookup<arrangement>(arrangement_names, s);
}

void model::check_relation(vertex from, vertex to, const relation& r) const {
  if (!contains(from) || !contains(to))
    throw model_error("relation '" + std::string(to_string(r.type)) + "' names a vertex that is not in the model");
  const node_kind a = graph_[from].kind;
  const node_kind b = graph_[to].kind;
  const auto person_or_post = [](node_kind k) { return k == node_kind::person || k == node_kind::post; };
  const auto body = [](node_kind k) { return k == node_kind::organization; };
  bool ok = false;
  const char* rule = "";
  switch (r.type) {
  case relation_type::manages:
  case relation_type::supervises:
  case relation_type::dotted_line_manages:
    ok = person_or_post(a) && person_or_post(b);
    rule = "from a person or post to a person or post";
    break;
  case relation_type::reports_to:
  case relation_type::recommends_to:
  case relation_type::replaced_by:
  case relation_type::partners_with:
    ok = body(a) && body(b);
    rule = "from an organization to an organization";
    break;
  case relation_type::covers:
    ok = body(a) && b == node_kind::area;
    rule = "from an organization to an area";
    break;
  case relation_type::holds:
    ok = a == node_kind::person && b == node_kind::post;
    rule = "from a person to a post";
    break;
  case relation_type::member_of:
    ok = person_or_post(a) && body(b);
    rule = "from a person or post to an organization";
    break;
  }
  if (!ok)
    throw model_error("relation '" + std::string(to_string(r.type)) + "' from the " + std::string(to_string(a)) +
                      " '" + graph_[from].id + "' to the " + std::string(to_string(b)) + " '" + graph_[to].id +
                      "': it must go " + rule);
  for (vertex v : {r.on_behalf_of, r.organization})
    if (v != no_vertex && (!contains(v) || graph_[v].kind != node_kind::organization))
      throw model_error("relation '" + std::string(to_string(r.type)) + "' from '" + graph_[from].id +
                        "': on_behalf_of and organization must name organizations");
}

std::vector<std::string> model::dependents(vertex v) const {
  std::vector<std::string> out;
  if (!contains(v))
    return out;
  const auto describe = [&](edge e) {
    return "the relation " + graph_[boost::source(e, graph_)].id + " " + std::string(to_string(graph_[e].type)) +
           " " + graph_[boost::target(e, graph_)].id;
  };
  for (auto [it, end] = boost::out_edges(v, graph_); it != end; ++it)
    out.push_back(describe(*it));
  for (auto [it, end] = boost::in_edges(v, graph_); it != end; ++it)
    if (boost::source(*it, graph_) != v) // a self-relation is listed once
      out.push_back(describe(*it));
  for (auto [it, end] = boost::edges(graph_); it != end; ++it)
    if (graph_[*it].on_behalf_of == v || graph_[*it].organization == v)
      out.push_back(describe(*it) + " (which names " + graph_[v].id + ")");
  for (vertex w : children(v))
    out.push_back("the " + std::string(to_string(graph_[w].kind)) + " " + graph_[w].id + ", whose parent it is");
  for (const decision& d : decisions_)
    if (d.organization == v || d.to == v)
      out.push_back("the decision " + d.id);
  return out;
}

void model::remove_node(vertex v) {
  if (!contains(v))
    throw model_error("remove_node: the vertex is not in the model");
  if (const auto deps = dependents(v); !deps.empty()) {
    std::string list;
    for (const auto& d : deps)
      list += (list.empty() ? "" : "; ") + d;
    throw model_error("cannot remove '" + graph_[v].id + "': " + std::to_string(deps.size()) +
                      " thing(s) refer to it: " + list);
  }
  // Nothing below allocates, so once the checks pass the removal cannot fail half-way.
  ids_.erase(graph_[v].id);
  if (graph_[v].parent != no_vertex)
    detach(graph_[v].parent, v);
  attached_.erase(attached_.begin() + static_cast<std::ptrdiff_t>(v));
  boost::remove_vertex(v, graph_);
  const auto shift = [v](vertex& w) noexcept {
    if (w != no_vertex && w > v)
      --w;
  };
  for (vertex w = 0; w < node_count(); ++w)
    shift(graph_[w].parent);
  for (auto [it, end] = boost::edges(graph_); it != end; ++it) {
    shift(graph_[*it].on_behalf_of);
    shift(graph_[*it].organization);
  }
  for (decision& d : decisions_) {
    shift(d.organization);
    shift(d.to);
  }
  for (auto& entry : ids_)
    shift(entry.second);
  for (auto& list : attached_)
    for (vertex& w : list)
      shift(w);
}

namespace {
// A relation named by ids rather than vertices, in a form that sorts, so that models built in
// different orders compare equal.
using edge_key = std::tuple<std::string, std::string, int, int, std::string, std::string, std::string, std::string,
                            std::string, std::optional<std::string>, std::optional<std::string>>;

std::string id_or_empty(const model& m, vertex v) { return v == no_vertex ? std::string() : m[v].id; }

std::optional<std::string> text(const std::optional<partial_date>& d) {
  return d ? std::optional<std::string>(d->to_string()) : std::nullopt;
}

std::vector<edge_key> sorted_edges(const model& m) {
  std::vector<edge_key> keys;
  keys.reserve(m.relation_count());
  const auto& g = m.graph();
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const relation& r = g[*it];
    keys.emplace_back(m[boost::source(*it, g)].id, m[boost::target(*it, g)].id, static_cast<int>(r.type),
                      static_cast<int>(r.arrangement), r.role, id_or_empty(m, r.on_behalf_of),
                      id_or_empty(m, r.organization), r.status, r.id, text(r.when.start()), text(r.when.end()));
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

bool same_node(const model& a, vertex va, const model& b, vertex vb) {
  const node& x = a[va];
  const node& y = b[vb];
  return x.kind == y.kind && x.id == y.id && x.name == y.name && x.classification == y.classification &&
         x.disciplines == y.disciplines && x.lifetime == y.lifetime &&
         id_or_empty(a, x.parent) == id_or_empty(b, y.parent);
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
        id_or_empty(a, x.organization) != id_or_empty(b, y.organization) || id_or_empty(a, x.to) != id_or_empty(b, y.to) ||
        follows(a, x) != follows(b, y))
      return false;
  }
  return true;
}
} // namespace

bool operator==(const model& a, const model& b) {
  if (a.node_count() != b.node_count() || a.relation_count() != b.relation_count())
    return false;
  for (vertex v = 0; v < a.node_count(); ++v) {
    const auto w = b.find(a[v].id);
    if (!w || !same_node(a, v, b, *w))
      return false;
  }
  return same_decisions(a, b) && sorted_edges(a) == sorted_edges(b);
}

} // namespace orgraph
