// Contract: for any bytes, ExtractDocx never crashes, hangs or leaks; it
// returns a Layout, and a package it cannot read is one error issue.
// Inputs starting with "PK" are taken as the package itself (the zip
// container); any other input is split at NUL bytes into document.xml,
// styles.xml and numbering.xml and stored in a fresh, valid package, so
// mutations reach the XML readers instead of dying at the zip checksum.
// Inputs over 128 KiB are skipped.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "fuzz/scratch_file.h"

namespace {

// Writes a stored (uncompressed) package holding `parts` under word/ to `path`.
void WritePackage(const std::string& path, const std::vector<std::string_view>& parts) {
  static const char* const kNames[] = {"word/document.xml", "word/styles.xml",
                                       "word/numbering.xml"};
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!zip) std::abort();
  for (std::size_t i = 0; i < parts.size() && i < std::size(kNames); ++i) {
    zip_source_t* source = zip_source_buffer(zip, parts[i].data(), parts[i].size(), 0);
    zip_int64_t index = source ? zip_file_add(zip, kNames[i], source, ZIP_FL_OVERWRITE) : -1;
    if (index < 0 || zip_set_file_compression(zip, index, ZIP_CM_STORE, 0) != 0) std::abort();
  }
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
  const cnbudget::Layout layout = cnbudget::ExtractDocx(path, {});
  // A failed extraction carries its reason and nothing else.
  if (layout.failed() && !layout.blocks.empty()) std::abort();
  return 0;
}
