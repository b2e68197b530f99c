// orgraph's generic graph algorithms (<orgraph/graph.hpp>, docs/graph.md) on graphs of your own: a
// Boost adjacency_list and a parent array, no orgraph model. The graphs are small copies, made by
// hand, of what orgraph itself finds in the examples: the channels from the Harlow District
// Children's Partnership to the Essex Children's Trust Board before and after the West Essex review
// of 2011 (`orgraph influence examples/west_essex_2011/before.json --from dcp-harlow --to essex-ctb
// --on 2011-01-31`, and proposal.json on 2011-04-14), and part of the line management of Essex's
// provider services on 2009-12-01 (`orgraph reports examples/essex_2009/essex_2009.json
// head-provider-services --all --on 2009-12-01`).

#include <orgraph/graph.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

namespace {

using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// An edge u -> v: u can carry a concern to v (reports to it, is chaired by, sits on it, represents it).
enum : std::size_t { harlow, harlow_chair, business_group, west_chair, west_board, essex_board, count };
const std::vector<std::string> names{"Harlow partnership", "its chair",        "Business Management Group",
                                     "West Essex chair",   "West Essex board", "Essex board"};

std::string show(const std::vector<std::size_t>& vertices, const std::vector<std::string>& name,
                 const char* between = " -> ") {
  std::string out;
  for (std::size_t v : vertices)
    out += (out.empty() ? "" : between) + name[v];
  return out;
}

void channels(const char* title, const graph& g) {
  std::cout << title << '\n';
  std::cout << "  shortest paths, shortest first:\n";
  for (const auto& p : orgraph::graph::k_shortest_paths(g, harlow, essex_board, 3))
    std::cout << "    " << p.size() - 1 << " steps: " << show(p, names) << '\n';
  const auto independent = orgraph::graph::vertex_disjoint_paths(g, harlow, essex_board);
  std::cout << "  independent channels: " << independent.size() << '\n';
  for (const auto& p : independent)
    std::cout << "    " << show(p, names) << '\n';
  const auto cut = orgraph::graph::separating_vertices(g, harlow, essex_board);
  std::cout << "  single points of failure: " << (cut.empty() ? "none" : show(cut, names, ", ")) << '\n';
}

} // namespace

int main() {
  // January 2011: the partnership reports to the West Essex board, and its members sit on that board.
  graph before(count);
  boost::add_edge(harlow, west_board, before);
  boost::add_edge(harlow, harlow_chair, before);
  boost::add_edge(harlow_chair, west_board, before);
  boost::add_edge(west_board, essex_board, before);
  boost::add_edge(west_board, west_chair, before);
  boost::add_edge(west_chair, essex_board, before);
  channels("January 2011", before);

  // April 2011, as proposed: the partnership chairs and the board chair meet as a Business Management
  // Group, which the board chair represents on the Essex board: a second channel that avoids the board.
  graph after = before;
  boost::add_edge(harlow_chair, business_group, after);
  boost::add_edge(business_group, west_chair, after);
  channels("April 2011, as proposed", after);

  // Line management as a parent array: each person's manager, or `none` at the top.
  const std::size_t none = static_cast<std::size_t>(-1);
  const std::vector<std::string> staff{"Head of Provider Services",
                                       "Core Team Manager (Social Work)",
                                       "Core Team Manager (Educational Psychology)",
                                       "Practitioner A",
                                       "Practitioner B",
                                       "Practitioner F"};
  const std::vector<std::size_t> manager{none, 0, 0, 1, 2, 1};
  std::cout << "Line management, 2009-12-01\n";
  std::cout << "  above Practitioner A: "
            << show(orgraph::graph::path_to_root(manager.data(), std::size_t{3}, none), staff) << '\n';
  for (const auto& [a, b] : {std::pair<std::size_t, std::size_t>{3, 5}, {3, 4}})
    std::cout << "  lowest common manager of " << staff[a] << " and " << staff[b] << ": "
              << staff[orgraph::graph::lowest_common_ancestor(manager.data(), a, b, none)] << '\n';
  graph reports(staff.size()); // manager -> report
  for (std::size_t v = 0; v < staff.size(); ++v)
    if (manager[v] != none)
      boost::add_edge(manager[v], v, reports);
  std::size_t depth = 1;
  for (const auto& level : orgraph::graph::levels_below(reports, std::size_t{0}))
    std::cout << "  level " << depth++ << " below the head: " << show(level, staff, ", ") << '\n';
}
