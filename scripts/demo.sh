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
echo "Example query: records of every standard table, first 15 rows"
sqlite3 -header -column out/fixtures.sqlite \
  "SELECT unit, year, standard, row_label, measure, value, value_unit
     FROM records_flat LIMIT 15;"
# 3 means some fixture failed on purpose (fixtures/bad/ holds malformed inputs).
[ "$status" -eq 0 ] || [ "$status" -eq 3 ]
