// xl/styles.xml: what a cell's style index (c/@s) says about its display.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <vector>

namespace cnbudget::xlsx {

struct CellStyle {
  std::string format = "General";  // number format code
  bool bordered = false;           // any side of the cell has a border line
  bool bold = false;
};

class StyleSheet {
 public:
  // Reads numFmts, fonts, borders and cellXfs from the styleSheet root.
  void Load(const xmlNode* root);

  // The style of cellXfs[index]; the default style for an unknown index.
  const CellStyle& Get(int index) const;

  bool empty() const { return xfs_.empty(); }

 private:
  std::vector<CellStyle> xfs_;
  CellStyle default_;
};

}  // namespace cnbudget::xlsx
