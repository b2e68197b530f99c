#include <orgraph/io/generate.hpp>
#include <orgraph/orgraph.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace orgraph;

namespace {
std::vector<vertex> bodies(const model& m, date on) { return active_bodies(m, on); }
} // namespace

TEST(InfluenceNetwork, AnswersAsTheModelQueriesDo) {
  generate_options options;
  options.persons = 400;
  const model m = generate(options);
  const date on = date::from_ymd(options.first_year + 4, 3, 1);
  const influence_network net(m, on);
  const auto targets = bodies(m, on);
  ASSERT_FALSE(targets.empty());
  int pairs_with_paths = 0;
  for (vertex from = 0; from < m.node_count(); from += 37) {
    if (m[from].kind != node_kind::person)
      continue;
    const vertex to = targets[from % targets.size()];
    const auto paths = influence_paths(net, from, to, 1);
    EXPECT_EQ(paths, influence_paths(m, from, to, on));
    EXPECT_EQ(independent_channels(net, from, to).count(), independent_channels(m, from, to, on).count());
    EXPECT_EQ(single_points_of_failure(net, from, to), single_points_of_failure(m, from, to, on));
    if (!paths.empty())
      ++pairs_with_paths;
  }
  EXPECT_GT(pairs_with_paths, 0) << "the sample should reach some bodies";
}

TEST(InfluenceNetwork, OnePassShortestPathIsTheFirstOfYensOrder) {
  // The k = 1 search by hops is a breadth-first pass; Yen's algorithm (k > 1) orders equal paths by
  // their vertices. The first of Yen's paths must be the one-pass answer.
  generate_options options;
  options.persons = 300;
  options.seed = 7;
  const model m = generate(options);
  const date on = date::from_ymd(options.first_year + 6, 9, 1);
  const influence_network net(m, on);
  const auto targets = bodies(m, on);
  int compared = 0;
  for (vertex from = 0; from < m.node_count(); from += 23) {
    if (m[from].kind != node_kind::person)
      continue;
    const vertex to = targets[(from / 23) % targets.size()];
    const auto one = influence_paths(net, from, to, 1);
    const auto two = influence_paths(net, from, to, 2);
    ASSERT_EQ(one.empty(), two.empty());
    if (one.empty())
      continue;
    EXPECT_EQ(one.front().vertices, two.front().vertices) << m[from].id << " -> " << m[to].id;
    ++compared;
  }
  EXPECT_GT(compared, 0);
}

TEST(InfluenceNetwork, MovesWithoutLosingItsGraph) {
  const model m = load_json(std::string(ORGRAPH_SOURCE_DIR) + "/examples/west_essex_2011/proposal.json");
  const date meeting = date::from_ymd(2011, 4, 14);
  influence_network a(m, meeting);
  const std::size_t steps = a.step_count();
  ASSERT_GT(steps, 0u);
  influence_network b(std::move(a));
  EXPECT_EQ(b.step_count(), steps);
  // Worked out in examples/west_essex_2011/README.md: two channels from Harlow to the Essex board.
  EXPECT_EQ(independent_channels(b, m.at("dcp-harlow"), m.at("essex-ctb")).count(), 2u);
}
