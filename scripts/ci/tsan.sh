#!/usr/bin/env bash
# CI job: build only the reliability tests with ThreadSanitizer (the tsan preset) and run the
# concurrency test: eight threads querying one model. Any data race fails it.
#   ORGRAPH_TSAN_BUILD_DIR   build folder (default build/tsan)
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
build=${ORGRAPH_TSAN_BUILD_DIR:-build/tsan}
jobs=$(nproc 2>/dev/null || echo 2)

cmake --preset tsan -B "$build"
cmake --build "$build" -j "$jobs" --target reliability_test
echo "CI: tsan build took $(($(date +%s) - start)) s"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:exitcode=66"
run=("$build/tests/reliability_test" --gtest_filter='Concurrency.*')
status=0
# ThreadSanitizer's fixed memory layout fails on kernels with more address randomisation than it
# expects ("unexpected memory mapping"); running without randomisation avoids that.
if setarch "$(uname -m)" -R true 2>/dev/null; then
  setarch "$(uname -m)" -R "${run[@]}" || status=$?
else
  "${run[@]}" || status=$?
fi
echo "CI: tsan job took $(($(date +%s) - start)) s"
exit "$status"
