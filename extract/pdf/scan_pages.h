// Which image-only pages of a document are OCR'd, and the issue saying so.
#pragma once

#include <memory>
#include <vector>

#include "core/layout.h"
#include "extract/pdf/page_content.h"
#include "extract/pdf/page_ocr.h"
#include "extract/pdf/pdf_document.h"

namespace cnbudget::pdf {

class ScanPages {
 public:
  // When `page` (page->number of `doc`) is image-only (IsImageOnly) and fewer
  // than kMaxOcrPages were tried, renders it and fills it by OCR. The OCR
  // engine is loaded on the first such page only. Pages left empty keep
  // no_text_layer.
  void Process(PdfDocument* doc, PageContent* page);

  // Adds the warning "ocr_used" (which pages were read by OCR) to `layout`.
  void AddIssues(Layout* layout) const;

 private:
  std::unique_ptr<PageOcr> ocr_;
  bool loaded_ = false;
  int tried_ = 0;
  std::vector<int> read_;
};

}  // namespace cnbudget::pdf
