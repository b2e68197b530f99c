// DOT output cannot be hijacked by names (docs/reliability.md, "Output that cannot steer a terminal"):
// a name ending in a backslash used to escape its closing quote, so the next name was read as DOT and
// could draw a node with a javascript: link. The DOT text is checked with a tokenizer that follows
// GraphViz's lexer, and, where GraphViz is installed, rendered to SVG and checked again.

#include <orgraph/io/dot.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/orgraph.hpp>

#include "process_support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace orgraph;
using namespace orgraph::test;
namespace fs = std::filesystem;

namespace {

// Names built to break out of their quotes: a trailing backslash followed by a name that is DOT, ids
// that are DOT keywords or end in a backslash, line breaks, ESC and a right-to-left override.
const char* const hostile_json = R"({
  "organizations": [
    {"id": "node", "name": "Board\\"},
    {"id": "edge", "name": "\"];evil [URL=\"javascript:alert(1)\", label=\"click me\"];x [label=\""}
  ],
  "persons": [
    {"id": "a", "name": "ends in a backslash\\"},
    {"id": "b", "name": "\"]; evil2 [URL=\"javascript:alert(2)\" label=\"click\"]; y [label=\""},
    {"id": "c\\", "name": "id ends in a backslash"},
    {"id": "d\"];inject [URL=\"javascript:alert(3)\"];\"", "name": "quote in the id"},
    {"id": "e", "name": "two\nlines\r\u001b[31m \u202eevil\\\n"},
    {"id": "graph", "name": "\\N \\G \\L"}
  ],
  "memberships": [
    {"person_id": "a", "organization_id": "node", "role": "Chair\\"},
    {"person_id": "b", "organization_id": "node", "role": "\"]; evil3 [URL=\"javascript:alert(4)\"]; z [label=\""},
    {"person_id": "c\\", "organization_id": "edge", "role": "member"},
    {"person_id": "d\"];inject [URL=\"javascript:alert(3)\"];\"", "organization_id": "edge", "role": "member"}
  ],
  "relations": [
    {"type": "manages", "from": "a", "to": "e"},
    {"type": "manages", "from": "e", "to": "graph"},
    {"type": "reports_to", "from": "edge", "to": "node"}
  ]
}
)";

constexpr std::size_t drawn_nodes = 8; // both bodies and every person: each has an edge

// The plain attack, with nothing else to trip GraphViz up. Before the fix Alice's backslash escaped
// her closing quote, Bob's name was read as DOT, and its `//` hid the stray quote after it: GraphViz
// drew a third node, "evil", linked to javascript:alert(1).
const char* const classic_json = R"({
  "persons": [
    {"id": "a", "name": "Alice\\"},
    {"id": "b", "name": "];evil [URL=<javascript:alert(1)>, label=<click me>];//"}
  ],
  "relations": [{"type": "manages", "from": "a", "to": "b"}]
}
)";

struct token {
  std::string text;
  bool quoted = false;
};

// DOT's tokens as GraphViz's lexer reads them: in a quoted string \" is a quote, \\ stays a pair, a
// backslash before a line end joins the lines, and the first other quote ends the string.
std::vector<token> tokens_of(const std::string& dot, std::string& problem) {
  std::vector<token> out;
  for (std::size_t i = 0; i < dot.size();) {
    const char c = dot[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++i;
    } else if (c == '"') {
      token t{"", true};
      for (++i;; ++i) {
        if (i >= dot.size()) {
          problem = "a quoted string never ends";
          return out;
        }
        if (dot[i] == '\\' && i + 1 < dot.size() && (dot[i + 1] == '"' || dot[i + 1] == '\\')) {
          t.text += dot[i + 1] == '"' ? "\"" : "\\\\";
          ++i;
        } else if (dot[i] == '\\' && i + 1 < dot.size() && dot[i + 1] == '\n') {
          ++i;
        } else if (dot[i] == '"') {
          ++i;
          break;
        } else {
          t.text += dot[i];
        }
      }
      out.push_back(t);
    } else if (c == '-' && i + 1 < dot.size() && dot[i + 1] == '>') {
      out.push_back({"->", false});
      i += 2;
    } else if (std::string("[]{};,=").find(c) != std::string::npos) {
      out.push_back({std::string(1, c), false});
      ++i;
    } else {
      std::size_t j = i;
      while (j < dot.size() && std::string(" \n\t\r\"[]{};,=").find(dot[j]) == std::string::npos &&
             !(dot[j] == '-' && j + 1 < dot.size() && dot[j + 1] == '>'))
        ++j;
      out.push_back({dot.substr(i, j - i), false});
      i = j;
    }
  }
  return out;
}

// The statements of the chart: nodes (their names), edges, and every attribute name used.
struct chart {
  std::set<std::string> nodes;
  std::size_t node_statements = 0, edge_statements = 0;
  std::set<std::string> attributes;
  std::string problem;
};

