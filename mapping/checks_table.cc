#include "mapping/checks_table.h"

#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "mapping/measures.h"

namespace cnbudget {
namespace {

std::string Squeezed(std::string_view s) {
  std::string out;
  for (char ch : s)
    if (ch != ' ') out.push_back(ch);
  return out;
}

bool Has(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// Beyond this many failing rules a table is taken as misread.
constexpr size_t kMaxFailing = 60;

bool StartsWithPath(const std::vector<const model::Cell*>& p, const std::vector<const model::Cell*>& prefix) {
  return p.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), p.begin());
}

}  // namespace

TableChecker::TableChecker(const model::Table& t, std::vector<Issue>* issues)
    : t_(t), issues_(issues), keys_(t) {
  line_number_.assign(keys_.n_cols(), false);
  for (int c = 0; c < keys_.n_cols(); ++c) line_number_[c] = MeasureForPath(keys_.ColumnPath(c)) == "line_number";
  ignored_row_.assign(keys_.n_rows(), false);
  for (int r = keys_.header_rows(); r < keys_.n_rows(); ++r)
    for (int b = 0; b < keys_.n_blocks(); ++b) {
      std::string label = Squeezed(keys_.Key(r, b).label.value_or(""));
      if (label.starts_with("栏次") || label == "行次") ignored_row_[r] = true;
    }
  column_paths_.assign(keys_.n_cols(), {});
  for (int c = 0; c < keys_.n_cols(); ++c) {
    if (NotAmount(c)) continue;
    for (int r = 0; r < keys_.header_rows(); ++r) {
      const model::Cell* cell = keys_.At(r, c);
      if (cell != nullptr && (column_paths_[c].empty() || column_paths_[c].back() != cell))
        column_paths_[c].push_back(cell);
    }
  }
  for (const model::Cell& cell : t.cells)
    if (cell.value && cell.r >= keys_.header_rows() && cell.r < keys_.n_rows() && !IgnoredRow(cell.r))
      printed_[{cell.r, cell.c}] = Decimal::Parse(*cell.value);
}

int TableChecker::Run() {
  AddColumnGroupEquations();
  for (int c = 0; c < keys_.n_cols(); ++c) {
    if (NotAmount(c) || ColumnBlank(c)) continue;
    AddHierarchyEquations(c);
    AddTotalRowEquations(c);
    AddThreePublicEquations(c);
  }
  Solve();
  return static_cast<int>(equations_.size()) + (CheckSidesBalance() ? 1 : 0);
}

// ---------------------------------------------------------------- values

bool TableChecker::CellEmpty(int r, int c) const {
  if (r >= 0 && r < keys_.n_rows() && IgnoredRow(r)) return true;
  const model::Cell* cell = keys_.At(r, c);
  return cell == nullptr || cell->r != r || cell->c != c || !cell->value;
}

bool TableChecker::ColumnOfWords(int c) const {
  if (!ColumnBlank(c)) return false;
  for (int r = keys_.header_rows(); r < keys_.n_rows(); ++r) {
    const model::Cell* cell = keys_.At(r, c);
    if (cell && cell->r == r && cell->c == c && !cell->text.empty()) return true;
  }
  return false;
}

bool TableChecker::ColumnBlank(int c) const {
  for (int r = keys_.header_rows(); r < keys_.n_rows(); ++r)
    if (!CellEmpty(r, c)) return false;
  return true;
}

std::optional<Decimal> TableChecker::Printed(CellPos p) const {
  auto it = printed_.find(p);
  return it == printed_.end() ? std::optional<Decimal>(Decimal()) : it->second;
}

std::optional<Decimal> TableChecker::Current(CellPos p) const {
  auto fixed = corrected_.find(p);
  return fixed != corrected_.end() ? std::optional<Decimal>(fixed->second) : Printed(p);
}

std::optional<Decimal> TableChecker::PartsSum(const Equation& e, CellPos skip) const {
  Decimal sum;
  for (CellPos p : e.parts) {
    if (p == skip) continue;
    std::optional<Decimal> v = Current(p);
    if (!v) return std::nullopt;
    sum = sum + *v;
  }
  return sum;
}

bool TableChecker::Holds(const Equation& e) const {
  std::optional<Decimal> total = Current(e.total), sum = PartsSum(e, {-1, -1});
  return !total || !sum || *total == *sum;  // not amounts: nothing to check
}

