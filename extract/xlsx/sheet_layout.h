// One sheet's cells -> Layout blocks: caption text lines, tables, notes.
//
// A sheet draws its table with cell borders; the title, 表N, 编制单位 and
// 单位 rows above it and the notes below it have none. So, when a sheet has
// bordered rows, each run of bordered rows is a RawTable (blank rows inside
// a run stay, as blank rows of the table) and every other non-empty row
// becomes text lines, one per cell, left to right; leading rows of a run that
// read like captions (one cell, or two cells set apart such as 编制单位 …
// 单位) are text lines too. A sheet with no borders at all is read top to
// bottom: caption-like rows at the start, after a blank row at the left edge
// or after other captions are text, the other rows tables (so several
// tables stacked on one sheet come apart). A sheet of captions only (a
// cover) is all text lines.
#pragma once

#include <string>
#include <vector>

#include "core/layout.h"
#include "extract/xlsx/sheet_reader.h"

namespace cnbudget::xlsx {

struct SheetLayoutInput {
  std::string name;                   // the tab name
  const SheetData* data = nullptr;
  std::vector<int> print_title_rows;  // 0-based [first, last] or empty
};

// Appends the sheet's blocks. The tab name is emitted as a text line first
// when the sheet itself prints nothing above its first table (the name is
// then the only caption there is).
void AppendSheetBlocks(const SheetLayoutInput& sheet, std::vector<Block>* blocks);

}  // namespace cnbudget::xlsx
