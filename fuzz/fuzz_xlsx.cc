// Contract: for any bytes, ExtractXlsx never crashes, hangs or leaks; it
// returns a Layout, and a workbook it cannot read is one error issue.
// Inputs starting with "PK" are taken as the package itself; any other
// input is split at NUL bytes into the workbook, its relationships, two
// worksheets, the shared strings and the styles, and stored in a fresh,
// valid package (the two sheets may name one part: mutations of the
// relationships reach the repeated-part and cell-budget paths). Inputs over
// 128 KiB are skipped.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "fuzz/scratch_file.h"
#include "fuzz/stored_package.h"

namespace {

constexpr const char* kParts[] = {"xl/workbook.xml",          "xl/_rels/workbook.xml.rels",
                                  "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                                  "xl/sharedStrings.xml",     "xl/styles.xml"};

// The package's fixed frame: content types and the root relationship.
constexpr char kContentTypes[] =
    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
constexpr char kRootRels[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
    "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>";

void WritePackage(const std::string& path, const std::vector<std::string_view>& parts) {
  std::vector<std::pair<std::string, std::string_view>> entries = {
      {"[Content_Types].xml", kContentTypes}, {"_rels/.rels", kRootRels}};
  for (std::size_t i = 0; i < parts.size() && i < std::size(kParts); ++i)
    entries.emplace_back(kParts[i], parts[i]);
  cnbudget::fuzz::WriteStoredPackage(path, entries);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::size_t kMaxInput = 128 << 10;
  if (size > kMaxInput) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string path;
  if (bytes.substr(0, 2) == "PK") {
    path = cnbudget::fuzz::WriteScratchFile(data, size);
  } else {
    path = cnbudget::fuzz::WriteScratchFile(nullptr, 0);
    WritePackage(path, cnbudget::fuzz::SplitAtNul(bytes));
  }
  const cnbudget::Layout layout = cnbudget::ExtractXlsx(path, {});
  if (layout.failed() && !layout.blocks.empty()) std::abort();
  return 0;
}
