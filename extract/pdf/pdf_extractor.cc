// Placeholder until the PDF extractor lands.
#include "extract/extract.h"

namespace cnbudget {
Layout ExtractPdf(const std::string&, const ExtractOptions&) {
  Layout layout;
  layout.format = "pdf";
  layout.issues.push_back(MakeError("not_implemented", "PDF extraction is not built yet"));
  return layout;
}
}  // namespace cnbudget
