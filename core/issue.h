// Issue: anything the user should know about a document, never dropped.
#pragma once

#include <optional>
#include <string>

namespace cnbudget {

enum class Severity { kError, kWarning, kInfo };

const char* SeverityName(Severity s);  // "error", "warning", "info"

struct Issue {
  Severity severity = Severity::kInfo;
  std::string code;      // stable snake_case id, e.g. "sum_mismatch", "unreadable_file"
  std::string message;   // human-readable, says what is wrong and where
  std::optional<int> table, r, c;         // table index and cell, when located
  std::optional<std::string> expected, found;  // arithmetic checks
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
