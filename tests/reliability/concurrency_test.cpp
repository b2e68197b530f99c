// The threading rule (docs/reliability.md): const queries on one model may run from many threads at
// once; edits need exclusive access. Eight threads ask every query of a table, each in its own order,
// of one shared model while the main thread checks each answer against the one computed alone first.
// The tsan job (scripts/ci/tsan.sh) runs this under ThreadSanitizer.

#include <orgraph/io/generate.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/orgraph.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

using namespace orgraph;

namespace {

// Answers as text, so that queries of every kind go through one queue and one comparison.
std::string id_or(const model& m, vertex v) { return v == no_vertex ? "-" : std::string(m[v].id); }

std::string render(const model& m, const std::optional<manager_answer>& a) {
  if (!a)
    return "none";
  std::ostringstream o;
  o << (a->manager ? m[*a->manager].id : "vacant") << '/' << id_or(m, a->post) << '/' << to_string(a->arrangement)
    << '/' << to_string(a->relation) << '/' << a->ambiguous;
  for (vertex p : a->vacant_posts)
    o << ' ' << m[p].id;
  return o.str();
}

std::string render(const model& m, const std::vector<manager_answer>& chain) {
  std::string s;
  for (const auto& a : chain)
    s += render(m, std::optional<manager_answer>(a)) + "; ";
  return s;
}

std::string render(const model& m, const std::vector<membership>& seats) {
  std::ostringstream o;
  for (const auto& s : seats)
    o << (s.person ? m[*s.person].id : "vacant") << '/' << id_or(m, s.post) << '/' << s.role << '/'
      << id_or(m, s.on_behalf_of) << '/' << to_string(s.basis) << "; ";
  return o.str();
}

std::string render(const model& m, const std::vector<reporting_step>& line) {
  std::ostringstream o;
  for (const auto& s : line)
    o << m[s.body].id << '/' << to_string(s.via) << "; ";
  return o.str();
}

std::string render(const model& m, const std::vector<influence_path>& paths) {
  std::ostringstream o;
  for (const auto& p : paths) {
    o << p.length << ':';
    for (vertex v : p.vertices)
      o << ' ' << m[v].id;
    for (const auto& s : p.steps)
      o << ' ' << step_label(s);
    o << "; ";
  }
  return o.str();
}

std::string render(const validation_report& r) {
  std::ostringstream o;
  for (const auto* list : {&r.errors, &r.warnings})
    for (const auto& f : *list) {
      o << f.code << ':';
      for (const auto& id : f.ids)
        o << ' ' << id;
      o << " (" << f.message << "); ";
    }
  return o.str();
}

using query = std::function<std::string()>;

// Every query of the rule's list about `m` on `dates`: line_manager and management_chain for each
// person and post, members and reporting_line for each body, validate for each date, and
// influence_paths from up to `influence_sources` persons and bodies to every body. With `shared`
// (one snapshot per date, as long as the queries), every query asks those snapshots, so that the
// threads build their parts concurrently; without, each query makes its own snapshot.
std::vector<query> queries_about(const model& m, const std::vector<date>& dates, std::size_t influence_sources,
                                 const std::vector<snapshot>* shared = nullptr) {
  std::vector<query> out;
  std::vector<vertex> bodies, sources;
  for (vertex v : m.vertices()) {
    const node_kind k = m[v].kind;
    if (k == node_kind::organization)
      bodies.push_back(v);
    if ((k == node_kind::person || k == node_kind::organization) && sources.size() < influence_sources)
      sources.push_back(v);
  }
  for (std::size_t d = 0; d < dates.size(); ++d) {
    const date on = dates[d];
    const snapshot* snap = shared != nullptr ? &(*shared)[d] : nullptr;
    // The same question either of the shared snapshot or of a fresh one for the date.
    const auto ask = [&m, on, snap](auto&& question) {
      return [&m, on, snap, question] { return snap != nullptr ? question(*snap) : question(snapshot(m, on)); };
    };
    for (vertex v : m.vertices()) {
      const node_kind k = m[v].kind;
      if (k == node_kind::person || k == node_kind::post) {
        out.push_back(ask([&m, v](const snapshot& s) { return render(m, line_manager(s, v)); }));
        out.push_back(ask([&m, v](const snapshot& s) { return render(m, management_chain(s, v)); }));
      }
    }
    for (vertex b : bodies) {
      out.push_back(ask([&m, b](const snapshot& s) { return render(m, members(s, b)); }));
      out.push_back(ask([&m, b](const snapshot& s) { return render(m, reporting_line(s, b)); }));
    }
    for (vertex from : sources)
      for (vertex to : bodies)
        if (from != to)
          out.push_back(ask([&m, from, to](const snapshot& s) {
            influence_options o;
            o.k = 2;
            return render(m, influence_paths(s, from, to, o));
          }));
    out.push_back(ask([](const snapshot& s) { return render(validate(s)); }));
  }
  return out;
}

struct answer {
  std::size_t query;
  std::string text;
};

// Runs `queries` from `threads` threads at once, each `rounds` times in its own shuffled order;
// the calling thread compares every answer with `expected` as it arrives. Returns the mismatches.
std::vector<std::string> ask_concurrently(const std::vector<query>& queries, const std::vector<std::string>& expected,
                                          unsigned threads, unsigned rounds, std::size_t& checked) {
  std::mutex mutex;
  std::condition_variable ready;
  std::deque<answer> inbox;
  unsigned running = threads;
  std::atomic<bool> go{false};

  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      std::vector<std::size_t> order(queries.size());
      for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
      std::mt19937 shuffle(t + 1);
      while (!go.load())
        std::this_thread::yield(); // start together, so the threads overlap
      for (unsigned r = 0; r < rounds; ++r) {
        std::shuffle(order.begin(), order.end(), shuffle);
        for (std::size_t i : order) {
          std::string text = queries[i]();
          const std::lock_guard<std::mutex> lock(mutex);
          inbox.push_back({i, std::move(text)});
          ready.notify_one();
        }
      }
      const std::lock_guard<std::mutex> lock(mutex);
      --running;
      ready.notify_one();
    });
  go = true;

  std::vector<std::string> mismatches;
  checked = 0;
  std::unique_lock<std::mutex> lock(mutex);
  for (;;) {
    ready.wait(lock, [&] { return !inbox.empty() || running == 0; });
    if (inbox.empty())
      break;
    std::deque<answer> batch;
    batch.swap(inbox);
    lock.unlock(); // check outside the lock, while the workers go on
    for (const auto& a : batch) {
      ++checked;
      if (a.text != expected[a.query] && mismatches.size() < 10)
        mismatches.push_back("query " + std::to_string(a.query) + ": got '" + a.text + "', alone it was '" +
                             expected[a.query] + "'");
    }
    lock.lock();
  }
  lock.unlock();
  for (auto& w : workers)
    w.join();
  return mismatches;
}

