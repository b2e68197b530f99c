#pragma once
// Running a family of comparisons over many random (model, date) pairs, tallying mismatches by query,
// and shrinking the smallest failing case of each query to a minimal one that still fails.
//
// Environment:
//   ORGRAPH_DIFF_SEED=<n>    base seed (default 20240601); each model's seed is mixed from it and its number
//   ORGRAPH_DIFF_MODELS=<n>  how many models (default 250; 40 for histories), each asked about 4 dates
//   ORGRAPH_DIFF_MODEL=<n>   only model number n (to reproduce a reported case)
//   ORGRAPH_DIFF_WITHOUT=lifetimes,succession
//                            generate no lifetimes, or no renamings, or neither: the disagreements that remain
//                            are not caused by that time rule
//   ORGRAPH_DIFF_SHOW=<n>    also print the first n mismatches of every query as they are found

#include "../common/random_model.hpp"
#include "answers.hpp"
#include "show.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace differential {

using orgraph::test::model_spec;

struct mismatch {
  std::string query;
  std::string text;
};

/// Compares the library's and the reference's answers about one model on one date; keeps the
/// mismatches. With `only`, every other query is skipped (shrinking asks about one query).
class checker {
public:
  checker(const model& m, date on, std::string only = {})
      : library_{m, on}, reference_{m, on}, on_(on), only_(std::move(only)), show_{m} {}

  [[nodiscard]] bool wants(std::string_view query) const { return only_.empty() || query == only_; }
  /// Shrinking asks one query about every pair, so that the sample cannot lose the failing one.
  [[nodiscard]] std::size_t pair_limit(std::size_t sampled) const { return only_.empty() ? sampled : SIZE_MAX; }
  [[nodiscard]] const shower& show() const { return show_; }
  [[nodiscard]] const library_answers& library() const { return library_; }
  [[nodiscard]] const reference_answers& reference() const { return reference_; }
  [[nodiscard]] std::size_t comparisons() const { return comparisons_; }
  [[nodiscard]] const std::vector<mismatch>& mismatches() const { return mismatches_; }
  /// Per query: how many answers were compared, and how many of the reference's were not empty.
  [[nodiscard]] const std::map<std::string, std::pair<std::size_t, std::size_t>>& answers() const { return answers_; }

  /// Ask both sides the same question (a function of library_answers or reference_answers, whose
  /// methods share their names) and compare the answers with ==; `args` names what was asked about.
  template <class Question> void ask(std::string_view query, const std::string& args, Question&& question) {
    if (!wants(query))
      return;
    using answer = decltype(question(library_));
    std::optional<answer> lib;
    std::string threw;
    try {
      lib = question(library_);
    } catch (const std::exception& e) {
      threw = e.what();
    }
    compare(query, args, lib, question(reference_), threw);
  }

  /// Compare two answers already worked out.
  template <class Answer>
  void same(std::string_view query, const std::string& args, const Answer& lib, const Answer& ref) {
    if (wants(query))
      compare(query, args, std::optional<Answer>(lib), ref, {});
  }

  /// Count a comparison made by hand, and whether the reference's answer was not empty.
  void counted(std::string_view query, bool non_empty) {
    ++comparisons_;
    auto& tally = answers_[std::string(query)];
    ++tally.first;
    if (non_empty)
      ++tally.second;
  }

  void fail(std::string_view query, const std::string& args, const std::string& library, const std::string& reference) {
    mismatches_.push_back({std::string(query), std::string(query) + "(" + args + ") on " + on_.to_string() +
                                                   "\n      library:   " + library +
                                                   "\n      reference: " + reference});
  }

private:
  template <class Answer>
  void compare(std::string_view query, const std::string& args, const std::optional<Answer>& lib, const Answer& ref,
               const std::string& threw) {
    counted(query, !(ref == Answer{}));
    if (!lib || !(*lib == ref))
      fail(query, args, lib ? show_(*lib) : "threw: " + threw, show_(ref));
  }

  library_answers library_;
  reference_answers reference_;
  date on_;
  std::string only_;
  shower show_;
  std::size_t comparisons_ = 0;
  std::vector<mismatch> mismatches_;
  std::map<std::string, std::pair<std::size_t, std::size_t>> answers_;
};

/// One family of comparisons: every query of one concern, for every node it applies to.
using family = void (*)(const model&, date, checker&);

inline std::uint64_t env_number(const char* name, std::uint64_t fallback) {
  const char* text = std::getenv(name);
  return text != nullptr && *text != '\0' ? std::strtoull(text, nullptr, 10) : fallback;
}

