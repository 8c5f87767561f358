#!/usr/bin/env bash
# The whole ctest suite under AddressSanitizer + UBSan (preset "asan"). Any
# sanitizer report fails the test process that triggered it, which fails
# ctest: UBSan halts on the first error (the build also passes
# -fno-sanitize-recover=undefined), ASan always does, and LeakSanitizer
# checks at exit. The options reach the child processes the tests start
# (cnbudget, its workers) through the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
# Leaks inside third-party libraries only (each with its reason in the file).
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp:print_suppressions=0}"
LAUNCHER=()
if command -v ccache >/dev/null 2>&1; then
  # Paths relative to the checkout, so that a clone elsewhere hits the cache.
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1  # see build.sh
  LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake --preset asan "${LAUNCHER[@]}"
cmake --build build-asan -j"$(nproc)"
ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
