// Extraction entry point: a file on disk -> Layout.
//
// Never throws and never crashes on bad input: a file that cannot be read
// yields a Layout whose issues hold one error (see Layout::failed()).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/layout.h"
#include "extract/time_budget.h"

namespace cnbudget {

// Limits on one input. The CLI exposes them as flags (README "Limits").
struct ExtractOptions {
  // Largest input file accepted, in bytes; larger is "file_too_large"
  // (0: no limit). Checked before any byte is parsed.
  std::uint64_t max_file_bytes = 512ull << 20;
  // Most pages a PDF may have; more is "pdf_too_many_pages". Clamped to
  // pdf::PdfDocument::kMaxPages, the reader's own ceiling.
  int max_pages = 5000;
  // Largest inflated size accepted for one zip entry (DOCX and XLSX parts).
  std::uint64_t max_zip_entry_bytes = 256ull << 20;
  // Largest accepted ratio of inflated to compressed size for one zip entry.
  std::uint64_t max_zip_ratio = 200;
  // Table cells kept per document, all tables together: a real report has a
  // few tens of thousands. Past it the document is cut (document_truncated)
  // so that mapping, JSON and database work stay bounded.
  std::size_t max_cells = 200000;
  // Threads that OCR the pages of one scanned PDF (0: one per core). A batch
  // of J jobs passes cores / J so that the workers do not oversubscribe.
  int ocr_threads = 0;
  // The document's time budget when it runs under a time limit (a worker);
  // null: none. OCR stops when it runs out (the pages done are kept, the rest
  // listed in a pages_not_read warning) and the legacy converter gets what
  // is left of it.
  std::shared_ptr<TimeBudget> budget;
  // OCR of one scanned page stops after this many seconds (0: no limit);
  // what was read is kept and the page listed in ocr_page_incomplete.
  double ocr_page_max_seconds = 45;
};

// Detects the format from the file's leading bytes (not its name). Refuses
// first what is not a regular file ("not_a_file": a directory, a FIFO that
// would block the read, a device) and files over max_file_bytes.
Layout ExtractFile(const std::string& path, const ExtractOptions& options = {});

// Format-specific entry points.
Layout ExtractDocx(const std::string& path, const ExtractOptions& options);
Layout ExtractPdf(const std::string& path, const ExtractOptions& options);
Layout ExtractXlsx(const std::string& path, const ExtractOptions& options);
// Word 97-2003 and Excel 97-2003 files (OLE2), converted by LibreOffice to
// DOCX or XLSX and read by ExtractDocx or ExtractXlsx (extract/legacy).
Layout ExtractLegacyOffice(const std::string& path, const ExtractOptions& options);

// For a zip package: true when it holds a spreadsheet (XLSX) rather than a
// word-processing document, judged by its content, not its name.
bool IsSpreadsheetPackage(const std::string& path, const ExtractOptions& options);

}  // namespace cnbudget