/// Every pair of a × b.
inline std::vector<std::pair<vertex, vertex>> all_pairs(const std::vector<vertex>& a, const std::vector<vertex>& b) {
  std::vector<std::pair<vertex, vertex>> out;
  for (vertex x : a)
    for (vertex y : b)
      out.emplace_back(x, y);
  return out;
}

/// Pairs of a × b: all of them when there are at most `limit`, else `limit` drawn with a seed made
/// from the model and the date, so that the same case asks the same questions again.
inline std::vector<std::pair<vertex, vertex>> some_pairs(const std::vector<vertex>& a, const std::vector<vertex>& b,
                                                         std::size_t limit, const model& m, date on) {
  std::vector<std::pair<vertex, vertex>> out;
  if (a.empty() || b.empty())
    return out;
  if (a.size() * b.size() <= limit)
    return all_pairs(a, b);
  orgraph::test::random_source rng(orgraph::test::mix_seed(static_cast<std::uint64_t>(on.days_since_epoch()),
                                                           m.node_count() * 7919 + m.relation_count()));
  for (std::size_t i = 0; i < limit; ++i)
    out.emplace_back(rng.pick(a), rng.pick(b));
  return out;
}

inline std::vector<vertex> nodes_of(const model& m, std::initializer_list<orgraph::node_kind> kinds) {
  std::vector<vertex> out;
  for (vertex v = 0; v < m.node_count(); ++v)
    for (auto k : kinds)
      if (m[v].kind == k)
        out.push_back(v);
  return out;
}

/// Whether the spec still shows a mismatch of `query` on `on`.
inline bool still_fails(const model_spec& spec, date on, family run, const std::string& query) {
  std::optional<model> m;
  try {
    m.emplace(spec.build());
  } catch (const std::exception&) {
    return false;
  }
  checker c(*m, on, query);
  run(*m, on, c);
  return !c.mismatches().empty();
}

/// Take out of the spec whatever the mismatch does not need, one part at a time, until nothing more
/// can go (or the time is up): decisions, relations, unreferenced nodes, then optional fields.
inline model_spec shrink(model_spec spec, date on, family run, const std::string& query) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  const auto keep_if_fails = [&](const model_spec& candidate) {
    if (std::chrono::steady_clock::now() > deadline || !still_fails(candidate, on, run, query))
      return false;
    spec = candidate;
    return true;
  };
  for (bool progress = true; progress && std::chrono::steady_clock::now() < deadline;) {
    progress = false;
    for (std::size_t i = spec.decisions.size(); i-- > 0;)
      progress |= keep_if_fails(spec.without_decision(i));
    for (std::size_t i = spec.relations.size(); i-- > 0;) {
      model_spec c = spec;
      c.relations.erase(c.relations.begin() + static_cast<std::ptrdiff_t>(i));
      progress |= keep_if_fails(c);
    }
    for (std::size_t v = spec.nodes.size(); v-- > 0;)
      if (!spec.referenced(v))
        progress |= keep_if_fails(spec.without_node(v));
    for (std::size_t v = 0; v < spec.nodes.size(); ++v) {
      const auto simpler = [&](auto change) {
        model_spec c = spec;
        change(c.nodes[v]);
        if (!(c.nodes[v] == spec.nodes[v]))
          progress |= keep_if_fails(c);
      };
      simpler([](orgraph::node& n) { n.parent = orgraph::no_vertex; });
      simpler([](orgraph::node& n) { n.lifetime = {}; });
      simpler([](orgraph::node& n) { n.disciplines.clear(); });
      simpler([](orgraph::node& n) { n.area = orgraph::no_vertex; });
    }
    for (std::size_t i = 0; i < spec.relations.size(); ++i) {
      const auto simpler = [&](auto change) {
        model_spec c = spec;
        change(c.relations[i].rel);
        if (c.relations[i].rel != spec.relations[i].rel)
          progress |= keep_if_fails(c);
      };
      simpler([](orgraph::relation& r) { r.when = {}; });
      simpler([](orgraph::relation& r) { r.arrangement = orgraph::arrangement::substantive; });
      simpler([](orgraph::relation& r) { r.role.clear(); });
      simpler([](orgraph::relation& r) { r.on_behalf_of = orgraph::no_vertex; });
      simpler([](orgraph::relation& r) { r.organization = orgraph::no_vertex; });
      simpler([](orgraph::relation& r) { r.status.clear(); });
      simpler([](orgraph::relation& r) { r.id.clear(); });
      simpler([](orgraph::relation& r) { r.area = orgraph::no_vertex; });
      simpler([](orgraph::relation& r) { r.term = orgraph::no_term; });
    }
    for (std::size_t i = 0; i < spec.decisions.size(); ++i) {
      model_spec c = spec;
      c.decisions[i].follows = orgraph::no_decision;
      if (c.decisions[i] != spec.decisions[i])
        progress |= keep_if_fails(c);
    }
  }
  return spec;
}

