#include "extract/pdf/table_bands.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace cnbudget::pdf {
namespace {

int ColumnOf(const std::vector<double>& edges, double x) {
  auto it = std::upper_bound(edges.begin(), edges.end(), x);
  int i = static_cast<int>(it - edges.begin()) - 1;
  return std::clamp(i, 0, static_cast<int>(edges.size()) - 2);
}

bool IsRowLine(const std::vector<double>& edges, const VisualLine& line) {
  std::set<int> columns;
  bool numeric = false;
  for (const Piece& p : line.pieces) {
    columns.insert(ColumnOf(edges, CenterX(p.box)));
    numeric = numeric || LooksNumeric(p.text);
  }
  return numeric && columns.size() >= 2;
}

// True when some column holds numbers on two or more of the row lines. Rows
// stacked in a band repeat their columns line after line; one row printed
// with its codes and its labels on staggered baselines does not (codes on
// one line, names and the other side's codes on the next).
bool SomeColumnStacksNumbers(const std::vector<double>& edges, const std::vector<VisualLine>& lines,
                             const std::vector<int>& row_lines) {
  std::vector<int> numeric_lines(edges.size(), 0);
  for (int i : row_lines) {
    std::set<int> numeric_columns;
    for (const Piece& p : lines[i].pieces)
      if (LooksNumeric(p.text)) numeric_columns.insert(ColumnOf(edges, CenterX(p.box)));
    for (int c : numeric_columns)
      if (++numeric_lines[c] >= 2) return true;
  }
  return false;
}

struct LineGroup {
  double top = 0, bottom = 0;  // extent of the group's lines
};

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

std::vector<double> TextRowCuts(const std::vector<double>& col_edges, double band_top,
                                double band_bottom, std::vector<Piece> pieces) {
  if (col_edges.size() < 3 || pieces.size() < 4) return {};
  std::vector<VisualLine> lines = GroupIntoLines(std::move(pieces));
  std::vector<int> row_lines;
  for (size_t i = 0; i < lines.size(); ++i)
    if (IsRowLine(col_edges, lines[i])) row_lines.push_back(static_cast<int>(i));
  if (row_lines.size() < 2 || !SomeColumnStacksNumbers(col_edges, lines, row_lines)) return {};

  std::vector<double> pitches;
  for (size_t k = 1; k < row_lines.size(); ++k)
    pitches.push_back(CenterY(lines[row_lines[k]].box) - CenterY(lines[row_lines[k - 1]].box));
  const double pitch = Median(pitches);
  if (pitch <= 0) return {};

  // Each line joins its nearest row line when within most of a row pitch;
  // the others group with their neighbours into rows of their own.
  std::vector<LineGroup> groups;
  std::vector<int> group_of_row_line(lines.size(), -1);
  for (int i : row_lines) {
    group_of_row_line[i] = static_cast<int>(groups.size());
    groups.push_back({lines[i].box.y0, lines[i].box.y1});
  }
  std::vector<LineGroup> loose;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (group_of_row_line[i] >= 0) continue;
    const double y = CenterY(lines[i].box);
    int nearest = -1;
    double best = 0;
    for (int r : row_lines) {
      const double d = std::abs(CenterY(lines[r].box) - y);
      if (nearest < 0 || d < best) {
        nearest = r;
        best = d;
      }
    }
    if (best < 0.75 * pitch) {
      LineGroup& g = groups[group_of_row_line[nearest]];
      g.top = std::min(g.top, lines[i].box.y0);
      g.bottom = std::max(g.bottom, lines[i].box.y1);
    } else if (!loose.empty() && lines[i].box.y0 - loose.back().bottom < 0.5 * pitch) {
      loose.back().bottom = std::max(loose.back().bottom, lines[i].box.y1);
    } else {
      loose.push_back({lines[i].box.y0, lines[i].box.y1});
    }
  }
  groups.insert(groups.end(), loose.begin(), loose.end());
  std::sort(groups.begin(), groups.end(),
            [](const LineGroup& a, const LineGroup& b) { return a.top < b.top; });

  std::vector<double> cuts;
  for (size_t k = 1; k < groups.size(); ++k) {
    // Overlapping groups (a wrapped label reaching into the next row's
    // lines) give no clean cut: leave the band as it is.
    if (groups[k].top < groups[k - 1].bottom) return {};
    const double cut = (groups[k - 1].bottom + groups[k].top) / 2;
    if (cut > band_top && cut < band_bottom) cuts.push_back(cut);
  }
  return cuts;
}

}  // namespace cnbudget::pdf
