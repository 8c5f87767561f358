// Header rows and code columns of a table grid.
#pragma once

#include <vector>

#include "core/layout.h"

namespace cnbudget::mapping {

// How many leading rows of `t` are header rows (multi-level, merged, wrapped
// headers included). The header grows from the top while rows are covered by
// a header cell's rowspan, or hold several non-numeric cells that are not a
// totals row; it stops at the first row with an amount, a code, a dash
// placeholder or a 合计/总计 label, and at a blank row. A column-number row
// ("栏次 | 1 | 2 | 3") right under the header belongs to it.
// `caption_rows` leading rows hold a caption printed inside the table (title,
// 编制单位) and count as header. t.marked_header_rows is used as a hint when
// the rows it marks hold no amounts.
int CountHeaderRows(const RawTable& t, int caption_rows);

// Columns that hold classification codes (类/款/项, 科目编码/代码): their
// cells carry no `value`. Decided from the header cells covering each column.
std::vector<bool> CodeColumns(const RawTable& t, int header_rows);

}  // namespace cnbudget::mapping
