// Mapper: Layout -> canonical model (tables with meaning, records, metadata,
// arithmetic issues). Knows about budgets; knows nothing about PDF or DOCX.
#pragma once

#include "core/layout.h"
#include "core/model.h"

namespace cnbudget {

// Fills doc.document, doc.tables and appends to doc.issues. doc.source is
// left as the caller set it. Layout issues are copied into doc.issues.
void MapLayout(const Layout& layout, model::Document& doc);

}  // namespace cnbudget
