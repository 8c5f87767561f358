#include "extract/pdf/table_header.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace cnbudget::pdf {

namespace {

double Overlap(double a0, double a1, double b0, double b1) {
  return std::max(0.0, std::min(a1, b1) - std::max(a0, b0));
}

// True when the box overlaps no band and stands well apart from the bands
// on both sides: the text of a column that has no values in the body.
// `header`: the box is a lowest header text, which heads a column of its
// own also when it stands a character or more clear of both neighbours.
bool LiesInGap(const std::vector<Band>& bands, const BBox& box, bool header) {
  double left = -1e18, right = 1e18;
  for (const Band& b : bands) {
    if (Overlap(box.x0, box.x1, b.x0, b.x1) > 0) return false;
    if (b.x1 <= box.x0) left = std::max(left, b.x1);
    if (b.x0 >= box.x1) right = std::min(right, b.x0);
  }
  if (left < -1e17 || right > 1e17) return true;  // beyond the outermost band
  double gap = right - left;
  double clear = std::min(box.x0 - left, right - box.x1);
  if (header && clear >= std::max(Height(box), 0.1 * gap)) return true;
  return clear >= 0.2 * gap;
}

// True when the box's centre lies in no band and it overlaps each band by
// less than 30% of its width.
bool OutsideBands(const std::vector<Band>& bands, const BBox& box) {
  double cx = CenterX(box);
  for (const Band& b : bands) {
    if (cx >= b.x0 && cx <= b.x1) return false;
    if (Overlap(box.x0, box.x1, b.x0, b.x1) >= 0.3 * Width(box)) return false;
  }
  return true;
}

// Adds one band per box (boxes overlapping each other make one band).
void AddBands(const std::vector<BBox>& boxes, std::vector<Band>* bands) {
  std::vector<Band> added;
  for (const BBox& b : boxes) {
    bool merged = false;
    for (Band& o : added)
      if (Overlap(o.x0, o.x1, b.x0, b.x1) > 0) {
        o.x0 = std::min(o.x0, b.x0);
        o.x1 = std::max(o.x1, b.x1);
        merged = true;
      }
    if (!merged) added.push_back(Band{b.x0, b.x1});
  }
  bands->insert(bands->end(), added.begin(), added.end());
  std::sort(bands->begin(), bands->end(), [](const Band& a, const Band& b) { return a.x0 < b.x0; });
}

// Adds one band per cluster of boxes (overlapping in x) that cover no band.
void AddOrphanBands(const std::vector<BBox>& boxes, bool header, std::vector<Band>* bands) {
  std::vector<Band> orphans;
  for (const BBox& b : boxes) {
    if (!LiesInGap(*bands, b, header)) continue;
    bool merged = false;
    for (Band& o : orphans)
      if (Overlap(o.x0, o.x1, b.x0, b.x1) > 0) {
        o.x0 = std::min(o.x0, b.x0);
        o.x1 = std::max(o.x1, b.x1);
        merged = true;
      }
    if (!merged) orphans.push_back(Band{b.x0, b.x1});
  }
  bands->insert(bands->end(), orphans.begin(), orphans.end());
  std::sort(bands->begin(), bands->end(), [](const Band& a, const Band& b) { return a.x0 < b.x0; });
}

// Lines of one wrapped header text sit one line pitch apart with the same
// centre (centred text) or the same left edge, and no line is wider than the
// one above it but the last: the column width caps them. Reading such a stack
// as one piece, top to bottom, before columns are assigned keeps the
// characters of neighbouring narrow columns (whose lines interleave in y)
// from mixing.
size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool IsClosingPunctuation(char32_t cp) {
  return cp == U')' || cp == 0xFF09 || cp == 0x3011 || cp == 0x300D || cp == 0x300F ||
         cp == 0x3009 || cp == 0x300B || cp == 0x3002 || cp == 0xFF0C || cp == 0x3001 ||
         cp == 0xFF1A || cp == 0xFF1B;
}

bool ContinuesStack(const Piece& above, const Piece& below) {
  double fs = std::max(1.0, std::max(above.font_size, below.font_size));
  double gap = below.box.y0 - above.box.y1;
  if (gap < -0.2 * fs || gap > 0.45 * fs) return false;  // line spacing, not cell padding
  bool centred = std::abs(CenterX(above.box) - CenterX(below.box)) <= 0.3 * fs;
  bool left = std::abs(above.box.x0 - below.box.x0) <= 0.3 * fs;
  // Paragraph lines are not a narrow column's text.
  if (Width(above.box) > 12 * fs) return false;
  // A closing bracket or punctuation cannot start a line: it stays on the
  // line before, which may then be one character wider than the line above.
  double widest = Width(above.box);
  if (IsClosingPunctuation(TrailingCodePoint(below.text)) && CodePoints(below.text) > 0)
    widest += Width(below.box) / static_cast<double>(CodePoints(below.text));
  return (centred || left) && Width(below.box) <= widest + 0.5 * fs;
}

// True when `above` reaches over a text beside `below` on its baseline: it
// is a merged cell over several columns, not the first line of `below`'s
// cell.
bool SpansNeighbour(const Piece& above, const Piece& below, const std::vector<Piece>& pieces) {
  for (const Piece& q : pieces) {
    if (&q == &below || &q == &above) continue;
    double v = std::min(q.box.y1, below.box.y1) - std::max(q.box.y0, below.box.y0);
    if (v <= 0.5 * std::min(Height(q.box), Height(below.box))) continue;
    if (Overlap(q.box.x0, q.box.x1, above.box.x0, above.box.x1) > 0) return true;
  }
  return false;
}

// True when texts below `a` stand close on both sides of its centre, one
// ending left of it and one starting right of it: `a` is a merged cell
// centred over the gap between two columns (基本支出 over 人员经费/公用经费).
bool OverTwoTexts(const BBox& a, const std::vector<Piece>& pieces) {
  double cx = CenterX(a), w = Width(a);
  bool left = false, right = false;
  for (const Piece& p : pieces) {
    const BBox& b = p.box;
    if (b.y0 <= a.y1 - 1 || b.y0 > a.y1 + 2 * Height(a)) continue;
    left = left || (b.x1 <= cx && b.x1 > a.x0 - w);
    right = right || (b.x0 >= cx && b.x0 < a.x1 + w);
  }
  return left && right;
}

}  // namespace

