// PageOcr when the build has no Tesseract (CNBUDGET_OCR off): no OCR, scanned
// pages keep the no_text_layer warning.
#include "extract/pdf/page_ocr.h"

namespace cnbudget::pdf {

std::unique_ptr<PageOcr> PageOcr::Create() { return nullptr; }

void PrepareOcrThread() {}

}  // namespace cnbudget::pdf
