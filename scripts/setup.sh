#!/usr/bin/env bash
# Installs what orgraph needs on Debian 12, then builds and runs it.
#   scripts/setup.sh example   build (release), run the main example, and install the `orgraph` tool
#                              into /usr/local/bin (ORGRAPH_PREFIX=/other/prefix for another place)
#   scripts/setup.sh test      build (warnings as errors) and run the whole test suite
#   scripts/setup.sh format    check the C++ layout against .clang-format (scripts/check-format.sh)
# Safe to run again: it installs only what is missing and reuses the build folder.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: $0 example|test|format" >&2
  exit 2
}
# Say how to use it before installing anything.
[ $# -eq 1 ] || usage
case "$1" in
  example | test | format) ;;
  *) usage ;;
esac

packages=(
  g++ cmake ninja-build                                            # compiler and build
  libboost1.81-dev libboost-json1.81-dev libboost-serialization1.81-dev # Boost (Graph is header-only)
  librange-v3-dev                                                  # query results as ranges
  libcli11-dev                                                     # the orgraph tool's command line
  graphviz                                                         # the README's picture; the DOT-injection test renders SVG
)
case "$1" in
  test)
    packages+=(
      libgtest-dev libgmock-dev                                    # tests
      doxygen                                                      # the API reference test
      python3-networkx                                             # the test that networkx reads GraphML back
    )
    ;;
  format)
    packages+=(clang-format clang-tidy)                            # the layout and static checks
    ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if ((${#missing[@]})); then
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

jobs=$(nproc 2>/dev/null || echo 2)
case "$1" in
  example)
    cmake --preset release
    cmake --build --preset release -j "$jobs" --target essex_2009 orgraph_cli
    ./build/release/examples/essex_2009/essex_2009
    # The tool alone (not the library), where the README's `orgraph ...` lines find it.
    prefix=${ORGRAPH_PREFIX:-/usr/local}
    install_sudo=""
    if [ "$(id -u)" -ne 0 ] && ! { mkdir -p "$prefix/bin" 2>/dev/null && [ -w "$prefix/bin" ]; }; then
      install_sudo=sudo
    fi
    $install_sudo cmake --install build/release --component cli --prefix "$prefix"
    echo "orgraph is installed as $prefix/bin/orgraph: try 'orgraph help'"
    ;;
  test)
    cmake --preset dev
    cmake --build --preset dev -j "$jobs"
    ctest --preset dev -j "$jobs"
    ;;
  format)
    scripts/check-format.sh
    ;;
esac
