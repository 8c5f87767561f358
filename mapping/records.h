// Records: one tidy fact per numeric data cell of an identified table.
#pragma once

#include <vector>

#include "core/issue.h"
#include "core/model.h"

namespace cnbudget {

// Builds the records of one table whose cells are normalized and whose
// standard, unit and header_rows are already set. Header and label/code cells
// yield no record. Performance tables (standard "performance.*") and tables
// with standard null yield none. Issues (e.g. a column with no known measure)
// are appended to *issues with table = t.index.
std::vector<model::Record> BuildRecords(const model::Table& t, std::vector<Issue>* issues);

}  // namespace cnbudget
