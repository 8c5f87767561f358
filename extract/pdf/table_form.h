// Forms without rules (绩效目标表): label/value rows above an indicator
// grid. Column and cell-span rules for them, used by the stream builder
// (table_stream.cc) once it has recognised a form or a form grid continued
// at the top of a page.
#pragma once

#include <vector>

#include "core/layout.h"
#include "extract/pdf/table_header.h"
#include "extract/pdf/table_pieces.h"

namespace cnbudget::pdf {

// The lines without the pieces that reach over two texts of another line
// (values and paragraphs merged across columns).
std::vector<VisualLine> WithoutSpanningPieces(const std::vector<VisualLine>& lines);

// Merges neighbouring bands that no row (row_of: row of each line) has
// separate texts in both.
std::vector<Band> MergeUnpairedBands(std::vector<Band> bands, const std::vector<VisualLine>& lines,
                                     const std::vector<int>& row_of);

// The grid header row of a form: its fullest line of four texts or more
// without amounts; -1 when there is none.
int FormGridRow(const std::vector<VisualLine>& lines, const std::vector<int>& row_of);

// True for cells of a headerless table that look like the rest of a form's
// grid: nothing in the first column of the first row, four texts or more in
// every row.
bool LooksLikeGridContinuation(const std::vector<RawCell>& cells);

// Row spans of the group labels in the leftmost columns with empty cells of
// the grid after row `grid` (-1: the grid starts at row 0).
void ApplyFormRowSpans(const std::vector<VisualLine>& lines, const std::vector<int>& row_of,
                       int grid, int n_rows, std::vector<RawCell>* cells);

// Column spans of the label/value cells above the grid.
void WidenFormValues(const std::vector<VisualLine>& lines, const std::vector<int>& row_of,
                     int n_cols, std::vector<RawCell>* cells);

}  // namespace cnbudget::pdf
