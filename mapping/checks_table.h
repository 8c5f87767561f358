// Arithmetic checks inside one table (see checks.h for the contract).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/issue.h"
#include "core/model.h"
#include "normalize/decimal.h"
#include "mapping/row_keys.h"

namespace cnbudget {

// Checks one table and appends sum_mismatch warnings.
//
// Every rule the table's structure implies becomes an equation "total cell =
// sum of part cells" (a 合计 column and its sibling columns, a 类 row and its
// 款 rows, a 合计 row and the top-level rows, the 三公 rows). When equations
// fail, the checker blames one cell at a time: the cell whose correction
// leaves the fewest failing equations (a typo breaks both its row and its
// column; fixing it fixes both), reports it with the value that would make
// its equation hold, and uses that value from then on. Failures no single
// correction reduces are reported at their total cell. So one wrong cell is
// reported once, not once per total that contains it. A table where most
// rules fail is taken as misread: one info issue, no warnings.
class TableChecker {
 public:
  using CellPos = std::pair<int, int>;  // (r, c)

  TableChecker(const model::Table& t, std::vector<Issue>* issues);

  // Returns how many arithmetic rules were evaluated (0: none applies).
  int Run();

  // A printed total, for the checks that compare two totals.
  struct Located {
    Decimal value;
    int r = 0, c = 0;
    bool empty = false;  // the cell is blank
  };
  // The first row whose label is one of `row_captions` (any total caption
  // when empty), searched on the first side (or the last when `last_side`),
  // in the side's first value column or the column with measure
  // `column_measure`. Printed values, never corrected.
  std::optional<Located> PrintedTotal(const std::vector<std::string>& row_captions, bool last_side,
                                      const std::string& column_measure) const;

 private:
  using Path = std::vector<const model::Cell*>;

  struct Equation {
    CellPos total;
    std::vector<CellPos> parts;
    std::string rule;
  };

  // Code, label and 行次 (line number) columns hold no amounts; a 栏次 row
  // numbers the columns.
  // No amount in any body row but some text: a column of words.
  bool ColumnOfWords(int c) const;
  bool NotAmount(int c) const { return keys_.IsKey(c) || line_number_[c]; }
  bool IgnoredRow(int r) const { return ignored_row_[r]; }
  bool CellEmpty(int r, int c) const;
  bool ColumnBlank(int c) const;
  std::optional<Decimal> Printed(CellPos p) const;  // blank = 0; nullopt = not an amount
  std::optional<Decimal> Current(CellPos p) const;  // after corrections
  std::optional<Decimal> PartsSum(const Equation& e, CellPos skip) const;
  bool Holds(const Equation& e) const;

  // Equation builders.
  void AddColumnGroupEquations();
  std::vector<int> ChildColumns(int block, const Path& prefix, std::vector<Path>* child_paths) const;
  std::optional<int> TotalColumnOf(int block, const Path& prefix) const;
  void GroupCells(int block, const Path& prefix, int r, std::vector<CellPos>* out) const;
  void AddHierarchyEquations(int c);
  void AddTotalRowEquations(int c);
  void AddEnumeratedTotalEquations(int c, const std::vector<int>& totals);
  bool RatioColumn(int c) const;
  void AddThreePublicEquations(int c);

  void Solve();
  void Report(CellPos at, const std::string& rule, const Decimal& expected);
  bool CheckSidesBalance();  // true when both totals were there to compare

  const model::Table& t_;
  std::vector<Issue>* issues_;
  TableKeys keys_;
  std::vector<Path> column_paths_;  // header cells above each value column
  std::vector<bool> line_number_, ignored_row_;
  std::vector<Equation> equations_;
  std::map<CellPos, std::optional<Decimal>> printed_;  // value cells of the body
  std::map<CellPos, Decimal> corrected_;
};

}  // namespace cnbudget
