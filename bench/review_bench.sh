#!/usr/bin/env bash
# Time of `cnbudget review` split into its parts (conversion, page
# rasterizing, PNG encoding, HTML writing), best of RUNS runs, plus the
# whole process's wall and CPU time:
#
#   bench/review_bench.sh [FILE]   (default: the 25-page dev PDF when
#                                   ../shared is there, else fixtures/sample_final.pdf)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-build/cnbudget}"
RUNS="${RUNS:-3}"
# ../shared sits beside the main checkout; a git worktree finds it through
# the repository's common .git folder.
common=$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null || echo .git)
file="${1:-../shared/corpus/dev/c000_writer.pdf}"
[ -f "$file" ] || file="$(dirname "$common")/../shared/corpus/dev/c000_writer.pdf"
[ -f "$file" ] || file=fixtures/sample_final.pdf
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "file: $file ($(pdfinfo "$file" 2>/dev/null | awk '/^Pages:/{print $2}') pages)"
for _ in $(seq "$RUNS"); do
  rm -rf "$tmp/out"
  /usr/bin/time -o "$tmp/time" -f "process: %e s wall, %U s user, %S s system, %M KiB peak" \
    "$BIN" review "$file" -o "$tmp/out" --timings > "$tmp/log" 2>&1
  grep -h -E "^timings" "$tmp/log"
  cat "$tmp/time"
done
