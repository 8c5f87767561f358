// OCR of image-only (scanned) PDF pages into PageContent.
//
// A scanned page has neither glyphs nor vector rulings. PageOcr finds the
// ruling lines in the page image (image_rulings.h), the ruled grids they form
// (FindLatticeGrids), reads each cell on its own with Tesseract (far more
// accurate on tables than full-page OCR: no borders, one line or block per
// call) and the text outside the grids in one full-image pass. The result is
// the PageContent the glyph path would give (rulings, glyphs, runs, in
// points), so tables, captions and continuations are built by the same code.
//
// Built only with CNBUDGET_OCR (Tesseract + chi_sim data); otherwise Create()
// returns nullptr. One PageOcr per thread: Tesseract's engine is not shared
// (ocr_threads.h gives each thread its own).
#pragma once

#include <memory>

#include "extract/pdf/gray_image.h"
#include "extract/pdf/page_content.h"

namespace cnbudget::pdf {

// Rendering resolution for OCR: Tesseract wants CJK glyphs 30+ px tall.
constexpr double kOcrDpi = 300;
// Cap on the rendered pixels of one page (8-bit gray: bytes). An A4 page at
// 300 dpi is 8.7 M; bigger pages are rendered at a lower resolution, down to
// kMinOcrDpi, and are skipped below that.
constexpr long kMaxOcrPixels = 24'000'000;
constexpr double kMinOcrDpi = 150;
// Pages OCR'd per document at most (about 2-5 s each on one core, pages in
// parallel, each adding its budget to the time limit: extract/time_budget.h);
// further image-only pages are listed in a pages_not_read warning.
constexpr int kMaxOcrPages = 500;
// A page whose images declare more pixels than this is not rendered for OCR:
// rendering decodes every image at its full size (a 40,000 x 40,000 image
// in a few KB of file took ~48 s), while a 600 dpi A3 scan is ~70 M.
constexpr double kMaxOcrImagePixels = 100'000'000;
// OCR of one page stops after this long by default (ExtractOptions::
// ocr_page_max_seconds): a page of noise took a minute. The cells read so
// far are kept and the page is marked ocr_incomplete. Ordinary pages take
// 2-5 s.
constexpr double kMaxOcrSecondsPerPage = 45;

// Sets the calling thread up for OCR: OpenMP keeps its settings per thread,
// and Tesseract's LSTM asks for 10 OpenMP threads per step; without dynamic
// adjustment (see TesseractOcr::Init) they spin on a loaded machine. Call it
// first in every thread that runs PageOcr::Read.
void PrepareOcrThread();

class PageOcr {
 public:
  // nullptr when OCR is not built in or Tesseract cannot load chi_sim.
  static std::unique_ptr<PageOcr> Create();
  virtual ~PageOcr() = default;

  // Reads `image` (the rendered page) into page->rulings, glyphs and runs;
  // page->width/height must already be the displayed page size in points.
  // Reading stops after max_seconds (0: no limit), keeping what was read
  // and setting page->ocr_incomplete. Returns false when no text was
  // recognized (page left unchanged but for that flag).
  virtual bool Read(const GrayImage& image, double max_seconds, PageContent* page) = 0;
};

}  // namespace cnbudget::pdf
