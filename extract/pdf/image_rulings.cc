#include "extract/pdf/image_rulings.h"

#include <algorithm>
#include <cmath>

#include "extract/pdf/ruling_merge.h"

namespace cnbudget::pdf {
namespace {

// Light gaps inside a dark run that do not end it: JPEG noise and
// anti-aliasing leave a pixel or two of a thin line lighter than the rest.
constexpr int kMaxRunGap = 2;
// More lines than this: hatching or a picture, not a table (and the
// pairwise touch test stays cheap).
constexpr size_t kMaxPixelLines = 4000;

struct Run {
  int lo, hi;  // inclusive pixel range along the line
};

// A line being built from runs on consecutive rows (columns).
struct Group {
  int first, last;
  int lo, hi;
  double pos_sum = 0, weight = 0;
};

// Reads pixel `along` of line `across` for one axis.
struct Axis {
  const GrayImage& image;
  bool horizontal;
  int length() const { return horizontal ? image.width : image.height; }
  int count() const { return horizontal ? image.height : image.width; }
  bool ink(int across, int along) const {
    return (horizontal ? image.at(along, across) : image.at(across, along)) < kInkThreshold;
  }
};

std::vector<Run> DarkRuns(const Axis& axis, int across, int min_length) {
  std::vector<Run> runs;
  int n = axis.length();
  int start = -1, last_ink = -1;
  for (int i = 0; i <= n; ++i) {
    bool ink = i < n && axis.ink(across, i);
    if (ink) {
      if (start < 0) start = i;
      last_ink = i;
    } else if (start >= 0 && (i == n || i - last_ink > kMaxRunGap)) {
      if (last_ink - start + 1 >= min_length) runs.push_back(Run{start, last_ink});
      start = -1;
    }
  }
  return runs;
}

// Runs on neighbouring rows belong to one line when they overlap along it by
// at least half of the shorter one.
bool Continues(const Group& g, const Run& r) {
  int overlap = std::min(g.hi, r.hi) - std::max(g.lo, r.lo) + 1;
  int shorter = std::min(g.hi - g.lo, r.hi - r.lo) + 1;
  return overlap * 2 >= shorter;
}

void Emit(const Group& g, bool horizontal, int max_thickness, std::vector<PixelLine>* out) {
  int thickness = g.last - g.first + 1;
  if (thickness > max_thickness) return;
  PixelLine line;
  line.horizontal = horizontal;
  line.pos = g.pos_sum / g.weight;
  line.lo = g.lo;
  line.hi = g.hi;
  line.thickness = thickness;
  line.first = g.first;
  line.last = g.last;
  out->push_back(line);
}

void FindOnAxis(const GrayImage& image, bool horizontal, std::vector<PixelLine>* out) {
  Axis axis{image, horizontal};
  double px_per_pt = image.dpi / 72.0;
  int min_length = static_cast<int>(
      std::ceil((horizontal ? kMinImageHorizontal : kMinImageVertical) * px_per_pt));
  int max_thickness = std::max(2, static_cast<int>(kMaxImageRulingThickness * px_per_pt));
  std::vector<Group> active;
  for (int across = 0; across <= axis.count(); ++across) {
    std::vector<Run> runs;
    if (across < axis.count()) runs = DarkRuns(axis, across, min_length);
    // Close groups that no run has continued for more than one row.
    std::vector<Group> still;
    for (Group& g : active) {
      if (g.last >= across - 2) still.push_back(g);
      else Emit(g, horizontal, max_thickness, out);
    }
    active.swap(still);
    for (const Run& r : runs) {
      Group* joined = nullptr;
      for (Group& g : active)
        if (g.last < across && Continues(g, r)) {
          joined = &g;
          break;
        }
      if (!joined) {
        active.push_back(Group{across, across, r.lo, r.hi});
        joined = &active.back();
      }
      joined->last = across;
      joined->lo = std::min(joined->lo, r.lo);
      joined->hi = std::max(joined->hi, r.hi);
      double w = r.hi - r.lo + 1;
      joined->pos_sum += w * across;
      joined->weight += w;
    }
  }
}

bool Touch(const PixelLine& h, const PixelLine& v, double tolerance) {
  return v.pos >= h.lo - tolerance && v.pos <= h.hi + tolerance && h.pos >= v.lo - tolerance &&
         h.pos <= v.hi + tolerance;
}

// Keeps the lines of connected groups (touching lines) that span at least
// kMinImageGridExtent in one direction, and long lone horizontal rules.
std::vector<PixelLine> DropStrayLines(const std::vector<PixelLine>& lines, double px_per_pt) {
  double tolerance = 2.0 * px_per_pt;
  size_t n = lines.size();
  std::vector<size_t> group(n);
  for (size_t i = 0; i < n; ++i) group[i] = i;
  auto find = [&](size_t i) {
    while (group[i] != i) i = group[i] = group[group[i]];
    return i;
  };
  std::vector<bool> touched(n, false);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      if (lines[i].horizontal == lines[j].horizontal) continue;
      const PixelLine& h = lines[i].horizontal ? lines[i] : lines[j];
      const PixelLine& v = lines[i].horizontal ? lines[j] : lines[i];
      if (!Touch(h, v, tolerance)) continue;
      touched[i] = touched[j] = true;
      group[find(i)] = find(j);
    }
  // Extent of each group: x and y ranges, in pixels.
  std::vector<double> x0(n, 1e18), y0(n, 1e18), x1(n, -1e18), y1(n, -1e18);
  for (size_t i = 0; i < n; ++i) {
    const PixelLine& l = lines[i];
    size_t g = find(i);
    double a0 = l.horizontal ? l.lo : l.pos, a1 = l.horizontal ? l.hi : l.pos;
    double b0 = l.horizontal ? l.pos : l.lo, b1 = l.horizontal ? l.pos : l.hi;
    x0[g] = std::min(x0[g], a0);
    x1[g] = std::max(x1[g], a1);
    y0[g] = std::min(y0[g], b0);
    y1[g] = std::max(y1[g], b1);
  }
  double min_extent = kMinImageGridExtent * px_per_pt;
  std::vector<PixelLine> kept;
  for (size_t i = 0; i < n; ++i) {
    const PixelLine& l = lines[i];
    size_t g = find(i);
    bool grid = touched[i] && (x1[g] - x0[g] >= min_extent || y1[g] - y0[g] >= min_extent);
    if (grid || (l.horizontal && l.hi - l.lo + 1 >= kMinLoneHorizontal * px_per_pt))
      kept.push_back(l);
  }
  return kept;
}

}  // namespace

