// Contract: for any bytes, ExtractXlsx never crashes, hangs or leaks; it
// returns a Layout, and a workbook it cannot read is one error issue.
// Inputs starting with "PK" are taken as the package itself; any other
// input is split at NUL bytes into the workbook, its relationships, two
// worksheets, the shared strings and the styles, and stored in a fresh,
// valid package (the two sheets may name one part: mutations of the
// relationships reach the repeated-part and cell-budget paths). Inputs over
// 128 KiB are skipped.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "fuzz/scratch_file.h"

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

void Add(zip_t* zip, const char* name, std::string_view data) {
  zip_source_t* source = zip_source_buffer(zip, data.data(), data.size(), 0);
  zip_int64_t index = source ? zip_file_add(zip, name, source, ZIP_FL_OVERWRITE) : -1;
  if (index < 0 || zip_set_file_compression(zip, index, ZIP_CM_STORE, 0) != 0) std::abort();
}

void WritePackage(const std::string& path, const std::vector<std::string_view>& parts) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!zip) std::abort();
  Add(zip, "[Content_Types].xml", kContentTypes);
  Add(zip, "_rels/.rels", kRootRels);
  for (std::size_t i = 0; i < parts.size() && i < std::size(kParts); ++i)
    Add(zip, kParts[i], parts[i]);
  if (zip_close(zip) != 0) std::abort();
}

std::vector<std::string_view> SplitAtNul(std::string_view bytes) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    std::size_t nul = bytes.find('\0', start);
    parts.push_back(bytes.substr(start, nul == std::string_view::npos ? nul : nul - start));
    if (nul == std::string_view::npos) return parts;
    start = nul + 1;
  }
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
    WritePackage(path, SplitAtNul(bytes));
  }
  const cnbudget::Layout layout = cnbudget::ExtractXlsx(path, {});
  if (layout.failed() && !layout.blocks.empty()) std::abort();
  return 0;
}
