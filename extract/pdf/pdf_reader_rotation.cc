#include "extract/pdf/pdf_reader_rotation.h"

#include <algorithm>
#include <utility>

namespace cnbudget::pdf {
namespace {

struct Point {
  double x, y;
};

// Turns points of a width x height page counter-clockwise by `angle`.
class Turn {
 public:
  Turn(int angle, double width, double height) : angle_(angle), width_(width), height_(height) {}

  Point Map(Point p) const {
    switch (angle_) {
      case 90: return {p.y, width_ - p.x};
      case 180: return {width_ - p.x, height_ - p.y};
      case 270: return {height_ - p.y, p.x};
      default: return p;
    }
  }

  BBox Map(const BBox& b) const {
    Point a = Map(Point{b.x0, b.y0}), c = Map(Point{b.x1, b.y1});
    return BBox{std::min(a.x, c.x), std::min(a.y, c.y), std::max(a.x, c.x), std::max(a.y, c.y)};
  }

  Ruling Map(const Ruling& r) const {
    Point a = Map(Point{r.x0, r.y0}), c = Map(Point{r.x1, r.y1});
    return Ruling{a.x, a.y, c.x, c.y};
  }

 private:
  int angle_;
  double width_, height_;
};

// The device point at `along` on the baseline of a glyph with `direction`,
// inverting the reading frame of PlacedGlyph.
Point FramePoint(int direction, double base, double along) {
  switch (direction) {
    case 90: return {base, along};
    case 180: return {-along, -base};
    case 270: return {-base, -along};
    default: return {along, base};
  }
}

// (base, along) of a device point in the reading frame of `direction`.
std::pair<double, double> FrameCoordinates(int direction, Point p) {
  switch (direction) {
    case 90: return {p.x, p.y};
    case 180: return {-p.y, -p.x};
    case 270: return {-p.x, -p.y};
    default: return {p.y, p.x};
  }
}

void TurnGlyph(const Turn& turn, int angle, PlacedGlyph* g) {
  int old_direction = g->glyph.direction;
  int direction = (old_direction - angle + 360) % 360;
  Point start = turn.Map(FramePoint(old_direction, g->base, g->along0));
  Point end = turn.Map(FramePoint(old_direction, g->base, g->along1));
  auto [base, along0] = FrameCoordinates(direction, start);
  double along1 = FrameCoordinates(direction, end).second;
  g->base = base;
  g->along0 = std::min(along0, along1);
  g->along1 = std::max(along0, along1);
  g->glyph.direction = direction;
  g->glyph.box = turn.Map(g->glyph.box);
}

}  // namespace

int TurnToReadingDirection(PageGraphics* page) {
  int counts[4] = {0, 0, 0, 0};
  int total = 0;
  for (const PlacedGlyph& g : page->glyphs) {
    if (g.space) continue;
    ++counts[(g.glyph.direction / 90) & 3];
    ++total;
  }
  int dominant = static_cast<int>(std::max_element(counts + 1, counts + 4) - counts);
  if (counts[dominant] < kMinSidewaysGlyphs || counts[dominant] < kSidewaysShare * total) return 0;
  int angle = dominant * 90;
  Turn turn(angle, page->width, page->height);
  for (PlacedGlyph& g : page->glyphs) TurnGlyph(turn, angle, &g);
  for (Ruling& r : page->segments) r = turn.Map(r);
  for (BBox& b : page->fills) b = turn.Map(b);
  if (angle != 180) std::swap(page->width, page->height);
  return angle;
}

}  // namespace cnbudget::pdf
