// Issue: anything the user should know about a document, never dropped.
#pragma once

#include <optional>
#include <string>

#include "core/bbox.h"

namespace cnbudget {

enum class Severity { kError, kWarning, kInfo };

const char* SeverityName(Severity s);  // "error", "warning", "info"

struct Issue {
  Severity severity = Severity::kInfo;
  std::string code;      // stable snake_case id, e.g. "sum_mismatch", "unreadable_file"
  std::string message;   // human-readable, says what is wrong and where
  std::optional<int> table, r, c;         // table index and cell, when located
  std::optional<std::string> expected, found;  // arithmetic checks
  // Where a located issue's cell is printed (PDF; absent for DOCX/XLSX).
  std::optional<int> page;
  std::optional<BBox> bbox;
  // Arithmetic checks: expected - found (a blank cell counts as 0), exact,
  // in the table's unit; `rounding` when that is at most two units of the
  // last printed digit (0.01/0.02 for amounts with cents, 1/2 for whole
  // numbers): a rounding slip rather than a wrong figure.
  std::optional<std::string> difference;
  bool rounding = false;
};

inline Issue MakeError(std::string code, std::string message) {
  Issue i;
  i.severity = Severity::kError;
  i.code = std::move(code);
  i.message = std::move(message);
  return i;
}

inline Issue MakeWarning(std::string code, std::string message) {
  Issue i;
  i.severity = Severity::kWarning;
  i.code = std::move(code);
  i.message = std::move(message);
  return i;
}

inline Issue MakeInfo(std::string code, std::string message) {
  Issue i;
  i.severity = Severity::kInfo;
  i.code = std::move(code);
  i.message = std::move(message);
  return i;
}

}  // namespace cnbudget
