#include <orgraph/io/dot.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/query/line_management.hpp>
#include <orgraph/snapshot/influence_graph.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>

#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace orgraph {

namespace {

// Every id, label and attribute value goes through dot_string(). Boost's escape_dot_string escaped
// quotes but not backslashes, so a name ending in a backslash escaped its closing quote and the next
// name was read as DOT: injected nodes, attributes, a javascript: URL in the SVG. Here a plain
// identifier or number is written bare, as Boost did (ordinary charts do not change), and anything
// else is quoted after two steps. First what could fool a reader is made visible, backslashes
// included so that two ids never come out alike: control characters and DEL as \xNN, C1 and
// bidirectional controls and U+2028/U+2029 as \uNNNN, broken UTF-8 as \xNN. Then each backslash
// and quote is escaped: \" and \\ are the only pairs DOT's lexer reads in a string, and no lone
// backslash is left to escape the closing quote or join a line end. The keywords (node, edge,
// graph, ...) are quoted too, or `node [label=...]` would set every node's label. GraphViz shows
// \\ in a label as one backslash, so ESC reads \x1b and a backslash reads \\.
std::string dot_string(std::string_view s) {
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!s.empty() && alpha(s[0]) && std::all_of(s.begin(), s.end(), [&](char c) { return alpha(c) || digit(c); })) {
    std::string lower(s);
    for (char& c : lower)
      c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (lower != "node" && lower != "edge" && lower != "graph" && lower != "digraph" && lower != "subgraph" &&
        lower != "strict")
      return std::string(s);
  }
  std::string_view number = s.substr(!s.empty() && s[0] == '-' ? 1 : 0);
  const auto point = number.find('.');
  const auto digits = [&](std::string_view part) { return std::all_of(part.begin(), part.end(), digit); };
  if (!number.empty() && number != "." && digits(number.substr(0, point)) &&
      (point == std::string_view::npos || digits(number.substr(point + 1))))
    return std::string(s);

  static constexpr char hex[] = "0123456789abcdef";
  std::string visible;
  const auto byte_at = [&](std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
  const auto follows = [&](std::size_t i) { return (byte_at(i) & 0xC0u) == 0x80u; };
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = byte_at(i);
    std::size_t length = c >= 0x20 && c < 0x7F ? 1 : 0; // the length of a well-formed UTF-8 sequence, or 0
    if (c >= 0xC2 && c <= 0xDF && follows(i + 1))
      length = 2;
    else if (c >= 0xE0 && c <= 0xEF && follows(i + 1) && follows(i + 2) && (c != 0xE0 || byte_at(i + 1) >= 0xA0) &&
             (c != 0xED || byte_at(i + 1) <= 0x9F))
      length = 3;
    else if (c >= 0xF0 && c <= 0xF4 && follows(i + 1) && follows(i + 2) && follows(i + 3) &&
             (c != 0xF0 || byte_at(i + 1) >= 0x90) && (c != 0xF4 || byte_at(i + 1) <= 0x8F))
      length = 4;
    unsigned long cp = length == 1 ? c : length == 2 ? (c & 0x1Fu) : length == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < length; ++k)
      cp = (cp << 6) | (byte_at(i + k) & 0x3Fu);
    if (length == 0) {
      visible.append("\\x").append(1, hex[c >> 4]).append(1, hex[c & 0xF]);
      ++i;
      continue;
    }
    if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029) {
      visible.append("\\u");
      for (int shift = 12; shift >= 0; shift -= 4)
        visible += hex[(cp >> shift) & 0xF];
    } else if (c == '\\') {
      visible.append("\\\\");
    } else {
      visible.append(s.substr(i, length));
    }
    i += length;
  }
  std::string quoted = "\"";
  for (const char c : visible) {
    if (c == '"' || c == '\\')
      quoted += '\\';
    quoted += c;
  }
  return quoted + '"';
}

// A node's id on its way through boost::write_graphviz, which writes ids with an unqualified call
// to escape_dot_string(): the overload below, found by argument-dependent lookup and preferred to
// Boost's template, writes them with dot_string(). Neither way can quietly fall back to Boost's
// escaping: dot_name has no operator<< for Boost's template to use, and an overload no longer called
// fails the build (-Wunused-function).
struct dot_name {
  std::string id;
};

std::string escape_dot_string(const dot_name& name) { return dot_string(name.id); }

