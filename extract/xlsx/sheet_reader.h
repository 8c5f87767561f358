// One worksheet part: its non-empty cells as displayed, its merges, and which
// rows carry cell borders (the table grid of a sheet is where the lines are).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/issue.h"
#include "extract/xlsx/limits.h"
#include "extract/xlsx/styles.h"

namespace cnbudget::xlsx {

struct SheetCell {
  int row = 0, col = 0;  // 0-based
  std::string text;      // as displayed; never blank
  bool bold = false;
};

struct Merge {
  int r0 = 0, c0 = 0, r1 = 0, c1 = 0;  // 0-based, inclusive
};

struct SheetData {
  std::vector<SheetCell> cells;          // in document order (rows ascending)
  std::vector<Merge> merges;
  std::map<int, int> bordered_per_row;   // row -> cells (empty or not) with a border
};

struct WorkbookContext {
  const StyleSheet* styles = nullptr;
  const std::vector<std::string>* shared_strings = nullptr;
  const XlsxLimits* limits = nullptr;
  std::size_t* cells_left = nullptr;  // workbook-wide budget of cells, decremented
};

// Parses a cell reference "B3" into 0-based row/col; false when malformed.
bool ParseCellRef(const std::string& ref, int* row, int* col);

// Parses a range "A1:D2" (or a single cell "A1").
std::optional<Merge> ParseRange(const std::string& ref);

// Reads the worksheet `xml`. Cells past a cap are dropped with one warning
// naming `sheet_name`; XML errors come back as an error Issue.
std::optional<Issue> ReadSheet(const std::string& xml, const std::string& part,
                               const std::string& sheet_name, const WorkbookContext& context,
                               SheetData* out, std::vector<Issue>* warnings);

}  // namespace cnbudget::xlsx
