// Placeholder until the mapper lands: emits every table as a grid.
#include "mapping/mapper.h"

#include "normalize/normalize.h"

namespace cnbudget {
void MapLayout(const Layout& layout, model::Document& doc) {
  for (const Block& b : layout.blocks) {
    const auto* t = std::get_if<RawTable>(&b);
    if (!t) continue;
    model::Table out;
    out.index = static_cast<int>(doc.tables.size());
    out.n_rows = t->n_rows;
    out.n_cols = t->n_cols;
    for (const RawCell& rc : t->cells) {
      NormalizedCell n = NormalizeCell(rc.raw);
      model::Cell c{rc.r, rc.c, rc.rs, rc.cs, rc.raw, n.text, n.value, rc.page, rc.bbox};
      out.cells.push_back(std::move(c));
    }
    doc.tables.push_back(std::move(out));
  }
  doc.issues.insert(doc.issues.end(), layout.issues.begin(), layout.issues.end());
}
}  // namespace cnbudget
