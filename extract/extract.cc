#include "extract/extract.h"

#include <cstring>
#include <fstream>

namespace cnbudget {
namespace {

enum class Sniffed { kPdf, kZip, kEmpty, kUnknown, kUnreadable };

// The format comes from the leading bytes, not the name: a .docx that is
// really random bytes must be refused as such. PDF allows up to 1024 bytes of
// junk before "%PDF-" (as Acrobat does).
Sniffed SniffFormat(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Sniffed::kUnreadable;
  char head[1024];
  in.read(head, sizeof head);
  const std::size_t n = static_cast<std::size_t>(in.gcount());
  if (n == 0) return Sniffed::kEmpty;
  if (n >= 4 && std::memcmp(head, "PK\x03\x04", 4) == 0) return Sniffed::kZip;
  for (std::size_t i = 0; i + 5 <= n; ++i)
    if (std::memcmp(head + i, "%PDF-", 5) == 0) return Sniffed::kPdf;
  return Sniffed::kUnknown;
}

Layout Failed(const char* code, std::string message) {
  Layout layout;
  layout.issues.push_back(MakeError(code, std::move(message)));
  return layout;
}

}  // namespace

Layout ExtractFile(const std::string& path, const ExtractOptions& options) {
  switch (SniffFormat(path)) {
    case Sniffed::kPdf: return ExtractPdf(path, options);
    case Sniffed::kZip:
      return IsSpreadsheetPackage(path, options) ? ExtractXlsx(path, options)
                                                 : ExtractDocx(path, options);
    case Sniffed::kEmpty:
      return Failed("empty_file", "the file is empty (0 bytes)");
    case Sniffed::kUnreadable:
      return Failed("unreadable_file", "the file cannot be opened for reading");
    case Sniffed::kUnknown:
      break;
  }
  return Failed("unsupported_format",
                "not a PDF, DOCX or XLSX file (no %PDF- header and not a zip package)");
}

}  // namespace cnbudget
