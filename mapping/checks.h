// Arithmetic checks: report, never fix.
#pragma once

#include "core/model.h"

namespace cnbudget {

// Runs every arithmetic check over the mapped document (records built) and
// appends one `sum_mismatch` warning per disagreement to doc.issues, naming
// the table, the cell, the expected and the found value. Values are never
// changed. A consistent document gets no issue.
void CheckArithmetic(model::Document& doc);

}  // namespace cnbudget
