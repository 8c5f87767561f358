#include "extract/xlsx/shared_strings.h"

#include "extract/xlsx/sml.h"
#include "extract/docx/safe_xml.h"

namespace cnbudget::xlsx {

std::optional<Issue> ReadSharedStrings(const std::string& xml, const std::string& part,
                                       const XlsxLimits& limits, std::vector<std::string>* out,
                                       std::vector<Issue>* warnings) {
  bool capped = false;
  auto want = [](int depth, const xmlNode* e) { return depth == 1 && IsS(e, "si"); };
  auto on_item = [&](const xmlNode* si) {
    if (out->size() >= limits.max_shared_strings) {
      capped = true;
      return false;
    }
    out->push_back(StringItemText(si));
    return true;
  };
  std::optional<Issue> error = docx::StreamPart(xml, part, want, on_item);
  if (capped)
    warnings->push_back(MakeWarning(
        "xlsx_limit", part + " has more than " + std::to_string(limits.max_shared_strings) +
                          " strings; the rest are not read and their cells are empty"));
  return error;
}

}  // namespace cnbudget::xlsx
