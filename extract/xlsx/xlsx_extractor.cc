// ExtractXlsx: an XLSX workbook to Layout blocks (see extract/extract.h).
//
// The package is opened with SafeZip (capped inflation); the workbook part
// gives the sheets in tab order; styles and shared strings are read once;
// each visible sheet is streamed row by row and laid out by sheet_layout.h.
// XLSX has no pages: cells and tables carry page 0 and Layout::pages is unset.
#include <set>
#include <vector>
#include <string>

#include "extract/docx/package.h"
#include "extract/docx/safe_xml.h"
#include "extract/docx/safe_zip.h"
#include "extract/extract.h"
#include "extract/xlsx/limits.h"
#include "extract/xlsx/shared_strings.h"
#include "extract/xlsx/sheet_layout.h"
#include "extract/xlsx/sheet_reader.h"
#include "extract/xlsx/styles.h"
#include "extract/xlsx/workbook.h"

namespace cnbudget {
namespace {

Layout Failed(Layout layout, Issue issue) {
  layout.blocks.clear();
  layout.issues.push_back(std::move(issue));
  return layout;
}

// Styles only change how numbers look: a malformed styles part costs a
// warning. Entities and zip caps are refused as in any other part (returned).
std::optional<Issue> LoadStyles(const SafeZip& zip, const std::string& part,
                                xlsx::StyleSheet* styles, Layout* layout) {
  if (part.empty() || !zip.Has(part)) return std::nullopt;
  std::string bytes;
  if (auto error = zip.Read(part, &bytes)) return error;
  std::optional<Issue> error;
  docx::XmlDocPtr doc = docx::ParseSmallPart(bytes, part, &error);
  if (!error) {
    styles->Load(xmlDocGetRootElement(doc.get()));
    return std::nullopt;
  }
  if (error->code != "xml_malformed") return error;
  error->severity = Severity::kWarning;
  error->message += " (ignored: numbers are shown as stored, without their formats)";
  layout->issues.push_back(std::move(*error));
  return std::nullopt;
}

std::optional<Issue> LoadSharedStrings(const SafeZip& zip, const std::string& part,
                                       const xlsx::XlsxLimits& limits,
                                       std::vector<std::string>* strings, Layout* layout) {
  if (part.empty() || !zip.Has(part)) return std::nullopt;
  std::string bytes;
  if (auto error = zip.Read(part, &bytes)) return error;
  return xlsx::ReadSharedStrings(bytes, part, limits, strings, &layout->issues);
}

// Reads one visible sheet and appends its blocks.
std::optional<Issue> AppendSheet(const SafeZip& zip, const xlsx::SheetEntry& sheet,
                                 const xlsx::WorkbookContext& context, Layout* layout) {
  if (sheet.part.empty() || !zip.Has(sheet.part)) {
    layout->issues.push_back(MakeWarning(
        "missing_part", "sheet '" + sheet.name + "' points at no part of the package; skipped"));
    return std::nullopt;
  }
  std::string bytes;
  if (auto error = zip.Read(sheet.part, &bytes)) return error;
  xlsx::SheetData data;
  if (auto error = xlsx::ReadSheet(bytes, sheet.part, sheet.name, context, &data, &layout->issues))
    return error;
  bytes.clear();
  bytes.shrink_to_fit();
  xlsx::AppendSheetBlocks({sheet.name, &data, sheet.print_title_rows}, &layout->blocks);
  return std::nullopt;
}

}  // namespace

Layout ExtractXlsx(const std::string& path, const ExtractOptions& options) {
  Layout layout;
  layout.format = "xlsx";
  SafeZip zip;
  if (auto error = docx::OpenPackage(path, options, &zip)) return Failed(std::move(layout), *error);
  xlsx::Workbook workbook;
  if (auto error = xlsx::ReadWorkbook(zip, &workbook, &layout.issues))
    return Failed(std::move(layout), *error);

  const xlsx::XlsxLimits limits;
  xlsx::StyleSheet styles;
  if (auto error = LoadStyles(zip, workbook.styles_part, &styles, &layout))
    return Failed(std::move(layout), *error);
  std::vector<std::string> strings;
  if (auto error = LoadSharedStrings(zip, workbook.shared_strings_part, limits, &strings, &layout))
    return Failed(std::move(layout), *error);

  std::size_t cells_left = limits.max_cells_total;
  const xlsx::WorkbookContext context{&styles, &strings, &limits, &cells_left};
  int read = 0;
  // Work is bounded by the package, not by how often it is named: a part
  // that several sheets point at is read for the first of them only.
  std::set<std::string> read_parts;
  std::vector<std::string> repeated;               // sheets naming a part read before
  for (const xlsx::SheetEntry& sheet : workbook.sheets) {
    // A hidden sheet is not part of what the workbook shows (producers hide
    // lookup lists and scratch copies there): skipped, and said so.
    if (sheet.hidden) {
      layout.issues.push_back(
          MakeInfo("hidden_sheet", "sheet '" + sheet.name + "' is hidden; not extracted"));
      continue;
    }
    if (++read > limits.max_sheets) {
      layout.issues.push_back(MakeWarning(
          "xlsx_limit", "the workbook has more than " + std::to_string(limits.max_sheets) +
                            " visible sheets; the rest are not read"));
      break;
    }
    if (!sheet.part.empty() && !read_parts.insert(sheet.part).second) {
      repeated.push_back(sheet.name);
      continue;
    }
    if (cells_left == 0) {
      layout.issues.push_back(MakeWarning(
          "xlsx_limit", "the workbook has more than " + std::to_string(limits.max_cells_total) +
                            " cells; sheet '" + sheet.name + "' and those after it are not read"));
      break;
    }
    if (auto error = AppendSheet(zip, sheet, context, &layout))
      return Failed(std::move(layout), *error);
  }
  if (!repeated.empty())
    layout.issues.push_back(MakeWarning(
        "xlsx_sheet_repeated",
        std::to_string(repeated.size()) + " sheet(s) ('" + repeated.front() +
            (repeated.size() > 1 ? "', ... '" + repeated.back() : std::string()) +
            "') show a worksheet part already read for an earlier sheet; each part is read once"));
  if (workbook.sheets.empty())
    layout.issues.push_back(MakeWarning("empty_workbook", "the workbook lists no sheets"));
  return layout;
}

bool IsSpreadsheetPackage(const std::string& path, const ExtractOptions& options) {
  SafeZip zip;
  // A zip that cannot be opened goes to the DOCX reader, which says why.
  return !docx::OpenPackage(path, options, &zip) && xlsx::IsWorkbookPackage(zip);
}

}  // namespace cnbudget
