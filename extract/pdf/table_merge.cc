#include "extract/pdf/table_merge.h"

#include <algorithm>

namespace cnbudget::pdf {

namespace {

constexpr int kRememberedRows = 8;

std::string Compact(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t') out += c;
  return out;
}

std::vector<std::string> HeaderTexts(const RawTable& t, int header_rows) {
  std::vector<std::string> texts;
  for (const RawCell& c : t.cells)
    if (c.r < header_rows) texts.push_back(Compact(c.raw));
  std::sort(texts.begin(), texts.end());
  return texts;
}

// Number of leading rows of `next` that repeat the open table's header.
int RepeatedRows(const OpenTable& open, const PageTable& next) {
  int k = 0;
  while (k < static_cast<int>(open.first_rows.size()) && k < next.table.n_rows) {
    std::vector<std::string> row = RowTexts(next.table, k);
    if (row.empty() || row != open.first_rows[k]) break;
    ++k;
  }
  if (next.header_rows > k && open.header_rows > 0 &&
      HeaderTexts(next.table, next.header_rows) == open.header_texts) {
    k = next.header_rows;
  }
  return k;
}

}  // namespace

std::vector<std::string> RowTexts(const RawTable& t, int r) {
  std::vector<const RawCell*> cells;
  for (const RawCell& c : t.cells)
    if (c.r == r) cells.push_back(&c);
  std::sort(cells.begin(), cells.end(), [](const RawCell* a, const RawCell* b) { return a->c < b->c; });
  std::vector<std::string> texts;
  for (const RawCell* c : cells) texts.push_back(Compact(c->raw));
  return texts;
}

OpenTable Remember(const PageTable& first_part) {
  OpenTable open;
  open.col_edges = first_part.col_edges;
  open.header_rows = first_part.header_rows;
  int rows = std::min(first_part.table.n_rows, std::max(kRememberedRows, first_part.header_rows));
  for (int r = 0; r < rows; ++r) open.first_rows.push_back(RowTexts(first_part.table, r));
  open.header_texts = HeaderTexts(first_part.table, first_part.header_rows);
  return open;
}

std::optional<std::vector<int>> MatchColumns(const OpenTable& open, const PageTable& next) {
  int n_open = static_cast<int>(open.col_edges.size()) - 1;
  int n_next = next.table.n_cols;
  if (n_open <= 0 || n_next <= 0) return std::nullopt;
  std::vector<int> map(n_next);
  if (n_open == n_next) {
    for (int j = 0; j < n_next; ++j) map[j] = j;
    return map;
  }
  if (static_cast<int>(next.col_edges.size()) != n_next + 1) return std::nullopt;
  int previous = -1;
  for (int j = 0; j < n_next; ++j) {
    double centre = (next.col_edges[j] + next.col_edges[j + 1]) / 2;
    auto it = std::upper_bound(open.col_edges.begin(), open.col_edges.end(), centre);
    int i = static_cast<int>(it - open.col_edges.begin()) - 1;
    if (i < 0 || i >= n_open || i <= previous) return std::nullopt;
    map[j] = previous = i;
  }
  return map;
}

void AppendContinuation(const OpenTable& open, const std::vector<int>& column_map,
                        PageTable next, RawTable* table) {
  int drop = RepeatedRows(open, next);
  int offset = table->n_rows - drop;
  for (RawCell& c : next.table.cells) {
    if (c.r < drop) continue;
    int last = std::min<int>(c.c + c.cs - 1, static_cast<int>(column_map.size()) - 1);
    int first = column_map[std::min<int>(c.c, static_cast<int>(column_map.size()) - 1)];
    c.cs = std::max(1, column_map[last] - first + 1);
    c.c = first;
    c.r += offset;
    table->cells.push_back(std::move(c));
  }
  table->n_rows += next.table.n_rows - drop;
  table->last_page = std::max(table->last_page, next.table.last_page);
}

}  // namespace cnbudget::pdf
