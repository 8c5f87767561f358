// PdfDocument: reads the pages of a PDF into PageContent with Poppler.
//
// This is the only place that talks to Poppler's private API. It hides
// Poppler's global state (GlobalParams, the stderr error callback) and turns
// Poppler's complaints into Issues. Nothing here throws: a file that cannot be
// opened gives nullptr plus an error Issue, a page that cannot be read gives
// an empty PageContent plus a warning.
//
// Thread-safety: distinct PdfDocument objects may be used from distinct
// threads; one PdfDocument must not be shared between threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/issue.h"
#include "extract/pdf/page_content.h"

class PDFDoc;  // Poppler

namespace cnbudget::pdf {

class PdfDocument {
 public:
  // Refuse documents claiming more pages than this: a damaged page tree can
  // claim billions, and the caller loops over pages.
  static constexpr int kMaxPages = 100000;

  // Opens the PDF at `path`. On failure returns nullptr and sets *error to an
  // Issue of severity error with one of these codes:
  //   "unreadable_file"   the file cannot be opened for reading
  //   "pdf_damaged"       not a PDF, or too damaged for Poppler to repair
  //   "pdf_encrypted"     needs a user password (owner-password-only files,
  //                       i.e. an empty user password, open normally)
  //   "pdf_no_pages"      the page tree has no pages
  //   "pdf_too_many_pages" more than kMaxPages pages
  static std::unique_ptr<PdfDocument> Open(const std::string& path, Issue* error);

  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  int page_count() const { return page_count_; }

  // Warnings collected while opening, e.g. "pdf_repaired" when Poppler had to
  // rebuild the cross-reference table.
  const std::vector<Issue>& open_warnings() const { return open_warnings_; }

  // Reads page `number` (1-based). Never throws. Out-of-range or broken pages
  // yield an empty PageContent (number set, size 0 if unknown) and a warning
  // appended to *warnings (which may be null). Parser complaints on a page
  // that still renders are summarised in one "pdf_syntax_error" warning.
  // Nothing is cached between calls: memory stays flat over many pages.
  PageContent ReadPage(int number, std::vector<Issue>* warnings);

 private:
  explicit PdfDocument(std::unique_ptr<PDFDoc> doc);

  std::unique_ptr<PDFDoc> doc_;
  int page_count_ = 0;
  std::vector<Issue> open_warnings_;
};

}  // namespace cnbudget::pdf
