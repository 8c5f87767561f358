#include "extract/pdf/scan_pages.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "extract/pdf/table_assembly.h"

namespace cnbudget::pdf {

void ScanPages::Process(PdfDocument* doc, PageContent* page) {
  if (!IsImageOnly(*page) || tried_ >= kMaxOcrPages) return;
  if (!loaded_) {
    loaded_ = true;
    ocr_ = PageOcr::Create();
  }
  if (!ocr_) return;
  ++tried_;
  // Large pages are rendered at a lower resolution to stay under the cap.
  double area_in2 = page->width * page->height / (72.0 * 72.0);
  double dpi = kOcrDpi;
  if (area_in2 > 0) dpi = std::min(dpi, std::floor(std::sqrt(kMaxOcrPixels / area_in2)));
  if (dpi < kMinOcrDpi) return;
  GrayImage image = doc->RenderGray(page->number, dpi, kMaxOcrPixels);
  if (image.width == 0) return;
  if (ocr_->Read(image, page)) read_.push_back(page->number);
}

void ScanPages::AddIssues(Layout* layout) const {
  if (read_.empty()) return;
  layout->issues.push_back(MakeWarning(
      "ocr_used", "page(s) " + FormatPageList(read_) +
                      " are images without a text layer and were read by OCR; their text and "
                      "values may be wrong"));
}

}  // namespace cnbudget::pdf
