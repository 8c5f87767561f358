#include "extract/extract.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <system_error>

namespace cnbudget {
namespace {

enum class Sniffed { kPdf, kZip, kOle2, kEmpty, kUnknown, kUnreadable };

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
  // The compound file (OLE2) signature of Word 97-2003, Excel 97-2003 and
  // other legacy Office files, whatever their name (.doc saved as .docx).
  if (n >= 8 && std::memcmp(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    return Sniffed::kOle2;
  for (std::size_t i = 0; i + 5 <= n; ++i)
    if (std::memcmp(head + i, "%PDF-", 5) == 0) return Sniffed::kPdf;
  return Sniffed::kUnknown;
}

Layout Failed(const char* code, std::string message) {
  Layout layout;
  layout.issues.push_back(MakeError(code, std::move(message)));
  return layout;
}

std::string Mebibytes(std::uintmax_t bytes) {
  return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB";
}

// What must be refused before the file is opened: a directory reads as 0
// bytes (it would pass for an empty file), a FIFO blocks the first read
// forever, and a file over the size limit is not worth parsing.
std::optional<Layout> RefuseBeforeReading(const std::string& path,
                                          const ExtractOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || status.type() == fs::file_type::not_found) return std::nullopt;  // sniff reports it
  if (status.type() == fs::file_type::directory)
    return Failed("not_a_file", "the path is a directory, not a file");
  if (status.type() != fs::file_type::regular)
    return Failed("not_a_file", "not a regular file (a device, FIFO or socket)");
  const std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && options.max_file_bytes > 0 && size > options.max_file_bytes)
    return Failed("file_too_large", "the file is " + Mebibytes(size) +
                                        ", more than the limit of " +
                                        Mebibytes(options.max_file_bytes) + " (--max-file-mb)");
  return std::nullopt;
}

// Cuts the document at options.max_cells table cells, and says so.
Layout Capped(Layout layout, const ExtractOptions& options) {
  if (layout.failed() || options.max_cells == 0) return layout;
  if (const std::size_t dropped = CapTableCells(&layout, options.max_cells); dropped > 0)
    layout.issues.push_back(MakeWarning(
        "document_truncated",
        "the document's tables hold more than " + std::to_string(options.max_cells) +
            " cells; only the first " + std::to_string(options.max_cells) + " are read (" +
            std::to_string(dropped) + " left out, with every table after the cut)"));
  return layout;
}

Layout ExtractByFormat(const std::string& path, const ExtractOptions& options) {
  switch (SniffFormat(path)) {
    case Sniffed::kPdf: return ExtractPdf(path, options);
    case Sniffed::kZip:
      return IsSpreadsheetPackage(path, options) ? ExtractXlsx(path, options)
                                                 : ExtractDocx(path, options);
    case Sniffed::kOle2: return ExtractLegacyOffice(path, options);
    case Sniffed::kEmpty:
      return Failed("empty_file", "the file is empty (0 bytes)");
    case Sniffed::kUnreadable:
      return Failed("unreadable_file", "the file cannot be opened for reading");
    case Sniffed::kUnknown:
      break;
  }
  return Failed("unsupported_format",
                "not a PDF, DOCX, XLSX, DOC or XLS file (no %PDF- header, not a zip package "
                "and not an OLE2 compound file)");
}

}  // namespace

Layout ExtractFile(const std::string& path, const ExtractOptions& options) {
  if (std::optional<Layout> refused = RefuseBeforeReading(path, options)) return *refused;
  return Capped(ExtractByFormat(path, options), options);
}

}  // namespace cnbudget
