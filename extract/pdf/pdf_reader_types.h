// Internal to the PDF reader: what the Poppler output device collects from
// one page, before glyph hygiene, run building and ruling merging.
#pragma once

#include <vector>

#include "extract/pdf/page_content.h"

namespace cnbudget::pdf {

// A glyph with its position in its own reading frame: `along` grows in the
// writing direction, `base` is the baseline position across it. Glyphs of one
// line share `base` (within a tolerance) and direction.
struct PlacedGlyph {
  Glyph glyph;
  double base = 0;
  double along0 = 0, along1 = 0;
  bool space = false;  // whitespace: a word gap for run building, never output as a glyph
};

struct PageGraphics {
  double width = 0, height = 0;       // displayed page size
  std::vector<PlacedGlyph> glyphs;    // content-stream order, spaces included
  std::vector<Ruling> segments;       // axis-aligned pieces, unmerged, unclipped
  std::vector<BBox> fills;            // non-white filled rectangles too thick to be rulings
  double image_area = 0;              // sum of image areas on the page (may overlap)
  double image_pixels = 0;            // sum of the images' declared width x height
  int glyphs_without_unicode = 0;     // dropped: no ToUnicode mapping
  bool truncated = false;             // hit a safety cap on glyphs or segments
};

}  // namespace cnbudget::pdf
