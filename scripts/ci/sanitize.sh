#!/usr/bin/env bash
# CI job: build everything with AddressSanitizer and UndefinedBehaviorSanitizer (the sanitize preset,
# halt_on_error) in its own build folder and run the whole CTest suite. Any finding fails a test.
#   ORGRAPH_SANITIZE_BUILD_DIR   build folder (default build/sanitize)
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
build=${ORGRAPH_SANITIZE_BUILD_DIR:-build/sanitize}
jobs=$(nproc 2>/dev/null || echo 2)

cmake --preset sanitize -B "$build"
cmake --build "$build" -j "$jobs"
echo "CI: sanitize build took $(($(date +%s) - start)) s"
# The test preset's environment, given here too so that a build folder other than the preset's works.
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
# The packaging tests rebuild orgraph to install and consume it: they test packaging, not memory
# safety, and the dev job runs them already.
ctest --test-dir "$build" --output-on-failure -j "$jobs" -LE packaging || status=$?
echo "CI: sanitize job took $(($(date +%s) - start)) s"
exit "$status"
