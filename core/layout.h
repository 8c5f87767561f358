// Layout: what an extractor recovers from a file, before any budget meaning.
//
// This is the seam of the pipeline. Extractors (extract/) fill it from PDF or
// DOCX; mappers (mapping/) read it. Nothing here knows about budgets, and
// nothing here knows about PDF or OOXML.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/bbox.h"
#include "core/issue.h"

namespace cnbudget {

// One cell of a table as the file draws it. `r`/`c` index the table's
// logical grid; a merged cell covers rs x cs grid positions.
struct RawCell {
  int r = 0, c = 0, rs = 1, cs = 1;
  std::string raw;            // text as recovered; line breaks inside a cell as "\n"
  int page = 0;               // 1-based page (PDF); 0 when the format has no pages
  std::optional<BBox> bbox;   // PDF only
  bool bold = false;          // all of the cell's text is bold (a hint for totals)
};

// A table: a logical grid of n_rows x n_cols with the non-empty cells.
// Blank rows count in n_rows. A table continued over several pages is one
// RawTable; each cell keeps its own page.
struct RawTable {
  int n_rows = 0, n_cols = 0;
  std::vector<RawCell> cells;
  int first_page = 0, last_page = 0;  // 0 when the format has no pages
  int nesting = 0;                    // 0 = top level; >0 = a table inside a cell
  // Number of leading rows the extractor knows to be repeated header rows
  // (e.g. DOCX w:tblHeader); 0 when unknown. A hint, not a decision.
  int marked_header_rows = 0;
};

// A line (PDF) or paragraph (DOCX) of running text outside any table.
struct TextLine {
  std::string text;
  int page = 0;
  std::optional<BBox> bbox;
  bool bold = false;
  double font_size = 0;  // 0 when unknown
};

// A document in reading order: text lines and tables interleaved, so that the
// lines above a table (表N, title, 编制单位, 单位) come right before it.
using Block = std::variant<TextLine, RawTable>;

struct Layout {
  std::string format;          // "pdf" or "docx"
  std::optional<int> pages;    // PDF page count; nullopt for DOCX
  std::vector<Block> blocks;
  std::vector<Issue> issues;   // extraction problems (warnings, or one error)

  // True when extraction failed as a whole (an error issue was recorded).
  bool failed() const;
};

// Keeps at most `max_cells` table cells in the document: the table that
// crosses the cap is cut after its last whole row that fits, and every block
// after it is dropped. Returns the number of cells dropped (0: untouched).
// Output and memory then stay proportional to the cap, whatever the input.
std::size_t CapTableCells(Layout* layout, std::size_t max_cells);

}  // namespace cnbudget
