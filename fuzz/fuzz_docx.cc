// Contract: for any bytes, ExtractDocx never crashes, hangs or leaks; it
// returns a Layout, and a package it cannot read is one error issue.
// Inputs starting with "PK" are taken as the package itself (the zip
// container); any other input is split at NUL bytes into document.xml,
// styles.xml and numbering.xml and stored in a fresh, valid package, so
// mutations reach the XML readers instead of dying at the zip checksum.
// Inputs over 128 KiB are skipped.
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
#include "fuzz/stored_package.h"

namespace {

// The XML-mode parts, in the order an input gives them.
constexpr const char* kNames[] = {"word/document.xml", "word/styles.xml", "word/numbering.xml"};

void WritePackage(const std::string& path, const std::vector<std::string_view>& parts) {
  std::vector<std::pair<std::string, std::string_view>> entries;
  for (std::size_t i = 0; i < parts.size() && i < std::size(kNames); ++i)
    entries.emplace_back(kNames[i], parts[i]);
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
  const cnbudget::Layout layout = cnbudget::ExtractDocx(path, {});
  // A failed extraction carries its reason and nothing else.
  if (layout.failed() && !layout.blocks.empty()) std::abort();
  return 0;
}
