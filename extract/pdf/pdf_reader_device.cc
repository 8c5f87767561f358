#include "extract/pdf/pdf_reader_device.h"

#include <GfxFont.h>
#include <GfxState.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "extract/pdf/glyph_hygiene.h"

namespace cnbudget::pdf {
namespace {

// Path points this close (pt) on one axis make a horizontal/vertical segment.
constexpr double kAxisTolerance = 0.5;

bool NameLooksBold(const std::string& name) {
  // 黑体 (Hei) faces are the bold faces of Chinese typesetting, but not the
  // UI/body faces that merely contain "Hei" (Microsoft YaHei, WenQuanYi Zen Hei).
  for (const char* marker : {"Bold", "bold", "BOLD", "Heavy", "Black", "Semibold", "Demi",
                             "SimHei", "Heiti", "FZHei", "\xE9\xBB\x91\xE4\xBD\x93" /* 黑体 UTF-8 */,
                             "\xBA\xDA\xCC\xE5" /* 黑体 GBK */}) {
    if (name.find(marker) != std::string::npos) return true;
  }
  return false;
}

bool IsNearWhite(const GfxRGB& rgb) {
  return colToDbl(rgb.r) > 0.95 && colToDbl(rgb.g) > 0.95 && colToDbl(rgb.b) > 0.95;
}

// Writing direction on the device as 0..3 quarter turns clockwise, from the
// font matrix (the same test as Poppler's TextOutputDev); -1 for text at an
// angle more than ~11 degrees off the axes, which in budget documents is a
// watermark ("内部资料", "样本") and never table content.
int QuarterTurns(GfxState* state) {
  double m[4];
  state->getFontTransMat(&m[0], &m[1], &m[2], &m[3]);
  double along = std::max(std::fabs(m[0]), std::fabs(m[1]));
  if (along > 0 && std::min(std::fabs(m[0]), std::fabs(m[1])) > 0.2 * along) return -1;
  if (std::fabs(m[0] * m[3]) > std::fabs(m[1] * m[2])) return (m[0] > 0 || m[3] < 0) ? 0 : 2;
  return m[2] > 0 ? 1 : 3;
}

BBox Normalized(double x0, double y0, double x1, double y1) {
  return BBox{std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)};
}

}  // namespace

void PageCollector::startPage(int, GfxState* state, XRef*) {
  // One collector reads every page of a document: nothing carries over.
  page_ = PageGraphics();
  font_bold_ = font_vertical_ = false;
  font_ascent_ = 0.95;
  font_descent_ = -0.35;
  if (state) {
    page_.width = state->getPageWidth();
    page_.height = state->getPageHeight();
  }
}

void PageCollector::updateFont(GfxState* state) {
  font_bold_ = false;
  font_vertical_ = false;
  font_ascent_ = 0.95;
  font_descent_ = -0.35;
  const std::shared_ptr<GfxFont>& font = state->getFont();
  if (!font) return;
  const std::optional<std::string>& name = font->getName();
  font_bold_ = font->isBold() || font->getWeight() >= GfxFont::W600 ||
               (name && NameLooksBold(*name));
  font_vertical_ = font->getWMode() == 1;
  if (font->getType() == fontType3) return;  // metrics in glyph space: keep defaults
  double ascent = font->getAscent(), descent = font->getDescent();
  if (ascent > 0.2 && ascent < 1.5) font_ascent_ = ascent;
  if (descent < 0 && descent > -1) font_descent_ = descent;
}

