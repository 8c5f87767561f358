#!/usr/bin/env bash
# Whole-process comparison of `cnbudget extract` against `pdftotext -bbox-layout`
# (Poppler's own text extraction: the floor) on the same files, in one run.
# Prints wall time (best of N runs), peak RSS and the ratio for each file.
#
#   bench/pdf_vs_pdftotext.sh [FILE.pdf ...]     (default: a real 20+ page budget
#                                                  PDF and the 300-page dev PDF)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-build/cnbudget}"
RUNS="${RUNS:-3}"
SHARED="../shared/corpus"
if [ "$#" -eq 0 ]; then
  set -- "$SHARED/external/govbudgetchecker-shanghai-putuo/X/上海市普陀区人民政府办公室25年预算.pdf" \
         "$SHARED/dev/edge_300_pages.pdf"
fi
command -v pdftotext >/dev/null || { echo "pdftotext not found (apt-get install poppler-utils)"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# best_of CMD...: prints "seconds peak_kib" of the fastest of $RUNS runs.
best_of() {
  local best_t="" best_m=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>&1 || true
    read -r t m < "$tmp/time"
    if [ -z "$best_t" ] || awk "BEGIN{exit !($t < $best_t)}"; then best_t=$t; fi
    if [ -z "$best_m" ] || [ "$m" -gt "$best_m" ]; then best_m=$m; fi
  done
  echo "$best_t $best_m"
}

printf "%-40s %6s %9s %9s %7s %10s %10s\n" file pages cnbudget pdftotext ratio rss_cnb_MiB rss_ptt_MiB
for f in "$@"; do
  [ -f "$f" ] || { echo "missing: $f"; continue; }
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}')
  read -r tc mc < <(best_of "$BIN" extract "$f" -o "$tmp/out.json")
  read -r tp mp < <(best_of pdftotext -bbox-layout "$f" "$tmp/out.html")
  ratio=$(awk "BEGIN{printf \"%.2f\", ($tp > 0 ? $tc / $tp : 0)}")
  printf "%-40s %6s %8ss %8ss %6sx %10.1f %10.1f\n" "$(basename "$f" | cut -c1-40)" "$pages" \
    "$tc" "$tp" "$ratio" "$(awk "BEGIN{print $mc/1024}")" "$(awk "BEGIN{print $mp/1024}")"
done
