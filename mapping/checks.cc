#include "mapping/checks.h"

#include <string>
#include <vector>

#include "mapping/checks_table.h"

namespace cnbudget {
namespace {

bool Checked(const model::Table& t) { return t.standard && !t.standard->starts_with("performance."); }

bool Is(const model::Table& t, const char* standard) { return t.standard && *t.standard == standard; }

// The `b_standard` table that goes with the `a_standard` table at position
// `a`: the first one after it and before the next `a_standard` table (a
// document may hold the tables of several units, one set after the other);
// with a single `a_standard` table, the first anywhere.
const model::Table* PartnerOf(const model::Document& doc, size_t a, const char* a_standard,
                              const char* b_standard) {
  size_t end = doc.tables.size(), a_count = 0;
  for (size_t i = 0; i < doc.tables.size(); ++i)
    if (Is(doc.tables[i], a_standard)) {
      ++a_count;
      if (i > a && end == doc.tables.size()) end = i;
    }
  for (size_t i = a + 1; i < end; ++i)
    if (Is(doc.tables[i], b_standard)) return &doc.tables[i];
  if (a_count == 1)
    for (const model::Table& t : doc.tables)
      if (Is(t, b_standard)) return &t;
  return nullptr;
}

// One total that two tables both print: `a`'s row captioned a_row (column
// measure a_measure, empty = the side's first column) against `b`'s total row.
struct CrossTotal {
  const char* a_standard;
  std::vector<std::string> a_rows;
  bool a_last_side;
  const char* a_measure;
  const char* b_standard;
};

const CrossTotal kCrossTotals[] = {
    {"budget.summary", {"收入总计"}, false, "", "budget.income"},
    {"budget.summary", {"支出总计"}, true, "", "budget.expenditure"},
    {"budget.fiscal_summary", {"支出总计"}, true, "general_public_budget", "budget.general_public"},
    {"budget.fiscal_summary", {"支出总计"}, true, "gov_fund_budget", "budget.gov_fund"},
    {"budget.fiscal_summary", {"支出总计"}, true, "state_capital_budget", "budget.state_capital"},
    {"final.summary", {"本年收入合计"}, false, "", "final.income"},
    {"final.summary", {"本年支出合计"}, true, "", "final.expenditure"},
};

// Returns true when both totals were there to compare.
bool CompareTotals(model::Document& doc, const CrossTotal& x, const model::Table& a, const model::Table& b) {
  std::vector<Issue> unused;
  TableChecker ca(a, &unused), cb(b, &unused);
  auto left = ca.PrintedTotal(x.a_rows, x.a_last_side, x.a_measure);
  auto right = cb.PrintedTotal({}, false, "total");
  // A blank total is "not filled in", not zero: nothing to compare.
  if (!left || !right || left->empty || right->empty) return false;
  if (left->value == right->value) return true;
  Issue i = MakeWarning("sum_mismatch", "same total across tables: table " + std::to_string(b.index) + " (" +
                                            x.b_standard + ") total is " + right->value.ToString() + ", table " +
                                            std::to_string(a.index) + " (" + x.a_standard + ") " + x.a_rows[0] +
                                            " is " + left->value.ToString());
  i.table = b.index;
  i.r = right->r;
  i.c = right->c;
  i.expected = left->value.ToString();
  i.found = right->value.ToString();
  doc.issues.push_back(std::move(i));
  return true;
}

// Adds to `checks` (per table index) the cross-table comparisons made.
void CheckAcrossTables(model::Document& doc, std::vector<int>& checks) {
  for (const CrossTotal& x : kCrossTotals)
    for (size_t a = 0; a < doc.tables.size(); ++a) {
      if (!Is(doc.tables[a], x.a_standard)) continue;
      const model::Table* b = PartnerOf(doc, a, x.a_standard, x.b_standard);
      if (b && CompareTotals(doc, x, doc.tables[a], *b)) {
        ++checks[a];
        ++checks[b - doc.tables.data()];
      }
    }
}

bool FailsCheck(const Issue& i) { return i.code == "sum_mismatch" || i.code == "arithmetic_checks_skipped"; }

void SetVerified(model::Document& doc, const std::vector<int>& checks) {
  std::vector<bool> failed(doc.tables.size(), false);
  for (const Issue& i : doc.issues)
    if (i.table && *i.table >= 0 && *i.table < static_cast<int>(failed.size()) && FailsCheck(i))
      failed[*i.table] = true;
  for (size_t k = 0; k < doc.tables.size(); ++k) {
    if (failed[k]) {
      doc.tables[k].verified = false;
    } else if (checks[k] > 0) {
      doc.tables[k].verified = true;
    }
  }
}

}  // namespace

void CheckArithmetic(model::Document& doc) {
  std::vector<int> checks(doc.tables.size(), 0);
  for (size_t k = 0; k < doc.tables.size(); ++k) {
    if (!Checked(doc.tables[k])) continue;
    checks[k] = TableChecker(doc.tables[k], &doc.issues).Run();
  }
  CheckAcrossTables(doc, checks);
  SetVerified(doc, checks);
}

}  // namespace cnbudget
