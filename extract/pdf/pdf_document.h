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
#include "extract/pdf/gray_image.h"
#include "extract/pdf/page_content.h"

class PDFDoc;  // Poppler

namespace cnbudget::pdf {

class PageCollector;

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
  //   "pdf_too_many_pages" more than max_pages pages (clamped to kMaxPages)
  static std::unique_ptr<PdfDocument> Open(const std::string& path, Issue* error,
                                           int max_pages = kMaxPages);

  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  int page_count() const { return page_count_; }

  // Warnings collected while opening, e.g. "pdf_repaired" when Poppler had to
  // rebuild the cross-reference table.
  const std::vector<Issue>& open_warnings() const { return open_warnings_; }

  // Reads page `number` (1-based) into PageContent (see page_content.h):
  // glyphs after hygiene (fake-bold copies dropped, CJK radicals mapped,
  // whitespace and diagonal watermark text dropped), runs (glyph_runs.h),
  // merged rulings (ruling_merge.h), fills, image coverage; a sideways page is
  // turned to read left to right (PageContent::reading_turn).
  // Never throws. Warnings are appended to *warnings (which may be null):
  //   "pdf_page_out_of_range", "pdf_page_unreadable"  empty PageContent
  //                      (number set, size 0)
  //   "pdf_syntax_error"  parser errors on a page that still rendered
  //                      (one warning per page, with the count and the first)
  //   "pdf_glyphs_without_unicode"  glyphs dropped for lack of a mapping
  //   "pdf_page_truncated"  a safety cap on glyphs/segments was hit
  //   "pdf_repaired"      Poppler rebuilt the xref only now, reading this
  //                      page (at most once per document, with open_warnings)
  // Nothing is cached between calls: memory stays flat over many pages.
  PageContent ReadPage(int number, std::vector<Issue>* warnings);

  // Renders page `number` as displayed (/Rotate and CropBox applied, as in
  // ReadPage) to 8-bit gray at `dpi`, for OCR. Empty image (width 0) when
  // the page cannot be rendered or would exceed `max_pixels`.
  // Implemented in pdf_page_render.cc.
  GrayImage RenderGray(int number, double dpi, long max_pixels);

 private:
  PdfDocument();
  // ReadPage without the late-repair warning.
  PageContent ReadPageContent(int number, std::vector<Issue>* warnings);

  std::unique_ptr<PDFDoc> doc_;
  // One output device for every page: Poppler caches ICC colour spaces in
  // it, and building their colour transforms again on each page was a
  // third of the time on a 120-page report.
  std::unique_ptr<PageCollector> collector_;
  int page_count_ = 0;
  bool repaired_ = false;         // set by Poppler's xref repair callback, at any time
  bool repair_reported_ = false;  // a "pdf_repaired" warning was issued
  std::vector<Issue> open_warnings_;
};

}  // namespace cnbudget::pdf
