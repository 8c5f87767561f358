#!/usr/bin/env bash
# Configures and builds into build/ (Release with debug info). Extra arguments
# go to cmake's configure step, e.g. -DCNBUDGET_SANITIZE=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
# ccache (installed by install-deps.sh) makes rebuilds of a fresh clone cheap on a
# machine that built the project before; without it the build is the same.
LAUNCHER=()
if command -v ccache >/dev/null 2>&1; then
  # Paths relative to the checkout, so that a clone elsewhere hits the cache.
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
  LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" "${LAUNCHER[@]}" "$@"
cmake --build "$BUILD_DIR" -j"$(nproc)"
