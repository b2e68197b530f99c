#!/usr/bin/env bash
# Checks that C++ files are laid out as .clang-format says: with no arguments every C++ file git
# tracks, else the files given. Prints each file that differs and exits 1; --fix rewrites them.
#   scripts/check-format.sh                      check the tree
#   scripts/check-format.sh src/cli/*.cpp        check some files
#   scripts/check-format.sh --fix src/cli/*.cpp  format them
# Needs clang-format 14 or newer (Debian 12: apt-get install clang-format, or scripts/setup.sh format).
set -euo pipefail
cd "$(dirname "$0")/.."

fix=0
if [ "${1:-}" = "--fix" ]; then
  fix=1
  shift
fi
clang_format=${CLANG_FORMAT:-clang-format}
if ! command -v "$clang_format" >/dev/null 2>&1; then
  echo "check-format: $clang_format is not installed (apt-get install clang-format)" >&2
  exit 2
fi
version=$("$clang_format" --version | sed -n 's/.*version \([0-9]*\).*/\1/p')
if [ -z "$version" ] || [ "$version" -lt 14 ]; then
  echo "check-format: clang-format 14 or newer is needed, not $("$clang_format" --version)" >&2
  exit 2
fi

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.h' '*.cc')
fi

differ=0
for f in "${files[@]}"; do
  if [ "$fix" -eq 1 ]; then
    "$clang_format" -i "$f"
  elif ! "$clang_format" --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "check-format: $f is not formatted (scripts/check-format.sh --fix $f)"
    differ=1
  fi
done
if [ "$differ" -eq 1 ]; then
  exit 1
fi
echo "check-format: ${#files[@]} files formatted as .clang-format says"
