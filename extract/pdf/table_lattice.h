// Ruled ("lattice") tables: grids drawn with horizontal and vertical rulings.
//
// Rulings that touch each other form a region; the distinct x of its
// vertical rulings and y of its horizontal rulings form the grid; a missing
// boundary between two grid cells makes a merged cell (rowspan/colspan).
// Text is assigned to cells by its centre; a run that crosses a cell
// boundary is cut by glyph.
#pragma once

#include <vector>

#include "extract/pdf/page_content.h"
#include "extract/pdf/table_pieces.h"
#include "extract/pdf/table_types.h"

namespace cnbudget::pdf {

struct LatticeResult {
  std::vector<PageTable> tables;     // top to bottom
  std::vector<Piece> free_pieces;    // pieces outside every table
  std::vector<Ruling> free_rulings;  // rulings that belong to no table
};

// `pieces` are the page's pieces (PiecesFromRuns); glyph indexes in them
// refer to page.glyphs.
LatticeResult FindLatticeTables(const PageContent& page, std::vector<Piece> pieces);

// The ruled grids `rulings` form and their (merged) cells, before any text is
// placed, with the same rules as FindLatticeTables: what OCR of a scanned
// page reads cell by cell.
struct LatticeGrid {
  BBox box;
  std::vector<BBox> cells;
};
std::vector<LatticeGrid> FindLatticeGrids(const std::vector<Ruling>& rulings);

// Tolerance, in points, under which two ruling positions are the same line.
inline constexpr double kRulingTolerance = 2.0;

// Sorted distinct positions: values closer than `tolerance` to the previous
// cluster's mean join it.
std::vector<double> ClusterPositions(std::vector<double> values, double tolerance);

}  // namespace cnbudget::pdf
