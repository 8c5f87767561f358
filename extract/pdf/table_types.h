// A table found on one page, before multi-page merging.
#pragma once

#include <vector>

#include "core/layout.h"

namespace cnbudget::pdf {

struct PageTable {
  RawTable table;                // cells carry the page; first_page == last_page
  BBox box;                      // area of the table on the page
  std::vector<double> col_edges; // n_cols + 1 x positions, left to right
  int header_rows = 0;           // leading rows known to be header (0 when unknown)
  bool ruled = false;            // a lattice grid (exact column edges)
};

}  // namespace cnbudget::pdf