std::vector<Piece> JoinWrappedHeaderTexts(std::vector<Piece> pieces) {
  std::sort(pieces.begin(), pieces.end(),
            [](const Piece& a, const Piece& b) { return a.box.y0 < b.box.y0; });
  std::vector<Piece> stacks;      // joined pieces
  std::vector<Piece> last_line;   // the lowest line of each stack, as a piece
  const std::vector<Piece> original = pieces;
  for (size_t i = 0; i < pieces.size(); ++i) {
    Piece& p = pieces[i];
    // The stack whose last line this one continues; when two could take it
    // (a narrow text under a wide one), the nearest centre wins.
    int best = -1;
    double best_d = 1e18;
    for (size_t k = 0; k < stacks.size(); ++k) {
      if (!ContinuesStack(last_line[k], p)) continue;
      if (SpansNeighbour(last_line[k], original[i], original)) continue;
      double d = std::abs(CenterX(last_line[k].box) - CenterX(p.box));
      if (d < best_d) {
        best_d = d;
        best = static_cast<int>(k);
      }
    }
    if (best < 0) {
      last_line.push_back(p);
      stacks.push_back(std::move(p));
      continue;
    }
    Piece& s = stacks[best];
    s.text += "\n" + p.text;
    s.box = Union(s.box, p.box);
    s.bold = s.bold && p.bold;
    s.font_size = std::max(s.font_size, p.font_size);
    s.glyphs.insert(s.glyphs.end(), p.glyphs.begin(), p.glyphs.end());
    last_line[best] = std::move(p);
  }
  return stacks;
}

