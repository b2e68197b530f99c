// write_dot(): the lines of the DOT text for a small chart, written out by hand.

#include <orgraph/analysis/influence.hpp>
#include <orgraph/io/dot.hpp>
#include <orgraph/model/model.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <string>

using orgraph::relation;
using orgraph::relation_type;

namespace {

const orgraph::date today = orgraph::parse_date("2011-05-01");

// Board t; body a reports to t; p chairs a and is line-managed by mgr; w sits on t for the council.
struct chart {
  orgraph::model m;
  orgraph::vertex council = m.add_organization("council", "County Council", "council");
  orgraph::vertex t = m.add_organization("t", "Board", "board");
  orgraph::vertex a = m.add_organization("a-dcp", "Partnership", "district partnership");
  orgraph::vertex p = m.add_person("p", "Pat");
  orgraph::vertex mgr = m.add_person("mgr", "Manager");
  orgraph::vertex w = m.add_person("w", "Wendy");
  orgraph::vertex gone = m.add_person("gone", "Left in 2010");

  chart() {
    relation chair{relation_type::member_of};
    chair.role = "chair";
    m.add_relation(p, a, chair);
    m.add_relation(a, t, relation{relation_type::reports_to});
    m.add_relation(mgr, p, relation{relation_type::manages});
    relation rep{relation_type::member_of};
    rep.role = "rep";
    rep.on_behalf_of = council;
    m.add_relation(w, t, rep);
    relation old{relation_type::member_of, orgraph::period{std::nullopt, orgraph::parse_partial_date("2010-12-31")}};
    m.add_relation(gone, t, old);
  }

  std::string dot(const orgraph::dot_options& o = {}) const {
    std::ostringstream out;
    orgraph::write_dot(out, m, today, o);
    return out.str();
  }
};

bool has(const std::string& text, const std::string& line) { return text.find(line + ";\n") != std::string::npos; }

} // namespace

TEST(WriteDot, OrgChartOfPersonsAndBodies) {
  const chart c;
  const auto text = c.dot();
  EXPECT_EQ(text.rfind("digraph G {\n", 0), 0U) << text;
  EXPECT_TRUE(has(text, "t [label=Board, shape=box]")) << text;
  EXPECT_TRUE(has(text, "\"a-dcp\" [label=Partnership, shape=box]")) << text;
  EXPECT_TRUE(has(text, "p [label=Pat, shape=ellipse]")) << text;
  EXPECT_TRUE(has(text, "p->\"a-dcp\" [label=chair, color=gray40]")) << text;
  EXPECT_TRUE(has(text, "\"a-dcp\"->t [label=reports_to, style=bold]")) << text;
  EXPECT_TRUE(has(text, "mgr->p [label=manages, color=blue]")) << text;
  EXPECT_TRUE(has(text, "w->t [label=rep, color=gray40]")) << text;
  EXPECT_EQ(text.find("gone"), std::string::npos) << "no relation on the date, so not drawn";
  EXPECT_NE(text.find("label=\"as on 2011-05-01\""), std::string::npos);
}

TEST(WriteDot, FocusDrawsOnlyTheNeighbourhood) {
  const chart c;
  orgraph::dot_options o;
  o.focus = c.a;
  const auto text = c.dot(o);
  EXPECT_TRUE(has(text, "p->\"a-dcp\" [label=chair, color=gray40]")) << text;
  EXPECT_TRUE(has(text, "\"a-dcp\"->t [label=reports_to, style=bold]")) << text;
  EXPECT_EQ(text.find("mgr"), std::string::npos) << text; // two edges away
  EXPECT_EQ(text.find("w [label"), std::string::npos) << text;
  o.radius = 2;
  EXPECT_TRUE(has(c.dot(o), "mgr->p [label=manages, color=blue]"));
}

TEST(WriteDot, InfluencePathsInTheHighlightColour) {
  const chart c;
  orgraph::dot_options o;
  o.highlight = orgraph::influence_paths(c.m, c.p, c.t, today); // p → a-dcp → t
  o.highlight_colour = "orange";
  auto text = c.dot(o);
  EXPECT_TRUE(has(text, "p [label=Pat, shape=ellipse, color=orange, penwidth=2]")) << text;
  EXPECT_TRUE(has(text, "p->\"a-dcp\" [label=chair, color=orange, fontcolor=orange, penwidth=2]")) << text;
  EXPECT_TRUE(has(text, "\"a-dcp\"->t [label=reports_to, style=bold, color=orange, fontcolor=orange, penwidth=2]"))
      << text;
  EXPECT_TRUE(has(text, "mgr->p [label=manages, color=blue]")) << text;

  // A step with no chart edge under it is drawn as an edge of its own.
  o.highlight = orgraph::influence_paths(c.m, c.council, c.t, today); // council → w → t
  text = c.dot(o);
  EXPECT_TRUE(
      has(text, "council->w [label=\"represented_by:rep\", style=dashed, color=orange, fontcolor=orange, penwidth=2]"))
      << text;
}
