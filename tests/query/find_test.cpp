// search_text() and find_nodes(): case and accents ignored, exact matches told from partial ones.

#include <orgraph/query/find.hpp>

#include <gtest/gtest.h>

#include <vector>

using namespace orgraph;

TEST(SearchText, FoldsCaseAndLatinAccents) {
  EXPECT_EQ(search_text("Zoë O\u2019Brien"), "zoe o'brien");
  EXPECT_EQ(search_text("ÆSIR Straße Łódź ĲSSEL Œuvre"), "aesir strasse lodz ijssel oeuvre");
  EXPECT_EQ(search_text("Ångström ÿ Ÿ ſ"), "angstrom y y s");
  EXPECT_EQ(search_text("Jose\xCC\x81"), "jose");           // a combining acute accent, as decomposed text has
  EXPECT_EQ(search_text("a\u2013b\u00A0c"), "a-b c");       // an en dash, a no-break space
  EXPECT_EQ(search_text("2 × 3 ÷ 1"), "2 × 3 ÷ 1");         // signs are not letters
  EXPECT_EQ(search_text("Ωμέγα"), "Ωμέγα");                 // other scripts are kept as they are
  EXPECT_EQ(search_text("bad \xFF byte"), "bad \xFF byte"); // so is a byte that is not UTF-8
}

TEST(FindNodes, MatchesAPieceOfTheIdOrTheName) {
  model m;
  const vertex harper = m.add_person("HIP001/holder", "Prof David Harper");
  const vertex muller = m.add_person("p-2", "Jürgen Müller");
  const vertex board = m.add_organization("harper-board", "The Board");
  const vertex area = m.add_area("north", "North");
  EXPECT_EQ(find_nodes(m, "harper"), (std::vector<node_match>{{harper, false}, {board, false}}));
  EXPECT_EQ(find_nodes(m, "MULLER"), (std::vector<node_match>{{muller, false}}));
  EXPECT_EQ(find_nodes(m, "hip001/HOLDER"), (std::vector<node_match>{{harper, true}}));
  EXPECT_EQ(find_nodes(m, "prof david harper"), (std::vector<node_match>{{harper, true}}));
  EXPECT_EQ(find_nodes(m, "harper", {{node_kind::organization}}), (std::vector<node_match>{{board, false}}));
  EXPECT_EQ(find_nodes(m, "", {{node_kind::area}}), (std::vector<node_match>{{area, false}}));
  EXPECT_TRUE(find_nodes(m, "nobody").empty());
}