chart read_chart(const std::string& dot) {
  chart c;
  const auto t = tokens_of(dot, c.problem);
  const auto keyword = [](const token& x, const char* word) { return !x.quoted && x.text == word; };
  std::size_t i = 0;
  if (t.size() < 4 || !keyword(t[0], "digraph") || t[2].text != "{") {
    c.problem = "not a digraph";
    return c;
  }
  for (i = 3; i < t.size() && t[i].text != "}";) {
    std::vector<token> statement;
    while (i < t.size() && (t[i].quoted || t[i].text != ";"))
      statement.push_back(t[i++]);
    ++i; // the ';'
    if (statement.empty())
      continue;
    std::size_t k = 0;
    if (keyword(statement[0], "graph") || keyword(statement[0], "node") || keyword(statement[0], "edge")) {
      k = 1;
    } else if (statement.size() >= 3 && statement[1].text == "->" && !statement[1].quoted) {
      ++c.edge_statements;
      k = 3;
    } else {
      ++c.node_statements;
      c.nodes.insert(statement[0].text);
      k = 1;
    }
    if (k < statement.size()) {
      if (statement[k].text != "[" || statement.back().text != "]") {
        c.problem = "a statement that is not `id [attributes]`: " + statement[0].text;
        return c;
      }
      for (std::size_t a = k + 1; a + 2 < statement.size(); a += 4) {
        if (statement[a + 1].text != "=") {
          c.problem = "an attribute without a value in " + statement[0].text;
          return c;
        }
        c.attributes.insert(statement[a].text);
      }
    }
  }
  return c;
}

const std::set<std::string> attributes_orgraph_writes{"label", "shape",   "color",    "fontcolor", "penwidth",
                                                      "style", "rankdir", "fontname", "fontsize"};

std::string chart_of(const model& m) {
  std::ostringstream out;
  write_dot(out, m, parse_date("2020-01-01"));
  return out.str();
}

TEST(DotInjection, NamesStayInsideTheirQuotes) {
  const model m = parse_json(hostile_json, "hostile.json");
  const std::string dot = chart_of(m);
  const chart c = read_chart(dot);
  ASSERT_EQ(c.problem, "") << dot;
  EXPECT_EQ(c.node_statements, drawn_nodes) << dot;
  EXPECT_EQ(c.nodes.size(), drawn_nodes) << "two ids came out as one node:\n" << dot;
  EXPECT_EQ(c.edge_statements, 7u) << dot; // four memberships, two line managers, one reports_to
  for (const auto& a : c.attributes)
    EXPECT_EQ(attributes_orgraph_writes.count(a), 1u) << "an attribute orgraph does not write: " << a << "\n" << dot;
  EXPECT_EQ(c.nodes.count("evil"), 0u);
  // How they read: keywords quoted, backslashes doubled, controls visible, GraphViz escapes inert.
  for (const char* written : {"\"node\" [label=\"Board\\\\\\\\\", shape=box]", "\"edge\"->\"node\"",
                              "\"graph\" [label=\"\\\\\\\\N \\\\\\\\G \\\\\\\\L\"",
                              "label=\"two\\\\x0alines\\\\x0d\\\\x1b[31m \\\\u202eevil\\\\\\\\\\\\x0a\""})
    EXPECT_NE(dot.find(written), std::string::npos) << written << " missing from\n" << dot;
  for (const char* raw : {"\x1b", "\r", "\xE2\x80\xAE"})
    EXPECT_EQ(dot.find(raw), std::string::npos) << dot;
}

TEST(DotInjection, GraphvizDrawsNoInjectedNodeOrLink) {
  if (std::system("dot -V > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "GraphViz (dot) is not installed: the DOT text is still checked by NamesStayInsideTheirQuotes";
  scratch_dir dir("dot-injection");
  struct attack {
    const char* json;
    std::size_t nodes, edges;
  };
  for (const attack& a : {attack{classic_json, 2, 1}, attack{hostile_json, drawn_nodes, 7}}) {
    const model m = parse_json(a.json, "hostile.json");
    put_file(dir / "chart.dot", chart_of(m));
    const run_result r = run_program("/bin/sh", {"-c", "dot -Tsvg '" + (dir / "chart.dot").string() + "'"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.find("href"), std::string::npos) << "a link in the SVG:\n" << r.out;
    std::size_t nodes = 0, edges = 0;
    for (std::size_t at = 0; (at = r.out.find("class=\"node\"", at)) != std::string::npos; ++at)
      ++nodes;
    for (std::size_t at = 0; (at = r.out.find("class=\"edge\"", at)) != std::string::npos; ++at)
      ++edges;
    EXPECT_EQ(nodes, a.nodes) << r.out;
    EXPECT_EQ(edges, a.edges) << r.out;
    EXPECT_EQ(r.out.find("<title>evil"), std::string::npos) << r.out;
    EXPECT_EQ(r.err, "") << "GraphViz complained:\n" << r.err;
#if defined(ORGRAPH_CLI)
    // The CLI writes the same chart.
    put_file(dir / "hostile.json", a.json);
    const run_result cli = run_cli({"dot", (dir / "hostile.json").string(), "--on", "2020-01-01"});
    ASSERT_EQ(cli.code, 0) << cli.err;
    EXPECT_EQ(cli.out, chart_of(m));
#endif
  }
}

} // namespace
