// Builds a Layout from fuzzer bytes, deterministically: the same bytes give
// the same Layout. The bytes choose text lines and tables (sizes, cells,
// spans, pages) and each text from a pool of budget words and numbers, with
// some free characters mixed in, so the mapper sees grids that look like
// budget tables often enough to get past identification, and odd ones too.
//
// Every Layout generated keeps the invariants extractors promise: text is
// valid UTF-8, and each cell starts inside its table's grid (0 <= r < n_rows,
// 0 <= c < n_cols, spans >= 1). Spans may run past the grid's edge and cells
// may overlap or repeat a position: a careless extractor could do that.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/layout.h"

namespace cnbudget::fuzz {

Layout GenerateLayout(const std::uint8_t* data, std::size_t size);

}  // namespace cnbudget::fuzz
