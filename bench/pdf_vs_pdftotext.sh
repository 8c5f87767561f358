#!/usr/bin/env bash
# Whole-process comparison of `cnbudget extract` against `pdftotext -bbox-layout`
# (Poppler's own text extraction: the floor) on the same files, in one run.
# Prints wall and CPU time (user + system; best of N runs), peak RSS and the
# ratios for each file. CPU is the figure to compare on a shared machine.
#
#   bench/pdf_vs_pdftotext.sh [FILE.pdf ...]     (default: a real 20+ page budget
#                                                  PDF and the 300-page dev PDF)
#   bench/pdf_vs_pdftotext.sh --real-cities      (the city-level reports of
#                                                  ../shared/corpus/external/real-cities)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-build/cnbudget}"
RUNS="${RUNS:-3}"
# Extra extract flags; "--timeout 0 --max-memory 0" converts in-process, without
# the isolation worker (whose start costs ~0.1 s of loading Poppler and Tesseract).
read -r -a CNB_FLAGS <<< "${CNB_FLAGS:-}"
SHARED="../shared/corpus"
if [ "${1:-}" = "--real-cities" ]; then
  set -- "$SHARED"/external/real-cities/*.pdf
elif [ "$#" -eq 0 ]; then
  set -- "$SHARED/external/govbudgetchecker-shanghai-putuo/X/上海市普陀区人民政府办公室25年预算.pdf" \
         "$SHARED/dev/edge_300_pages.pdf"
fi
command -v pdftotext >/dev/null || { echo "pdftotext not found (apt-get install poppler-utils)"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# best_of CMD...: prints "seconds peak_kib cpu_seconds" of the fastest of
# $RUNS runs (wall and CPU minimum each, peak RSS maximum).
best_of() {
  local best_t="" best_m="" best_c=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M %U %S" -o "$tmp/time" "$@" >/dev/null 2>&1 || true
    read -r t m u s < "$tmp/time"
    c=$(awk "BEGIN{print $u + $s}")
    if [ -z "$best_t" ] || awk "BEGIN{exit !($t < $best_t)}"; then best_t=$t; fi
    if [ -z "$best_c" ] || awk "BEGIN{exit !($c < $best_c)}"; then best_c=$c; fi
    if [ -z "$best_m" ] || [ "$m" -gt "$best_m" ]; then best_m=$m; fi
  done
  echo "$best_t $best_m $best_c"
}

printf "%-40s %6s %9s %9s %7s %9s %9s %7s %10s %10s\n" file pages cnbudget pdftotext ratio \
  cpu_cnb cpu_ptt cpu_x rss_cnb_MiB rss_ptt_MiB
for f in "$@"; do
  [ -f "$f" ] || { echo "missing: $f"; continue; }
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}')
  read -r tc mc cc < <(best_of "$BIN" extract "$f" -o "$tmp/out.json" "${CNB_FLAGS[@]}")
  read -r tp mp cp < <(best_of pdftotext -bbox-layout "$f" "$tmp/out.html")
  ratio=$(awk "BEGIN{printf \"%.2f\", ($tp > 0 ? $tc / $tp : 0)}")
  cpu_ratio=$(awk "BEGIN{printf \"%.2f\", ($cp > 0 ? $cc / $cp : 0)}")
  printf "%-40s %6s %8ss %8ss %6sx %8ss %8ss %6sx %10.1f %10.1f\n" "$(basename "$f" | cut -c1-40)" \
    "$pages" "$tc" "$tp" "$ratio" "$cc" "$cp" "$cpu_ratio" "$(awk "BEGIN{print $mc/1024}")" \
    "$(awk "BEGIN{print $mp/1024}")"
done
