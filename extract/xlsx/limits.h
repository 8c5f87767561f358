// Caps on what one workbook may make the extractor hold. A hostile workbook
// (a <dimension> of A1:XFD1048576, a million rows, cells at column XFD) is
// read up to these caps and reported with a warning; it never decides how
// much memory is allocated. Real budget sheets are far below every cap.
#pragma once

#include <cstddef>

namespace cnbudget::xlsx {

struct XlsxLimits {
  int max_sheets = 256;
  int max_rows = 50000;                     // row index per sheet (1-based rows above are dropped)
  int max_cols = 256;                       // column index per sheet (IV)
  // Non-empty cells kept per sheet and per workbook. A long 项目 list is a few
  // thousand rows of twenty columns; every cell kept also costs the mapper
  // and the JSON writer, so the caps stay well under a million.
  std::size_t max_cells_per_sheet = 200000;
  std::size_t max_cells_total = 1000000;
  std::size_t max_merges_per_sheet = 100000;
  std::size_t max_shared_strings = 1000000;
};

}  // namespace cnbudget::xlsx