// ---------------------------------------------------------------- columns
// A header group whose leaf "合计"/"小计" stands beside its parts: the total
// column equals the sum of the parts, row by row.

std::vector<int> TableChecker::ChildColumns(int block, const Path& prefix, std::vector<Path>* child_paths) const {
  std::vector<int> first_columns;
  for (int c = 0; c < keys_.n_cols(); ++c) {
    const Path& p = column_paths_[c];
    if (NotAmount(c) || keys_.BlockOf(c) != block || p.size() <= prefix.size() || !StartsWithPath(p, prefix))
      continue;
    Path child(p.begin(), p.begin() + prefix.size() + 1);
    if (std::find(child_paths->begin(), child_paths->end(), child) != child_paths->end()) continue;
    child_paths->push_back(child);
    first_columns.push_back(c);
  }
  return first_columns;
}

std::optional<int> TableChecker::TotalColumnOf(int block, const Path& prefix) const {
  std::vector<Path> children;
  std::vector<int> columns = ChildColumns(block, prefix, &children);
  std::optional<int> total;
  int totals = 0;
  for (size_t i = 0; i < children.size(); ++i) {
    std::string text = Squeezed(children[i].back()->text);
    if (text.starts_with("其中")) return std::nullopt;  // parts of a part: not additive
    if (column_paths_[columns[i]] == children[i] && IsTotalCaption(text)) {
      ++totals;
      total = columns[i];
    }
  }
  if (totals != 1 || children.size() < 2 || ColumnBlank(*total)) return std::nullopt;
  return total;
}

void TableChecker::GroupCells(int block, const Path& prefix, int r, std::vector<CellPos>* out) const {
  for (int c = 0; c < keys_.n_cols(); ++c)
    if (!NotAmount(c) && keys_.BlockOf(c) == block && column_paths_[c] == prefix) {
      out->push_back({r, c});
      return;
    }
  if (std::optional<int> total = TotalColumnOf(block, prefix)) {
    out->push_back({r, *total});
    return;
  }
  std::vector<Path> children;
  ChildColumns(block, prefix, &children);
  for (const Path& child : children) GroupCells(block, child, r, out);
}

void TableChecker::AddColumnGroupEquations() {
  std::set<std::pair<int, Path>> groups;
  for (int c = 0; c < keys_.n_cols(); ++c) {
    if (NotAmount(c)) continue;
    const Path& p = column_paths_[c];
    for (size_t n = 0; n < p.size(); ++n) groups.insert({keys_.BlockOf(c), Path(p.begin(), p.begin() + n)});
  }
  for (const auto& [block, prefix] : groups) {
    std::optional<int> total = TotalColumnOf(block, prefix);
    if (!total) continue;
    std::vector<Path> children;
    ChildColumns(block, prefix, &children);
    std::string rule = (prefix.empty() ? "" : Squeezed(prefix.back()->text) + " ") +
                       Squeezed(column_paths_[*total].back()->text) + " column = sum of the columns beside it";
    // The part columns are the same on every row. Beside the total only
    // columns of words (采购组织形式: text, no amount anywhere): nothing to
    // add up. Blank part columns still count: a total beside empty parts is
    // a mismatch to report.
    std::vector<CellPos> columns;
    for (const Path& child : children)
      if (child != column_paths_[*total]) GroupCells(block, child, keys_.header_rows(), &columns);
    if (std::all_of(columns.begin(), columns.end(),
                    [this](CellPos p) { return ColumnOfWords(p.second); }))
      continue;
    for (int r = keys_.header_rows(); r < keys_.n_rows(); ++r) {
      if (IgnoredRow(r)) continue;
      Equation e{{r, *total}, {}, rule};
      for (const CellPos& column : columns) e.parts.push_back({r, column.second});
      equations_.push_back(std::move(e));
    }
  }
}

// ---------------------------------------------------------------- rows

