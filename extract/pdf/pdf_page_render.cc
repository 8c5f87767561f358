// PdfDocument::RenderGray: the raster of a page for OCR, through Poppler's
// Splash renderer (the same private API the reader uses; nothing else to link).
#include <PDFDoc.h>
#include <SplashOutputDev.h>
#include <splash/SplashBitmap.h>

#include <cmath>
#include <exception>
#include <memory>

#include "extract/pdf/pdf_document.h"

namespace cnbudget::pdf {

GrayImage PdfDocument::RenderGray(int number, double dpi, long max_pixels) {
  GrayImage image;
  if (number < 1 || number > page_count_ || dpi <= 0) return image;
  try {
    Page* page = doc_->getPage(number);
    if (!page || !page->isOk()) return image;
    // Check the size before Splash allocates the bitmap.
    double w = page->getCropWidth(), h = page->getCropHeight();
    double pixels = std::ceil(w * dpi / 72) * std::ceil(h * dpi / 72);
    if (!(pixels > 0) || pixels > static_cast<double>(max_pixels)) return image;
    SplashColor paper;
    paper[0] = 255;
    SplashOutputDev dev(splashModeMono8, 1, false, paper);
    dev.startDoc(doc_.get());
    doc_->displayPage(&dev, number, dpi, dpi, 0, /*useMediaBox=*/false, /*crop=*/true,
                      /*printing=*/false);
    SplashBitmap* bitmap = dev.getBitmap();
    if (!bitmap || bitmap->getWidth() <= 0 || bitmap->getHeight() <= 0) return image;
    image.width = bitmap->getWidth();
    image.height = bitmap->getHeight();
    image.dpi = dpi;
    image.pixels.resize(static_cast<size_t>(image.width) * image.height);
    const unsigned char* data = bitmap->getDataPtr();
    for (int y = 0; y < image.height; ++y) {
      const unsigned char* row = data + static_cast<size_t>(y) * bitmap->getRowSize();
      std::copy(row, row + image.width, image.pixels.begin() + static_cast<size_t>(y) * image.width);
    }
  } catch (const std::exception&) {
    return GrayImage();
  }
  return image;
}

}  // namespace cnbudget::pdf
