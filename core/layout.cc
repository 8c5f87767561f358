#include "core/layout.h"

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

}  // namespace cnbudget
