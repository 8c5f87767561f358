// Arithmetic checks: report, never fix.
#pragma once

#include "core/model.h"

namespace cnbudget {

// Runs every arithmetic check over the mapped document (records built) and
// appends one `sum_mismatch` warning per disagreement to doc.issues, naming
// the table, the cell, the expected and the found value. Values are never
// changed. A consistent document gets no issue.
//
// Sets each table's `verified`: null when no rule applies to it, false when a
// rule fails (or the checks were skipped as the table looks misread), true
// when every rule holds.
void CheckArithmetic(model::Document& doc);

}  // namespace cnbudget
