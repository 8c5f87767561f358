// The workbook part and what it points at: the sheets in tab order, and the
// shared strings and styles parts.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/issue.h"
#include "extract/docx/safe_zip.h"

namespace cnbudget::xlsx {

struct SheetEntry {
  std::string name;      // the tab's name ("封面", "表1")
  std::string part;      // zip part name ("xl/worksheets/sheet1.xml"); "" when unresolved
  bool hidden = false;   // state="hidden" or "veryHidden"
  std::vector<int> print_title_rows;  // 0-based first and last row repeated on each page
};

struct Workbook {
  std::string part;                  // "xl/workbook.xml"
  std::vector<SheetEntry> sheets;    // tab order
  std::string shared_strings_part;   // "" when the package has none
  std::string styles_part;           // "" when the package has none
};

// True when the zip package is a spreadsheet: [Content_Types].xml declares a
// SpreadsheetML workbook, or (no usable content types) xl/workbook.xml exists
// and word/document.xml does not.
bool IsWorkbookPackage(const SafeZip& zip);

// Resolves "target" of a relationship in the rels of `source_part`
// ("xl/workbook.xml" + "worksheets/a.xml" -> "xl/worksheets/a.xml";
// "/xl/a.xml" -> "xl/a.xml"; ".." segments applied).
std::string ResolveTarget(const std::string& source_part, const std::string& target);

// Reads the workbook part and its relationships. Errors: the zip and XML
// refusals of the parts, "missing_part" when there is no workbook.
std::optional<Issue> ReadWorkbook(const SafeZip& zip, Workbook* out, std::vector<Issue>* warnings);

}  // namespace cnbudget::xlsx
