#!/usr/bin/env bash
# The test command: installs dependencies, builds, runs every test suite,
# then builds and runs the whole suite again under AddressSanitizer + UBSan
# (CMake preset "asan", build-asan/). Tests that need ../shared/corpus skip
# with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
bash scripts/test-asan.sh