/// The smallest failing case of a query, and how many (model, date) pairs failed it.
struct query_tally {
  std::size_t failed_pairs = 0;
  std::optional<model_spec> spec;
  date on;
  std::size_t model_number = 0;
};

/// Run a family over the random models and report: one failure per query that disagrees, with the
/// number of pairs that disagreed and a shrunk example (model, date, both answers). A family whose
/// every pair costs much (a history asks every day of a period) may ask fewer models by default.
inline void run_family(const char* name, family run, std::size_t default_models = 250) {
  const auto started = std::chrono::steady_clock::now();
  const std::uint64_t base = env_number("ORGRAPH_DIFF_SEED", 20240601);
  const std::size_t models = env_number("ORGRAPH_DIFF_MODELS", default_models);
  const std::uint64_t only_model = env_number("ORGRAPH_DIFF_MODEL", UINT64_MAX);
  const std::size_t show_first = env_number("ORGRAPH_DIFF_SHOW", 0);
  orgraph::test::generator_options options;
  const char* without = std::getenv("ORGRAPH_DIFF_WITHOUT");
  const std::string_view off = without != nullptr ? without : "";
  options.lifetimes = off.find("lifetimes") == std::string_view::npos;
  options.succession = off.find("succession") == std::string_view::npos;
  constexpr std::size_t dates_per_model = 4;

  std::map<std::string, query_tally> tally;
  std::map<std::string, std::size_t> shown;
  std::map<std::string, std::pair<std::size_t, std::size_t>> answers;
  std::size_t pairs = 0, comparisons = 0;
  for (std::size_t i = 0; i < models; ++i) {
    if (only_model != UINT64_MAX && i != only_model)
      continue;
    const std::uint64_t seed = orgraph::test::mix_seed(base, i);
    const model_spec spec = orgraph::test::random_model_spec(seed, options);
    const model m = spec.build();
    for (date on : orgraph::test::interesting_dates(spec, seed + 1, dates_per_model)) {
      checker c(m, on);
      run(m, on, c);
      ++pairs;
      comparisons += c.comparisons();
      for (const auto& [query, n] : c.answers()) {
        answers[query].first += n.first;
        answers[query].second += n.second;
      }
      std::set<std::string> failed;
      for (const auto& x : c.mismatches()) {
        failed.insert(x.query);
        if (shown[x.query]++ < show_first)
          std::cout << "[" << name << "] model " << i << ":\n" << show_spec(spec) << "    " << x.text << '\n';
      }
      for (const auto& q : failed) {
        auto& t = tally[q];
        ++t.failed_pairs;
        if (!t.spec || spec.size() < t.spec->size()) {
          t.spec = spec;
          t.on = on;
          t.model_number = i;
        }
      }
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "[" << name << "] seed " << base << ": " << pairs << " (model, date) pairs, " << comparisons
            << " comparisons, " << tally.size() << " queries disagree, " << seconds << " s\n";
  for (const auto& [query, n] : answers)
    std::cout << "  " << query << ": " << n.first << " answers compared, " << n.second << " not empty, "
              << (tally.count(query) != 0 ? tally[query].failed_pairs : 0) << " pairs disagree\n";
  for (const auto& [query, t] : tally) {
    const model_spec small = shrink(*t.spec, t.on, run, query);
    const model m = small.build();
    checker c(m, t.on, query);
    run(m, t.on, c);
    ADD_FAILURE() << query << ": the library disagrees with the reference on " << t.failed_pairs << " of " << pairs
                  << " (model, date) pairs.\n  Smallest case: ORGRAPH_DIFF_SEED=" << base
                  << " ORGRAPH_DIFF_MODEL=" << t.model_number << ", on " << t.on.to_string() << "; shrunk to:\n"
                  << show_spec(small) << "    "
                  << (c.mismatches().empty() ? "(shrunk case passes?)" : c.mismatches().front().text);
  }
}

} // namespace differential
