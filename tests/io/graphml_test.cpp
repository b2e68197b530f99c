// write_graphml(): Boost.Graph's writer over the model, read back with an XML parser: every node and
// relation with its attributes, or only what is in force on a date, and text XML cannot carry replaced.

#include <orgraph/io/graphml.hpp>
#include <orgraph/snapshot/snapshot.hpp>

#include "sample_model.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <map>
#include <sstream>
#include <string>

using namespace orgraph;
namespace pt = boost::property_tree;

namespace {

/// A GraphML file read back: each node's and edge's attributes by name.
struct graphml_read {
  std::map<std::string, std::map<std::string, std::string>> nodes; ///< by GraphML node id
  std::vector<std::map<std::string, std::string>> edges;
  std::map<std::string, std::string> graph;
};

graphml_read read_back(const std::string& xml) {
  std::istringstream in(xml);
  pt::ptree doc;
  pt::read_xml(in, doc);                    // throws on XML that is not well formed
  std::map<std::string, std::string> names; // key id -> attr.name
  graphml_read out;
  for (const auto& [tag, child] : doc.get_child("graphml")) {
    if (tag == "key")
      names[child.get<std::string>("<xmlattr>.id")] =
          child.get<std::string>(pt::ptree::path_type("<xmlattr>/attr.name", '/')); // a dot in the name
  }
  const auto data_of = [&](const pt::ptree& element) {
    std::map<std::string, std::string> attributes;
    for (const auto& [tag, d] : element)
      if (tag == "data")
        attributes[names.at(d.get<std::string>("<xmlattr>.key"))] = d.get_value<std::string>();
    return attributes;
  };
  const pt::ptree& graph = doc.get_child("graphml.graph");
  out.graph = data_of(graph);
  for (const auto& [tag, element] : graph) {
    if (tag == "node")
      out.nodes[element.get<std::string>("<xmlattr>.id")] = data_of(element);
    else if (tag == "edge")
      out.edges.push_back(data_of(element));
  }
  return out;
}

std::string graphml(const model& m, const graphml_options& options = {}, graphml_written* written = nullptr) {
  std::ostringstream out;
  const graphml_written w = write_graphml(out, m, options);
  if (written)
    *written = w;
  return out.str();
}

} // namespace

TEST(GraphML, EveryNodeAndRelationWithItsAttributes) {
  const model m = test::sample_model();
  const graphml_read g = read_back(graphml(m));
  ASSERT_EQ(g.nodes.size(), m.node_count());
  ASSERT_EQ(g.edges.size(), m.relation_count());
  EXPECT_EQ(g.graph.at("as_on"), "");
  const auto& trust = g.nodes.at("n0"); // every vertex in order: n<vertex number>
  EXPECT_EQ(trust.at("orgraph_id"), "we-ctb");
  EXPECT_EQ(trust.at("kind"), "organization");
  EXPECT_EQ(trust.at("name"), "West Essex Children's Trust Board");
  EXPECT_EQ(trust.at("classification"), "board");
  EXPECT_EQ(trust.at("parent"), "ecc");
  EXPECT_EQ(trust.at("start"), "2008");
  EXPECT_EQ(trust.at("end"), "2011-03");
  EXPECT_EQ(trust.at("labels"), ":Organization");
  const auto& head = g.nodes.at("n" + std::to_string(m.at("post-head")));
  EXPECT_EQ(head.at("name"), "Head of Service, \"West\" & <Harlow>"); // escaped by the writer, read back whole
  EXPECT_EQ(head.at("label"), head.at("name"));
  const auto& p1 = g.nodes.at("n" + std::to_string(m.at("p1")));
  EXPECT_EQ(p1.at("disciplines"), "social work;family support");
  EXPECT_EQ(g.nodes.at("n" + std::to_string(m.at("p3"))).at("label"), "p3"); // no name: the id
  std::size_t holds = 0;
  for (const auto& e : g.edges)
    if (e.at("type") == "holds") {
      ++holds;
      EXPECT_EQ(e.at("label"), "holds");
      EXPECT_EQ(e.at("start"), "2008-04-01");
      EXPECT_EQ(e.at("end"), "2010-12-31");
      EXPECT_EQ(e.at("arrangement"), "acting");
      EXPECT_EQ(e.at("role"), "representative");
      EXPECT_EQ(e.at("on_behalf_of"), "ecc");
      EXPECT_EQ(e.at("organization"), "we-ctb");
      EXPECT_EQ(e.at("relation_id"), "m-1");
    }
  EXPECT_EQ(holds, 1u);
}

TEST(GraphML, OnADateOnlyWhatIsInForce) {
  const model m = test::sample_model();
  const date day = date::from_ymd(2009, 11, 1);
  graphml_options options;
  options.on = day;
  graphml_written written;
  const graphml_read g = read_back(graphml(m, options, &written));
  const snapshot s(m, day);
  std::size_t nodes = 0;
  for (vertex v = 0; v < m.node_count(); ++v)
    nodes += s.exists(v) ? 1 : 0;
  std::size_t relations = 0;
  for (const relation_id r : m.relations())
    relations += s.in_force(r) && s.exists(m.source(r)) && s.exists(m.target(r)) ? 1 : 0;
  EXPECT_EQ(g.nodes.size(), nodes);
  EXPECT_EQ(g.edges.size(), relations);
  EXPECT_EQ(written.nodes, nodes); // what it says it wrote
  EXPECT_EQ(written.relations, relations);
  EXPECT_LT(g.edges.size(), m.relation_count()); // the 2009 interim arrangement, for one, has ended
  EXPECT_EQ(g.graph.at("as_on"), "2009-11-01");
  for (const auto& e : g.edges)
    EXPECT_NE(e.at("type"), "replaced_by"); // from 2011
}

TEST(GraphML, TextXmlCannotCarryIsReplaced) {
  model m;
  m.add_person("p\x01", "Bell\x07 and \xFF byte, Zoë\nNext line");
  const graphml_read g = read_back(graphml(m));
  EXPECT_EQ(g.nodes.at("n0").at("orgraph_id"), "p\xEF\xBF\xBD");
  EXPECT_EQ(g.nodes.at("n0").at("name"), "Bell\xEF\xBF\xBD and \xEF\xBF\xBD byte, Zoë\nNext line");
}
