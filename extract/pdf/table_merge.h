// Tables continued over pages: one RawTable per logical table.
#pragma once

#include <optional>
#include <vector>

#include "core/layout.h"
#include "extract/pdf/table_types.h"

namespace cnbudget::pdf {

// What is remembered of a table that may continue on the next page.
struct OpenTable {
  std::vector<double> col_edges;  // of the table's first part
  std::vector<std::vector<std::string>> first_rows;  // texts of its first rows, per row
  int header_rows = 0;            // of its first part
  std::vector<std::string> header_texts;  // sorted texts of its header cells
};

OpenTable Remember(const PageTable& first_part);

// How the columns of a table and of its continuation line up: each side's
// column i becomes the merged columns first[i]..last[i].
struct ColumnPlan {
  std::vector<int> open_first, open_last;
  std::vector<int> next_first, next_last;
  std::vector<double> edges;  // merged column edges
  // Unruled parts: each continuation cell goes to the open table's column
  // under its centre (their columns are found per page and may differ).
  bool by_position = false;
};

// Unruled continuations are placed by position. For grids: identity when
// the column counts agree; the union of both edge sets when
// the outer edges agree (a part where some cells are merged has fewer
// columns); else the continuation's columns by their centres. nullopt when
// the parts are incompatible.
std::optional<ColumnPlan> MatchColumns(const OpenTable& open, const PageTable& next);

// Appends `next` (the part on a later page) to `table`: leading rows of
// `next` that repeat the table's first rows are dropped, the others are
// appended below with their own page. Updates open->col_edges.
void AppendContinuation(const ColumnPlan& plan, PageTable next, OpenTable* open, RawTable* table);

// Texts of the cells starting in row r, left to right, white space removed.
std::vector<std::string> RowTexts(const RawTable& t, int r);

}  // namespace cnbudget::pdf