void PageCollector::drawChar(GfxState* state, double x, double y, double dx, double dy, double,
                             double, CharCode, int, const Unicode* u, int u_len) {
  if (page_.glyphs.size() >= kMaxGlyphs) {
    page_.truncated = true;
    return;
  }
  PlacedGlyph placed;
  bool all_space = true;
  for (int i = 0; u && i < u_len; ++i) {
    char32_t cp = UnifiedIdeographForRadical(u[i]);
    if (cp < 0x20 && !IsWhitespace(cp)) continue;  // control codes from bad ToUnicode maps
    if (!IsWhitespace(cp)) all_space = false;
    AppendUtf8(cp, &placed.glyph.text);
  }
  if (placed.glyph.text.empty()) {
    ++page_.glyphs_without_unicode;
    return;
  }
  placed.space = all_space;

  // The box spans the advance without character spacing, as pdftotext does.
  double space_x, space_y;
  state->textTransformDelta(state->getCharSpace() * state->getHorizScaling(), 0, &space_x, &space_y);
  double bx, by, w, h;
  state->transform(x, y, &bx, &by);
  state->transformDelta(dx - space_x, dy - space_y, &w, &h);
  double size = state->getTransformedFontSize();
  double ascent = font_ascent_ * size, descent = font_descent_ * size;

  int turns = QuarterTurns(state);
  if (turns < 0) return;  // diagonal text
  if (std::fabs(w) + std::fabs(h) < 0.05 * size) {
    // Zero advances (broken CID width tables; Poppler already repairs simple
    // fonts) would put every glyph of a word in its own run: assume a
    // nominal advance instead.
    char32_t first = Utf8FirstCodePoint(placed.glyph.text);
    double nominal = (IsCjk(first) ? 1.0 : 0.5) * size;
    if (font_vertical_) {
      h = nominal;
    } else {
      w = turns == 0 ? nominal : turns == 2 ? -nominal : 0;
      h = turns == 1 ? nominal : turns == 3 ? -nominal : 0;
    }
  }
  Glyph& g = placed.glyph;
  if (font_vertical_ && turns == 0) {
    // Upright CJK glyphs stacked downwards: the advance is vertical. Poppler
    // hands us the glyph's lower left corner, one em below its top (the box
    // matches pdftotext's).
    turns = 1;
    g.box = Normalized(bx, by - size, bx + size, by - size + h);
    placed.base = bx;
    placed.along0 = by - size;
    placed.along1 = by - size + h;
  } else switch (turns) {
    case 0:
      g.box = Normalized(bx, by - ascent, bx + w, by - descent);
      placed.base = by;
      placed.along0 = bx;
      placed.along1 = bx + w;
      break;
    case 1:
      g.box = Normalized(bx + descent, by, bx + ascent, by + h);
      placed.base = bx;
      placed.along0 = by;
      placed.along1 = by + h;
      break;
    case 2:
      g.box = Normalized(bx + w, by + descent, bx, by + ascent);
      placed.base = -by;
      placed.along0 = -bx;
      placed.along1 = -(bx + w);
      break;
    default:
      g.box = Normalized(bx - ascent, by + h, bx - descent, by);
      placed.base = -bx;
      placed.along0 = -by;
      placed.along1 = -(by + h);
      break;
  }
  if (placed.along1 < placed.along0) std::swap(placed.along0, placed.along1);
  double cx = (g.box.x0 + g.box.x1) / 2, cy = (g.box.y0 + g.box.y1) / 2;
  // Off the page. Written so that NaN (from an infinite text matrix) fails too.
  if (!(cx >= 0 && cy >= 0 && cx <= page_.width && cy <= page_.height)) return;
  if (!std::isfinite(g.box.x0 + g.box.x1 + g.box.y0 + g.box.y1 + size)) return;
  double clip_x0, clip_y0, clip_x1, clip_y1;
  state->getClipBBox(&clip_x0, &clip_y0, &clip_x1, &clip_y1);
  g.clipped = cx < clip_x0 || cx > clip_x1 || cy < clip_y0 || cy > clip_y1;
  g.font_size = size;
  g.direction = turns * 90;
  int render = state->getRender() & 3;
  g.bold = font_bold_ || render == 2;  // fill+stroke: synthetic bold
  page_.glyphs.push_back(std::move(placed));
}

void PageCollector::AddSegment(double x0, double y0, double x1, double y1) {
  if (!std::isfinite(x0 + y0 + x1 + y1)) return;  // an infinite matrix: nothing drawable
  if (page_.segments.size() >= kMaxSegments) {
    page_.truncated = true;
    return;
  }
  double dx = std::fabs(x1 - x0), dy = std::fabs(y1 - y0);
  if (dy <= kAxisTolerance && dx > dy) {
    double y = (y0 + y1) / 2;
    page_.segments.push_back(Ruling{std::min(x0, x1), y, std::max(x0, x1), y});
  } else if (dx <= kAxisTolerance && dy > dx) {
    double x = (x0 + x1) / 2;
    page_.segments.push_back(Ruling{x, std::min(y0, y1), x, std::max(y0, y1)});
  }
  // Diagonals and curves are not rulings.
}

void PageCollector::stroke(GfxState* state) {
  if (state->getStrokeOpacity() <= 0) return;
  GfxRGB rgb;
  state->getStrokeRGB(&rgb);
  if (IsNearWhite(rgb)) return;
  const GfxPath* path = state->getPath();
  for (int i = 0; i < path->getNumSubpaths(); ++i) {
    const GfxSubpath* sub = path->getSubpath(i);
    int n = sub->getNumPoints();
    double px, py;
    state->transform(sub->getX(0), sub->getY(0), &px, &py);
    for (int j = 1; j < n; ++j) {
      double qx, qy;
      if (sub->getCurve(j)) {  // Bezier: j, j+1 control points, j+2 end point
        j += 2;
        if (j >= n) break;
        state->transform(sub->getX(j), sub->getY(j), &px, &py);
        continue;
      }
      state->transform(sub->getX(j), sub->getY(j), &qx, &qy);
      AddSegment(px, py, qx, qy);
      px = qx;
      py = qy;
    }
  }
}

