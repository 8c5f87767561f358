// Ruling lines found in page images (scans): synthetic images with lines,
// glyph-like strokes and filled areas drawn into a byte buffer.
#include "extract/pdf/image_rulings.h"

#include <gtest/gtest.h>

#include "extract/pdf/table_lattice.h"

namespace cnbudget::pdf {
namespace {

// A white page of `w` x `h` pixels at `dpi`.
GrayImage Blank(int w, int h, double dpi) {
  GrayImage image;
  image.width = w;
  image.height = h;
  image.dpi = dpi;
  image.pixels.assign(static_cast<size_t>(w) * h, 255);
  return image;
}

// Paints [x0, x1) x [y0, y1) with `gray`.
void Fill(GrayImage* image, int x0, int y0, int x1, int y1, uint8_t gray = 0) {
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) image->at(x, y) = gray;
}

// A 3 x 2 grid (columns at x = 100, 300, 500, 700; rows at y = 100, 200,
// 300), lines 2 px thick, on an A4-sized page at 100 dpi.
GrayImage Grid() {
  GrayImage image = Blank(827, 1169, 100);
  for (int x : {100, 300, 500, 700}) Fill(&image, x, 100, x + 2, 302);
  for (int y : {100, 200, 300}) Fill(&image, 100, y, 702, y + 2);
  return image;
}

TEST(ImageRulingsTest, FindsTheLinesOfAGrid) {
  std::vector<PixelLine> lines = FindPixelLines(Grid());
  int horizontal = 0, vertical = 0;
  for (const PixelLine& l : lines) {
    (l.horizontal ? horizontal : vertical)++;
    EXPECT_EQ(l.thickness, 2);
    if (l.horizontal) {
      EXPECT_EQ(l.lo, 100);
      EXPECT_EQ(l.hi, 701);
    }
  }
  EXPECT_EQ(horizontal, 3);
  EXPECT_EQ(vertical, 4);
}

TEST(ImageRulingsTest, RulingsAreInPointsAndFormTheCellGrid) {
  GrayImage image = Grid();
  std::vector<Ruling> rulings = ToRulings(FindPixelLines(image), image);
  ASSERT_EQ(rulings.size(), 7u);
  // 100 dpi: a pixel is 0.72 pt; the 2 px line at y = 100..101 is centred at 101 px.
  EXPECT_TRUE(rulings[0].horizontal());
  EXPECT_NEAR(rulings[0].y0, 101 * 0.72, 1e-9);
  EXPECT_NEAR(rulings[0].x0, 72, 1e-9);
  std::vector<LatticeGrid> grids = FindLatticeGrids(rulings);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].cells.size(), 6u);
}

TEST(ImageRulingsTest, MissingBorderMakesAMergedCell) {
  GrayImage image = Grid();
  Fill(&image, 300, 102, 302, 200, 255);  // erase the top of the x = 300 line
  std::vector<LatticeGrid> grids = FindLatticeGrids(ToRulings(FindPixelLines(image), image));
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].cells.size(), 5u);
}

TEST(ImageRulingsTest, GlyphStrokesAndFilledAreasAreNotRulings) {
  GrayImage image = Blank(827, 1169, 100);
  Fill(&image, 100, 500, 115, 502);  // a 10.8 pt stroke: too short
  Fill(&image, 100, 600, 130, 603);  // a 21.6 pt stroke (large title glyph) touching nothing
  Fill(&image, 200, 600, 202, 630);  // a lone vertical stroke
  Fill(&image, 300, 700, 600, 740);  // a filled bar, 28.8 pt thick
  EXPECT_TRUE(FindPixelLines(image).empty());
}

TEST(ImageRulingsTest, StrokesOfOneLargeGlyphAreNotAGrid) {
  GrayImage image = Blank(827, 1169, 100);
  // A 36 pt glyph like 口: four touching strokes, 22 pt (30 px) long.
  Fill(&image, 300, 300, 331, 303);
  Fill(&image, 300, 328, 331, 331);
  Fill(&image, 300, 300, 303, 331);
  Fill(&image, 328, 300, 331, 331);
  EXPECT_TRUE(FindPixelLines(image).empty());
}

TEST(ImageRulingsTest, LoneLongHorizontalRuleIsKept) {
  GrayImage image = Blank(827, 1169, 100);
  Fill(&image, 100, 400, 700, 401);  // a three-line table's rule: no verticals
  std::vector<PixelLine> lines = FindPixelLines(image);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(lines[0].horizontal);
}

TEST(ImageRulingsTest, ScanNoiseDoesNotBreakALine) {
  GrayImage image = Grid();
  Fill(&image, 400, 200, 402, 202, 200);  // a light 2 px gap in the middle row line
  Fill(&image, 150, 299, 450, 300, 90);   // a darker fringe above the bottom line
  std::vector<PixelLine> lines = FindPixelLines(image);
  int middle = 0;
  for (const PixelLine& l : lines)
    if (l.horizontal && l.pos > 150 && l.pos < 250) {
      ++middle;
      EXPECT_EQ(l.lo, 100);
      EXPECT_EQ(l.hi, 701);
    }
  EXPECT_EQ(middle, 1);
  EXPECT_EQ(lines.size(), 7u);
}

TEST(ImageRulingsTest, EraseLinesWhitensThemAndLeavesTextAlone) {
  GrayImage image = Grid();
  Fill(&image, 150, 140, 160, 160);  // "text" inside a cell
  std::vector<PixelLine> lines = FindPixelLines(image);
  EraseLines(lines, &image);
  EXPECT_EQ(image.at(200, 100), 255);
  EXPECT_EQ(image.at(300, 250), 255);
  EXPECT_EQ(image.at(155, 150), 0);
}

TEST(ImageRulingsTest, EmptyOrInconsistentImageGivesNothing) {
  EXPECT_TRUE(FindPixelLines(GrayImage()).empty());
  GrayImage bad = Blank(10, 10, 100);
  bad.pixels.resize(5);
  EXPECT_TRUE(FindPixelLines(bad).empty());
}

}  // namespace
}  // namespace cnbudget::pdf
