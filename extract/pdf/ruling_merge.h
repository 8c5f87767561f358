// Turning raw axis-aligned path segments into the page's Rulings.
#pragma once

#include <vector>

#include "extract/pdf/page_content.h"

namespace cnbudget::pdf {

constexpr double kRulingMergeTolerance = 1.0;  // pt: same line / touching
constexpr double kMinRulingLength = 2.0;       // pt: shorter pieces are dropped

// Clips `segments` (horizontal: y0 == y1, vertical: x0 == x1, any endpoint
// order) to the page [0,width] x [0,height], merges collinear pieces (offsets
// within kRulingMergeTolerance, gaps up to kRulingMergeTolerance), and drops
// results shorter than kMinRulingLength. Output: horizontal rulings sorted
// by y then x, followed by vertical ones sorted by x then y; x0 <= x1 and
// y0 <= y1.
std::vector<Ruling> MergeRulings(std::vector<Ruling> segments, double width, double height);

}  // namespace cnbudget::pdf