void TableChecker::AddHierarchyEquations(int c) {
  int block = keys_.BlockOf(c);
  std::map<std::string, std::vector<int>> rows_of;
  for (int r = keys_.header_rows(); r < keys_.n_rows(); ++r)
    if (const auto& code = keys_.Key(r, block).code) rows_of[*code].push_back(r);
  for (const auto& [parent, parent_rows] : rows_of) {
    if (parent_rows.size() != 1) continue;  // a code listed twice: no single parent
    Equation e{{parent_rows[0], c}, {}, "row " + parent + " = sum of its subordinate rows"};
    for (const auto& [code, rows] : rows_of) {
      if (code.size() <= parent.size() || !code.starts_with(parent)) continue;
      bool direct = true;  // no listed code between parent and this one
      for (const auto& [mid, unused] : rows_of)
        if (mid.size() > parent.size() && mid.size() < code.size() && code.starts_with(mid)) direct = false;
      if (direct)
        for (int r : rows) e.parts.push_back({r, c});
    }
    if (!e.parts.empty()) equations_.push_back(std::move(e));
  }
}

void TableChecker::AddTotalRowEquations(int c) {
  int block = keys_.BlockOf(c);
  std::vector<int> totals;
  std::set<std::string> codes;
  for (int r = keys_.header_rows(); r < keys_.n_rows(); ++r) {
    const model::RowKey& key = keys_.Key(r, block);
    if (key.code) codes.insert(*key.code);
    else if (key.label && IsTotalCaption(*key.label)) totals.push_back(r);
  }
  if (codes.empty()) {
    // Balance tables and two-sided tables add unnumbered rows (上年结余,
    // 调入资金) into their totals: only one-sided lists are numbered sums.
    const bool numbered_list = t_.standard && t_.standard->starts_with("gov.") &&
                               !t_.standard->ends_with("_balance") && keys_.n_blocks() <= 1;
    if (numbered_list && !RatioColumn(c)) AddEnumeratedTotalEquations(c, totals);
    return;
  }
  // Top level: codes without a listed prefix. When they differ in length (a
  // 项 listed without its 类, or a misread code) the make-up is uncertain.
  auto top_level = [&](const std::string& code) {
    for (const std::string& other : codes)
      if (other.size() < code.size() && code.starts_with(other)) return false;
    return true;
  };
  std::set<size_t> top_lengths;
  for (const std::string& code : codes)
    if (top_level(code)) top_lengths.insert(code.size());
  if (top_lengths.size() != 1) return;
  for (size_t i = 0; i < totals.size(); ++i) {
    int total_row = totals[i];
    // The rows since the previous total; a total printed first sums the rows after it.
    int from = i == 0 ? keys_.header_rows() : totals[i - 1] + 1, to = total_row;
    bool has_code_rows = false;
    for (int r = from; r < to; ++r) has_code_rows |= keys_.Key(r, block).code.has_value();
    if (!has_code_rows) {
      from = total_row + 1;
      to = i + 1 < totals.size() ? totals[i + 1] : keys_.n_rows();
    }
    Equation e{{total_row, c}, {}, Squeezed(keys_.Key(total_row, block).label.value_or("")) +
                                       " row = sum of the top-level rows"};
    bool known_make_up = true;
    for (int r = from; r < to; ++r) {
      const model::RowKey& key = keys_.Key(r, block);
      if (key.code && top_level(*key.code)) e.parts.push_back({r, c});
      // An amount on a row without a code: the total's make-up is unknown.
      else if (!key.code && !CellEmpty(r, c)) known_make_up = false;
    }
    if (known_make_up && !e.parts.empty()) equations_.push_back(std::move(e));
  }
}

// A column of ratios (为预算%, 比上年增长%, 增幅, 占比) holds no amounts to add,
// even where its cells print no "%".
bool TableChecker::RatioColumn(int c) const {
  for (const std::string& header : keys_.ColumnPath(c)) {
    const std::string s = Squeezed(header);
    for (const char* word : {"%", "增长", "增幅", "增减", "为预算", "比上年", "占", "完成率"})
      if (s.find(word) != std::string::npos) return true;
  }
  return false;
}

