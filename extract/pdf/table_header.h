// Column bands and header cells of a stream table.
#pragma once

#include <vector>

#include "core/layout.h"
#include "extract/pdf/page_content.h"
#include "extract/pdf/table_pieces.h"

namespace cnbudget::pdf {

// A column: the x-extent its text occupies.
struct Band {
  double x0 = 0, x1 = 0;
};

// Columns from the body lines: x positions covered by the segments of more
// than `allowance` lines form bands; the gaps between them are column gaps.
std::vector<Band> BandsFromBody(const std::vector<VisualLine>& body, int allowance);

// Joins the lines of wrapped header texts (stacked one line pitch apart,
// centred or left-aligned on each other, no line wider than the one above
// plus half a character) into one piece each, text top to bottom with "\n"
// between lines. Other pieces are returned as they are.
std::vector<Piece> JoinWrappedHeaderTexts(std::vector<Piece> pieces);

// First and last band a box covers (a box covers a band when its centre is in
// the band's slot or it overlaps the band by 30% of the band's width).
// Returns false when it covers none.
bool CoveredBands(const std::vector<Band>& bands, const BBox& box, int* first, int* last);

// Header cells from the header lines. Segments stacked closely in the same
// columns form one cell (wrapped header text); a cell whose columns contain
// another cell's columns and lies above it is its parent (colspan); a leaf
// cell reaches down to the last header row (rowspan). Header text that lies
// over no band adds a band (a column with no body values). A short rule
// drawn just below a header text (three-line tables underline merged
// headers) gives that text exactly the columns under the rule. Cells get
// page `page`; returns the number of header rows.
int BuildHeaderCells(const std::vector<VisualLine>& header, const std::vector<Ruling>& rules,
                     int page, std::vector<Band>* bands, std::vector<RawCell>* cells);

}  // namespace cnbudget::pdf
