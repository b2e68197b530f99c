// The generic algorithms of <orgraph/graph.hpp> on graphs a user would have (adjacency_list with vecS
// vertices, directed and bidirectional, and compressed_sparse_row_graph), never an orgraph model:
// the header's own example worked by hand, then randomized comparisons with plain references that
// enumerate every simple path, try every vertex cut and walk parent arrays one step at a time.

#include <orgraph/graph.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace og = orgraph::graph;

using list_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using bidirectional_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using weighted_list_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                                  boost::property<boost::edge_weight_t, double>>;
using csr_graph = boost::compressed_sparse_row_graph<boost::directedS>;

using path = std::vector<std::size_t>;

// ---- a graph as plain data, and the graphs built from it --------------------------------------------

struct arc {
  std::size_t from, to;
  double weight; // a binary fraction, so that sums are exact and ties are real ties
};

struct spec {
  std::size_t n = 0;
  std::vector<arc> arcs; // no loops, no parallel arcs
};

spec random_spec(std::mt19937& rng, std::size_t max_n) {
  spec g;
  g.n = std::uniform_int_distribution<std::size_t>(2, max_n)(rng);
  const double density = std::uniform_real_distribution<double>(0.15, 0.6)(rng);
  const double weights[] = {0.5, 0.75, 1.0, 1.5, 2.0};
  std::bernoulli_distribution add(density);
  std::uniform_int_distribution<int> pick(0, 4);
  for (std::size_t u = 0; u < g.n; ++u)
    for (std::size_t v = 0; v < g.n; ++v)
      if (u != v && add(rng))
        g.arcs.push_back({u, v, weights[pick(rng)]});
  std::shuffle(g.arcs.begin(), g.arcs.end(), rng); // the tie rule must not depend on the order of edges
  return g;
}

template <class Graph> Graph build(const spec& s) {
  Graph g(s.n);
  for (const arc& a : s.arcs)
    boost::add_edge(a.from, a.to, g);
  return g;
}

template <> weighted_list_graph build<weighted_list_graph>(const spec& s) {
  weighted_list_graph g(s.n);
  for (const arc& a : s.arcs)
    boost::add_edge(a.from, a.to, a.weight, g);
  return g;
}

template <> csr_graph build<csr_graph>(const spec& s) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const arc& a : s.arcs)
    pairs.emplace_back(a.from, a.to);
  return csr_graph(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(), s.n);
}

/// A CSR graph's weights, by its own edge index (its edges are stored sorted, not in the spec's order).
std::vector<double> csr_weights(const csr_graph& g, const spec& s) {
  std::map<std::pair<std::size_t, std::size_t>, double> by_arc;
  for (const arc& a : s.arcs)
    by_arc[{a.from, a.to}] = a.weight;
  std::vector<double> w(num_edges(g));
  for (auto [it, end] = edges(g); it != end; ++it)
    w[get(boost::edge_index, g, *it)] = by_arc.at({source(*it, g), target(*it, g)});
  return w;
}

template <class Vertex> path as_path(const std::vector<Vertex>& p) { return path(p.begin(), p.end()); }
template <class Vertex> std::vector<path> as_paths(const std::vector<std::vector<Vertex>>& ps) {
  std::vector<path> out;
  for (const auto& p : ps)
    out.push_back(as_path(p));
  return out;
}

std::string show(const std::vector<path>& ps) {
  std::string out;
  for (const auto& p : ps) {
    out += "{";
    for (std::size_t v : p)
      out += std::to_string(v) + " ";
    out += "} ";
  }
  return out;
}

std::string show(const spec& s) {
  std::string out = std::to_string(s.n) + " vertices:";
  for (const arc& a : s.arcs)
    out += " " + std::to_string(a.from) + "->" + std::to_string(a.to) + "(" + std::to_string(a.weight) + ")";
  return out;
}

// ---- the references ------------------------------------------------------------------------------

/// Every simple path from s to t, by depth-first enumeration.
std::vector<path> all_simple_paths(const spec& g, std::size_t s, std::size_t t) {
  std::vector<path> out;
  path current{s};
  std::vector<bool> on(g.n, false);
  on[s] = true;
  std::function<void(std::size_t)> walk = [&](std::size_t u) {
    for (const arc& a : g.arcs)
      if (a.from == u && !on[a.to]) {
        current.push_back(a.to);
        if (a.to == t) {
          out.push_back(current);
        } else {
          on[a.to] = true;
          walk(a.to);
          on[a.to] = false;
        }
        current.pop_back();
      }
  };
  if (s != t)
    walk(s);
  return out;
}

