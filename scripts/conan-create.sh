#!/bin/sh
# Create the orgraph Conan package with dependencies from the system (conan/debian12), then build
# and run test_package. Further arguments go to `conan create`, e.g.
#   scripts/conan-create.sh -o 'orgraph/*:shared=True'
set -eu
cd "$(dirname "$0")/.."
exec conan create . -pr:a conan/debian12 "$@"
