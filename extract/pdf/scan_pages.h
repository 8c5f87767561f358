// Which image-only pages of a document are OCR'd, in parallel, and the
// issues saying so.
//
// The pages go through in reading order: a page that needs no OCR passes
// straight on (behind the scans before it), an image-only page is rendered
// here (one PdfDocument is not shared between threads) and read by one of
// the OCR threads (ocr_threads.h). The caller gets the pages back in order,
// as soon as the ones before them are done, so tables continued across pages
// are assembled as before. At most a few rendered pages wait at a time.
#pragma once

#include <deque>
#include <memory>
#include <vector>

#include "core/layout.h"
#include "extract/pdf/ocr_threads.h"
#include "extract/pdf/page_content.h"
#include "extract/pdf/page_ocr.h"
#include "extract/pdf/pdf_document.h"
#include "extract/time_budget.h"

namespace cnbudget::pdf {

class ScanPages {
 public:
  // threads: OCR threads at most (0: one per core, see OcrThreadCount);
  // budget: the document's time budget, may be null; page_seconds: OCR
  // time limit per page (0: none).
  explicit ScanPages(int threads = 1, std::shared_ptr<TimeBudget> budget = nullptr,
                     double page_seconds = kMaxOcrSecondsPerPage);
  ~ScanPages();

  // Takes `page` (page.number of `doc`), the next in reading order. When it
  // is image-only (IsImageOnly) and fewer than kMaxOcrPages were tried, it
  // is rendered and queued for OCR; the OCR engine is loaded on the first
  // such page only. Returns the pages now finished, in order. Pages left
  // empty keep no_text_layer.
  std::vector<PageContent> Add(PdfDocument* doc, PageContent page);

  // Waits for the OCR still running; returns the remaining pages in order.
  std::vector<PageContent> Finish();

  // Adds the warnings "ocr_used" (which pages were read by OCR),
  // "pages_not_read" (image-only pages left unread: the time budget ran out,
  // past kMaxOcrPages, or images too large to decode) and
  // "ocr_page_incomplete" (pages OCR stopped reading at its per-page time
  // limit) to `layout`.
  void AddIssues(Layout* layout) const;

 private:
  struct Held {
    PageContent page;               // a page that needed no OCR
    std::unique_ptr<OcrTask> task;  // or one queued for OCR
  };

  // Renders an image-only page for OCR; empty (width 0) when it cannot be.
  GrayImage Render(PdfDocument* doc, const PageContent& page) const;
  bool StartOcr();
  void Queue(PdfDocument* doc, PageContent page);
  std::vector<PageContent> TakeFinished(bool wait);

  int max_threads_;
  double page_seconds_;
  std::shared_ptr<TimeBudget> budget_;
  bool loaded_ = false;
  int tried_ = 0;
  std::vector<int> read_;
  std::vector<int> out_of_time_;  // image-only pages not read: the budget ran out
  std::vector<int> over_limit_;   // image-only pages not read: past kMaxOcrPages
  std::vector<int> too_large_;    // image-only pages not read: images past kMaxOcrImagePixels
  std::vector<int> incomplete_;   // read in part: OCR hit kMaxOcrSecondsPerPage
  std::deque<Held> held_;         // pages not handed back yet, in order
  // Declared last: destroyed (threads joined) before the tasks they read.
  std::unique_ptr<OcrThreads> threads_;
};

}  // namespace cnbudget::pdf
