// Ruling lines found in a page image (scanned pages have no vector graphics).
//
// A ruling is a long, thin run of dark pixels: per pixel row (column) the
// runs of dark pixels longer than a minimum length are kept, and runs on
// neighbouring rows (columns) that overlap along the line are joined into one
// line of some thickness. Lines too thick are filled areas, not rulings.
#pragma once

#include <vector>

#include "extract/pdf/gray_image.h"
#include "extract/pdf/page_content.h"

namespace cnbudget::pdf {

// Pixels darker than this are ink. Scans of printed tables are close to
// black on white; gray shading of header cells (>= ~160) stays background.
constexpr int kInkThreshold = 140;

// Minimum lengths, in points. Glyph strokes of body text (9-12 pt) are
// shorter; the title's large glyphs may pass, but a lone stroke touches no
// other ruling and the lattice ignores it. Horizontal strokes ("——" in
// cells) can be longer than vertical ones, hence the larger minimum.
constexpr double kMinImageHorizontal = 15.0;
constexpr double kMinImageVertical = 12.0;
constexpr double kMaxImageRulingThickness = 4.0;  // points; thicker is a filled area
// A line that touches no perpendicular line is kept only when horizontal and
// at least this long (points): a rule of a table drawn without verticals.
// Shorter lone lines are strokes of large glyphs (titles), and erasing them
// before OCR would break the glyphs.
constexpr double kMinLoneHorizontal = 60.0;
// Touching lines whose group spans less than this (points) both across and
// down are the strokes of one large glyph (a cover title), not a table.
constexpr double kMinImageGridExtent = 45.0;

// A found line in pixel coordinates: `pos` is the centre across the line,
// [lo, hi] the extent along it, `thickness` in pixels.
struct PixelLine {
  bool horizontal = true;
  double pos = 0;
  int lo = 0, hi = 0;
  int thickness = 0;
  int first = 0, last = 0;  // first and last pixel row (column) across the line
};

// The lines of `image`, horizontal ones first, stray strokes dropped
// (kMinLoneHorizontal, kMinImageGridExtent).
std::vector<PixelLine> FindPixelLines(const GrayImage& image);

// The same lines as page Rulings in points (scaled by 72 / image.dpi),
// merged like vector rulings (ruling_merge.h).
std::vector<Ruling> ToRulings(const std::vector<PixelLine>& lines, const GrayImage& image);

// Paints the pixels of `lines` white (one pixel of margin on each side), so
// that OCR does not read cell borders as characters ("|", "一", "1").
void EraseLines(const std::vector<PixelLine>& lines, GrayImage* image);

}  // namespace cnbudget::pdf
