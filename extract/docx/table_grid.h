// WordprocessingML tables (w:tbl) to RawTable: the logical grid with merges.
//
// Columns come from w:gridSpan (a cell covering several grid columns),
// w:gridBefore / w:gridAfter (grid columns skipped at the start or end of a
// row) and w:hMerge; rows from w:vMerge: a "continue" cell extends the cell
// above it in the same grid column, and a "restart" (or unmarked) cell starts
// a new one. n_cols is the larger of the w:tblGrid column count and the
// widest row; blank rows count in n_rows; cells with no visible text are
// omitted, but a merged one still occupies its whole area.
#pragma once

#include <libxml/tree.h>

#include <vector>

#include "core/layout.h"
#include "extract/docx/paragraph_text.h"

namespace cnbudget::docx {

// Appends `tbl` as a RawTable with the given nesting depth, then every table
// nested in its cells (nesting + 1, each followed by its own nested tables),
// in document order. Nested tables' text is not part of the parent's cells.
void AppendTable(const xmlNode* tbl, int nesting, const ReadContext& context,
                 std::vector<Block>* blocks);

}  // namespace cnbudget::docx
