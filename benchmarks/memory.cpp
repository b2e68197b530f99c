// orgraph_bench_memory DIR FORMAT: query 8, the memory a loaded model takes, as one JSON object.
// FORMAT is the file loaded: archive, json or csv. Run each in a fresh process.
//
// For the load: the model's own count (model::memory_bytes()), the heap bytes in use it added (glibc's
// mallinfo2: the allocator's count, so it excludes what the allocator holds free), the growth of the
// resident set (what every tool of the comparison is measured by, /proc/self/statm) and of the peak
// resident set while loading (ru_maxrss, which includes the transient buffers the loader frees again).
// For the archive, then: the same for the snapshot's line-management part alone (the tree), for every
// part (prepare()), and the exact size of the baseline arrays.

#include <orgraph/io/archive.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/query/org_chart.hpp>

#include "common.hpp"

#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

namespace {

std::size_t heap_in_use() {
  const struct mallinfo2 mi = mallinfo2();
  return mi.uordblks + mi.hblkhd;
}

std::size_t peak_rss() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<std::size_t>(ru.ru_maxrss) * 1024;
}

std::size_t rss() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

/// Heap, resident and peak resident figures around one step.
struct probe {
  std::size_t heap = heap_in_use(), resident = rss(), peak = peak_rss();
};

} // namespace

int main(int argc, char** argv) {
  if (argc != 3 ||
      (std::strcmp(argv[2], "archive") != 0 && std::strcmp(argv[2], "json") != 0 && std::strcmp(argv[2], "csv") != 0)) {
    std::cerr << "usage: orgraph_bench_memory DIR archive|json|csv\n";
    return 2;
  }
  const orgraph_bench::files f{argv[1]};
  const std::string format = argv[2];
  const auto s = orgraph_bench::read_sample(f);
  malloc_trim(0);
  const probe before;
  const orgraph::model m = format == "archive" ? orgraph::load_archive(f.archive())
                           : format == "json"  ? orgraph::load_json(f.json())
                                               : orgraph::load_csv(f.csv());
  const probe loaded;
  std::cout << "{\"persons\": " << s.persons << ", \"format\": \"" << format << "\", \"nodes\": " << m.node_count()
            << ", \"relations\": " << m.relation_count() << ", \"memory_bytes\": " << m.memory_bytes()
            << ", \"model_heap\": " << loaded.heap - before.heap
            << ", \"model_rss\": " << loaded.resident - before.resident
            << ", \"load_peak_rss\": " << loaded.peak - before.resident;
  if (format == "archive") {
    malloc_trim(0); // what loading freed goes back, so that what the snapshot takes shows as growth
    const probe start;
    const orgraph::org_chart chart(m,
                                   orgraph_bench::query_date()); // the line-management part (and the holders it reads)
    const probe tree;
    chart.prepare();
    const probe all;
    const auto base = orgraph_bench::make_baseline(chart);
    std::cout << ", \"tree_heap\": " << tree.heap - start.heap << ", \"tree_rss\": " << tree.resident - start.resident
              << ", \"snapshot_heap\": " << all.heap - start.heap
              << ", \"snapshot_rss\": " << all.resident - start.resident << ", \"baseline_bytes\": " << base.bytes()
              << ", \"baseline_line_bytes\": " << base.line_bytes();
  }
  std::cout << "}\n";
}
