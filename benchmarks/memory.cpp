// orgraph_bench_memory DIR: query 8, the memory a loaded model takes, as one JSON object.
//
// Heap bytes in use (glibc's mallinfo2: the allocator's own count, so it excludes what the
// allocator holds free) after each step, and the process's peak resident size (ru_maxrss), which
// includes transient buffers the loader frees again. Measured in a fresh process for each run.

#include "common.hpp"

#include <orgraph/io/archive.hpp>
#include <orgraph/query/org_chart.hpp>

#include <malloc.h>
#include <sys/resource.h>

#include <iostream>

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

} // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: orgraph_bench_memory DIR\n";
    return 2;
  }
  const orgraph_bench::files f{argv[1]};
  const auto s = orgraph_bench::read_sample(f);
  const std::size_t heap0 = heap_in_use(), rss0 = peak_rss();
  const orgraph::model m = orgraph::load_archive(f.archive());
  const std::size_t heap1 = heap_in_use(), rss1 = peak_rss();
  const orgraph::org_chart chart(m, orgraph_bench::query_date());
  const std::size_t heap2 = heap_in_use();
  const auto base = orgraph_bench::make_baseline(m, orgraph_bench::query_date());
  std::cout << "{\"persons\": " << s.persons << ", \"nodes\": " << m.node_count()
            << ", \"relations\": " << m.relation_count() << ", \"model_heap\": " << heap1 - heap0
            << ", \"model_peak_rss\": " << rss1 - rss0 << ", \"chart_heap\": " << heap2 - heap1
            << ", \"baseline_bytes\": " << base.bytes() << ", \"baseline_line_bytes\": "
            << base.parent.capacity() * 4 + base.reports.bytes() << "}\n";
}
