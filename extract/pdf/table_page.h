// One page -> its tables and text lines, in reading order.
#pragma once

#include <variant>
#include <vector>

#include "core/layout.h"
#include "extract/pdf/page_content.h"
#include "extract/pdf/table_types.h"

namespace cnbudget::pdf {

// A text line or a table of one page, top to bottom. `margin` marks lines
// in the top or bottom margin that are neither captions nor page numbers
// (running headers/footers): they do not separate a table from its
// continuation.
struct PageItem {
  std::variant<TextLine, PageTable> content;
  double top = 0;
  bool margin = false;
  bool continuation_note = false;  // a "续表" line (or a bare 单位 line)
};

// Runs the lattice and stream finders and orders everything by position.
// Page-number lines ("- 3 -", "第 3 页", "3/20") are dropped.
std::vector<PageItem> LayoutPage(const PageContent& page);

// True for a line that is only a page number.
bool IsPageNumberText(const std::string& text);

}  // namespace cnbudget::pdf
