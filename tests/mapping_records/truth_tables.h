// Test helper: dev-corpus truth files as model values, and the scorer's
// record derivation (shared/tools/score.py derive_records) re-done in C++.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace cnbudget::testing {

struct TruthTable {
  model::Table table;
  std::vector<int> code_cols, label_cols;
};

// All tables of one truth file; empty when the file cannot be read.
std::vector<TruthTable> LoadTruth(const std::string& path);

// The key the scorer compares: (standard, code or label, column, value),
// white space removed.
struct RecordKey {
  std::string standard, code, label, column, value;
};

std::vector<RecordKey> DeriveTruthRecords(const TruthTable& t);
std::vector<RecordKey> KeysOf(const model::Table& t, const std::vector<model::Record>& records);

// Matched count by the scorer's two passes (exact key, then code vs label).
int MatchRecords(const std::vector<RecordKey>& truth, const std::vector<RecordKey>& out,
                 std::vector<RecordKey>* missed, std::vector<RecordKey>* spurious);

}  // namespace cnbudget::testing