double weight_of(const spec& g, const path& p) {
  double total = 0;
  for (std::size_t i = 0; i + 1 < p.size(); ++i)
    for (const arc& a : g.arcs)
      if (a.from == p[i] && a.to == p[i + 1])
        total += a.weight;
  return total;
}

/// Every simple path, shortest first and, among equals, in the order of their vertices (the tie rule).
std::vector<path> ranked_paths(const spec& g, std::size_t s, std::size_t t, bool weighted) {
  auto paths = all_simple_paths(g, s, t);
  std::sort(paths.begin(), paths.end(), [&](const path& a, const path& b) {
    const double la = weighted ? weight_of(g, a) : static_cast<double>(a.size());
    const double lb = weighted ? weight_of(g, b) : static_cast<double>(b.size());
    return la != lb ? la < lb : a < b;
  });
  return paths;
}

bool reaches(const spec& g, std::size_t s, std::size_t t, const std::vector<bool>& removed) {
  std::vector<bool> seen(g.n, false);
  std::vector<std::size_t> stack{s};
  seen[s] = true;
  while (!stack.empty()) {
    const std::size_t u = stack.back();
    stack.pop_back();
    if (u == t)
      return true;
    for (const arc& a : g.arcs)
      if (a.from == u && !seen[a.to] && !removed[a.to]) {
        seen[a.to] = true;
        stack.push_back(a.to);
      }
  }
  return false;
}

/// The most internally vertex-disjoint s–t paths, by Menger's theorem: a direct arc is one path, and
/// the others are as many as the fewest vertices (other than s and t) whose removal cuts t off, found
/// by trying every set of vertices, smallest first.
std::size_t most_disjoint_paths(const spec& g, std::size_t s, std::size_t t) {
  spec rest{g.n, {}};
  bool direct = false;
  for (const arc& a : g.arcs) {
    if (a.from == s && a.to == t)
      direct = true;
    else
      rest.arcs.push_back(a);
  }
  std::vector<std::size_t> inner;
  for (std::size_t v = 0; v < g.n; ++v)
    if (v != s && v != t)
      inner.push_back(v);
  std::size_t best = inner.size();
  for (std::size_t mask = 0; mask < (std::size_t{1} << inner.size()); ++mask) {
    std::vector<bool> removed(g.n, false);
    std::size_t size = 0;
    for (std::size_t i = 0; i < inner.size(); ++i)
      if ((mask >> i) & 1u) {
        removed[inner[i]] = true;
        ++size;
      }
    if (size < best && !reaches(rest, s, t, removed))
      best = size;
  }
  return best + (direct ? 1 : 0);
}

/// The vertices other than s and t without which t cannot be reached, in the order of `along`.
std::vector<std::size_t> cut_vertices(const spec& g, std::size_t s, std::size_t t, const path& along) {
  std::vector<std::size_t> out;
  if (s == t || !reaches(g, s, t, std::vector<bool>(g.n, false)))
    return out;
  for (std::size_t v : along) {
    if (v == s || v == t)
      continue;
    std::vector<bool> removed(g.n, false);
    removed[v] = true;
    if (!reaches(g, s, t, removed))
      out.push_back(v);
  }
  return out;
}

/// Each path runs s to t over arcs of g, and no two share a vertex but s and t.
::testing::AssertionResult valid_disjoint(const spec& g, std::size_t s, std::size_t t, const std::vector<path>& ps) {
  std::set<std::size_t> used;
  for (const path& p : ps) {
    if (p.size() < 2 || p.front() != s || p.back() != t)
      return ::testing::AssertionFailure() << "not an s-t path: " << show({p});
    for (std::size_t i = 0; i + 1 < p.size(); ++i)
      if (std::none_of(g.arcs.begin(), g.arcs.end(), [&](const arc& a) { return a.from == p[i] && a.to == p[i + 1]; }))
        return ::testing::AssertionFailure() << "no arc " << p[i] << "->" << p[i + 1];
    for (std::size_t i = 1; i + 1 < p.size(); ++i)
      if (!used.insert(p[i]).second)
        return ::testing::AssertionFailure() << "vertex " << p[i] << " is on two paths";
  }
  return ::testing::AssertionSuccess();
}

// ---- the comparisons, for any graph type ---------------------------------------------------------

