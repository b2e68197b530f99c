#!/usr/bin/env bash
# CI job: build everything (library, tool, tests, examples) with clang and every warning an error (the
# clang preset), then run the suite but for the packaging tests, which the README's command runs with
# gcc. Installs clang if missing. orgraph must build without a warning under gcc and clang both.
#   ORGRAPH_CLANG_BUILD_DIR   build folder (default build/clang)
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)

if ! dpkg-query -W -f='${Status}' clang 2>/dev/null | grep -q 'install ok installed'; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends clang
fi

build=${ORGRAPH_CLANG_BUILD_DIR:-build/clang}
jobs=$(nproc 2>/dev/null || echo 2)
cmake --preset clang -B "$build"
cmake --build "$build" -j "$jobs"
echo "CI: clang build took $(($(date +%s) - start)) s"
status=0
ctest --test-dir "$build" -j "$jobs" --output-on-failure --label-exclude packaging || status=$?
echo "CI: clang job took $(($(date +%s) - start)) s"
exit "$status"
