#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, ASan and UBSan in their
# own tree and runs each for SECONDS on a copy of its seed corpus
# (fuzz/corpus/<target>). Fails on any crash, sanitizer report, input slower
# than 2 s (libFuzzer's -timeout) or single allocation over 50 MB. Prints, per
# target: executions, coverage, corpus size, the slowest input's time and
# the peak RSS, for docs/benchmarks.md.
#
#   scripts/fuzz.sh [SECONDS] [BUILD_DIR]      (default 20 s, build-fuzz)
set -euo pipefail
seconds=${1:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$root/build-fuzz}
targets=(http_request json_body html search_terms mail mail_import webhooks widget promises shift_csv
  consistency)

command -v clang++ >/dev/null || { echo "fuzz: clang++ is missing (scripts/setup.sh)"; exit 1; }
mkdir -p "$build"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLUISTER_FUZZ=ON -DLUISTER_BUILD_TESTS=OFF "${launcher[@]}" >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log"; exit 1; }
cmake --build "$build" -j 2 --target "${targets[@]/#/fuzz_}" >"$build/build.log" 2>&1 ||
  { tail -50 "$build/build.log"; exit 1; }

failed=0
printf '%-14s %10s %8s %8s %12s %10s\n' target execs cov corpus slowest_ms peak_rss_mb
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  mkdir -p "$corpus" "$build/artifacts/$t"
  cp -n "$root/fuzz/corpus/$t/"* "$corpus/" 2>/dev/null || true
  log="$build/$t.log"
  if ! "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 \
      -malloc_limit_mb=50 -report_slow_units=1 -print_final_stats=1 \
      -artifact_prefix="$build/artifacts/$t/" "$corpus" >"$log" 2>&1; then
    failed=1
    echo "fuzz: $t failed; the input is in $build/artifacts/$t/:"
    grep -m 20 -E "ERROR|SUMMARY|Test unit written|timeout" "$log" || tail -20 "$log"
  fi
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  rss=$(grep -oE 'stat::peak_rss_mb: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  units=$(find "$corpus" -type f | wc -l)
  # Every input of the final corpus once more, timed one by one (under ASan,
  # so slower than a release build): the slowest in milliseconds.
  slow=$(find "$corpus" -type f -print0 | xargs -0 -n 500 "$build/fuzz/fuzz_$t" 2>&1 |
    grep -oE 'in [0-9]+ ms' | grep -oE '[0-9]+' | sort -n | tail -1 || true)
  printf '%-14s %10s %8s %8s %12s %10s\n' "$t" "$execs" "$cov" "$units" "${slow:-0}" "$rss"
done
exit $failed
