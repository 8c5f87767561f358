#include "extract/pdf/ruling_merge.h"

#include <algorithm>
#include <tuple>
#include <utility>

namespace cnbudget::pdf {
namespace {

// A segment on one axis: `pos` across the axis, [lo, hi] along it.
struct Piece {
  double pos, lo, hi;
};

// Clusters pieces whose pos lies within the tolerance of the cluster's first
// piece, then merges overlapping or touching intervals inside each cluster.
// The merged line sits at the mean pos of its pieces.
std::vector<Piece> MergeAxis(std::vector<Piece> pieces) {
  std::sort(pieces.begin(), pieces.end(),
            [](const Piece& a, const Piece& b) { return std::tie(a.pos, a.lo) < std::tie(b.pos, b.lo); });
  std::vector<Piece> out;
  size_t start = 0;
  while (start < pieces.size()) {
    size_t end = start + 1;
    while (end < pieces.size() && pieces[end].pos - pieces[start].pos <= kRulingMergeTolerance) ++end;
    std::sort(pieces.begin() + start, pieces.begin() + end,
              [](const Piece& a, const Piece& b) { return a.lo < b.lo; });
    Piece cur = pieces[start];
    double pos_sum = cur.pos;
    int count = 1;
    auto emit = [&]() {
      cur.pos = pos_sum / count;
      if (cur.hi - cur.lo >= kMinRulingLength) out.push_back(cur);
    };
    for (size_t i = start + 1; i < end; ++i) {
      const Piece& p = pieces[i];
      if (p.lo <= cur.hi + kRulingMergeTolerance) {
        cur.hi = std::max(cur.hi, p.hi);
        pos_sum += p.pos;
        ++count;
      } else {
        emit();
        cur = p;
        pos_sum = p.pos;
        count = 1;
      }
    }
    emit();
    start = end;
  }
  std::sort(out.begin(), out.end(),
            [](const Piece& a, const Piece& b) { return std::tie(a.pos, a.lo) < std::tie(b.pos, b.lo); });
  return out;
}

// Clips [lo, hi] to [0, limit]; false when nothing is left.
bool ClipInterval(double* lo, double* hi, double limit) {
  if (*lo > *hi) std::swap(*lo, *hi);
  *lo = std::max(*lo, 0.0);
  *hi = std::min(*hi, limit);
  return *hi > *lo;
}

}  // namespace

std::vector<Ruling> MergeRulings(std::vector<Ruling> segments, double width, double height) {
  std::vector<Piece> horizontal, vertical;
  for (Ruling& s : segments) {
    if (s.horizontal()) {
      if (s.y0 < 0 || s.y0 > height || !ClipInterval(&s.x0, &s.x1, width)) continue;
      horizontal.push_back({s.y0, s.x0, s.x1});
    } else if (s.x0 == s.x1) {
      if (s.x0 < 0 || s.x0 > width || !ClipInterval(&s.y0, &s.y1, height)) continue;
      vertical.push_back({s.x0, s.y0, s.y1});
    }
  }
  std::vector<Ruling> out;
  for (const Piece& p : MergeAxis(std::move(horizontal))) out.push_back({p.lo, p.pos, p.hi, p.pos});
  for (const Piece& p : MergeAxis(std::move(vertical))) out.push_back({p.pos, p.lo, p.pos, p.hi});
  return out;
}

}  // namespace cnbudget::pdf
