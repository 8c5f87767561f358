#include "extract/pdf/table_lattice.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "extract/pdf/table_bands.h"

namespace cnbudget::pdf {

std::vector<double> ClusterPositions(std::vector<double> values, double tolerance) {
  std::sort(values.begin(), values.end());
  std::vector<double> out;
  double sum = 0;
  int n = 0;
  for (double v : values) {
    if (n > 0 && v - sum / n > tolerance) {
      out.push_back(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    ++n;
  }
  if (n > 0) out.push_back(sum / n);
  return out;
}

namespace {

constexpr double kTol = kRulingTolerance;
constexpr size_t kMaxRulings = 4000;
constexpr int kMaxGridCells = 40000;

class UnionFind {
 public:
  explicit UnionFind(int n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  int Find(int i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void Join(int a, int b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<int> parent_;
};

bool Touch(const Ruling& a, const Ruling& b) {
  return a.x0 <= b.x1 + kTol && b.x0 <= a.x1 + kTol && a.y0 <= b.y1 + kTol &&
         b.y0 <= a.y1 + kTol;
}

// Groups rulings into connected regions (touching within tolerance).
std::vector<std::vector<Ruling>> ConnectedRegions(const std::vector<Ruling>& rulings) {
  int n = static_cast<int>(rulings.size());
  UnionFind uf(n);
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j)
      if (Touch(rulings[i], rulings[j])) uf.Join(i, j);
  std::map<int, std::vector<Ruling>> groups;
  for (int i = 0; i < n; ++i) groups[uf.Find(i)].push_back(rulings[i]);
  std::vector<std::vector<Ruling>> out;
  for (auto& [root, g] : groups) out.push_back(std::move(g));
  return out;
}

// The grid of a region and which boundaries between grid cells are drawn.
struct Grid {
  std::vector<double> xs, ys;
  BBox box;
  // vertical_[r][i]: boundary at xs[i] drawn along row r; horizontal_[j][c]:
  // boundary at ys[j] drawn along column c.
  std::vector<std::vector<bool>> vertical, horizontal;
  int rows() const { return static_cast<int>(ys.size()) - 1; }
  int cols() const { return static_cast<int>(xs.size()) - 1; }
};

bool CoversVertical(const std::vector<Ruling>& region, double x, double y) {
  for (const Ruling& r : region)
    if (!r.horizontal() && std::abs(r.x0 - x) <= kTol && r.y0 - kTol <= y && y <= r.y1 + kTol)
      return true;
  return false;
}

bool CoversHorizontal(const std::vector<Ruling>& region, double x, double y) {
  for (const Ruling& r : region)
    if (r.horizontal() && std::abs(r.y0 - y) <= kTol && r.x0 - kTol <= x && x <= r.x1 + kTol)
      return true;
  return false;
}

bool BuildGrid(const std::vector<Ruling>& region, Grid* grid) {
  std::vector<double> xs, ys;
  BBox box{1e18, 1e18, -1e18, -1e18};
  int n_h = 0, n_v = 0;
  for (const Ruling& r : region) {
    box = Union(box, BBox{r.x0, r.y0, r.x1, r.y1});
    if (r.horizontal()) {
      ys.push_back(r.y0);
      ++n_h;
    } else {
      xs.push_back(r.x0);
      ++n_v;
    }
  }
  if (n_h < 2 || n_v < 2) return false;
  // Open-sided tables: the outer edges count as grid lines too.
  xs.push_back(box.x0);
  xs.push_back(box.x1);
  ys.push_back(box.y0);
  ys.push_back(box.y1);
  grid->xs = ClusterPositions(xs, kTol + 1);
  grid->ys = ClusterPositions(ys, kTol + 1);
  grid->box = box;
  if (grid->rows() < 1 || grid->cols() < 1) return false;
  int rows = grid->rows(), cols = grid->cols();
  grid->vertical.assign(rows, std::vector<bool>(cols + 1, true));
  grid->horizontal.assign(rows + 1, std::vector<bool>(cols, true));
  for (int r = 0; r < rows; ++r) {
    double ymid = (grid->ys[r] + grid->ys[r + 1]) / 2;
    for (int i = 1; i < cols; ++i) grid->vertical[r][i] = CoversVertical(region, grid->xs[i], ymid);
  }
  for (int j = 1; j < rows; ++j) {
    for (int c = 0; c < cols; ++c) {
      double xmid = (grid->xs[c] + grid->xs[c + 1]) / 2;
      grid->horizontal[j][c] = CoversHorizontal(region, xmid, grid->ys[j]);
    }
  }
  return true;
}

struct Span {
  int r0, c0, r1, c1;  // inclusive grid positions
};

// Merged cells: grid cells joined where no boundary is drawn, grown to
// rectangles.
std::vector<Span> MergedCells(const Grid& grid, std::vector<int>* owner) {
  int rows = grid.rows(), cols = grid.cols();
  UnionFind uf(rows * cols);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      if (c + 1 < cols && !grid.vertical[r][c + 1]) uf.Join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !grid.horizontal[r + 1][c]) uf.Join(r * cols + c, (r + 1) * cols + c);
    }
  // Grow non-rectangular groups to their bounding rectangles until stable.
  for (bool changed = true; changed;) {
    changed = false;
    std::map<int, Span> rect;
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        int k = uf.Find(r * cols + c);
        auto it = rect.find(k);
        if (it == rect.end()) rect[k] = Span{r, c, r, c};
        else it->second = Span{std::min(it->second.r0, r), std::min(it->second.c0, c),
                               std::max(it->second.r1, r), std::max(it->second.c1, c)};
      }
    for (auto& [k, s] : rect)
      for (int r = s.r0; r <= s.r1; ++r)
        for (int c = s.c0; c <= s.c1; ++c)
          if (uf.Find(r * cols + c) != uf.Find(k)) {
            uf.Join(r * cols + c, k);
            changed = true;
          }
  }
  std::map<int, int> index;
  std::vector<Span> spans;
  owner->assign(rows * cols, -1);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      int k = uf.Find(r * cols + c);
      auto it = index.find(k);
      if (it == index.end()) {
        it = index.emplace(k, static_cast<int>(spans.size())).first;
        spans.push_back(Span{r, c, r, c});
      }
      Span& s = spans[it->second];
      s.r1 = std::max(s.r1, r);
      s.c1 = std::max(s.c1, c);
      (*owner)[r * cols + c] = it->second;
    }
  return spans;
}

// Index of the grid interval holding v (clamped).
int IntervalOf(const std::vector<double>& edges, double v) {
  auto it = std::upper_bound(edges.begin(), edges.end(), v);
  int i = static_cast<int>(it - edges.begin()) - 1;
  return std::clamp(i, 0, static_cast<int>(edges.size()) - 2);
}

bool Inside(const BBox& box, double x, double y) {
  return box.x0 - kTol <= x && x <= box.x1 + kTol && box.y0 - kTol <= y && y <= box.y1 + kTol;
}

// Cuts a piece at the interior grid lines it crosses, by glyph centre. A
// glyph drawn outside the clip area (a label's overflow, cut at its cell's
// border) stays in the column of the last visible glyph before it: it never
// joins the neighbour cell's amount.
std::vector<Piece> CutAtGridLines(const PageContent& page, const Piece& piece, const Grid& grid) {
  bool crosses = false;
  for (size_t i = 1; i + 1 < grid.xs.size(); ++i)
    if (piece.box.x0 < grid.xs[i] - 1 && piece.box.x1 > grid.xs[i] + 1) crosses = true;
  if (!crosses || piece.glyphs.empty()) return {piece};
  std::map<int, std::vector<int>> by_col;
  int visible_col = -1;
  for (int gi : piece.glyphs) {
    if (gi < 0 || gi >= static_cast<int>(page.glyphs.size())) continue;
    const Glyph& g = page.glyphs[gi];
    const int col = IntervalOf(grid.xs, CenterX(g.box));
    if (!g.clipped || visible_col < 0) visible_col = col;
    by_col[g.clipped ? visible_col : col].push_back(gi);
  }
  std::vector<Piece> out;
  for (auto& [col, glyphs] : by_col) out.push_back(PieceFromGlyphs(page, glyphs));
  return out;
}

// True when every glyph of the piece is drawn outside the clip area.
bool AllClipped(const PageContent& page, const Piece& piece) {
  if (piece.glyphs.empty()) return false;
  for (int gi : piece.glyphs)
    if (gi < 0 || gi >= static_cast<int>(page.glyphs.size()) || !page.glyphs[gi].clipped) return false;
  return true;
}

PageTable MakeTable(const PageContent& page, const Grid& grid, std::vector<Piece> mine) {
  std::vector<int> owner;
  std::vector<Span> spans = MergedCells(grid, &owner);
  std::vector<std::vector<Piece>> content(spans.size());
  for (Piece& p : mine) {
    int r = IntervalOf(grid.ys, CenterY(p.box));
    int c = IntervalOf(grid.xs, CenterX(p.box));
    // The clipped overflow of a label cut at its cell's right border (its run
    // split at the rule) belongs to the label, never to the amount beside it.
    if (c > 0 && AllClipped(page, p) && p.box.x0 - grid.xs[c] < p.font_size) --c;
    content[owner[r * grid.cols() + c]].push_back(std::move(p));
  }
  PageTable t;
  t.box = grid.box;
  t.col_edges = grid.xs;
  t.ruled = true;
  t.table.n_rows = grid.rows();
  t.table.n_cols = grid.cols();
  t.table.first_page = t.table.last_page = page.number;
  for (size_t k = 0; k < spans.size(); ++k) {
    if (content[k].empty()) continue;
    std::vector<VisualLine> lines = GroupIntoLines(std::move(content[k]));
    RawCell cell;
    const Span& s = spans[k];
    cell.r = s.r0;
    cell.c = s.c0;
    cell.rs = s.r1 - s.r0 + 1;
    cell.cs = s.c1 - s.c0 + 1;
    cell.raw = CellText(lines);
    cell.page = page.number;
    cell.bbox = BBox{grid.xs[s.c0], grid.ys[s.r0], grid.xs[s.c1 + 1], grid.ys[s.r1 + 1]};
    cell.bold = AllBold(lines);
    t.table.cells.push_back(std::move(cell));
  }
  std::sort(t.table.cells.begin(), t.table.cells.end(), [](const RawCell& a, const RawCell& b) {
    return a.r != b.r ? a.r < b.r : a.c < b.c;
  });
  return t;
}

// Cuts the grid rows that hold several rows of text (no row rule drawn
// between them; see table_bands.h) into one grid row per text row. A cut
// crosses a column only where that column's cell is bounded above and below
// in the band, so a cell merged down over several bands stays whole.
void CutBandsAtTextRows(Grid* grid, const std::vector<Piece>& pieces) {
  std::vector<std::vector<Piece>> by_band(grid->rows());
  for (const Piece& p : pieces) by_band[IntervalOf(grid->ys, CenterY(p.box))].push_back(p);
  Grid out;
  out.xs = grid->xs;
  out.box = grid->box;
  out.ys.push_back(grid->ys[0]);
  out.horizontal.push_back(grid->horizontal[0]);
  for (int r = 0; r < grid->rows(); ++r) {
    std::vector<double> cuts = TextRowCuts(grid->xs, grid->ys[r], grid->ys[r + 1], std::move(by_band[r]));
    std::vector<bool> cut_flags(grid->cols());
    for (int c = 0; c < grid->cols(); ++c) cut_flags[c] = grid->horizontal[r][c] && grid->horizontal[r + 1][c];
    for (double y : cuts) {
      out.vertical.push_back(grid->vertical[r]);
      out.ys.push_back(y);
      out.horizontal.push_back(cut_flags);
    }
    out.vertical.push_back(grid->vertical[r]);
    out.ys.push_back(grid->ys[r + 1]);
    out.horizontal.push_back(grid->horizontal[r + 1]);
  }
  *grid = std::move(out);
}

// The grids of `rulings`; rulings in no grid go to *free (may be null).
std::vector<Grid> FindGrids(const std::vector<Ruling>& rulings, std::vector<Ruling>* free) {
  std::vector<Grid> grids;
  // A page drawn with a huge number of segments (a chart, a hatched map) is
  // no table; the quadratic grouping below must not run on it.
  std::vector<std::vector<Ruling>> regions;
  if (rulings.size() <= kMaxRulings) regions = ConnectedRegions(rulings);
  for (std::vector<Ruling>& region : regions) {
    Grid grid;
    if (!BuildGrid(region, &grid) || grid.rows() < 2 || grid.cols() < 2 ||
        grid.rows() * grid.cols() > kMaxGridCells) {
      if (free) free->insert(free->end(), region.begin(), region.end());
      continue;
    }
    grids.push_back(std::move(grid));
  }
  return grids;
}

}  // namespace

std::vector<LatticeGrid> FindLatticeGrids(const std::vector<Ruling>& rulings) {
  std::vector<LatticeGrid> out;
  for (const Grid& grid : FindGrids(rulings, nullptr)) {
    std::vector<int> owner;
    LatticeGrid g;
    g.box = grid.box;
    for (const Span& s : MergedCells(grid, &owner))
      g.cells.push_back(BBox{grid.xs[s.c0], grid.ys[s.r0], grid.xs[s.c1 + 1], grid.ys[s.r1 + 1]});
    out.push_back(std::move(g));
  }
  return out;
}

LatticeResult FindLatticeTables(const PageContent& page, std::vector<Piece> pieces) {
  LatticeResult result;
  std::vector<Grid> grids = FindGrids(page.rulings, &result.free_rulings);
  std::vector<std::vector<Piece>> owned(grids.size());
  for (Piece& p : pieces) {
    int found = -1;
    for (size_t g = 0; g < grids.size() && found < 0; ++g)
      if (Inside(grids[g].box, CenterX(p.box), CenterY(p.box))) found = static_cast<int>(g);
    if (found < 0) {
      result.free_pieces.push_back(std::move(p));
      continue;
    }
    for (Piece& cut : CutAtGridLines(page, p, grids[found])) owned[found].push_back(std::move(cut));
  }
  for (size_t g = 0; g < grids.size(); ++g) {
    if (owned[g].empty()) continue;  // a frame or a drawing without text
    CutBandsAtTextRows(&grids[g], owned[g]);
    result.tables.push_back(MakeTable(page, grids[g], std::move(owned[g])));
  }
  std::sort(result.tables.begin(), result.tables.end(),
            [](const PageTable& a, const PageTable& b) { return a.box.y0 < b.box.y0; });
  return result;
}

}  // namespace cnbudget::pdf