enum class chart_kind { member_of, reports_to, recommends_to, parent, manages, influence };

struct chart_edge {
  vertex from = no_vertex;
  vertex to = no_vertex;
  chart_kind kind = chart_kind::member_of;
  std::string label;
  bool highlighted = false;
};

struct chart_node {
  vertex v = no_vertex;
  std::string id;
  bool highlighted = false;
};

using chart_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, chart_node, chart_edge>;

// The chart of a date from the snapshot's own parts: memberships and the links between bodies as the
// influence graph has them (so a renamed body's inherited links are drawn as influence follows them),
// line management from the resolved answers. Each (from, to, kind) once, the first found: the influence
// graph has one edge for each ordered pair, so a key can repeat only among the steps of one edge (a
// mask of the kinds drawn for it), and line management adds one edge for each person.
std::vector<chart_edge> chart_edges(const snapshot& s, const dot_options& o) {
  const model& m = s.model();
  std::vector<chart_edge> out;
  if (o.memberships || o.reporting) {
    const auto& p = s.influence();
    const influence_graph_type& g = p.graph;
    for (auto [it, end] = edges(g); it != end; ++it) {
      const std::uint32_t e = get(boost::edge_index, g, *it);
      const vertex from = source(*it, g), to = target(*it, g);
      unsigned drawn = 0;
      const auto add = [&](chart_kind kind, std::string label) {
        const unsigned bit = 1u << static_cast<unsigned>(kind);
        if ((drawn & bit) != 0)
          return;
        drawn |= bit;
        out.push_back({from, to, kind, std::move(label), false});
      };
      for (std::uint32_t i = p.step_offsets[e]; i < p.step_offsets[e + 1]; ++i) {
        const auto& step = p.steps[i];
        if (o.memberships && step.link == influence_link::sits_on)
          add(chart_kind::member_of, std::string(step.role));
        if (o.reporting && step.link == influence_link::reports_to)
          add(chart_kind::reports_to, "reports_to");
        if (o.reporting && step.link == influence_link::recommends_to)
          add(chart_kind::recommends_to, "recommends_to");
        if (o.reporting && step.link == influence_link::parent)
          add(chart_kind::parent, "");
      }
    }
  }
  if (o.line_management)
    for (vertex p = 0; p < m.node_count(); ++p)
      if (m.kind(p) == node_kind::person)
        if (auto a = line_manager(s, p); a && a->manager && *a->manager != p)
          out.push_back({*a->manager, p, chart_kind::manages, "manages", false});
  return out;
}

std::string attribute(const char* name, std::string_view value) { return std::string(name) + "=" + dot_string(value); }

} // namespace

