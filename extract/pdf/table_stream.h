// Unruled and partly ruled ("stream") tables: three-line tables (horizontal
// rules only) and tables with no rules at all.
//
// The table region comes from text alignment: lines with two or more
// segments of which at least one is an amount, grown over neighbouring lines
// and bounded by long horizontal rules when there are any. Columns come from
// the gaps between segment x-extents that persist over the body rows; header
// cells from the header text blocks above (see table_header.h).
#pragma once

#include <vector>

#include "extract/pdf/page_content.h"
#include "extract/pdf/table_pieces.h"
#include "extract/pdf/table_types.h"

namespace cnbudget::pdf {

struct StreamResult {
  std::vector<PageTable> tables;        // top to bottom
  std::vector<VisualLine> free_lines;   // lines outside every table, top to bottom
};

// `pieces` are the pieces left over by the lattice finder, `rulings` the
// rulings it did not use.
StreamResult FindStreamTables(const PageContent& page, std::vector<Piece> pieces,
                              const std::vector<Ruling>& rulings);

// Line classes used by region detection (exposed for tests).
bool IsCaptionLine(const VisualLine& line);  // 表N, 单位：, 编制单位, 续表
int NumericSegments(const VisualLine& line);

}  // namespace cnbudget::pdf