namespace {

bool SameBaseline(const BBox& a, const BBox& b) {
  double v = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  return v > 0.5 * std::min(Height(a), Height(b));
}

// Two lowest header texts side by side on one baseline over one band head
// two columns: a body text running over into the next column joined them
// into one band. The band is split at the midpoint between those texts,
// unless a neighbouring band has no header text of its own (then the outer
// text heads that band, its values standing off its centre).
void SplitBandsUnderLeaves(const std::vector<BBox>& leaves, std::vector<Band>* bands) {
  auto headed = [&](const Band& band) {
    for (const BBox& a : leaves)
      if (Overlap(a.x0, a.x1, band.x0, band.x1) > 0) return true;
    return false;
  };
  std::vector<Band> out;
  for (size_t i = 0; i < bands->size(); ++i) {
    const Band& band = (*bands)[i];
    std::vector<BBox> over;
    for (const BBox& a : leaves) {
      if (CenterX(a) <= band.x0 || CenterX(a) >= band.x1) continue;
      // A text reaching over a neighbouring band heads that column.
      bool elsewhere = false;
      for (const Band& o : *bands)
        if (&o != &band && Overlap(a.x0, a.x1, o.x0, o.x1) > 0) elsewhere = true;
      if (!elsewhere) over.push_back(a);
    }
    bool neighbours_headed = (i == 0 || headed((*bands)[i - 1])) &&
                             (i + 1 == bands->size() || headed((*bands)[i + 1]));
    std::sort(over.begin(), over.end(), [](const BBox& a, const BBox& b) { return a.x0 < b.x0; });
    double x0 = band.x0;
    for (size_t k = 0; neighbours_headed && k + 1 < over.size(); ++k) {
      double fs = std::max(1.0, std::min(Height(over[k]), Height(over[k + 1])));
      if (over[k + 1].x0 - over[k].x1 < 0.5 * fs) continue;  // one text, or overlapping
      if (!SameBaseline(over[k], over[k + 1])) continue;
      double mid = (over[k].x1 + over[k + 1].x0) / 2;
      out.push_back(Band{x0, mid - 0.5});
      x0 = mid + 0.5;
    }
    out.push_back(Band{x0, band.x1});
  }
  *bands = std::move(out);
}

struct Block {
  BBox box;
  int b0 = 0, b1 = 0;
  std::vector<Piece> pieces;
};

bool Contains(const Block& outer, const Block& inner) {
  return outer.b0 <= inner.b0 && inner.b1 <= outer.b1;
}

// Stacked segments in the same (or nested) columns with a small vertical gap
// are one wrapped header text.
std::vector<Block> JoinStackedSegments(std::vector<Block> segs) {
  std::sort(segs.begin(), segs.end(),
            [](const Block& a, const Block& b) { return a.box.y0 < b.box.y0; });
  std::vector<int> parent(segs.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (size_t i = 0; i < segs.size(); ++i) {
    for (size_t j = i + 1; j < segs.size(); ++j) {
      const Block& a = segs[i];
      const Block& b = segs[j];
      double fs = std::max(1.0, std::max(a.pieces[0].font_size, b.pieces[0].font_size));
      double gap = b.box.y0 - a.box.y1;
      if (gap > 0.5 * fs || gap < -0.5 * fs) continue;
      if (!Contains(a, b) && !Contains(b, a)) continue;
      if (Overlap(a.box.x0, a.box.x1, b.box.x0, b.box.x1) <= 0) continue;
      parent[find(static_cast<int>(j))] = find(static_cast<int>(i));
    }
  }
  std::map<int, Block> groups;
  for (size_t i = 0; i < segs.size(); ++i) {
    int root = find(static_cast<int>(i));
    auto it = groups.find(root);
    if (it == groups.end()) {
      groups.emplace(root, std::move(segs[i]));
      continue;
    }
    Block& g = it->second;
    g.box = Union(g.box, segs[i].box);
    g.b0 = std::min(g.b0, segs[i].b0);
    g.b1 = std::max(g.b1, segs[i].b1);
    for (Piece& p : segs[i].pieces) g.pieces.push_back(std::move(p));
  }
  std::vector<Block> out;
  for (auto& [k, b] : groups) out.push_back(std::move(b));
  return out;
}

// Header texts standing on one rule share out the columns under it: each
// takes the columns whose centres lie between the midpoints to its
// neighbours on that rule (one text over a short rule takes them all).
void ApplyRules(const std::vector<Band>& bands, const std::vector<Ruling>& rules,
                std::vector<Block>* segs) {
  for (const Ruling& r : rules) {
    if (!r.horizontal()) continue;
    std::vector<Block*> above;
    for (Block& b : *segs) {
      double fs = std::max(1.0, b.pieces[0].font_size);
      double cx = CenterX(b.box);
      if (b.box.y1 <= r.y0 + 1 && b.box.y1 >= r.y0 - 1.5 * fs && cx >= r.x0 - 2 && cx <= r.x1 + 2)
        above.push_back(&b);
    }
    std::sort(above.begin(), above.end(),
              [](const Block* a, const Block* b) { return a->box.x0 < b->box.x0; });
    for (size_t k = 0; k < above.size(); ++k) {
      double lo = k == 0 ? r.x0 - 2 : (above[k - 1]->box.x1 + above[k]->box.x0) / 2;
      double hi = k + 1 == above.size() ? r.x1 + 2 : (above[k]->box.x1 + above[k + 1]->box.x0) / 2;
      int f = -1, l = -1;
      for (int i = 0; i < static_cast<int>(bands.size()); ++i) {
        double bc = (bands[i].x0 + bands[i].x1) / 2;
        if (bc < lo || bc > hi) continue;
        if (f < 0) f = i;
        l = i;
      }
      if (f >= 0) {
        above[k]->b0 = std::min(f, above[k]->b0);
        above[k]->b1 = std::max(l, above[k]->b1);
      }
    }
  }
}

double SlotLeft(const std::vector<Band>& bands, int c) {
  return c == 0 ? bands[0].x0 : (bands[c - 1].x1 + bands[c].x0) / 2;
}

double SlotRight(const std::vector<Band>& bands, int c) {
  int n = static_cast<int>(bands.size());
  return c + 1 == n ? bands[n - 1].x1 : (bands[c].x1 + bands[c + 1].x0) / 2;
}

// True when every column of f..l outside the text's own columns holds lower
// header texts (or none, if `allow_empty`) that sit in the rows under the text: a header text below a
// merged cell is centred in the rows beneath it, a text spanning the whole
// header height (a column of its own) in the whole height. `bottom` is the
// foot of the header.
bool ColumnsBelongUnder(const Block& top, int f, int l, const std::vector<Block*>& rest,
                        double bottom, bool allow_empty) {
  double under_centre = (top.box.y1 + bottom) / 2, full_centre = (top.box.y0 + bottom) / 2;
  // A text with texts of its own below it is a merged cell of a middle
  // level: it starts under the top text whatever its centre.
  auto has_below = [&](const Block* b) {
    for (const Block* o : rest)
      if (o != b && o->box.y0 > b->box.y1 - 1 && Overlap(o->box.x0, o->box.x1, b->box.x0, b->box.x1) > 0)
        return true;
    return false;
  };
  for (int c = f; c <= l; ++c) {
    if (c >= top.b0 && c <= top.b1) continue;
    bool child = false;
    for (const Block* b : rest) {
      if (b->b1 < c || b->b0 > c) continue;
      if (b->b0 < f || b->b1 > l) return false;  // reaches out of the span
      double cy = CenterY(b->box);
      if (std::abs(cy - under_centre) >= std::abs(cy - full_centre) && !has_below(b)) return false;
      child = true;
    }
    if (!child && !allow_empty) return false;
  }
  return true;
}

// Without rules, a merged header text is centred over its columns (as
// merged cells centre their text). `tier` are the highest texts over columns
// lo..hi: when they share lo..hi out by the midpoints between them, each
// centred over its share, they take those shares.
bool ShareByMidpoints(const std::vector<Band>& bands, int lo, int hi,
                      const std::vector<Block*>& tier, const std::vector<Block*>& rest) {
  double bottom = 0;
  for (const Block* b : rest) bottom = std::max(bottom, b->box.y1);
  std::vector<int> first(tier.size(), -1), last(tier.size(), -1);
  for (int c = lo; c <= hi; ++c) {
    double centre = (bands[c].x0 + bands[c].x1) / 2;
    size_t k = 0;
    while (k + 1 < tier.size() && centre > (tier[k]->box.x1 + tier[k + 1]->box.x0) / 2) ++k;
    if (first[k] < 0) first[k] = c;
    last[k] = c;
  }
  for (size_t k = 0; k < tier.size(); ++k) {
    if (first[k] < 0 || first[k] > tier[k]->b0 || last[k] < tier[k]->b1) return false;
    double x0 = SlotLeft(bands, first[k]), x1 = SlotRight(bands, last[k]);
    double fs = std::max(1.0, tier[k]->pieces[0].font_size);
    if (std::abs(CenterX(tier[k]->box) - (x0 + x1) / 2) > 0.06 * (x1 - x0) + 0.5 * fs) return false;
    // A lone text taking every column is suspect: it may be centred over a
    // middle part only (symmetric neighbours), so its columns must lie under it.
    if (tier.size() == 1 && !ColumnsBelongUnder(*tier[k], first[k], last[k], rest, bottom, true))
      return false;
  }
  for (size_t k = 0; k < tier.size(); ++k) {
    tier[k]->b0 = first[k];
    tier[k]->b1 = last[k];
  }
  return true;
}

// The widest run of columns f..l (within lo..hi, around the text's own
// columns, free of the other tier texts) over whose middle the text is
// centred, that it fits in, and whose other columns' texts lie under it.
// False when no span wider than the text's own columns qualifies.
bool CentredSpan(const std::vector<Band>& bands, int lo, int hi, const Block& top,
                 const std::vector<Block*>& tier, const std::vector<Block*>& rest, int* f_out,
                 int* l_out) {
  // Columns nearer another top text (past the midpoint between the two
  // texts) are not this one's.
  int left_limit = lo, right_limit = hi;
  for (const Block* o : tier) {
    if (o == &top) continue;
    if (o->b1 < top.b0) left_limit = std::max(left_limit, o->b1 + 1);
    if (o->b0 > top.b1) right_limit = std::min(right_limit, o->b0 - 1);
    double mid = o->box.x0 >= top.box.x1 ? (top.box.x1 + o->box.x0) / 2 : (o->box.x1 + top.box.x0) / 2;
    for (int c = lo; c <= hi; ++c) {
      double centre = (bands[c].x0 + bands[c].x1) / 2;
      if (o->box.x0 >= top.box.x1 && centre > mid) right_limit = std::min(right_limit, c - 1);
      if (o->box.x1 <= top.box.x0 && centre < mid) left_limit = std::max(left_limit, c + 1);
    }
  }
  double bottom = top.box.y1;
  for (const Block* b : rest) bottom = std::max(bottom, b->box.y1);
  double fs = std::max(1.0, top.pieces[0].font_size);
  int best_width = top.b1 - top.b0 + 1;
  bool found = false;
  for (int f = left_limit; f <= top.b0; ++f)
    for (int l = top.b1; l <= right_limit; ++l) {
      if (l - f + 1 <= best_width) continue;
      double x0 = SlotLeft(bands, f), x1 = SlotRight(bands, l);
      if (top.box.x0 < x0 - 0.5 * fs || top.box.x1 > x1 + 0.5 * fs) continue;
      if (std::abs(CenterX(top.box) - (x0 + x1) / 2) > 0.08 * (x1 - x0) + 0.5 * fs) continue;
      if (!ColumnsBelongUnder(top, f, l, rest, bottom, false)) continue;
      best_width = l - f + 1;
      *f_out = f;
      *l_out = l;
      found = true;
    }
  return found;
}

// Without rules, merged headers are found top-down: the highest header texts
// over columns lo..hi take their columns (ShareByMidpoints, else each its
// CentredSpan); then the same inside each text's columns.
void PartitionTiers(const std::vector<Band>& bands, int lo, int hi, std::vector<Block>* blocks,
                    int depth) {
  if (depth > 6 || lo > hi) return;
  std::vector<Block*> members;
  double top = 1e18;
  for (Block& b : *blocks)
    if (b.b0 >= lo && b.b1 <= hi && b.b0 <= b.b1) {
      members.push_back(&b);
      top = std::min(top, b.box.y0);
    }
  if (members.empty()) return;
  std::vector<Block*> tier, rest;
  for (Block* b : members) {
    double fs = std::max(1.0, b->pieces[0].font_size);
    (b->box.y0 < top + 0.5 * fs ? tier : rest).push_back(b);
  }
  if (rest.empty()) return;
  std::sort(tier.begin(), tier.end(), [](Block* a, Block* b) { return a->box.x0 < b->box.x0; });
  if (!ShareByMidpoints(bands, lo, hi, tier, rest)) {
    std::vector<std::pair<int, int>> spans;
    for (Block* t : tier) {
      int f = t->b0, l = t->b1;
      CentredSpan(bands, lo, hi, *t, tier, rest, &f, &l);
      spans.emplace_back(f, l);
    }
    for (size_t k = 0; k < tier.size(); ++k) {
      tier[k]->b0 = spans[k].first;
      tier[k]->b1 = spans[k].second;
    }
  }
  for (Block* t : tier) {
    // The tier text itself is above its columns; partition what lies below.
    int f = t->b0, l = t->b1;
    t->b0 = l + 1;  // an empty range: not a member of its own columns
    PartitionTiers(bands, f, l, blocks, depth + 1);
    t->b0 = f;
  }
}

}  // namespace

std::vector<Band> BandsFromBody(const std::vector<VisualLine>& body, int allowance) {
  // Sweep over segment edges counting, per x, the lines that cover it.
  std::vector<std::pair<double, int>> events;
  for (const VisualLine& line : body)
    for (const Piece& p : line.pieces) {
      events.emplace_back(p.box.x0, +1);
      events.emplace_back(p.box.x1, -1);
    }
  std::sort(events.begin(), events.end());
  std::vector<Band> bands;
  int depth = 0;
  bool open = false;
  for (const auto& [x, delta] : events) {
    depth += delta;
    if (!open && depth > allowance) {
      bands.push_back(Band{x, x});
      open = true;
    } else if (open && depth <= allowance) {
      bands.back().x1 = x;
      open = false;
    }
  }
  // Rare long texts were left out of the counts; a band still reaches as far
  // as the texts that start (or end) inside it, short of the next band.
  for (size_t i = 0; i < bands.size(); ++i) {
    double next_x0 = i + 1 < bands.size() ? bands[i + 1].x0 - 1 : 1e18;
    double prev_x1 = i > 0 ? bands[i - 1].x1 + 1 : -1e18;
    for (const VisualLine& line : body)
      for (const Piece& p : line.pieces) {
        if (p.box.x0 >= bands[i].x0 && p.box.x0 <= bands[i].x1)
          bands[i].x1 = std::max(bands[i].x1, std::min(p.box.x1, next_x0));
        if (p.box.x1 >= bands[i].x0 && p.box.x1 <= bands[i].x1)
          bands[i].x0 = std::min(bands[i].x0, std::max(p.box.x0, prev_x1));
      }
  }
  // Segments in no band (columns with few values) become bands of their own.
  std::vector<BBox> boxes;
  for (const VisualLine& line : body)
    for (const Piece& p : line.pieces) boxes.push_back(p.box);
  AddOrphanBands(boxes, false, &bands);
  return bands;
}

bool CoveredBands(const std::vector<Band>& bands, const BBox& box, int* first, int* last) {
  int n = static_cast<int>(bands.size());
  *first = n;
  *last = -1;
  double cx = CenterX(box);
  for (int i = 0; i < n; ++i) {
    double slot0 = i == 0 ? -1e18 : (bands[i - 1].x1 + bands[i].x0) / 2;
    double slot1 = i + 1 == n ? 1e18 : (bands[i].x1 + bands[i + 1].x0) / 2;
    double width = std::max(1.0, bands[i].x1 - bands[i].x0);
    bool centre_in = slot0 <= cx && cx < slot1;
    bool overlaps = Overlap(box.x0, box.x1, bands[i].x0, bands[i].x1) >= 0.3 * width;
    if (centre_in || overlaps) {
      *first = std::min(*first, i);
      *last = std::max(*last, i);
    }
  }
  return *last >= 0;
}

int BuildHeaderCells(const std::vector<VisualLine>& header, const std::vector<Ruling>& rules,
                     int page, std::vector<Band>* bands, std::vector<RawCell>* cells) {
  // Lowest header texts (nothing below them) lying in a gap are the
  // headers of columns without values.
  std::vector<Piece> pieces;
  for (const VisualLine& line : header)
    for (const Piece& p : line.pieces) pieces.push_back(p);
  pieces = JoinWrappedHeaderTexts(std::move(pieces));
  std::vector<BBox> leaves, narrow_columns;
  for (const Piece& pa : pieces) {
    const BBox& a = pa.box;
    // Covered: texts below it fill part of its width (a merged cell over
    // two texts may overlap each of them only a little).
    double below = 0;
    for (const Piece& pb : pieces) {
      const BBox& b = pb.box;
      if (b.y0 > a.y1 - 1) below += Overlap(a.x0, a.x1, b.x0, b.x1) / std::min(Width(a), Width(b));
    }
    if (below > 0.3 || OverTwoTexts(a, pieces)) continue;
    // A text wrapped over three lines or more (a narrow column) marks a
    // column of its own even when a wide amount of the neighbouring column
    // reaches under it.
    leaves.push_back(a);
    if (std::count(pa.text.begin(), pa.text.end(), '\n') >= 2) narrow_columns.push_back(a);
  }
  // A lowest text at the very top of the header (a one-row header, or a
  // merged text with its parts off to the sides) needs the wider clearance.
  double header_top = 1e18;
  for (const Piece& p : pieces) header_top = std::min(header_top, p.box.y0);
  std::vector<BBox> top_leaves, lower_leaves;
  for (const BBox& a : leaves)
    (a.y0 < header_top + 0.5 * Height(a) ? top_leaves : lower_leaves).push_back(a);
  AddOrphanBands(top_leaves, false, bands);
  AddOrphanBands(lower_leaves, true, bands);
  SplitBandsUnderLeaves(leaves, bands);
  std::vector<BBox> still_outside;
  for (const BBox& a : narrow_columns)
    if (OutsideBands(*bands, a)) still_outside.push_back(a);
  AddBands(still_outside, bands);
  std::vector<Block> segs;
  for (Piece& p : pieces) {
    Block b;
    if (!CoveredBands(*bands, p.box, &b.b0, &b.b1)) continue;
    b.box = p.box;
    b.pieces.push_back(std::move(p));
    segs.push_back(std::move(b));
  }
  ApplyRules(*bands, rules, &segs);
  std::vector<Block> blocks = JoinStackedSegments(std::move(segs));
  if (rules.empty() && !bands->empty()) {
    PartitionTiers(*bands, 0, static_cast<int>(bands->size()) - 1, &blocks, 0);
  }
  // Level of a block = number of blocks above it whose columns contain its own.
  int n = static_cast<int>(blocks.size());
  std::vector<int> level(n, 0);
  std::vector<bool> has_child(n, false);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      if (i == j || !Contains(blocks[j], blocks[i])) continue;
      if (blocks[j].box.y1 > blocks[i].box.y0 + 1) continue;  // not above
      ++level[i];
      has_child[j] = true;
    }
  int rows = 0;
  for (int l : level) rows = std::max(rows, l + 1);
  std::map<std::pair<int, int>, size_t> at;  // (row, col) -> index into cells
  for (int i = 0; i < n; ++i) {
    Block& b = blocks[i];
    auto key = std::make_pair(level[i], b.b0);
    auto it = at.find(key);
    std::vector<VisualLine> lines = GroupIntoLines(std::move(b.pieces));
    if (it != at.end()) {  // two blocks at one position: keep both texts
      RawCell& c = (*cells)[it->second];
      c.raw += "\n" + CellText(lines);
      continue;
    }
    RawCell c;
    c.r = level[i];
    c.c = b.b0;
    c.cs = b.b1 - b.b0 + 1;
    c.rs = has_child[i] ? 1 : rows - level[i];
    c.raw = CellText(lines);
    c.page = page;
    c.bbox = b.box;
    c.bold = AllBold(lines);
    at[key] = cells->size();
    cells->push_back(std::move(c));
  }
  return rows;
}

}  // namespace cnbudget::pdf
