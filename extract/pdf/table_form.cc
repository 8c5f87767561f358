#include "extract/pdf/table_form.h"

#include <algorithm>
#include <map>

#include "extract/pdf/table_stream.h"

namespace cnbudget::pdf {

// Pieces that reach over two texts of another line (a value or paragraph
// cell merged across columns) say nothing of where columns are.
std::vector<VisualLine> WithoutSpanningPieces(const std::vector<VisualLine>& lines) {
  std::vector<VisualLine> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    VisualLine kept = lines[i];
    kept.pieces.clear();
    for (const Piece& p : lines[i].pieces) {
      bool spans = false;
      for (size_t j = 0; j < lines.size() && !spans; ++j) {
        if (j == i) continue;
        int under = 0;
        for (const Piece& q : lines[j].pieces)
          under += std::min(p.box.x1, q.box.x1) - std::max(p.box.x0, q.box.x0) > 1;
        spans = under >= 2;
      }
      if (!spans) kept.pieces.push_back(p);
    }
    if (!kept.pieces.empty()) out.push_back(std::move(kept));
  }
  return out;
}

// Without rules a form's columns mix alignments (labels left, amounts
// right, grid headers centred), so one column can leave several bands. Two
// neighbouring bands are two columns only if some row has separate texts in
// both; otherwise they are merged.
std::vector<Band> MergeUnpairedBands(std::vector<Band> bands, const std::vector<VisualLine>& lines,
                                     const std::vector<int>& row_of) {
  auto only_in = [](const Piece& p, const Band& a, const Band& b) {
    return std::min(p.box.x1, a.x1) > std::max(p.box.x0, a.x0) &&
           std::min(p.box.x1, b.x1) <= std::max(p.box.x0, b.x0);
  };
  for (size_t i = 0; i + 1 < bands.size();) {
    // Rows (not visual lines: texts of one row stand at different heights
    // when some wrap) with a text in each band alone.
    std::map<int, int> seen;  // row -> bit 1 left, bit 2 right
    for (size_t k = 0; k < lines.size(); ++k)
      for (const Piece& p : lines[k].pieces) {
        if (only_in(p, bands[i], bands[i + 1])) seen[row_of[k]] |= 1;
        if (only_in(p, bands[i + 1], bands[i])) seen[row_of[k]] |= 2;
      }
    bool paired = false;
    for (const auto& [row, bits] : seen) paired = paired || bits == 3;
    if (paired) {
      ++i;
      continue;
    }
    bands[i].x0 = std::min(bands[i].x0, bands[i + 1].x0);
    bands[i].x1 = std::max(bands[i].x1, bands[i + 1].x1);
    bands.erase(bands.begin() + static_cast<long>(i) + 1);
  }
  return bands;
}

// The grid header row of a form: its fullest line without amounts (-1
// when there is none).
int FormGridRow(const std::vector<VisualLine>& lines, const std::vector<int>& row_of) {
  int grid = -1;
  size_t most = 3;
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].pieces.size() > most && NumericSegments(lines[i]) == 0) {
      most = lines[i].pieces.size();
      grid = row_of[i];
    }
  return grid;
}

// The rest of a form's indicator grid at the top of a page, without a
// header: its first row starts inside a group (nothing in the first
// column) and every row has four texts or more.
bool LooksLikeGridContinuation(const std::vector<RawCell>& cells) {
  std::map<int, int> per_row;
  bool first_column_at_top = false;
  for (const RawCell& c : cells) {
    ++per_row[c.r];
    first_column_at_top = first_column_at_top || (c.r == 0 && c.c == 0);
  }
  if (first_column_at_top || per_row.size() < 3) return false;
  for (const auto& [r, n] : per_row)
    if (n < 4) return false;
  return true;
}

// In a form's indicator grid (the rows after its row of four or more texts
// without amounts), the leftmost columns with empty cells hold group labels
// (一级指标, 二级指标) centred over the rows they span. Each label takes the
// rows from where the previous one ended down to the row that centres the
// span on it, short of the next label.
// `grid` is the grid's header row, -1 for a grid continued from the page
// before (its rows start at row 0).
void ApplyFormRowSpans(const std::vector<VisualLine>& lines, const std::vector<int>& row_of,
                       int grid, int n_rows, std::vector<RawCell>* cells) {
  if (grid + 2 >= n_rows) return;
  // Row extents from lines of several texts (a group label alone on its
  // line sits between rows).
  std::vector<double> top(n_rows, 1e18), bottom(n_rows, -1e18);
  for (int pass = 0; pass < 2; ++pass)
    for (size_t i = 0; i < lines.size(); ++i) {
      int r = row_of[i];
      if (pass == 0 ? lines[i].pieces.size() < 2 : top[r] < 1e17) continue;
      top[r] = std::min(top[r], lines[i].box.y0);
      bottom[r] = std::max(bottom[r], lines[i].box.y1);
    }
  int grid_rows = n_rows - grid - 1;
  for (int col = 0;; ++col) {
    std::vector<RawCell*> labels;
    for (RawCell& c : *cells)
      if (c.c == col && c.r > grid && c.bbox) labels.push_back(&c);
    if (labels.empty() || labels.size() >= static_cast<size_t>(grid_rows)) return;
    std::sort(labels.begin(), labels.end(), [](RawCell* a, RawCell* b) { return a->r < b->r; });
    int start = grid + 1;
    for (size_t k = 0; k < labels.size(); ++k) {
      RawCell& c = *labels[k];
      if (c.rs != 1 || c.cs != 1 || c.r < start) return;
      int limit = k + 1 < labels.size() ? labels[k + 1]->r - 1 : n_rows - 1;
      double cy = CenterY(*c.bbox);
      int best = c.r;
      for (int b = c.r; b <= limit; ++b)
        if (std::abs((top[start] + bottom[b]) / 2 - cy) < std::abs((top[start] + bottom[best]) / 2 - cy))
          best = b;
      c.rs = best - start + 1;
      c.r = start;
      start = best + 1;
    }
  }
}

// Above a form's grid, label/value rows lay their cells out on the grid's
// columns: a text fills the columns after it up to the next text of its row
// or the form's right edge (项目名称 | 某项目 …… | 项目负责人 | 某人); an
// amount (right-aligned) fills the empty columns before it instead.
void WidenFormValues(const std::vector<VisualLine>& lines, const std::vector<int>& row_of,
                     int n_cols, std::vector<RawCell>* cells) {
  int grid = FormGridRow(lines, row_of);
  std::map<int, std::vector<RawCell*>> rows;
  for (RawCell& c : *cells)
    if (c.r < grid) rows[c.r].push_back(&c);
  for (auto& [r, row] : rows) {
    std::sort(row.begin(), row.end(), [](RawCell* a, RawCell* b) { return a->c < b->c; });
    // Amounts are right-aligned: one after empty columns fills them back
    // to the text before it, instead of that text being widened.
    for (size_t k = 1; k < row.size(); ++k) {
      RawCell* amount = row[k];
      if (!amount->bbox || !LooksNumeric(amount->raw)) continue;
      int start = row[k - 1]->c + row[k - 1]->cs;
      if (start < amount->c) {
        amount->cs += amount->c - start;
        amount->c = start;
      }
    }
    for (size_t k = 0; k < row.size(); ++k) {
      int end = k + 1 < row.size() ? row[k + 1]->c : n_cols;
      if (row[k]->rs == 1 && !LooksNumeric(row[k]->raw)) row[k]->cs = std::max(row[k]->cs, end - row[k]->c);
    }
  }
}

}  // namespace cnbudget::pdf
