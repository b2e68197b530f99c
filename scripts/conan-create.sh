#!/bin/sh
# Create the orgraph Conan package with dependencies from the system (conan/debian12), then build
# and run test_package. Further arguments go to `conan create`, e.g.
#   scripts/conan-create.sh -o 'orgraph/*:shared=True'
set -eu
cd "$(dirname "$0")/.."
# conan/debian12 builds on the default profile; make one from this machine if there is none.
conan profile path default >/dev/null 2>&1 || conan profile detect
exec conan create . -pr:a conan/debian12 "$@"
