// Round trips between every format: JSON, each archive kind, and CSV into a model, for a small model,
// for models read from CSV and for a generated model of 10,000 persons.

#include <orgraph/io/archive.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/generate.hpp>
#include <orgraph/orgraph.hpp>

#include "sample_model.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

using namespace orgraph;
namespace fs = std::filesystem;

namespace {
const archive_kind all_kinds[] = {archive_kind::binary, archive_kind::text, archive_kind::xml};

void expect_round_trips(const model& m) {
  EXPECT_EQ(parse_json(to_json(m)), m) << "json";
  for (archive_kind k : all_kinds)
    EXPECT_EQ(from_archive(to_archive(m, k)), m) << to_string(k);
}

std::size_t count(const model& m, node_kind k) {
  return static_cast<std::size_t>(
      std::count_if(m.vertices().begin(), m.vertices().end(), [&](vertex v) { return m[v].kind == k; }));
}
} // namespace

TEST(RoundTrip, SampleModelThroughJsonAndEveryArchiveKind) { expect_round_trips(test::sample_model()); }

TEST(RoundTrip, ModelReadFromCsvThroughJsonAndEveryArchiveKind) {
  const model m = parse_csv("person_id,name,manager_id,discipline,organization_id,post,start_date,end_date\n"
                            "a,\"A, the first\",,x;y,t1,Boss,2010,\n"
                            "b,B,a,x,t1,,2011-02,2012-03-04\n");
  expect_round_trips(m);
}

TEST(RoundTrip, EmptyModel) { expect_round_trips(model{}); }

TEST(RoundTrip, GeneratedModelOfTenThousandPersonsThroughJson) {
  const model m = generate({10000, 3});
  EXPECT_EQ(parse_json(to_json(m)), m);
}

TEST(RoundTrip, OrganogramThroughEveryArchiveKind) {
  const fs::path file = fs::path(ORGRAPH_SHARED_DATA) / "orgs" / "organogram_mod_2016-03-31_senior.csv";
  if (!fs::exists(file))
    GTEST_SKIP() << "the shared organogram data is absent (" << file << ")";
  const model m = load_csv(file, csv_mapping::organogram());
  for (archive_kind k : all_kinds)
    EXPECT_EQ(from_archive(to_archive(m, k)), m) << to_string(k);
}

// ---- the generator's shape ----

TEST(Generate, GivesExactlyThePersonsAskedForAndIsDeterministic) {
  const model a = generate({2500, 11});
  EXPECT_EQ(count(a, node_kind::person), 2500u);
  EXPECT_EQ(a, generate({2500, 11}));
  EXPECT_NE(a, generate({2500, 12}));
  // Pinned: a change to the generator's sequence (or a platform difference) shows here.
  EXPECT_EQ(std::string(a[a.at("p1")].name), generate({2500, 11})[a.at("p1")].name);
}

TEST(Generate, ManagementTreeHasSpansOfThreeToTwelveAndDepthGrowsWithSize) {
  const auto shape = [](std::size_t persons) {
    const model m = generate({persons, 5});
    const auto& g = m.graph();
    std::map<vertex, std::size_t> span;
    std::vector<vertex> boss(m.node_count(), no_vertex);
    std::size_t temporary = 0, ended = 0;
    for (auto [it, end] = edges(g); it != end; ++it) {
      const relation_view r = g[*it];
      if (r.type != relation_type::manages)
        continue;
      if (r.arrangement != arrangement::substantive)
        ++temporary;
      else if (r.when.end())
        ++ended;
      else {
        ++span[source(*it, g)];
        EXPECT_EQ(boss[target(*it, g)], no_vertex) << "two current substantive managers";
        boss[target(*it, g)] = source(*it, g);
      }
    }
    std::size_t small = 0;
    for (const auto& [manager, n] : span) {
      EXPECT_LE(n, 12u);
      small += n < 3;
    }
    EXPECT_LE(small, 1u) << "only the last manager filled may have fewer than three";
    std::size_t depth = 0;
    for (vertex v : m.vertices()) {
      std::size_t d = 0;
      for (vertex a = v; boss[a] != no_vertex; a = boss[a])
        ++d;
      depth = std::max(depth, d);
    }
    EXPECT_GT(temporary, persons / 50);
    EXPECT_GT(ended, persons / 10);
    return depth;
  };
  const std::size_t small = shape(200), large = shape(20000);
  EXPECT_GE(small, 2u);
  EXPECT_GT(large, small);
}

TEST(Generate, HasBodiesAreasPostsMembershipsAndDecisions) {
  const model m = generate({10000, 1});
  std::map<std::string, std::size_t> classes;
  for (vertex v : m.vertices())
    ++classes[std::string(m[v].classification)];
  EXPECT_EQ(classes["council"], 1u);
  EXPECT_GE(classes["directorate"], 3u);
  EXPECT_GE(classes["team"], 100u);
  EXPECT_EQ(classes["board"], 2u);       // 10,000 / 5,000
  EXPECT_EQ(classes["partnership"], 2u); // at least two
  EXPECT_EQ(classes["district"], 5u);    // 10,000 / 2,000
  EXPECT_EQ(classes["quadrant"], 4u);
  EXPECT_GT(count(m, node_kind::post), 500u);
  EXPECT_EQ(m.decisions().size(), 2u * 2 + 2u * 3);
}

// A generated model is sound: validate() finds no error in it on any date of its ten years or after,
// and only the warnings docs/persistence.md ("Generated models") says it makes on purpose.
TEST(Generate, ValidateFindsNoErrorsOnlyTheWarningsMadeOnPurpose) {
  for (std::uint64_t seed : {1u, 2u}) {
    const model m = generate({6000, seed});
    for (const date on : {date::from_ymd(2015, 1, 1), date::from_ymd(2017, 6, 30), date::from_ymd(2020, 1, 1),
                          date::from_ymd(2024, 12, 31), date::from_ymd(2030, 1, 1)}) {
      const auto report = validate(m, on);
      for (const auto& e : report.errors)
        ADD_FAILURE() << "seed " << seed << " on " << on.to_string() << ": " << e.code << ": " << e.message;
      std::size_t outside = 0;
      for (const auto& w : report.warnings) {
        EXPECT_TRUE(w.code == "outside_discipline" || w.code == "no_manager" || w.code == "no_chair") << w.message;
        outside += w.code == "outside_discipline";
      }
      // Managers share their unit's discipline with three in four members: far fewer than half differ.
      EXPECT_LT(outside, 6000u * 35 / 100) << on.to_string();
      if (on >= date::from_ymd(2020, 1, 1)) { // every line-management relation has begun
        EXPECT_FALSE(report.has("no_manager")) << on.to_string();
      }
    }
  }
}