namespace {

// The device-space box of `sub` if it is an axis-aligned rectangle.
bool RectangleOf(GfxState* state, const GfxSubpath* sub, BBox* box) {
  int n = sub->getNumPoints();
  if (n < 4 || n > 6) return false;  // 4 corners, plus closing points
  double xs[6], ys[6];
  for (int j = 0; j < n; ++j) {
    if (sub->getCurve(j)) return false;
    state->transform(sub->getX(j), sub->getY(j), &xs[j], &ys[j]);
  }
  for (int j = 1; j < n; ++j) {
    if (std::fabs(xs[j] - xs[j - 1]) > kAxisTolerance &&
        std::fabs(ys[j] - ys[j - 1]) > kAxisTolerance) {
      return false;
    }
  }
  *box = BBox{*std::min_element(xs, xs + n), *std::min_element(ys, ys + n),
              *std::max_element(xs, xs + n), *std::max_element(ys, ys + n)};
  return true;
}

}  // namespace

void PageCollector::AddFilledRectangle(const BBox& box) {
  if (!std::isfinite(box.x0 + box.y0 + box.x1 + box.y1)) return;
  double w = box.x1 - box.x0, h = box.y1 - box.y0;
  if (std::min(w, h) < kThinFill) {
    if (w >= h) {
      AddSegment(box.x0, (box.y0 + box.y1) / 2, box.x1, (box.y0 + box.y1) / 2);
    } else {
      AddSegment((box.x0 + box.x1) / 2, box.y0, (box.x0 + box.x1) / 2, box.y1);
    }
  } else if (w * h < 0.5 * page_.width * page_.height) {
    page_.fills.push_back(box);  // larger: a shaded cell or a bar, not a line
  }
}

// A frame is an outer rectangle minus an inner one with thin margins, as some
// producers draw a table's outer border: its four sides are rulings.
bool PageCollector::AddFrame(const BBox& outer, const BBox& inner) {
  double left = inner.x0 - outer.x0, right = outer.x1 - inner.x1;
  double top = inner.y0 - outer.y0, bottom = outer.y1 - inner.y1;
  for (double margin : {left, right, top, bottom}) {
    if (margin < 0 || margin >= kThinFill) return false;
  }
  AddFilledRectangle(BBox{outer.x0, outer.y0, outer.x1, inner.y0});
  AddFilledRectangle(BBox{outer.x0, inner.y1, outer.x1, outer.y1});
  AddFilledRectangle(BBox{outer.x0, outer.y0, inner.x0, outer.y1});
  AddFilledRectangle(BBox{inner.x1, outer.y0, outer.x1, outer.y1});
  return true;
}

void PageCollector::fill(GfxState* state) {
  if (state->getFillOpacity() <= 0) return;
  GfxRGB rgb;
  state->getFillRGB(&rgb);
  if (IsNearWhite(rgb)) return;  // backgrounds and white-outs are not lines
  const GfxPath* path = state->getPath();
  std::vector<BBox> boxes;
  for (int i = 0; i < path->getNumSubpaths(); ++i) {
    BBox box;
    if (RectangleOf(state, path->getSubpath(i), &box)) boxes.push_back(box);
  }
  if (boxes.size() == 2 && path->getNumSubpaths() == 2 &&
      (AddFrame(boxes[0], boxes[1]) || AddFrame(boxes[1], boxes[0]))) {
    return;
  }
  for (const BBox& box : boxes) AddFilledRectangle(box);
}

void PageCollector::AddImageArea(GfxState* state) {
  const double* m = state->getCTM();
  double xs[4] = {m[4], m[0] + m[4], m[2] + m[4], m[0] + m[2] + m[4]};
  double ys[4] = {m[5], m[1] + m[5], m[3] + m[5], m[1] + m[3] + m[5]};
  double x0 = std::max(0.0, *std::min_element(xs, xs + 4));
  double y0 = std::max(0.0, *std::min_element(ys, ys + 4));
  double x1 = std::min(page_.width, *std::max_element(xs, xs + 4));
  double y1 = std::min(page_.height, *std::max_element(ys, ys + 4));
  if (x1 > x0 && y1 > y0 && std::isfinite(x1 - x0 + y1 - y0)) page_.image_area += (x1 - x0) * (y1 - y0);
}

void PageCollector::drawImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                              GfxImageColorMap* color_map, bool interpolate,
                              const int* mask_colors, bool inline_img) {
  AddImageArea(state);
  page_.image_pixels += static_cast<double>(std::max(0, width)) * std::max(0, height);
  // The base class skips inline image data without decoding it.
  OutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors,
                       inline_img);
}

void PageCollector::drawImageMask(GfxState* state, Object* ref, Stream* str, int width,
                                  int height, bool invert, bool interpolate, bool inline_img) {
  AddImageArea(state);
  page_.image_pixels += static_cast<double>(std::max(0, width)) * std::max(0, height);
  OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_img);
}

}  // namespace cnbudget::pdf