// Tables without codes (government reports) number their top-level rows
// "一、税收收入", "二、非税收入"; the rows under each are its items. A total
// row sums the numbered rows since the previous total (or after it, when it
// is printed first), provided no amount stands before the first of them.
void TableChecker::AddEnumeratedTotalEquations(int c, const std::vector<int>& totals) {
  static const RE2 kTopLevel(R"(^[一二三四五六七八九十]+、)");
  int block = keys_.BlockOf(c);
  auto numbered = [&](int r) {
    const auto& label = keys_.Key(r, block).label;
    return label && RE2::PartialMatch(Squeezed(*label), kTopLevel);
  };
  for (size_t i = 0; i < totals.size(); ++i) {
    int total_row = totals[i];
    int from = i == 0 ? keys_.header_rows() : totals[i - 1] + 1, to = total_row;
    bool any_numbered = false;
    for (int r = from; r < to; ++r) any_numbered |= numbered(r);
    if (!any_numbered) {
      from = total_row + 1;
      to = i + 1 < totals.size() ? totals[i + 1] : keys_.n_rows();
    }
    if (CellEmpty(total_row, c)) continue;  // a blank total is not filled in
    Equation e{{total_row, c}, {}, Squeezed(keys_.Key(total_row, block).label.value_or("")) +
                                       " row = sum of the numbered rows (一、二、…)"};
    bool seen_numbered = false, known_make_up = true;
    for (int r = from; r < to; ++r) {
      if (numbered(r)) {
        seen_numbered = true;
        e.parts.push_back({r, c});
      } else if (!seen_numbered && !CellEmpty(r, c)) {
        known_make_up = false;  // an amount before the first numbered row
      }
    }
    if (known_make_up && e.parts.size() >= 2) equations_.push_back(std::move(e));
  }
}

void TableChecker::AddThreePublicEquations(int c) {
  int block = keys_.BlockOf(c);
  std::optional<int> total, outbound, reception, vehicles, purchase, operation;
  for (int r = keys_.header_rows(); r < keys_.n_rows(); ++r) {
    const auto& label = keys_.Key(r, block).label;
    if (!label) continue;
    std::string s = Squeezed(*label);
    if (s == "合计" || s == "总计") total = r;
    else if (Has(s, "因公出国")) outbound = r;
    else if (Has(s, "公务接待")) reception = r;
    else if (Has(s, "购置及运行")) vehicles = r;
    else if (Has(s, "公务用车购置")) purchase = r;
    else if (Has(s, "公务用车运行")) operation = r;
  }
  if (vehicles && purchase && operation)
    equations_.push_back({{*vehicles, c}, {{*purchase, c}, {*operation, c}}, "公务用车购置及运行费 = 购置费 + 运行费"});
  if (total && outbound && reception && vehicles)
    equations_.push_back(
        {{*total, c}, {{*outbound, c}, {*reception, c}, {*vehicles, c}}, "三公 合计 = 因公出国(境)费 + 公务接待费 + 公务用车购置及运行费"});
}

// ---------------------------------------------------------------- solving

void TableChecker::Solve() {
  std::map<CellPos, std::vector<size_t>> uses;  // cell -> equations it appears in
  for (size_t i = 0; i < equations_.size(); ++i) {
    uses[equations_[i].total].push_back(i);
    for (CellPos p : equations_[i].parts) uses[p].push_back(i);
  }
  auto failing_count = [&] {
    size_t n = 0;
    for (const Equation& e : equations_) n += !Holds(e);
    return n;
  };
  size_t failing = failing_count();
  if (failing > kMaxFailing && failing * 4 > equations_.size()) {
    Issue i = MakeInfo("arithmetic_checks_skipped",
                       "table " + std::to_string(t_.index) + ": " + std::to_string(failing) + " of " +
                           std::to_string(equations_.size()) +
                           " arithmetic rules fail; the table is probably misread, no sum_mismatch reported");
    i.table = t_.index;
    issues_->push_back(std::move(i));
    return;
  }
  std::set<CellPos> reported;
  for (size_t round = 0; failing > 0 && round < kMaxFailing; ++round) {
    // Try, for each cell of each failing equation, the value that makes that
    // equation hold; keep the one that leaves the fewest failures.
    std::optional<std::pair<CellPos, Decimal>> best;
    size_t best_failing = failing;
    std::string best_rule;
    for (const Equation& e : equations_) {
      if (Holds(e)) continue;
      std::vector<CellPos> cells{e.total};
      cells.insert(cells.end(), e.parts.begin(), e.parts.end());
      // The best cell of this equation; when several cells do equally well
      // (any one of ten items could be 0.01 off) the blame is ambiguous and
      // the equation is left to be reported at its total.
      std::optional<std::pair<CellPos, Decimal>> local;
      size_t local_failing = failing, local_evidence = 0;
      bool tie = false;
      for (CellPos p : cells) {
        if (corrected_.count(p)) continue;
        std::optional<Decimal> others = PartsSum(e, p), total = Current(e.total);
        if (!others || !total) continue;
        Decimal fix = p == e.total ? *others : *total - *others;
        size_t after = failing;
        for (size_t i : uses[p]) after -= !Holds(equations_[i]);
        corrected_[p] = fix;
        for (size_t i : uses[p]) after += !Holds(equations_[i]);
        corrected_.erase(p);
        // Equal results: the cell more rules speak for wins (a blank cell in
        // a blank column can absorb any difference; that proves nothing).
        size_t evidence = uses[p].size();
        if (after < local_failing || (local && after == local_failing && evidence > local_evidence)) {
          local_failing = after;
          local = {p, fix};
          local_evidence = evidence;
          tie = false;
        } else if (local && after == local_failing && evidence == local_evidence) {
          tie = true;
        }
      }
      if (local && !tie && local_failing < best_failing) {
        best_failing = local_failing;
        best = local;
        best_rule = e.rule;
      }
    }
    if (!best) break;
    Report(best->first, best_rule, best->second);
    reported.insert(best->first);
    corrected_[best->first] = best->second;
    failing = best_failing;
  }
  // What no single correction improves: report at the equation's total.
  for (const Equation& e : equations_) {
    if (Holds(e) || reported.count(e.total)) continue;
    std::optional<Decimal> sum = PartsSum(e, {-1, -1});
    if (!sum) continue;
    Report(e.total, e.rule, *sum);
    reported.insert(e.total);
  }
}

