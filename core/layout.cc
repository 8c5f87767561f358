#include "core/layout.h"

#include <algorithm>

namespace cnbudget {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "info";
}

bool Layout::failed() const {
  for (const Issue& i : issues)
    if (i.severity == Severity::kError) return true;
  return false;
}

namespace {

// Cuts `table` to its rows before `end_row`; returns the cells dropped.
std::size_t CutRows(RawTable* table, int end_row) {
  const std::size_t before = table->cells.size();
  std::erase_if(table->cells, [end_row](const RawCell& c) { return c.r >= end_row; });
  for (RawCell& c : table->cells) c.rs = std::min(c.rs, end_row - c.r);
  table->n_rows = end_row;
  return before - table->cells.size();
}

// The first row of `table` whose cells would take the count past `room`.
int FirstRowOverRoom(const RawTable& table, std::size_t room) {
  std::vector<std::size_t> per_row(static_cast<std::size_t>(std::max(table.n_rows, 0)) + 1, 0);
  for (const RawCell& c : table.cells)
    ++per_row[std::clamp(c.r, 0, static_cast<int>(per_row.size()) - 1)];
  std::size_t used = 0;
  for (std::size_t r = 0; r < per_row.size(); ++r) {
    if (used + per_row[r] > room) return static_cast<int>(r);
    used += per_row[r];
  }
  return table.n_rows;
}

std::size_t CountCells(const std::vector<Block>& blocks, std::size_t from) {
  std::size_t n = 0;
  for (std::size_t i = from; i < blocks.size(); ++i)
    if (const RawTable* t = std::get_if<RawTable>(&blocks[i])) n += t->cells.size();
  return n;
}

}  // namespace

std::size_t CapTableCells(Layout* layout, std::size_t max_cells) {
  std::size_t used = 0;
  for (std::size_t i = 0; i < layout->blocks.size(); ++i) {
    RawTable* table = std::get_if<RawTable>(&layout->blocks[i]);
    if (!table) continue;
    if (used + table->cells.size() <= max_cells) {
      used += table->cells.size();
      continue;
    }
    std::size_t dropped = CutRows(table, FirstRowOverRoom(*table, max_cells - used));
    dropped += CountCells(layout->blocks, i + 1);
    layout->blocks.resize(table->cells.empty() ? i : i + 1);
    return dropped;
  }
  return 0;
}

}  // namespace cnbudget
