// Extraction entry point: a file on disk -> Layout.
//
// Never throws and never crashes on bad input: a file that cannot be read
// yields a Layout whose issues hold one error (see Layout::failed()).
#pragma once

#include <cstdint>
#include <string>

#include "core/layout.h"

namespace cnbudget {

struct ExtractOptions {
  // Largest inflated size accepted for one zip entry (DOCX and XLSX parts).
  std::uint64_t max_zip_entry_bytes = 256ull << 20;
  // Largest accepted ratio of inflated to compressed size for one zip entry.
  std::uint64_t max_zip_ratio = 200;
};

// Detects the format from the file's leading bytes (not its name).
Layout ExtractFile(const std::string& path, const ExtractOptions& options = {});

// Format-specific entry points.
Layout ExtractDocx(const std::string& path, const ExtractOptions& options);
Layout ExtractPdf(const std::string& path, const ExtractOptions& options);
Layout ExtractXlsx(const std::string& path, const ExtractOptions& options);

// For a zip package: true when it holds a spreadsheet (XLSX) rather than a
// word-processing document, judged by its content, not its name.
bool IsSpreadsheetPackage(const std::string& path, const ExtractOptions& options);

}  // namespace cnbudget