template <class Graph> void compare_by_hops(const spec& g, const Graph& graph, std::size_t s, std::size_t t) {
  const auto ranked = ranked_paths(g, s, t, false);
  SCOPED_TRACE(show(g) + ", from " + std::to_string(s) + " to " + std::to_string(t) + ", all: " + show(ranked));

  const path first = as_path(og::shortest_path(graph, s, t));
  const path expected_first = s == t ? path{s} : ranked.empty() ? path{} : ranked.front();
  EXPECT_EQ(first, expected_first);

  for (std::size_t k = 1; k <= ranked.size() + 1; ++k) {
    const auto found = as_paths(og::k_shortest_paths(graph, s, t, k));
    const std::vector<path> expected(ranked.begin(),
                                     ranked.begin() + static_cast<std::ptrdiff_t>(std::min(k, ranked.size())));
    ASSERT_EQ(found, expected) << "k = " << k;
  }

  const auto disjoint = as_paths(og::vertex_disjoint_paths(graph, s, t));
  EXPECT_TRUE(valid_disjoint(g, s, t, disjoint));
  EXPECT_EQ(disjoint.size(), s == t ? 0 : most_disjoint_paths(g, s, t)) << show(disjoint);

  const auto cut = og::separating_vertices(graph, s, t);
  EXPECT_EQ(path(cut.begin(), cut.end()), cut_vertices(g, s, t, first));
}

template <class Graph, class WeightMap>
void compare_by_weight(const spec& g, const Graph& graph, const WeightMap& weight, std::size_t s, std::size_t t) {
  const auto ranked = ranked_paths(g, s, t, true);
  SCOPED_TRACE(show(g) + ", from " + std::to_string(s) + " to " + std::to_string(t) + ", all: " + show(ranked));
  if (s != t) {
    EXPECT_EQ(as_path(og::shortest_path(graph, s, t, weight)), ranked.empty() ? path{} : ranked.front());
  }
  for (std::size_t k = 1; k <= ranked.size() + 1; ++k) {
    const auto found = as_paths(og::k_shortest_paths(graph, s, t, k, weight));
    const std::vector<path> expected(ranked.begin(),
                                     ranked.begin() + static_cast<std::ptrdiff_t>(std::min(k, ranked.size())));
    ASSERT_EQ(found, expected) << "k = " << k;
  }
}

/// 150 random graphs from `seed`, each given to `check` with three random (s, t) pairs; stops at the
/// first fatal failure. The pairs are drawn in order, one end after the other, so that every compiler
/// draws the same ones.
template <class Check> void on_random_graphs(unsigned seed, Check check) {
  std::mt19937 rng(seed);
  for (int round = 0; round < 150 && !::testing::Test::HasFatalFailure(); ++round) {
    const spec g = random_spec(rng, 7);
    std::uniform_int_distribution<std::size_t> vertex(0, g.n - 1);
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (int pair = 0; pair < 3; ++pair) {
      const std::size_t s = vertex(rng);
      pairs.emplace_back(s, vertex(rng));
    }
    check(g, pairs);
  }
}

template <class Graph> void compare_many_by_hops(unsigned seed) {
  on_random_graphs(seed, [](const spec& g, const auto& pairs) {
    const Graph graph = build<Graph>(g);
    for (const auto& [s, t] : pairs)
      compare_by_hops(g, graph, s, t);
  });
}

// ---- the header's example, worked by hand ----------------------------------------------------------

TEST(GraphAlgorithms, TheHeadersExampleOnAnAdjacencyList) {
  list_graph g(4);
  boost::add_edge(0, 1, g);
  boost::add_edge(1, 3, g);
  boost::add_edge(0, 2, g);
  boost::add_edge(2, 3, g);
  EXPECT_EQ(as_paths(og::vertex_disjoint_paths(g, 0, 3)), (std::vector<path>{{0, 1, 3}, {0, 2, 3}}));
  EXPECT_TRUE(og::separating_vertices(g, 0, 3).empty());
  EXPECT_EQ(as_paths(og::k_shortest_paths(g, 0, 3, 2)), (std::vector<path>{{0, 1, 3}, {0, 2, 3}}));
  // Both paths have two hops: the tie rule takes 0, 1, 3 first, whatever the order of the edges.
  EXPECT_EQ(as_path(og::shortest_path(g, 0, 3)), (path{0, 1, 3}));
  list_graph reversed(4);
  boost::add_edge(0, 2, reversed);
  boost::add_edge(2, 3, reversed);
  boost::add_edge(0, 1, reversed);
  boost::add_edge(1, 3, reversed);
  EXPECT_EQ(as_path(og::shortest_path(reversed, 0, 3)), (path{0, 1, 3}));
  // Cut 2 → 3: every path now passes through 1, which becomes a single point of failure.
  list_graph one_way(4);
  boost::add_edge(0, 1, one_way);
  boost::add_edge(1, 3, one_way);
  boost::add_edge(0, 2, one_way);
  boost::add_edge(2, 1, one_way);
  EXPECT_EQ(og::separating_vertices(one_way, 0, 3), (std::vector<std::size_t>{1}));
  EXPECT_EQ(og::vertex_disjoint_paths(one_way, 0, 3).size(), 1u);
  EXPECT_TRUE(og::k_shortest_paths(one_way, 3, 0, 5).empty()); // 0 cannot be reached from 3
}

