// Placeholder until the DOCX extractor lands.
#include "extract/extract.h"

namespace cnbudget {
Layout ExtractDocx(const std::string&, const ExtractOptions&) {
  Layout layout;
  layout.format = "docx";
  layout.issues.push_back(MakeError("not_implemented", "DOCX extraction is not built yet"));
  return layout;
}
}  // namespace cnbudget
