// Test helper: small tables written as rows of cell texts.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace cnbudget::testing {

// Builds a table from rows of texts ("" = empty cell). Texts that look like
// amounts ("12.50", "3") outside the header rows and outside columns listed in
// `code_columns` get a value. Merges are added with Merge().
inline model::Table MakeTable(const std::string& standard, int header_rows,
                              const std::vector<std::vector<std::string>>& rows,
                              const std::vector<int>& code_columns = {}) {
  model::Table t;
  t.standard = standard;
  t.unit = "万元";
  t.header_rows = header_rows;
  t.n_rows = static_cast<int>(rows.size());
  for (int r = 0; r < t.n_rows; ++r) {
    t.n_cols = std::max<int>(t.n_cols, rows[r].size());
    for (int c = 0; c < static_cast<int>(rows[r].size()); ++c) {
      const std::string& s = rows[r][c];
      if (s.empty()) continue;
      model::Cell cell;
      cell.r = r;
      cell.c = c;
      cell.raw = cell.text = s;
      bool numeric = s.find_first_not_of("-0123456789.") == std::string::npos && s.find_first_of("0123456789") != std::string::npos;
      bool code_col = std::find(code_columns.begin(), code_columns.end(), c) != code_columns.end();
      if (numeric && r >= header_rows && !code_col) cell.value = s;
      t.cells.push_back(cell);
    }
  }
  return t;
}

// Makes the cell at (r, c) span rs x cs and drops the cells it covers.
inline void Merge(model::Table& t, int r, int c, int rs, int cs) {
  std::vector<model::Cell> kept;
  for (model::Cell& cell : t.cells) {
    bool anchor = cell.r == r && cell.c == c;
    bool covered = cell.r >= r && cell.r < r + rs && cell.c >= c && cell.c < c + cs;
    if (anchor) {
      cell.rs = rs;
      cell.cs = cs;
    }
    if (anchor || !covered) kept.push_back(cell);
  }
  t.cells = kept;
}

}  // namespace cnbudget::testing
