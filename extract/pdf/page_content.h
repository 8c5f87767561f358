// What one PDF page holds, in page coordinates, before any table logic.
//
// Produced by PdfDocument (pdf_document.h, Poppler); consumed by the table
// builders. Coordinates are PDF points with the origin at the top-left of the
// page *as displayed* (after /Rotate and relative to the CropBox), y growing
// downwards.
#pragma once

#include <string>
#include <vector>

#include "core/layout.h"

namespace cnbudget::pdf {

// One glyph after hygiene: fake-bold duplicates dropped, CJK radicals mapped
// to unified ideographs. `text` is the glyph's Unicode text as UTF-8 (usually
// one code point; ligatures may give more).
struct Glyph {
  std::string text;
  BBox box;
  double font_size = 0;   // in points, after the text matrix
  bool bold = false;      // bold font name or fake-bold (fill+stroke) rendering
  int direction = 0;      // writing direction in degrees on the displayed page: 0, 90, 180, 270
  // Drawn outside the clip area (its centre is): a long label cut at its
  // cell's border in Excel-style prints. Invisible, but part of its run.
  bool clipped = false;
};

// An axis-aligned ruling segment: a stroked line or a thin filled rectangle.
// Horizontal rulings have y0 == y1; vertical ones have x0 == x1. Collinear
// touching pieces are already merged, and segments are clipped to the page.
struct Ruling {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool horizontal() const { return y0 == y1; }
};

// A run of glyphs on one baseline with no gap wider than a fraction of the
// font size: roughly a "word" for Latin text, a phrase for CJK text.
struct TextRun {
  std::string text;       // CJK glyphs joined without spaces
  BBox box;
  double font_size = 0;
  bool bold = false;
  std::vector<int> glyphs;  // indexes into PageContent::glyphs
  int direction = 0;        // of its glyphs, as Glyph::direction
};

struct PageContent {
  int number = 0;               // 1-based
  double width = 0, height = 0; // displayed size in points
  std::vector<Glyph> glyphs;    // in content-stream order
  std::vector<TextRun> runs;    // glyphs grouped into runs, top-to-bottom, left-to-right
  std::vector<Ruling> rulings;
  // Non-white filled rectangles too thick to be rulings (shaded header
  // cells, bars). Not turned into rulings: whether they delimit cells is the
  // table builder's call.
  std::vector<BBox> fills;
  double image_coverage = 0;    // share of the page area covered by images (0..1)
  // Pixels of the page's images as their streams declare them: what
  // rendering the page for OCR would decode.
  double image_pixels = 0;
  // OCR stopped at its time limit per page (kMaxOcrSecondsPerPage): some
  // cells or lines of this page were not read.
  bool ocr_incomplete = false;
  // 0 normally. When most text runs sideways on the displayed page (landscape
  // content on a portrait page without /Rotate), the reader turns the whole
  // page counter-clockwise by this many degrees (90, 180, 270) so that text
  // reads left to right; all coordinates, width and height above are then
  // those of the turned page.
  int reading_turn = 0;
};

}  // namespace cnbudget::pdf
