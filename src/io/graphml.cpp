// GraphML export with Boost.Graph's writer: the model itself is the graph (graph/model_graph.hpp),
// filtered to one date by the snapshot's rules when asked, its fields read through property maps.

#include <orgraph/graph/model_graph.hpp>
#include <orgraph/io/file.hpp>
#include <orgraph/io/graphml.hpp>
#include <orgraph/snapshot/snapshot.hpp>

#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace orgraph {

namespace {

/// Text XML 1.0 can carry: a control character other than tab, line feed and carriage return, and a
/// byte that is not part of well-formed UTF-8, become U+FFFD.
std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto byte = [&](std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
  const auto cont = [&](std::size_t i) { return (byte(i) & 0xC0u) == 0x80u; };
  for (std::size_t i = 0; i < s.size();) {
    const unsigned c = byte(i);
    std::size_t length = 0;
    if (c >= 0x20 && c < 0x7F)
      length = 1;
    else if (c == '\t' || c == '\n' || c == '\r')
      length = 1;
    else if (c >= 0xC2 && c <= 0xDF && cont(i + 1))
      length = 2;
    else if (c >= 0xE0 && c <= 0xEF && cont(i + 1) && cont(i + 2) && (c != 0xE0 || byte(i + 1) >= 0xA0) &&
             (c != 0xED || byte(i + 1) <= 0x9F) && !(c == 0xEF && byte(i + 1) == 0xBF && byte(i + 2) >= 0xBE))
      length = 3; // not U+FFFE or U+FFFF, which XML refuses too
    else if (c >= 0xF0 && c <= 0xF4 && cont(i + 1) && cont(i + 2) && cont(i + 3) &&
             (c != 0xF0 || byte(i + 1) >= 0x90) && (c != 0xF4 || byte(i + 1) <= 0x8F))
      length = 4;
    if (length == 0) {
      out.append("\xEF\xBF\xBD");
      ++i;
    } else {
      out.append(s.substr(i, length));
      i += length;
    }
  }
  return out;
}

/// Which vertices the picture keeps: all, or those that exist on the snapshot's date.
struct keep_vertex {
  const snapshot* on = nullptr;
  bool operator()(vertex v) const { return on == nullptr || on->exists(v); }
};

/// Which relations the picture keeps: all, or those in force on the snapshot's date.
struct keep_relation {
  const snapshot* on = nullptr;
  bool operator()(relation_id r) const { return on == nullptr || on->in_force(r); }
};

/// ":Person", ":Post", ...: the label Neo4j's GraphML import gives a node.
std::string neo4j_label(node_kind k) {
  std::string s(to_string(k));
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return ":" + s;
}

std::string date_text(const std::optional<partial_date>& d) { return d ? d->to_string() : std::string(); }

template <class Graph>
graphml_written write(std::ostream& out, const Graph& g, const model& m, const std::optional<date>& on) {
  using boost::make_function_property_map;
  const auto id_of = [&m](vertex v) { return v == no_vertex ? std::string() : xml_text(m.id(v)); };
  boost::dynamic_properties dp;
  // Graph-level: the date pictured, empty for every date.
  std::string as_on = on ? on->to_string() : std::string();
  dp.property("as_on", boost::make_constant_property<Graph*>(as_on));

  dp.property("orgraph_id", make_function_property_map<vertex, std::string>(id_of));
  dp.property("kind", make_function_property_map<vertex, std::string>(
                          [&m](vertex v) { return std::string(to_string(m.kind(v))); }));
  dp.property("name", make_function_property_map<vertex, std::string>([&m](vertex v) { return xml_text(m.name(v)); }));
  dp.property("label", make_function_property_map<vertex, std::string>(
                           [&m](vertex v) { return xml_text(m.name(v).empty() ? m.id(v) : m.name(v)); }));
  dp.property("classification", make_function_property_map<vertex, std::string>(
                                    [&m](vertex v) { return xml_text(m.classification(v)); }));
  dp.property("disciplines", make_function_property_map<vertex, std::string>([&m](vertex v) {
                std::string s;
                for (const auto& d : m[v].disciplines)
                  s.append(s.empty() ? "" : ";").append(d);
                return xml_text(s);
              }));
  dp.property("parent",
              make_function_property_map<vertex, std::string>([&m, id_of](vertex v) { return id_of(m.parent(v)); }));
  dp.property("area",
              make_function_property_map<vertex, std::string>([&m, id_of](vertex v) { return id_of(m.area(v)); }));
  dp.property("start", make_function_property_map<vertex, std::string>(
                           [&m](vertex v) { return date_text(m.lifetime(v).start()); }));
  dp.property("end", make_function_property_map<vertex, std::string>(
                         [&m](vertex v) { return date_text(m.lifetime(v).end()); }));
  dp.property("labels",
              make_function_property_map<vertex, std::string>([&m](vertex v) { return neo4j_label(m.kind(v)); }));

  const auto type_of = [](relation_id r) { return std::string(to_string(r.type())); };
  dp.property("type", make_function_property_map<relation_id, std::string>(type_of));
  dp.property("label", make_function_property_map<relation_id, std::string>(type_of));
  dp.property("start", make_function_property_map<relation_id, std::string>(
                           [&m](relation_id r) { return date_text(m.when(r).start()); }));
  dp.property("end", make_function_property_map<relation_id, std::string>(
                         [&m](relation_id r) { return date_text(m.when(r).end()); }));
  dp.property("arrangement", make_function_property_map<relation_id, std::string>(
                                 [&m](relation_id r) { return std::string(to_string(m.arrangement(r))); }));
  dp.property("role", make_function_property_map<relation_id, std::string>(
                          [&m](relation_id r) { return xml_text(m.role(r)); }));
  dp.property("status", make_function_property_map<relation_id, std::string>(
                            [&m](relation_id r) { return xml_text(m.status(r)); }));
  dp.property("on_behalf_of", make_function_property_map<relation_id, std::string>(
                                  [&m, id_of](relation_id r) { return id_of(m.on_behalf_of(r)); }));
  dp.property("area", make_function_property_map<relation_id, std::string>(
                          [&m, id_of](relation_id r) { return id_of(m.area(r)); }));
  dp.property("organization", make_function_property_map<relation_id, std::string>(
                                  [&m, id_of](relation_id r) { return id_of(m.organization(r)); }));
  dp.property("relation_id",
              make_function_property_map<relation_id, std::string>([&m](relation_id r) { return xml_text(m[r].id); }));
  // Node ids are n<vertex number>: in order (canonical) when every vertex is written.
  boost::write_graphml(out, g, boost::typed_identity_property_map<vertex>(), dp, !on.has_value());
  graphml_written written;
  for (auto [v, end] = vertices(g); v != end; ++v)
    ++written.nodes;
  for (auto [e, end] = edges(g); e != end; ++e)
    ++written.relations;
  return written;
}

} // namespace

graphml_written write_graphml(std::ostream& out, const model& m, const graphml_options& options) {
  if (!options.on)
    return write(out, m, m, options.on);
  const snapshot s(m, *options.on);
  const boost::filtered_graph<model, keep_relation, keep_vertex> g(m, keep_relation{&s}, keep_vertex{&s});
  return write(out, g, m, options.on);
}

graphml_written save_graphml(const model& m, const std::filesystem::path& file, const graphml_options& options) {
  graphml_written written;
  write_file_atomically(file, [&](std::ostream& out) { written = write_graphml(out, m, options); });
  return written;
}

} // namespace orgraph
