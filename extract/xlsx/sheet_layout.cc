#include "extract/xlsx/sheet_layout.h"

#include <algorithm>
#include <map>
#include <iterator>
#include <set>

namespace cnbudget::xlsx {
namespace {

// Merged ranges are checked cell by cell through per-row intervals; a hostile
// sheet could declare ranges covering millions of rows, so the rows indexed
// in total are capped and ranges past the cap are ignored.
constexpr std::size_t kMaxMergedRowEntries = 500000;

struct Anchor {
  const SheetCell* cell;
  int rs = 1, cs = 1;
};

using MergesByRow = std::map<int, std::vector<const Merge*>>;

bool Overlaps(const MergesByRow& by_row, const Merge& m) {
  for (int r = m.r0; r <= m.r1; ++r) {
    const auto it = by_row.find(r);
    if (it == by_row.end()) continue;
    for (const Merge* other : it->second)
      if (m.c0 <= other->c1 && other->c0 <= m.c1) return true;
  }
  return false;
}

// Merged ranges indexed by the rows they cover. A range overlapping an
// earlier one is ignored (spreadsheets refuse to save such files), so shown
// cells never overlap; a row then holds at most one range per column.
MergesByRow IndexMerges(const std::vector<Merge>& merges) {
  MergesByRow by_row;
  std::size_t entries = 0;
  for (const Merge& m : merges) {
    entries += static_cast<std::size_t>(m.r1 - m.r0 + 1);
    if (entries > kMaxMergedRowEntries) break;
    if (Overlaps(by_row, m)) continue;
    for (int r = m.r0; r <= m.r1; ++r) by_row[r].push_back(&m);
  }
  return by_row;
}

// Cells that show: merged-range anchors with their spans and unmerged cells.
// A cell covered by another cell's range is dropped (spreadsheets ignore it),
// and of two cells at one position the first is kept.
std::map<int, std::vector<Anchor>> AnchorsByRow(const SheetData& data) {
  const MergesByRow merges_by_row = IndexMerges(data.merges);
  std::map<int, std::vector<Anchor>> rows;
  for (const SheetCell& cell : data.cells) {
    Anchor a{&cell};
    bool covered = false;
    const auto it = merges_by_row.find(cell.row);
    if (it != merges_by_row.end()) {
      for (const Merge* m : it->second) {
        if (cell.col < m->c0 || cell.col > m->c1) continue;
        if (cell.row == m->r0 && cell.col == m->c0) {
          a.rs = m->r1 - m->r0 + 1;
          a.cs = m->c1 - m->c0 + 1;
        } else {
          covered = true;
        }
        break;
      }
    }
    if (!covered) rows[cell.row].push_back(a);
  }
  for (auto& [row, anchors] : rows) {
    std::stable_sort(anchors.begin(), anchors.end(),
                     [](const Anchor& x, const Anchor& y) { return x.cell->col < y.cell->col; });
    anchors.erase(std::unique(anchors.begin(), anchors.end(),
                              [](const Anchor& x, const Anchor& y) {
                                return x.cell->col == y.cell->col;
                              }),
                  anchors.end());
  }
  return rows;
}

// A caption row of a sheet without borders: one cell, or two cells with an
// empty column between them (编制单位：X … 单位：万元). Two adjacent cells
// (收入 | 支出) are a header row.
bool LooksLikeCaptionRow(const std::vector<Anchor>& anchors) {
  if (anchors.size() == 1) return true;
  if (anchors.size() != 2) return false;
  return anchors[1].cell->col > anchors[0].cell->col + anchors[0].cs;
}

using Rows = std::map<int, std::vector<Anchor>>;

// Runs of table rows: consecutive table rows with no shown non-table row
// between them (blank rows do not break a run).
std::vector<std::vector<int>> Runs(const Rows& rows, const std::set<int>& table) {
  std::vector<std::vector<int>> runs;
  int previous = -1;
  for (const int r : table) {
    const auto between = rows.upper_bound(previous);
    const bool broken = runs.empty() || (between != rows.end() && between->first < r &&
                                         !table.count(between->first));
    if (broken) runs.emplace_back();
    runs.back().push_back(r);
    previous = r;
  }
  return runs;
}

// Leading rows of a run that read like captions (a title framed with the
// grid, 编制单位 … 单位) are not part of the table; at least one shown row is
// left, and a run of caption-like rows only (a boxed cover) is no table.
void DropLeadingCaptions(const Rows& rows, const std::vector<int>& run, std::set<int>* table) {
  std::size_t shown_after = 0;
  bool any_grid_row = false;
  for (const int r : run) {
    const auto it = rows.find(r);
    if (it == rows.end()) continue;
    ++shown_after;
    any_grid_row = any_grid_row || !LooksLikeCaptionRow(it->second);
  }
  if (!any_grid_row) {
    for (const int r : run) table->erase(r);
    return;
  }
  for (const int r : run) {
    const auto it = rows.find(r);
    if (it == rows.end()) {
      table->erase(r);  // a blank row before the table starts
      continue;
    }
    if (shown_after <= 1 || !LooksLikeCaptionRow(it->second)) return;
    table->erase(r);
    --shown_after;
  }
}

// Without borders, rows are read top to bottom: a caption-like row at the
// start, at the left edge after a blank row, or after another caption is
// text (表N, the title, 编制单位 … 单位, a note under a table, the captions of
// the next table on the same sheet); so is one cell at the table's left edge
// spanning its whole width right under it (a note). Every other shown row is
// a table row.
std::set<int> BorderlessTableRows(const Rows& rows) {
  std::set<int> table;
  int previous = -2, c_min = 0, c_max = -1;
  bool in_table = false;
  for (const auto& [row, anchors] : rows) {
    const bool gap = row != previous + 1;
    const bool at_left_edge = anchors[0].cell->col <= c_min;
    const bool spans_table = anchors.size() == 1 && at_left_edge &&
                             anchors[0].cell->col + anchors[0].cs - 1 >= c_max;
    previous = row;
    // Inside a table, a lone cell away from its left edge after blank rows
    // is a row of it (合计 under an empty table's blank rows), not a caption.
    if (LooksLikeCaptionRow(anchors) && (!in_table || (gap && at_left_edge) || spans_table)) {
      in_table = false;
      continue;
    }
    if (!in_table) {
      c_min = 1 << 30;
      c_max = -1;
    }
    in_table = true;
    table.insert(row);
    for (const Anchor& a : anchors) {
      c_min = std::min(c_min, a.cell->col);
      c_max = std::max(c_max, a.cell->col + a.cs - 1);
    }
  }
  return table;
}

// Rows of three or more cells right above or below a bordered grid belong
// to it: some producers frame only the body, or only the header. Two-cell
// rows are left out, as they may be 编制单位 | 单位 captions.
void AbsorbUnframedGridRows(const Rows& rows, std::set<int>* table) {
  auto absorb = [&](int row, const std::vector<Anchor>& anchors, int neighbour) {
    if (anchors.size() >= 3 && !table->count(row) && table->count(neighbour)) table->insert(row);
  };
  for (auto it = rows.begin(); it != rows.end(); ++it)
    absorb(it->first, it->second, it->first - 1);  // downwards: chains in one pass
  for (auto it = rows.rbegin(); it != rows.rend(); ++it)
    absorb(it->first, it->second, it->first + 1);  // upwards
}

// Print-title rows (repeated on every printed page) ending right above or
// inside a framed grid are its header, framed or not; caption rows among
// them are dropped again with the other leading captions.
void AbsorbPrintTitles(const Rows& rows, const std::vector<int>& print_title_rows,
                       std::set<int>* table) {
  if (print_title_rows.size() != 2) return;
  const int first = print_title_rows[0], last = print_title_rows[1];
  if (!table->count(last) && !table->count(last + 1)) return;
  for (auto it = rows.lower_bound(first); it != rows.end() && it->first <= last; ++it)
    table->insert(it->first);
}

// The rows that belong to tables.
std::set<int> TableRows(const SheetData& data, const Rows& rows,
                        const std::vector<int>& print_title_rows) {
  if (data.bordered_per_row.empty()) return BorderlessTableRows(rows);
  std::set<int> table;
  // Two bordered cells make a grid row; one alone is an underlined title.
  for (const auto& [row, count] : data.bordered_per_row)
    if (count >= 2) table.insert(row);
  AbsorbPrintTitles(rows, print_title_rows, &table);
  AbsorbUnframedGridRows(rows, &table);
  for (const std::vector<int>& run : Runs(rows, table)) DropLeadingCaptions(rows, run, &table);
  return table;
}

void AppendTextRow(const std::vector<Anchor>& anchors, std::vector<Block>* blocks) {
  for (const Anchor& a : anchors) {
    TextLine line;
    line.text = a.cell->text;
    line.bold = a.cell->bold;
    blocks->push_back(std::move(line));
  }
}

// Rows [first, last] of the sheet as one RawTable; columns from the leftmost
// to the rightmost shown cell; spans cut at the table's last row.
RawTable BuildTable(const std::map<int, std::vector<Anchor>>& rows, int first, int last,
                    const std::vector<int>& print_title_rows) {
  int c_min = 1 << 30, c_max = -1;
  for (auto it = rows.lower_bound(first); it != rows.end() && it->first <= last; ++it)
    for (const Anchor& a : it->second) {
      c_min = std::min(c_min, a.cell->col);
      c_max = std::max(c_max, a.cell->col + a.cs - 1);
    }
  RawTable t;
  t.n_rows = last - first + 1;
  t.n_cols = c_max - c_min + 1;
  for (auto it = rows.lower_bound(first); it != rows.end() && it->first <= last; ++it)
    for (const Anchor& a : it->second) {
      RawCell cell;
      cell.r = a.cell->row - first;
      cell.c = a.cell->col - c_min;
      cell.rs = std::min(a.rs, last - a.cell->row + 1);
      cell.cs = a.cs;
      cell.raw = a.cell->text;
      cell.bold = a.cell->bold;
      t.cells.push_back(std::move(cell));
    }
  // Rows repeated on every printed page are the header rows the author
  // marked; the repeated range may start above the table (with the title).
  if (print_title_rows.size() == 2 && print_title_rows[0] <= first &&
      first <= print_title_rows[1] && print_title_rows[1] < last)
    t.marked_header_rows = print_title_rows[1] - first + 1;
  return t;
}

}  // namespace

void AppendSheetBlocks(const SheetLayoutInput& sheet, std::vector<Block>* blocks) {
  const std::map<int, std::vector<Anchor>> rows = AnchorsByRow(*sheet.data);
  const std::set<int> table_rows = TableRows(*sheet.data, rows, sheet.print_title_rows);
  const std::size_t start = blocks->size();

  // Walk the table runs and the text rows in row order. Blank rows between
  // two table rows belong to the table; elsewhere they are nothing.
  auto text_it = rows.begin();
  auto run = table_rows.begin();
  while (run != table_rows.end() || text_it != rows.end()) {
    if (run == table_rows.end() || (text_it != rows.end() && text_it->first < *run)) {
      if (!table_rows.count(text_it->first)) {
        AppendTextRow(text_it->second, blocks);
      }
      ++text_it;
      continue;
    }
    // A run: consecutive table rows, bridging rows that show nothing.
    const int first = *run;
    int last = first;
    for (++run; run != table_rows.end(); ++run) {
      const auto text_between = rows.upper_bound(last);
      if (text_between != rows.end() && text_between->first < *run &&
          !table_rows.count(text_between->first))
        break;
      last = *run;
    }
    // Leading and trailing table rows that show nothing are trimmed.
    const auto first_shown = rows.lower_bound(first);
    const auto after_last = rows.upper_bound(last);
    if (first_shown != after_last) {
      const int shown_first = first_shown->first;
      // A merged cell keeps the rows it covers in the table.
      int shown_last = first;
      for (auto it = first_shown; it != after_last; ++it)
        for (const Anchor& a : it->second) shown_last = std::max(shown_last, it->first + a.rs - 1);
      shown_last = std::min(shown_last, last);
      if (blocks->size() == start && !sheet.name.empty()) {
        TextLine name;
        name.text = sheet.name;
        blocks->push_back(std::move(name));
      }
      blocks->push_back(BuildTable(rows, shown_first, shown_last, sheet.print_title_rows));
    }
    while (text_it != rows.end() && text_it->first <= last) ++text_it;
  }
}

}  // namespace cnbudget::xlsx
