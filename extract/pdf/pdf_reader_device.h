// PageCollector: a Poppler OutputDev that records what the table builders
// need from one page (glyphs with geometry, axis-aligned path segments,
// filled rectangles, image area) and nothing else: no rasterising, no text
// layout analysis. Device space is the displayed page in points, origin
// top-left (upsideDown), with /Rotate and the CropBox already applied by Gfx.
#pragma once

#include <OutputDev.h>

#include "extract/pdf/pdf_reader_types.h"

namespace cnbudget::pdf {

class PageCollector : public OutputDev {
 public:
  // Safety caps per page; beyond them content is dropped and `truncated` set.
  static constexpr size_t kMaxGlyphs = 2000000;
  static constexpr size_t kMaxSegments = 1000000;
  // Filled rectangles thinner than this (pt) are rulings along their long axis.
  static constexpr double kThinFill = 2.5;

  PageCollector() = default;

  // Moves the collected page out; the collector is empty afterwards.
  PageGraphics Take() { return std::move(page_); }

  bool upsideDown() override { return true; }
  bool useDrawChar() override { return true; }
  bool interpretType3Chars() override { return false; }
  bool needNonText() override { return true; }

  // Patterns and smooth shadings are decoration, never rulings. Claiming to
  // draw them ourselves (and drawing nothing) stops Gfx from tiling patterns
  // or slicing gradients into thousands of thin fill() strips, which would be
  // slow and would look like rulings.
  bool useTilingPatternFill() override { return true; }
  bool useShadedFills(int) override { return true; }
  bool tilingPatternFill(GfxState*, Gfx*, Catalog*, GfxTilingPattern*, const double*, int, int,
                         int, int, double, double) override {
    return true;
  }
  bool functionShadedFill(GfxState*, GfxFunctionShading*) override { return true; }
  bool axialShadedFill(GfxState*, GfxAxialShading*, double, double) override { return true; }
  bool axialShadedSupportExtend(GfxState*, GfxAxialShading*) override { return true; }
  bool radialShadedFill(GfxState*, GfxRadialShading*, double, double) override { return true; }
  bool radialShadedSupportExtend(GfxState*, GfxRadialShading*) override { return true; }
  bool gouraudTriangleShadedFill(GfxState*, GfxGouraudTriangleShading*) override { return true; }
  bool patchMeshShadedFill(GfxState*, GfxPatchMeshShading*) override { return true; }

  void startPage(int page_num, GfxState* state, XRef* xref) override;
  void updateFont(GfxState* state) override;

  void drawChar(GfxState* state, double x, double y, double dx, double dy, double origin_x,
                double origin_y, CharCode code, int n_bytes, const Unicode* u, int u_len) override;

  void stroke(GfxState* state) override;
  void fill(GfxState* state) override;
  void eoFill(GfxState* state) override { fill(state); }

  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                 GfxImageColorMap* color_map, bool interpolate, const int* mask_colors,
                 bool inline_img) override;
  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height,
                     bool invert, bool interpolate, bool inline_img) override;

 private:
  void AddImageArea(GfxState* state);
  void AddSegment(double x0, double y0, double x1, double y1);
  void AddFilledRectangle(const BBox& box);
  bool AddFrame(const BBox& outer, const BBox& inner);

  PageGraphics page_;
  bool font_bold_ = false;      // cached per font change
  bool font_vertical_ = false;  // vertical writing mode (WMode 1): advances go down
  double font_ascent_ = 0.95;   // in text space units (fraction of the font size)
  double font_descent_ = -0.35;
};

}  // namespace cnbudget::pdf