void check_eight_threads(const model& m, const std::vector<date>& dates, std::size_t influence_sources, unsigned rounds,
                         bool shared_snapshots = false) {
  std::vector<std::string> expected;
  for (const auto& q : queries_about(m, dates, influence_sources)) // alone, each with a snapshot of its own
    expected.push_back(q());
  std::vector<snapshot> snapshots;
  for (date on : dates)
    snapshots.emplace_back(m, on); // nothing built yet: the threads race to build each part
  const auto queries = queries_about(m, dates, influence_sources, shared_snapshots ? &snapshots : nullptr);
  ASSERT_GT(queries.size(), 50u);
  const model copy = m;
  std::size_t checked = 0;
  const auto mismatches = ask_concurrently(queries, expected, 8, rounds, checked);
  EXPECT_TRUE(mismatches.empty()) << mismatches.size() << " answers differ, the first: " << mismatches.front();
  EXPECT_EQ(checked, queries.size() * 8 * rounds);
  EXPECT_EQ(m, copy) << "queries changed the model";
}

} // namespace

TEST(Concurrency, EightThreadsQueryTheEssexModelAndAgreeWithOneThread) {
  const model m = load_json(std::filesystem::path(ORGRAPH_SOURCE_DIR) / "examples" / "essex_2009" / "essex_2009.json");
  // Before, on and after the TASCC secondment, and when the 2011 review's changes were in force.
  const std::vector<date> dates{date::from_ymd(2009, 10, 26), date::from_ymd(2009, 11, 2), date::from_ymd(2011, 5, 1)};
  check_eight_threads(m, dates, 6, 1);
}

TEST(Concurrency, EightThreadsQueryAGeneratedModelAndAgreeWithOneThread) {
  generate_options options;
  options.persons = 150;
  options.seed = 8;
  const model m = generate(options);
  check_eight_threads(m, {date::from_ymd(2018, 6, 1)}, 2, 1);
}

TEST(Concurrency, EightThreadsShareOneSnapshotADateWhileItsPartsAreBuilt) {
  const model m = load_json(std::filesystem::path(ORGRAPH_SOURCE_DIR) / "examples" / "essex_2009" / "essex_2009.json");
  check_eight_threads(m, {date::from_ymd(2009, 11, 2), date::from_ymd(2010, 4, 1)}, 6, 1, true);
  generate_options options;
  options.persons = 150;
  options.seed = 9;
  check_eight_threads(generate(options), {date::from_ymd(2019, 3, 1)}, 2, 1, true);
}

TEST(Concurrency, TheCheckCatchesAWrongAnswer) {
  // The comparison is real: an answer that differs from the single-threaded one is reported.
  const std::vector<query> queries{[] { return std::string("a"); }, [] { return std::string("b"); }};
  std::size_t checked = 0;
  const auto mismatches = ask_concurrently(queries, {"a", "not b"}, 8, 2, checked);
  EXPECT_EQ(checked, 2u * 8 * 2);
  EXPECT_FALSE(mismatches.empty());
}
