#!/usr/bin/env bash
# The main job on the sample documents: installs dependencies, builds, converts
# every file of fixtures/ into out/fixtures.sqlite (+ one JSON per file in
# out/json/), then shows a query against the database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
mkdir -p out/json
status=0
build/cnbudget convert fixtures --db out/fixtures.sqlite --json-dir out/json || status=$?
echo
echo "Database: $(pwd)/out/fixtures.sqlite    JSON: $(pwd)/out/json/"
echo "Example query: the amounts of the sample PDF's expenditure table, first 15"
sqlite3 -header -column out/fixtures.sqlite \
  "SELECT document_unit, year, standard, code, label, column_joined, value, unit
     FROM records_flat
    WHERE path LIKE '%sample_final.pdf' AND standard = 'final.general_public'
    LIMIT 15;"
echo
echo "Headline figures of every document (the facts view), in 元 whatever unit each table prints:"
sqlite3 -header -column out/fixtures.sqlite \
  "SELECT unit, year, kind, fact, value, money_unit, value_yuan FROM facts ORDER BY unit, fact;"
# 3 means some fixture failed on purpose (fixtures/docx/bad_*.docx are malformed inputs).
[ "$status" -eq 0 ] || [ "$status" -eq 3 ]