std::vector<PixelLine> FindPixelLines(const GrayImage& image) {
  std::vector<PixelLine> lines;
  if (image.width <= 0 || image.height <= 0 || image.dpi <= 0 ||
      image.pixels.size() != static_cast<size_t>(image.width) * image.height) {
    return lines;
  }
  FindOnAxis(image, true, &lines);
  FindOnAxis(image, false, &lines);
  // Bounded work: a page of hatching is no table (the lattice has the same cap).
  if (lines.size() > kMaxPixelLines) return {};
  return DropStrayLines(lines, image.dpi / 72.0);
}

std::vector<Ruling> ToRulings(const std::vector<PixelLine>& lines, const GrayImage& image) {
  if (image.dpi <= 0) return {};
  double s = 72.0 / image.dpi;
  std::vector<Ruling> segments;
  segments.reserve(lines.size());
  for (const PixelLine& l : lines) {
    double pos = (l.pos + 0.5) * s, lo = l.lo * s, hi = (l.hi + 1) * s;
    segments.push_back(l.horizontal ? Ruling{lo, pos, hi, pos} : Ruling{pos, lo, pos, hi});
  }
  return MergeRulings(std::move(segments), image.width * s, image.height * s);
}

void EraseLines(const std::vector<PixelLine>& lines, GrayImage* image) {
  for (const PixelLine& l : lines) {
    int a0 = std::max(0, l.first - 1), b0 = std::max(0, l.lo - 1);
    int a1 = l.last + 1, b1 = l.hi + 1;
    if (l.horizontal) {
      a1 = std::min(a1, image->height - 1);
      b1 = std::min(b1, image->width - 1);
      for (int y = a0; y <= a1; ++y)
        for (int x = b0; x <= b1; ++x) image->at(x, y) = 255;
    } else {
      a1 = std::min(a1, image->width - 1);
      b1 = std::min(b1, image->height - 1);
      for (int x = a0; x <= a1; ++x)
        for (int y = b0; y <= b1; ++y) image->at(x, y) = 255;
    }
  }
}

}  // namespace cnbudget::pdf
