// ExtractPdf: reads the pages with PdfDocument and builds the Layout page by
// page (tables, text lines, continued tables merged). Only the page being
// read and the table that may continue are in memory at any time.
#include <exception>
#include <new>

#include "extract/extract.h"
#include "extract/pdf/object_numbers.h"
#include "extract/pdf/pdf_document.h"
#include "extract/pdf/scan_pages.h"
#include "extract/pdf/table_assembly.h"

namespace cnbudget {

namespace {

// Bounds the number of warnings one document can add: a damaged file can
// complain on every page.
constexpr size_t kMaxWarnings = 200;

void AddWarnings(std::vector<Issue>* from, Layout* layout) {
  for (Issue& w : *from) {
    if (layout->issues.size() >= kMaxWarnings) return;
    layout->issues.push_back(std::move(w));
  }
}

}  // namespace

Layout ExtractPdf(const std::string& path, const ExtractOptions& options) {
  Layout layout;
  layout.format = "pdf";
  try {
    if (std::optional<Issue> refused = pdf::RefuseImplausibleObjectNumbers(path)) {
      layout.issues.push_back(std::move(*refused));
      return layout;
    }
    Issue error;
    std::unique_ptr<pdf::PdfDocument> doc = pdf::PdfDocument::Open(path, &error, options.max_pages);
    if (!doc) {
      if (error.code.empty()) error = MakeError("pdf_damaged", "the PDF cannot be opened");
      layout.issues.push_back(std::move(error));
      return layout;
    }
    layout.pages = doc->page_count();
    std::vector<Issue> warnings = doc->open_warnings();
    AddWarnings(&warnings, &layout);
    pdf::DocumentAssembler assembler(&layout);
    // OCR of image-only pages, in parallel; the pages come back in order.
    pdf::ScanPages scans(options.ocr_threads, options.budget, options.ocr_page_max_seconds);
    for (int number = 1; number <= doc->page_count(); ++number) {
      warnings.clear();
      pdf::PageContent page = doc->ReadPage(number, &warnings);
      AddWarnings(&warnings, &layout);
      for (const pdf::PageContent& done : scans.Add(doc.get(), std::move(page)))
        assembler.AddPage(done);
    }
    for (const pdf::PageContent& done : scans.Finish()) assembler.AddPage(done);
    assembler.Finish();
    scans.AddIssues(&layout);
  } catch (const std::bad_alloc&) {
    layout.blocks.clear();
    layout.issues.push_back(MakeError("out_of_memory", "ran out of memory while reading the PDF"));
  } catch (const std::exception& e) {
    layout.blocks.clear();
    layout.issues.push_back(
        MakeError("pdf_extraction_failed", std::string("PDF extraction failed: ") + e.what()));
  }
  return layout;
}

}  // namespace cnbudget
