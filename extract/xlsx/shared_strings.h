// xl/sharedStrings.xml: the workbook's string table (cells with t="s").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/issue.h"
#include "extract/xlsx/limits.h"

namespace cnbudget::xlsx {

// Reads every <si> of the part in order. Items beyond the cap are not kept
// (cells pointing at them read as empty) and a warning is appended.
std::optional<Issue> ReadSharedStrings(const std::string& xml, const std::string& part,
                                       const XlsxLimits& limits, std::vector<std::string>* out,
                                       std::vector<Issue>* warnings);

}  // namespace cnbudget::xlsx
