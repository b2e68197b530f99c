// orgraph_bench_data PERSONS SEED DIR: generate a model and write it in every form the compared
// tools read, with the fixed random sample they all ask about.
//
//   model.json       save_json               orgraph, networkx and igraph (loading from JSON)
//   model.orgraph    save_archive (binary)   orgraph
//   persons.csv      person rows (docs/persistence.md): one row per manages relation, with dates
//   nodes.tsv        vertex, kind, id
//   line.tsv         manager, report: the effective line manager on the date (persons)
//   manages.tsv      from, to, first day, last day, temporary (0/1): every manages relation, dated
//   memberships.tsv  member, body, first day, last day: every member_of relation
//   holds.tsv        person, post, first day, last day, temporary: every holds relation
//   posts.tsv        post, body
//   influence.tsv    from, to: the influence graph on the date
//   sample.txt       the sample (see common.hpp)
// Days are days since 1970-01-01; an open start or end is written as the model holds it.

#include <orgraph/io/archive.hpp>
#include <orgraph/io/generate.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/query/org_chart.hpp>

#include "common.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

namespace {

using orgraph::vertex;

// A small seeded generator, so that the sample is the same on every platform.
struct rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
  }
};

/// `count` distinct elements of `pool`, chosen with a seeded partial Fisher-Yates shuffle.
std::vector<vertex> choose(std::vector<vertex> pool, std::size_t count, std::uint64_t seed) {
  rng r{seed};
  count = std::min(count, pool.size());
  for (std::size_t i = 0; i < count; ++i)
    std::swap(pool[i], pool[i + r.next() % (pool.size() - i)]);
  pool.resize(count);
  return pool;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos)
    return s;
  std::string out = "\"";
  for (char c : s)
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

std::string csv_date(const std::optional<orgraph::partial_date>& d) { return d ? d->to_string() : std::string(); }

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: orgraph_bench_data PERSONS SEED DIR\n";
    return 2;
  }
  const std::size_t persons = std::strtoull(argv[1], nullptr, 10);
  const std::uint64_t seed = std::strtoull(argv[2], nullptr, 10);
  const orgraph_bench::files f{argv[3]};
  std::filesystem::create_directories(f.dir);
  const orgraph::date on = orgraph_bench::query_date();

  auto t = std::chrono::steady_clock::now();
  const orgraph::model m = orgraph::generate({persons, seed});
  std::cerr << "generated " << m.node_count() << " nodes, " << m.relation_count() << " relations in "
            << seconds_since(t) << " s\n";
  t = std::chrono::steady_clock::now();
  orgraph::save_json(m, f.json());
  orgraph::save_archive(m, f.archive());
  std::cerr << "wrote JSON and archive in " << seconds_since(t) << " s\n";

  t = std::chrono::steady_clock::now();
  const auto& g = m.graph();
  const std::size_t n = m.node_count();
  {
    std::ofstream nodes(f.dir / "nodes.tsv"), manages(f.dir / "manages.tsv"), memberships(f.dir / "memberships.tsv"),
        holds(f.dir / "holds.tsv"), posts(f.dir / "posts.tsv"), csv(f.csv());
    csv << "person_id,name,manager_id,discipline,organization_id,post,start_date,end_date\n";
    for (vertex v = 0; v < n; ++v) {
      const auto& node = m[v];
      nodes << v << '\t' << orgraph::to_string(node.kind) << '\t' << node.id << '\n';
      if (node.kind == orgraph::node_kind::post)
        posts << v << '\t' << node.parent << '\n';
      if (node.kind != orgraph::node_kind::person)
        continue;
      std::string disciplines;
      for (std::string_view d : node.disciplines)
        disciplines += (disciplines.empty() ? "" : ";") + std::string(d);
      bool managed = false;
      for (auto [it, end] = in_edges(v, g); it != end; ++it) {
        const auto& r = g[*it];
        if (r.type != orgraph::relation_type::manages)
          continue;
        managed = true;
        csv << node.id << ',' << csv_field(std::string(node.name)) << ',' << m[source(*it, g)].id << ','
            << csv_field(disciplines) << ",,," << csv_date(r.when.start()) << ',' << csv_date(r.when.end()) << '\n';
      }
      if (!managed)
        csv << node.id << ',' << csv_field(std::string(node.name)) << ",," << csv_field(disciplines) << ",,,,\n";
    }
    for (auto [it, end] = edges(g); it != end; ++it) {
      const auto& r = g[*it];
      const auto from = source(*it, g), to = target(*it, g);
      const auto first = r.when.first_day().days_since_epoch(), last = r.when.last_day().days_since_epoch();
      const int temporary = orgraph::precedence(r.arrangement);
      if (r.type == orgraph::relation_type::manages)
        manages << from << '\t' << to << '\t' << first << '\t' << last << '\t' << temporary << '\n';
      else if (r.type == orgraph::relation_type::member_of)
        memberships << from << '\t' << to << '\t' << first << '\t' << last << '\n';
      else if (r.type == orgraph::relation_type::holds)
        holds << from << '\t' << to << '\t' << first << '\t' << last << '\t' << temporary << '\n';
    }
  }

  const orgraph::org_chart chart(m, on);
  chart.prepare();
  {
    std::ofstream line(f.dir / "line.tsv");
    for (vertex v = 0; v < n; ++v)
      if (m[v].kind == orgraph::node_kind::person && chart.manager_of(v) != orgraph::no_vertex)
        line << chart.manager_of(v) << '\t' << v << '\n';
    std::ofstream influence(f.dir / "influence.tsv");
    for (const auto& [a, b] : orgraph_bench::influence_steps(chart))
      influence << a << '\t' << b << '\n';
  }

  // The sample: persons for line management, bodies for members, team members for influence.
  std::vector<vertex> all_persons, leaves, bodies = orgraph::active_bodies(chart);
  std::size_t depth = 0;
  for (vertex v = 0; v < n; ++v)
    if (m[v].kind == orgraph::node_kind::person) {
      all_persons.push_back(v);
      depth = std::max(depth, chart.chain_length(v));
      if (orgraph::span_of_control(chart, v) == 0)
        leaves.push_back(v);
    }
  vertex mid = all_persons.front();
  for (vertex v : all_persons)
    if (chart.chain_length(v) == depth / 2 && orgraph::span_of_control(chart, v) > 0) {
      mid = v;
      break;
    }
  {
    std::ofstream s(f.sample());
    s << "persons " << persons << "\ntop " << m.at("p0") << "\nmid " << mid << "\ntarget " << m.at("council") << '\n';
    for (vertex v : choose(all_persons, 1000, seed + 1))
      s << "person " << v << '\n';
    for (vertex v : choose(bodies, 1000, seed + 2))
      s << "body " << v << '\n';
    for (vertex v : choose(leaves, 100, seed + 3))
      s << "member " << v << '\n';
  }
  std::cerr << "wrote the tables and the sample in " << seconds_since(t) << " s (deepest chain " << depth
            << ", mid-level manager " << m[mid].id << " at " << depth / 2 << " steps below the top, "
            << orgraph::all_reports(chart, mid).size() << " reports)\n";
}
