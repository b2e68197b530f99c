#!/usr/bin/env bash
# CI job: build the libFuzzer targets and run each for 60 seconds (fuzz/run.sh). Installs clang and
# its runtime if missing. Exit 1 if any target found anything; the inputs are in build/fuzz/artifacts/.
#   ORGRAPH_FUZZ_SECONDS   seconds per target (default 60)
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)

missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

status=0
fuzz/run.sh "${ORGRAPH_FUZZ_SECONDS:-60}" || status=$?
echo "CI: fuzz job took $(($(date +%s) - start)) s"
exit "$status"
