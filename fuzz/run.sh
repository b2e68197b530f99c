#!/usr/bin/env bash
# fuzz/run.sh SECONDS [TARGET...]: build the libFuzzer targets (fuzz preset, clang) and run each for
# SECONDS, then print a table of seconds, executions and corpus size per target (also written to
# BUILD/fuzz-summary.md, the rows docs/reliability.md records).
#
# The committed seeds in fuzz/corpus/<target>/ are copied into BUILD/corpus/<target>/ together with
# archive payloads generated from the examples; the fuzzers grow that working copy, never the
# repository. A crash, leak, sanitizer report or failed property leaves its input in
# BUILD/artifacts/<target>/ and makes the script exit 1 after every target has run.
#
#   ORGRAPH_FUZZ_BUILD_DIR  build folder (default build/fuzz)
#   ORGRAPH_FUZZ_JOBS       parallel compile jobs (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
all_targets=(json_fuzzer csv_fuzzer archive_binary_fuzzer archive_text_fuzzer archive_xml_fuzzer date_fuzzer)
targets=("$@")
((${#targets[@]})) || targets=("${all_targets[@]}")
build=${ORGRAPH_FUZZ_BUILD_DIR:-build/fuzz}
jobs=${ORGRAPH_FUZZ_JOBS:-2}

# Inputs larger than these are not tried: each is several times the largest seed of its kind, and
# the loaders' cost grows with size, so longer inputs only slow the search down.
max_len() {
  case "$1" in
    json_fuzzer | archive_xml_fuzzer) echo 65536 ;;
    csv_fuzzer | archive_binary_fuzzer | archive_text_fuzzer) echo 16384 ;;
    date_fuzzer) echo 64 ;;
  esac
}

start=$(date +%s)
cmake --preset fuzz -B "$build" >/dev/null
cmake --build "$build" -j "$jobs" --target "${targets[@]}" make_archive_seeds
echo "fuzz: build took $(($(date +%s) - start)) s"

seeds="$build/generated-seeds"
rm -rf "$seeds"
"$build/fuzz/make_archive_seeds" "$seeds" examples/essex_2009/essex_2009.json

summary="$build/fuzz-summary.md"
{
  echo "| target | seconds | executions | executions/s | corpus files | result |"
  echo "|---|---:|---:|---:|---:|---|"
} >"$summary"
failed=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  artifacts="$build/artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  cp -f fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
  cp -f "$seeds/$t"/* "$corpus"/ 2>/dev/null || true
  dict=()
  [ "$t" = json_fuzzer ] && dict=(-dict=fuzz/json.dict)
  log="$build/$t.log"
  echo "fuzz: running $t for $seconds s (max_len $(max_len "$t"))"
  t0=$(date +%s)
  set +e
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/fuzz/$t" "$corpus" "${dict[@]}" -max_total_time="$seconds" -max_len="$(max_len "$t")" \
    -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=30 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >"$log" 2>&1
  rc=$?
  set -e
  took=$(($(date +%s) - t0))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  files=$(find "$corpus" -type f | wc -l)
  result=ok
  if [ "$rc" -ne 0 ]; then
    result="FINDING (exit $rc, see $log and $artifacts)"
    failed=1
    grep -E "ERROR: |orgraph fuzz finding|runtime error|SUMMARY|Test unit written" "$log" | head -20 >&2 || true
  fi
  echo "| $t | $took | ${execs:-?} | ${rate:-?} | $files | $result |" >>"$summary"
done

echo
cat "$summary"
echo "fuzz: took $(($(date +%s) - start)) s in all"
exit "$failed"
