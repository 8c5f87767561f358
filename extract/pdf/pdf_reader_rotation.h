// Turning sideways pages so that their text reads left to right.
#pragma once

#include "extract/pdf/pdf_reader_types.h"

namespace cnbudget::pdf {

// A page counts as sideways when at least this share of its (non-space)
// glyphs, and at least kMinSidewaysGlyphs of them, share one direction other
// than 0.
constexpr double kSidewaysShare = 0.6;
constexpr int kMinSidewaysGlyphs = 10;

// Landscape tables are often printed on portrait pages without /Rotate: the
// text then runs down (90) or up (270) the displayed page. When the page is
// sideways, turns all of its content (glyphs, segments, fills, size)
// counter-clockwise by the dominant direction so that most text has direction
// 0, and returns that angle (90, 180 or 270). Otherwise leaves the page
// alone and returns 0.
int TurnToReadingDirection(PageGraphics* page);

}  // namespace cnbudget::pdf
