#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into build-fuzz/ and
# runs one of them for SECONDS on one core, seeded from fuzz/corpus/TARGET
# and fuzz/regressions/TARGET. The growing corpus goes to
# build-fuzz/corpus/TARGET and crashing inputs to build-fuzz/artifacts/TARGET/
# (both untracked); the run's output is tee'd to build-fuzz/logs/.
#
#   scripts/fuzz.sh pdf 1200               # 20 minutes of fuzz_pdf
#   scripts/fuzz.sh docx 600 more/seeds    # extra seed directories, read only
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -lt 2 ]]; then
  echo "usage: $0 docx|pdf|xlsx|normalize|mapper SECONDS [extra seed dirs...]" >&2
  exit 2
fi
target="$1" seconds="$2"
shift 2
# Largest generated input per target: enough for a small PDF or package, a
# long cell, a many-table layout; larger only slows each execution.
case "$target" in
  pdf | docx | xlsx) max_len=65536 ;;
  normalize) max_len=1024 ;;
  mapper) max_len=4096 ;;
  *) echo "unknown target: $target" >&2; exit 2 ;;
esac

build=build-fuzz
if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S . -B $build -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER="${CC:-clang-14}" -DCMAKE_CXX_COMPILER="${CXX:-clang++-14}" \
    -DCNBUDGET_FUZZ=ON -DCNBUDGET_BUILD_TESTS=OFF
fi
cmake --build $build -j"$(nproc)" --target "fuzz_$target"

mkdir -p "$build/corpus/$target" "$build/artifacts/$target" "$build/logs"
log="$build/logs/$target-$(date -u +%Y%m%dT%H%M%SZ).log"
# Leaks are reported at exit by LeakSanitizer; -timeout catches hangs.
"$build/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len="$max_len" \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$build/artifacts/$target/" \
  "$build/corpus/$target" "fuzz/corpus/$target" "fuzz/regressions/$target" "$@" 2>&1 | tee "$log"
