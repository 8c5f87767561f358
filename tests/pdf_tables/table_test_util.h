// Helpers shared by the table tests.
#pragma once

#include <string>

#include "core/layout.h"

namespace cnbudget::pdf::testing {

// The cell starting at (r, c), or nullptr.
inline const RawCell* CellAt(const RawTable& t, int r, int c) {
  for (const RawCell& cell : t.cells)
    if (cell.r == r && cell.c == c) return &cell;
  return nullptr;
}

// Raw text of the cell at (r, c), "" when absent.
inline std::string TextAt(const RawTable& t, int r, int c) {
  const RawCell* cell = CellAt(t, r, c);
  return cell ? cell->raw : "";
}

}  // namespace cnbudget::pdf::testing