void TableChecker::Report(CellPos at, const std::string& rule, const Decimal& expected) {
  auto [r, c] = at;
  Issue i = MakeWarning("sum_mismatch", "");
  i.table = t_.index;
  i.r = r;
  i.c = c;
  i.expected = expected.ToString();
  std::string where = "table " + std::to_string(t_.index) + " row " + std::to_string(r) + " column " +
                      std::to_string(c);
  const model::RowKey& key = keys_.Key(r, keys_.BlockOf(c));
  if (key.label) where += " (" + *key.label + ")";
  if (CellEmpty(r, c)) {
    i.message = rule + ": " + where + " is empty, expected " + *i.expected;
  } else {
    i.found = *keys_.At(r, c)->value;
    i.message = rule + ": " + where + " is " + *i.found + ", expected " + *i.expected;
  }
  issues_->push_back(std::move(i));
}

// ---------------------------------------------------------------- sides

bool TableChecker::CheckSidesBalance() {
  if (keys_.n_blocks() < 2) return false;
  std::optional<Located> income = PrintedTotal({"收入总计"}, false, "");
  std::optional<Located> spending = PrintedTotal({"支出总计"}, true, "");
  if (!income || !spending || income->empty || spending->empty) return false;
  if (income->r == spending->r && income->c == spending->c) return false;
  if (income->value != spending->value)
    Report({spending->r, spending->c}, "收入总计 = 支出总计", income->value);
  return true;
}

std::optional<TableChecker::Located> TableChecker::PrintedTotal(const std::vector<std::string>& row_captions,
                                                                bool last_side,
                                                                const std::string& column_measure) const {
  int n = keys_.n_blocks();
  for (int i = 0; i < std::max(n, 1); ++i) {
    int b = n == 0 ? -1 : (last_side ? n - 1 - i : i);
    std::optional<int> row;
    for (int r = keys_.header_rows(); r < keys_.n_rows() && !row; ++r) {
      const auto& label = keys_.Key(r, b).label;
      if (!label) continue;
      std::string s = Squeezed(*label);
      bool hit = row_captions.empty() ? IsTotalCaption(s)
                                      : std::find(row_captions.begin(), row_captions.end(), s) != row_captions.end();
      if (hit) row = r;
    }
    if (!row) continue;
    std::optional<int> column;
    for (int c = 0; c < keys_.n_cols() && !column; ++c) {
      if (NotAmount(c) || keys_.BlockOf(c) != b) continue;
      std::optional<std::string> m = MeasureForPath(keys_.ColumnPath(c));
      if (column_measure.empty() || (m && *m == column_measure)) column = c;
    }
    if (!column) continue;
    std::optional<Decimal> v = Printed({*row, *column});
    if (!v) return std::nullopt;
    return Located{*v, *row, *column, CellEmpty(*row, *column)};
  }
  return std::nullopt;
}

}  // namespace cnbudget
