#!/usr/bin/env bash
# Installs what orgraph needs on Debian 12, then builds and runs it.
#   scripts/setup.sh example   build (release) and run the main example
#   scripts/setup.sh test      build (warnings as errors) and run the whole test suite
# Safe to run again: it installs only what is missing and reuses the build folder.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build                                            # compiler and build
  libboost1.81-dev libboost-json1.81-dev libboost-serialization1.81-dev # Boost (Graph is header-only)
  librange-v3-dev                                                  # query results as ranges
  libgtest-dev libgmock-dev                                        # tests
  doxygen                                                          # the API reference test
  graphviz                                                         # the DOT-injection test renders SVG
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc 2>/dev/null || echo 2)
case "${1:-}" in
  example)
    cmake --preset release
    cmake --build --preset release -j "$jobs" --target essex_2009
    ./build/release/examples/essex_2009/essex_2009
    ;;
  test)
    cmake --preset dev
    cmake --build --preset dev -j "$jobs"
    ctest --preset dev -j "$jobs"
    ;;
  *)
    echo "usage: $0 example|test" >&2
    exit 2
    ;;
esac
