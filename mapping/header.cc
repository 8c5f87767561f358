#include "mapping/header.h"

#include <algorithm>
#include <string>

#include <re2/re2.h>

#include "mapping/text_match.h"

namespace cnbudget::mapping {
namespace {

constexpr int kMaxHeaderRows = 8;

struct RowView {
  std::vector<std::pair<const RawCell*, std::string>> cells;  // non-empty, by column
};

std::vector<RowView> Rows(const RawTable& t, int limit) {
  std::vector<RowView> rows(std::max(0, std::min(t.n_rows, limit)));
  for (const RawCell& c : t.cells) {
    if (c.r < 0 || c.r >= static_cast<int>(rows.size())) continue;
    std::string s = Squash(c.raw);
    if (!s.empty()) rows[c.r].cells.emplace_back(&c, std::move(s));
  }
  for (RowView& r : rows)
    std::sort(r.cells.begin(), r.cells.end(),
              [](const auto& a, const auto& b) { return a.first->c < b.first->c; });
  return rows;
}

bool IsTotalLabel(const std::string& s) {
  return StartsWith(s, "合计") || StartsWith(s, "总计") || StartsWith(s, "小计") ||
         StartsWith(s, "本年收入合计") || StartsWith(s, "本年支出合计") || EndsWith(s, "总计");
}

// "栏次 | 1 | 2 | 3 ..." or a bare "1 | 2 | 3 ..." row numbering the columns.
bool IsColumnNumberingRow(const RowView& row) {
  int expect = -1, numbers = 0;
  for (const auto& [cell, s] : row.cells) {
    if (s == "栏次" || s == "行次") continue;
    bool digits = !s.empty() && s.size() <= 3 &&
                  std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!digits) return false;
    int v = std::stoi(s);
    if (expect >= 0 && v != expect) return false;
    expect = v + 1;
    ++numbers;
  }
  return numbers >= 2;
}

bool HasRowspan(const RowView& row) {
  for (const auto& [cell, s] : row.cells)
    if (cell->rs > 1) return true;
  return false;
}

// A row label of a data row: "一、本年收入", "1.一般公共预算拨款", "(一)…", "其中：…".
bool IsEnumeratedLabel(const std::string& s) {
  static const RE2 re(R"(^(?:[一二三四五六七八九十]+[、.]|\d+[.、]\D|\(?[一二三四五六七八九十\d]+\)|其中[:：]))");
  return RE2::PartialMatch(s, re);
}

bool HasAmount(const RowView& row) {
  for (const auto& [cell, s] : row.cells)
    if (IsAmountLike(s)) return true;
  return false;
}

}  // namespace

int CountHeaderRows(const RawTable& t, int caption_rows) {
  std::vector<RowView> rows = Rows(t, kMaxHeaderRows + caption_rows + 1);
  int h = std::min(caption_rows, static_cast<int>(rows.size()));
  int covered = h;  // rows reached by the rowspan of a header cell
  int max_rows = std::min(static_cast<int>(rows.size()), kMaxHeaderRows + caption_rows);
  for (int r = h; r < max_rows; ++r) {
    const RowView& row = rows[r];
    if (row.cells.empty()) {
      if (r >= covered) break;
      h = r + 1;  // wholly covered by header cells above
      continue;
    }
    bool header = false;
    const std::string& first = row.cells.front().second;
    if (HasAmount(row)) {
      header = r > caption_rows && IsColumnNumberingRow(row);
    } else if (r < covered) {
      header = true;  // under a header cell's rowspan: "小计" here is a column
    } else if (r > caption_rows && !HasRowspan(row) &&
               (IsTotalLabel(first) || IsEnumeratedLabel(first))) {
      header = false;  // a totals row or a labelled data row with no amounts yet
    } else if (r == caption_rows) {
      header = true;
    } else {
      header = row.cells.size() >= 2;
    }
    if (!header) break;
    h = r + 1;
    for (const auto& [cell, s] : row.cells) covered = std::max(covered, cell->r + cell->rs);
  }
  // A header that would swallow the whole table is no header: a table of
  // texts only (a form) has none.
  if (h >= t.n_rows && t.n_rows > 0) h = std::min(h, caption_rows);
  // The extractor's repeated-header mark, when its rows hold no amounts.
  if (t.marked_header_rows > h && t.marked_header_rows < t.n_rows &&
      t.marked_header_rows <= max_rows) {
    bool clean = true;
    for (int r = h; r < t.marked_header_rows; ++r) clean = clean && !HasAmount(rows[r]);
    if (clean) h = t.marked_header_rows;
  }
  return h;
}

std::vector<bool> CodeColumns(const RawTable& t, int header_rows) {
  std::vector<bool> code(std::max(0, t.n_cols), false);
  for (const RawCell& c : t.cells) {
    if (c.r >= header_rows) continue;
    std::string s = Squash(c.raw);
    bool is_code = s == "类" || s == "款" || s == "项" || Has(s, "编码") || Has(s, "代码");
    if (!is_code) continue;
    for (int k = c.c; k < c.c + c.cs && k < t.n_cols; ++k)
      if (k >= 0) code[k] = true;
  }
  return code;
}

}  // namespace cnbudget::mapping
