#!/usr/bin/env bash
# CI job: build the benchmarks (Release, in their own build folder) and run every one of them once on
# a generated model of 1,000 persons, so that they never rot. A smoke test, not a measurement: the
# times it prints mean nothing on a shared runner. The full comparison is benchmarks/compare/run.py,
# run by hand (docs/performance.md); the compared tools (Python, node) are never needed here.
#   ORGRAPH_BENCH_BUILD_DIR   build folder (default build/bench-smoke)
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
build=${ORGRAPH_BENCH_BUILD_DIR:-build/bench-smoke}
jobs=$(nproc 2>/dev/null || echo 2)

cmake --preset release -B "$build" -DORGRAPH_BUILD_BENCHMARKS=ON -DORGRAPH_BUILD_EXAMPLES=OFF -DORGRAPH_BUILD_CLI=OFF
cmake --build "$build" -j "$jobs" --target orgraph_bench orgraph_bench_data orgraph_bench_memory orgraph_bench_hostile
echo "CI: bench-smoke build took $(($(date +%s) - start)) s"

data="$build/bench-smoke-data"
rm -rf "$data"
"$build/benchmarks/orgraph_bench_data" 1000 42 "$data"
# orgraph_bench first checks that the snapshot, the model and the baseline agree; it fails if not.
"$build/benchmarks/orgraph_bench" --data="$data" --check-only
"$build/benchmarks/orgraph_bench" --data="$data" --benchmark_min_time=0.001 --benchmark_repetitions=1
for format in archive json csv; do
  "$build/benchmarks/orgraph_bench_memory" "$data" "$format"
done
"$build/benchmarks/orgraph_bench_hostile" --max=10000 --benchmark_min_time=0.001 --benchmark_repetitions=1
echo "CI: bench-smoke job took $(($(date +%s) - start)) s"