void write_dot(std::ostream& out, const snapshot& s, const dot_options& o) {
  const model& m = s.model();
  const date on = s.on();
  if (o.line_management)
    (void)s.line(); // every person's manager is drawn
  auto edges = chart_edges(s, o);

  // Highlighted paths: colour the chart edges under each step, or add the step as an edge. The edges
  // between each pair of nodes are found through a table, not a scan of every edge.
  const auto pair_key = [](vertex a, vertex b) { return (std::uint64_t{std::min(a, b)} << 32) | std::max(a, b); };
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> between;
  if (!o.highlight.empty())
    for (std::size_t i = 0; i < edges.size(); ++i)
      if (edges[i].kind != chart_kind::manages)
        between[pair_key(edges[i].from, edges[i].to)].push_back(i);
  std::vector<char> highlighted(m.node_count(), 0);
  for (const auto& path : o.highlight) {
    for (vertex v : path.vertices)
      if (m.contains(v))
        highlighted[v] = 1;
    for (const auto& step : path.steps) {
      if (!m.contains(step.from) || !m.contains(step.to))
        continue;
      const auto it = between.find(pair_key(step.from, step.to));
      if (it != between.end())
        for (std::size_t i : it->second)
          edges[i].highlighted = true;
      else
        edges.push_back({step.from, step.to, chart_kind::influence, step_label(step), true});
    }
  }

  // Which nodes to draw: bodies in force and persons with an edge, or the focus's neighbourhood.
  std::vector<char> drawn(m.node_count(), 0);
  if (o.focus && m.contains(*o.focus)) {
    const vertex centre = s.successor(*o.focus);
    // Neighbours either way, as compressed lists: the radius walk is linear in the chart.
    std::vector<std::uint32_t> offsets(m.node_count() + 1, 0), next_to;
    for (const auto& e : edges) {
      ++offsets[e.from + 1];
      ++offsets[e.to + 1];
    }
    for (std::size_t v = 0; v < m.node_count(); ++v)
      offsets[v + 1] += offsets[v];
    next_to.resize(offsets.back());
    std::vector<std::uint32_t> at(offsets.begin(), offsets.end() - 1);
    for (const auto& e : edges) {
      next_to[at[e.from]++] = static_cast<std::uint32_t>(e.to);
      next_to[at[e.to]++] = static_cast<std::uint32_t>(e.from);
    }
    std::vector<vertex> level{centre};
    drawn[centre] = 1;
    for (std::size_t d = 0; d < o.radius && !level.empty(); ++d) {
      std::vector<vertex> next;
      for (vertex v : level)
        for (std::uint32_t i = offsets[v]; i < offsets[v + 1]; ++i)
          if (drawn[next_to[i]] == 0) {
            drawn[next_to[i]] = 1;
            next.push_back(next_to[i]);
          }
      level = std::move(next);
    }
  } else {
    for (vertex b : active_bodies(s))
      drawn[b] = 1;
    for (const auto& e : edges)
      drawn[e.from] = drawn[e.to] = 1;
  }
  for (vertex v = 0; v < m.node_count(); ++v)
    if (highlighted[v] != 0)
      drawn[v] = 1;

  chart_graph g;
  std::vector<std::size_t> index(m.node_count(), 0);
  for (vertex v = 0; v < m.node_count(); ++v)
    if (drawn[v] != 0)
      index[v] = boost::add_vertex(chart_node{v, std::string(m[v].id), highlighted[v] != 0}, g);
  for (const auto& e : edges)
    if (drawn[e.from] != 0 && drawn[e.to] != 0)
      boost::add_edge(index[e.from], index[e.to], e, g);

  const std::string& colour = o.highlight_colour;
  const auto vertex_writer = [&](std::ostream& os, chart_graph::vertex_descriptor d) {
    const chart_node& n = g[d];
    const node_view x = m[n.v];
    os << " [" << attribute("label", std::string(x.name.empty() ? x.id : x.name))
       << (x.kind == node_kind::organization ? ", shape=box" : ", shape=ellipse");
    if (n.highlighted)
      os << ", " << attribute("color", colour) << ", penwidth=2";
    os << "]";
  };
  const auto edge_writer = [&](std::ostream& os, chart_graph::edge_descriptor d) {
    const chart_edge& e = g[d];
    const char* style = nullptr;
    const char* base = nullptr;
    switch (e.kind) {
    case chart_kind::member_of: base = "gray40"; break;
    case chart_kind::reports_to: style = "bold"; break;
    case chart_kind::recommends_to:
    case chart_kind::influence: style = "dashed"; break;
    case chart_kind::parent: style = "dotted"; break;
    case chart_kind::manages: base = "blue"; break;
    }
    std::vector<std::string> attributes;
    if (!e.label.empty())
      attributes.push_back(attribute("label", e.label));
    if (style != nullptr)
      attributes.push_back(std::string("style=") + style);
    if (e.highlighted) {
      attributes.push_back(attribute("color", colour));
      attributes.push_back(attribute("fontcolor", colour));
      attributes.push_back("penwidth=2");
    } else if (base != nullptr) {
      attributes.push_back(std::string("color=") + base);
    }
    os << "[";
    for (std::size_t i = 0; i < attributes.size(); ++i)
      os << (i == 0 ? "" : ", ") << attributes[i];
    os << "]";
  };
  const auto graph_writer = [&](std::ostream& os) {
    os << "graph [rankdir=BT, " << attribute("label", "as on " + on.to_string()) << "];\n";
    os << "node [fontname=Helvetica];\nedge [fontname=Helvetica, fontsize=10];\n";
  };
  std::vector<dot_name> ids;
  for (auto [it, end] = boost::vertices(g); it != end; ++it)
    ids.push_back({std::string(g[*it].id)});
  boost::write_graphviz(out, g, vertex_writer, edge_writer, graph_writer,
                        boost::make_iterator_property_map(ids.begin(), boost::get(boost::vertex_index, g)));
}

} // namespace orgraph
