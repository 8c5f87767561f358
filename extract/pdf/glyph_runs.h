// Grouping glyphs into TextRuns.
#pragma once

#include <vector>

#include "extract/pdf/page_content.h"
#include "extract/pdf/pdf_reader_types.h"

namespace cnbudget::pdf {

// Tunables, in units of the larger font size of two neighbouring glyphs.
constexpr double kLineTolerance = 0.25;  // baselines this close are one line
constexpr double kJoinGap = 0.45;        // a smaller gap continues the run
constexpr double kSpacedJoinGap = 0.8;   // the same across a whitespace glyph
constexpr double kSpaceGap = 0.15;       // a larger gap between Latin glyphs is a space
constexpr double kNumberGlueGap = 1.2;   // see BuildTextRuns

// Groups `glyphs` (no spaces; TextRun::glyphs index into this vector) into
// runs; `spaces` are the whitespace glyphs. The rules:
//  - glyphs of one run share direction and baseline (kLineTolerance);
//  - consecutive glyphs join while the gap is below kJoinGap, or below
//    kSpacedJoinGap when whitespace glyphs lie between them; the whitespace
//    becomes one space in the run text. Measured on office exports, a drawn
//    space leaves 0.2-0.5 em and neighbouring cells 1.3 em or more, and the
//    truth keeps such spaces ("201 一般公共服务支出", "≥700 条"); spaces
//    between two CJK glyphs are left for normalization to drop;
//  - a ruling crossing the line between two glyphs (a cell border; spreadsheet
//    exports leave almost no padding) always splits, even number glue;
//  - number glue: some producers draw numbers glyph by glyph with a wide gap
//    (or a space) after ',' and '.', which text tools read as "1, 858. 41".
//    A digit-separator-digit sequence joins across gaps up to
//    kNumberGlueGap and across whitespace, without a space: "1,858.41";
//  - without whitespace glyphs, the run text has no spaces between CJK
//    glyphs; between two non-CJK glyphs a gap above kSpaceGap becomes a
//    single space.
// Runs come out top-to-bottom (rows of overlapping vertical extent), then
// left-to-right.
// `rulings` are the page's merged rulings.
std::vector<TextRun> BuildTextRuns(const std::vector<PlacedGlyph>& glyphs,
                                   const std::vector<PlacedGlyph>& spaces,
                                   const std::vector<Ruling>& rulings);

}  // namespace cnbudget::pdf
