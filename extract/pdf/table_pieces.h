// Pieces and visual lines: the text units the table builders work on.
//
// A Piece is a TextRun, or part of one when a run had to be cut at a cell
// boundary. Pieces carry their own text so that builders never reach back
// into glyphs. Pure functions of PageContent; no Poppler here.
#pragma once

#include <string>
#include <vector>

#include "core/layout.h"
#include "extract/pdf/page_content.h"

namespace cnbudget::pdf {

struct Piece {
  std::string text;
  BBox box;
  double font_size = 0;
  bool bold = false;
  int direction = 0;  // of its first glyph; 0 when unknown
  std::vector<int> glyphs;  // indexes into PageContent::glyphs (may be empty)
};

// A visual line: pieces whose vertical extents overlap, sorted left to right.
struct VisualLine {
  std::vector<Piece> pieces;
  BBox box;
  double font_size = 0;  // largest font size in the line
};

// Width and height of a box.
inline double Width(const BBox& b) { return b.x1 - b.x0; }
inline double Height(const BBox& b) { return b.y1 - b.y0; }
inline double CenterX(const BBox& b) { return (b.x0 + b.x1) / 2; }
inline double CenterY(const BBox& b) { return (b.y0 + b.y1) / 2; }
BBox Union(const BBox& a, const BBox& b);

// True for a code point of the CJK ideograph, CJK punctuation or full-width
// ranges: no space is inserted next to those when pieces are joined.
bool IsCjkCodePoint(char32_t cp);

// First / last code point of a UTF-8 string (0 for an empty string).
char32_t LeadingCodePoint(const std::string& s);
char32_t TrailingCodePoint(const std::string& s);

// Appends `next` to `text`, with one space between them unless either side
// of the junction is CJK or `text` is empty.
void AppendWithSpace(std::string* text, const std::string& next);

// True when the text looks like (part of) an amount: digits with separators
// (",", ".", "。", "，", full-width forms), a sign or parentheses, "%".
bool LooksNumeric(const std::string& text);

// One piece per run of the page (runs that are not horizontal are kept, with
// their box, as they come).
std::vector<Piece> PiecesFromRuns(const PageContent& page);

// Rebuilds a piece from a subset of glyphs of the page (in reading order),
// used when a run crosses a cell boundary.
Piece PieceFromGlyphs(const PageContent& page, const std::vector<int>& glyphs);

// Groups pieces into visual lines, top to bottom; inside a line, pieces are
// sorted by x. Two pieces share a line when their vertical extents overlap by
// more than half of the smaller height.
std::vector<VisualLine> GroupIntoLines(std::vector<Piece> pieces);

// Joins the pieces of a line into text (see AppendWithSpace).
std::string LineText(const VisualLine& line);

// Merges neighbouring pieces of a line that belong to one cell text: numbers
// drawn glyph by glyph ("1," "858." "41") and letter-spaced CJK text. `gap`
// is measured in units of the font size.
void MergeClosePieces(VisualLine* line, double numeric_gap, double text_gap);

// Joins several lines of one cell: "\n" between lines.
std::string CellText(const std::vector<VisualLine>& lines);

// True when every piece is bold (false for no pieces).
bool AllBold(const std::vector<VisualLine>& lines);

}  // namespace cnbudget::pdf