// ---- randomized, against the references ------------------------------------------------------------

TEST(GraphAlgorithms, AgreeWithThePlainReferencesOnAdjacencyLists) { compare_many_by_hops<list_graph>(11); }

TEST(GraphAlgorithms, AgreeWithThePlainReferencesOnBidirectionalAdjacencyLists) {
  compare_many_by_hops<bidirectional_graph>(12);
}

TEST(GraphAlgorithms, AgreeWithThePlainReferencesOnCompressedSparseRowGraphs) { compare_many_by_hops<csr_graph>(13); }

TEST(GraphAlgorithms, WeightedPathsAgreeWithThePlainReferenceOnAdjacencyLists) {
  on_random_graphs(14, [](const spec& g, const auto& pairs) {
    const weighted_list_graph graph = build<weighted_list_graph>(g);
    for (const auto& [s, t] : pairs)
      compare_by_weight(g, graph, get(boost::edge_weight, graph), s, t);
  });
}

TEST(GraphAlgorithms, WeightedPathsAgreeWithThePlainReferenceOnCompressedSparseRowGraphs) {
  on_random_graphs(15, [](const spec& g, const auto& pairs) {
    const csr_graph graph = build<csr_graph>(g);
    const std::vector<double> w = csr_weights(graph, g);
    const auto weight = boost::make_iterator_property_map(w.begin(), get(boost::edge_index, graph));
    for (const auto& [s, t] : pairs)
      compare_by_weight(g, graph, weight, s, t);
  });
}

// ---- tree walks over parent maps, against one step at a time ---------------------------------------

constexpr std::size_t none = static_cast<std::size_t>(-1);

/// x's line: x, then its parents one by one, stopping before any repeat.
std::vector<std::size_t> line_of(const std::vector<std::size_t>& parent, std::size_t x) {
  std::vector<std::size_t> out{x};
  for (std::size_t v = parent[x]; v != none && std::find(out.begin(), out.end(), v) == out.end(); v = parent[v])
    out.push_back(v);
  return out;
}

TEST(GraphAlgorithms, TreeWalksAgreeWithStepByStepWalksOnForestsWithCycles) {
  std::mt19937 rng(16);
  for (int round = 0; round < 300; ++round) {
    const std::size_t n = std::uniform_int_distribution<std::size_t>(1, 12)(rng);
    std::vector<std::size_t> parent(n);
    std::uniform_int_distribution<std::size_t> pick(0, n); // n stands for "no parent"
    for (auto& p : parent) {
      p = pick(rng);
      if (p == n)
        p = none;
    }
    std::string trace = "parents:";
    for (std::size_t p : parent)
      trace += " " + (p == none ? std::string("-") : std::to_string(p));
    SCOPED_TRACE(trace);
    for (std::size_t a = 0; a < n; ++a) {
      const auto line_a = line_of(parent, a);
      EXPECT_EQ(og::path_to_root(parent.data(), a, none), std::vector<std::size_t>(line_a.begin() + 1, line_a.end()));
      for (std::size_t b = 0; b < n; ++b) {
        const auto line_b = line_of(parent, b);
        std::size_t expected = none;
        for (std::size_t v : line_b)
          if (std::find(line_a.begin(), line_a.end(), v) != line_a.end()) {
            expected = v;
            break;
          }
        EXPECT_EQ(og::lowest_common_ancestor(parent.data(), a, b, none), expected) << a << " and " << b;
      }
    }
    // levels_below over the edges parent → child, against distances by repeated relaxation.
    list_graph below(n);
    for (std::size_t v = 0; v < n; ++v)
      if (parent[v] != none && parent[v] != v)
        boost::add_edge(parent[v], v, below);
    for (std::size_t x = 0; x < n; ++x) {
      std::vector<std::size_t> depth(n, none);
      depth[x] = 0;
      for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t v = 0; v < n; ++v)
          if (parent[v] != none && parent[v] != v && depth[parent[v]] != none && depth[parent[v]] + 1 < depth[v]) {
            depth[v] = depth[parent[v]] + 1;
            changed = true;
          }
      }
      std::vector<std::vector<std::size_t>> expected;
      for (std::size_t v = 0; v < n; ++v)
        if (v != x && depth[v] != none) {
          if (expected.size() < depth[v])
            expected.resize(depth[v]);
          expected[depth[v] - 1].push_back(v);
        }
      auto levels = og::levels_below(below, x);
      for (auto& level : levels)
        std::sort(level.begin(), level.end());
      EXPECT_EQ(levels, expected) << "below " << x;
    }
  }
}

} // namespace
