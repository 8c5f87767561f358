#include "store/schema.h"

namespace cnbudget::store {

// Design notes (details in docs/database.md):
// - A document row is one conversion of one content (sha256) by one tool
//   version; (sha256, tool_version) is unique for readable files. Every path
//   the content was seen at is in document_paths.
// - Older conversions are kept as history with superseded = 1 (same content
//   reconverted by a newer tool, or a newer content converted from the same
//   path); the *_flat views show current documents only.
// - Values are TEXT (exact decimal strings from the canonical model), never REAL.
// - Child rows cascade on delete, so replacing a document is one DELETE.
const char* SchemaSql() {
  return R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
  id            INTEGER PRIMARY KEY,
  path          TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  format        TEXT,
  pages         INTEGER,
  bytes         INTEGER,
  unit          TEXT,
  year          INTEGER,
  kind          TEXT,
  currency_unit TEXT,
  published     TEXT,
  family        TEXT,  -- 'department' | 'government' | NULL
  scope         TEXT,  -- 'department' | 'unit' | 'government' | NULL
  unit_key      TEXT,  -- unit with its spelling variants folded (store/analyst_columns.h)
  status        TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  error_code    TEXT,
  error         TEXT,
  n_tables      INTEGER NOT NULL DEFAULT 0,
  n_records     INTEGER NOT NULL DEFAULT 0,
  n_issues      INTEGER NOT NULL DEFAULT 0,
  n_warnings    INTEGER NOT NULL DEFAULT 0,
  started_at    TEXT NOT NULL,
  elapsed_ms    INTEGER,
  tool_version  TEXT NOT NULL,
  superseded    INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX IF NOT EXISTS documents_identity
  ON documents (sha256, tool_version) WHERE sha256 <> '';
CREATE INDEX IF NOT EXISTS documents_by_sha256 ON documents (sha256);
CREATE INDEX IF NOT EXISTS documents_by_path ON documents (path);
CREATE INDEX IF NOT EXISTS documents_by_unit_year ON documents (unit, year, kind);
CREATE INDEX IF NOT EXISTS documents_by_status ON documents (status, error_code);

CREATE TABLE IF NOT EXISTS document_paths (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  path        TEXT NOT NULL,
  PRIMARY KEY (path, document_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS document_paths_by_document ON document_paths (document_id);

CREATE TABLE IF NOT EXISTS tables (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  table_index INTEGER NOT NULL,
  number      INTEGER,
  title       TEXT,
  standard    TEXT,
  stage       TEXT,  -- 'budget' | 'execution' | 'final' | NULL
  coverage    TEXT,  -- government tables: 'own_level' (本级) | 'whole_area' (全市) | NULL
  unit        TEXT,
  compiler    TEXT,
  page_first  INTEGER,
  page_last   INTEGER,
  n_rows      INTEGER NOT NULL,
  n_cols      INTEGER NOT NULL,
  header_rows INTEGER NOT NULL,
  n_cells     INTEGER NOT NULL,
  n_records   INTEGER NOT NULL,
  verified    INTEGER CHECK (verified IN (0, 1)),  -- NULL: no arithmetic check applies
  doubts      TEXT  -- comma-separated issue codes saying the table may be misread; NULL: none
);
CREATE INDEX IF NOT EXISTS tables_by_document ON tables (document_id, table_index);
CREATE INDEX IF NOT EXISTS tables_by_standard ON tables (standard);

CREATE TABLE IF NOT EXISTS cells (
  id       INTEGER PRIMARY KEY,
  table_id INTEGER NOT NULL REFERENCES tables (id) ON DELETE CASCADE,
  r        INTEGER NOT NULL,
  c        INTEGER NOT NULL,
  rs       INTEGER NOT NULL,
  cs       INTEGER NOT NULL,
  raw      TEXT NOT NULL,
  text     TEXT NOT NULL,
  value    TEXT,
  page     INTEGER,
  x0 REAL, y0 REAL, x1 REAL, y1 REAL
);
CREATE INDEX IF NOT EXISTS cells_by_table ON cells (table_id, r, c);

CREATE TABLE IF NOT EXISTS records (
  id            INTEGER PRIMARY KEY,
  table_id      INTEGER NOT NULL REFERENCES tables (id) ON DELETE CASCADE,
  r             INTEGER NOT NULL,
  c             INTEGER NOT NULL,
  code          TEXT,
  class         TEXT,
  kind          TEXT,
  item          TEXT,
  name          TEXT,
  project       TEXT,
  label         TEXT,
  label_clean   TEXT,  -- label without code and ordinal (一、, （一）, 1.)
  column_path   TEXT NOT NULL,  -- JSON array of header texts, top to bottom
  column_joined TEXT NOT NULL,  -- the same joined with '/'
  measure       TEXT,
  value         TEXT NOT NULL,  -- exact decimal string
  unit          TEXT,
  money_unit    TEXT,     -- unit, else the table's, else the document's currency unit
  value_fen     INTEGER   -- value in 分 (0.01 元), exact; NULL for ratios and unknown units
);
CREATE INDEX IF NOT EXISTS records_by_table ON records (table_id, r, c);
CREATE INDEX IF NOT EXISTS records_by_measure ON records (measure);
CREATE INDEX IF NOT EXISTS records_by_code ON records (code);
CREATE INDEX IF NOT EXISTS documents_by_unit_key ON documents (unit_key, year, kind);

CREATE TABLE IF NOT EXISTS issues (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  severity    TEXT NOT NULL,
  code        TEXT NOT NULL,
  table_index INTEGER,
  r           INTEGER,
  c           INTEGER,
  message     TEXT NOT NULL,
  expected    TEXT,
  found       TEXT,
  page        INTEGER,  -- the located cell's page and box (PDF)
  x0 REAL, y0 REAL, x1 REAL, y1 REAL,
  difference  TEXT,     -- expected - found, exact, in the table's unit
  rounding    INTEGER   -- 1: a difference of at most two units of the last digit
);
CREATE INDEX IF NOT EXISTS issues_by_document ON issues (document_id);
CREATE INDEX IF NOT EXISTS issues_by_code ON issues (code, severity);

CREATE VIEW IF NOT EXISTS records_flat AS
SELECT d.id            AS document_id,
       d.path          AS path,
       d.sha256        AS sha256,
       d.unit          AS document_unit,
       d.year          AS year,
       d.kind          AS document_kind,
       d.currency_unit AS currency_unit,
       t.table_index   AS table_index,
       t.number        AS table_number,
       t.title         AS table_title,
       t.standard      AS standard,
       r.r             AS r,
       r.c             AS c,
       r.code          AS code,
       r.class         AS class,
       r.kind          AS kind,
       r.item          AS item,
       r.name          AS name,
       r.project       AS project,
       r.label         AS label,
       r.label_clean   AS label_clean,
       r.column_joined AS column_joined,
       r.column_path   AS column_path,
       r.measure       AS measure,
       r.value         AS value,
       r.unit          AS unit,
       r.money_unit    AS money_unit,
       r.value_fen     AS value_fen,
       r.value_fen / 100.0 AS value_yuan,
       d.unit_key      AS unit_key,
       d.scope         AS scope,
       d.family        AS family,
       t.stage         AS stage,
       t.verified      AS table_verified,
       t.doubts        AS table_doubts
FROM records r
JOIN tables t ON t.id = r.table_id
JOIN documents d ON d.id = t.document_id
WHERE d.superseded = 0;

CREATE VIEW IF NOT EXISTS issues_flat AS
SELECT d.id          AS document_id,
       d.path        AS path,
       d.sha256      AS sha256,
       d.unit        AS document_unit,
       d.year        AS year,
       d.kind        AS document_kind,
       d.status      AS document_status,
       i.severity    AS severity,
       i.code        AS code,
       i.table_index AS table_index,
       t.title       AS table_title,
       t.standard    AS standard,
       i.r           AS r,
       i.c           AS c,
       i.message     AS message,
       i.expected    AS expected,
       i.found       AS found,
       i.difference  AS difference,
       i.rounding    AS rounding,
       i.page        AS page,
       i.x0 AS x0, i.y0 AS y0, i.x1 AS x1, i.y1 AS y1
FROM issues i
JOIN documents d ON d.id = i.document_id
LEFT JOIN tables t ON t.document_id = i.document_id AND t.table_index = i.table_index
WHERE d.superseded = 0;

-- One row per current document and headline figure (docs/database.md lists
-- them): the first record that each rule finds, by priority, then position.
CREATE VIEW IF NOT EXISTS facts AS
WITH sided AS (
  SELECT *,
         CASE WHEN column_joined LIKE '%收入%' THEN 'income'
              WHEN column_joined LIKE '%支出%' THEN 'expenditure' END AS side
  FROM records_flat
),
candidates AS (
  SELECT *, 'income_total' AS fact,
         CASE label WHEN '收入总计' THEN 1 WHEN '总计' THEN 2 WHEN '收入合计' THEN 3 END AS priority
  FROM sided WHERE standard IN ('budget.summary', 'final.summary') AND side = 'income'
    AND label IN ('收入总计', '总计', '收入合计')
  UNION ALL
  SELECT *, 'expenditure_total',
         CASE label WHEN '支出总计' THEN 1 WHEN '总计' THEN 2 WHEN '支出合计' THEN 3 END
  FROM sided WHERE standard IN ('budget.summary', 'final.summary') AND side = 'expenditure'
    AND label IN ('支出总计', '总计', '支出合计')
  UNION ALL
  SELECT *, 'fiscal_income_total',
         CASE label WHEN '收入总计' THEN 1 WHEN '总计' THEN 2 WHEN '收入合计' THEN 3 ELSE 4 END
  FROM sided WHERE standard IN ('budget.fiscal_summary', 'final.fiscal_summary') AND side = 'income'
    AND label IN ('收入总计', '总计', '收入合计', '本年收入合计')
  UNION ALL
  SELECT *, measure, 1
  FROM sided WHERE standard IN ('budget.expenditure', 'final.expenditure')
    AND measure IN ('basic_expenditure', 'project_expenditure')
    AND label IN ('合计', '总计', '支出合计', '本年支出合计')
  UNION ALL
  SELECT *,
         CASE WHEN measure IN ('three_public_total', 'total', 'final_total') THEN 'three_public_total'
              ELSE replace(measure, 'final_', '') END,
         CASE WHEN measure LIKE 'final_%' THEN 1 WHEN measure = 'three_public_total' THEN 2 ELSE 3 END
  FROM sided WHERE standard IN ('budget.three_public', 'final.three_public', 'gov.three_public')
    AND replace(measure, 'final_', '') IN ('three_public_total', 'total', 'outbound_travel',
        'official_reception', 'official_vehicles', 'vehicle_purchase', 'vehicle_operation')
),
ranked AS (
  SELECT *, row_number() OVER (PARTITION BY document_id, fact
                               ORDER BY priority, table_index, r, c) AS rank
  FROM candidates
)
SELECT document_id, path, document_unit AS unit, unit_key, year, document_kind AS kind, family, scope,
       fact, value, money_unit, value_fen, value_yuan, table_index, table_title, standard, r, c,
       table_verified
FROM ranked WHERE rank = 1;

-- A document that repeats an earlier one under another name (a draft preview
-- and the published file, a copy re-saved): same unit_key, year, kind and
-- scope, at least three headline figures in common and none that differs
-- (a figure printed by one and left blank by the other does not count).
-- same_as is the earliest such document; the earliest itself has no row.
CREATE VIEW IF NOT EXISTS same_as AS
WITH f AS MATERIALIZED (
  SELECT document_id, path, unit_key, year, kind, scope, fact, coalesce(value_fen, value) AS v
  FROM facts
),
pairs AS (
  SELECT a.document_id AS document_id, a.path AS path, b.document_id AS other,
         b.path AS other_path, sum(a.v IS NOT b.v) AS differing, count(*) AS shared
  FROM f a JOIN f b
    ON b.fact = a.fact AND b.document_id < a.document_id AND b.unit_key IS a.unit_key
   AND b.year IS a.year AND b.kind IS a.kind AND b.scope IS a.scope
  GROUP BY a.document_id, b.document_id
)
SELECT document_id, path, min(other) AS same_as, other_path AS same_as_path, shared
FROM pairs WHERE differing = 0 AND shared >= 3
GROUP BY document_id;
)sql";
}

}  // namespace cnbudget::store
