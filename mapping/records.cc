#include "mapping/records.h"

#include <set>

#include "mapping/measures.h"
#include "mapping/row_keys.h"

namespace cnbudget {
namespace {

bool YieldsRecords(const model::Table& t) {
  return t.standard && !t.standard->starts_with("performance.");
}

std::string JoinPath(const std::vector<std::string>& path) {
  std::string out;
  for (const std::string& p : path) out += (out.empty() ? "" : "/") + p;
  return out;
}

}  // namespace

std::vector<model::Record> BuildRecords(const model::Table& t, std::vector<Issue>* issues) {
  std::vector<model::Record> records;
  if (!YieldsRecords(t)) return records;
  TableKeys keys(t);
  std::set<int> reported_columns;
  for (const model::Cell& cell : t.cells) {
    if (!cell.value || cell.r < keys.header_rows() || cell.c < 0 || cell.c >= keys.n_cols()) continue;
    if (keys.IsKey(cell.c)) continue;
    model::Record rec;
    rec.r = cell.r;
    rec.c = cell.c;
    rec.row = keys.Key(cell.r, keys.BlockOf(cell.c));
    rec.column = keys.ColumnPath(cell.c);
    rec.measure = MeasureForPath(rec.column);
    rec.value = *cell.value;
    rec.unit = t.unit;
    if (!rec.measure && issues != nullptr && reported_columns.insert(cell.c).second) {
      Issue i = MakeInfo("unknown_measure", "table " + std::to_string(t.index) + " column " + std::to_string(cell.c) +
                                                " [" + JoinPath(rec.column) + "] has no measure id in the vocabulary");
      i.table = t.index;
      i.c = cell.c;
      issues->push_back(std::move(i));
    }
    records.push_back(std::move(rec));
  }
  return records;
}

}  // namespace cnbudget
