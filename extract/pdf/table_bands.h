// Rows of a ruled table that has no row rules.
//
// Some producers rule a table's frame and columns but not its rows: a whole
// body is then one grid row ("band") whose cells hold every row's text, one
// line per row. Reading such a band as one row glues the amounts of all rows
// into one cell. The rows are there in the text lines: this file finds where
// to cut a band, from the lines alone, the way unruled tables get their rows.
#pragma once

#include <vector>

#include "extract/pdf/table_pieces.h"

namespace cnbudget::pdf {

// The y positions (top-down page coordinates) at which the band
// [band_top, band_bottom] should be cut into rows. `col_edges` are the
// grid's column boundaries; `pieces` the text inside the band.
//
// A line across the band that has text in at least two columns, one of them
// numeric, is a row line (a label and its amounts). With two or more row
// lines, of which two hold numbers in the same column, the band holds several
// rows (rows stacked in a band repeat their columns; one row whose codes and
// names sit on staggered baselines does not): each row line starts one, and any other
// line (a label wrapped onto a second line, a number wrapped in a narrow
// cell) joins the row line nearest to it. Lines far from every row line
// (a header line left in the band) form rows of their own. Cuts fall midway
// between the rows. Fewer than two row lines: no cut.
std::vector<double> TextRowCuts(const std::vector<double>& col_edges, double band_top,
                                double band_bottom, std::vector<Piece> pieces);

}  // namespace cnbudget::pdf
