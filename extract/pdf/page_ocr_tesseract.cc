// PageOcr with Tesseract (chi_sim, LSTM engine). See page_ocr.h.
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "extract/pdf/glyph_runs.h"
#include "extract/pdf/image_rulings.h"
#include "extract/pdf/page_ocr.h"
#include "extract/pdf/table_lattice.h"

namespace cnbudget::pdf {
namespace {

// A pixel rectangle, inclusive-exclusive.
struct Rect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
};

// Cell interiors are shrunk by this much so that what is left of a border
// after erasing (anti-aliased edges) is not read as "|" or "1".
constexpr int kCellInsetPx = 3;
// White kept around the ink of a cell: Tesseract reads badly at a crop edge.
constexpr int kInkPaddingPx = 8;
// Fewer ink pixels than this: a speck, not text.
constexpr int kMinInkPixels = 12;
// Symbols recognized with less confidence (0-100) are noise.
constexpr float kMinSymbolConfidence = 20;

Rect PixelRect(const BBox& box, double px_per_pt, const GrayImage& image) {
  Rect r{static_cast<int>(std::ceil(box.x0 * px_per_pt)), static_cast<int>(std::ceil(box.y0 * px_per_pt)),
         static_cast<int>(box.x1 * px_per_pt), static_cast<int>(box.y1 * px_per_pt)};
  r.x0 = std::clamp(r.x0, 0, image.width);
  r.x1 = std::clamp(r.x1, 0, image.width);
  r.y0 = std::clamp(r.y0, 0, image.height);
  r.y1 = std::clamp(r.y1, 0, image.height);
  return r;
}

// The bounding box of the ink inside `area` (empty when there is too little),
// and the number of separate ink bands from top to bottom (text lines, or
// stacked glyphs of vertical text).
Rect InkBox(const GrayImage& image, const Rect& area, int* bands) {
  Rect ink{area.x1, area.y1, area.x0, area.y0};
  int count = 0;
  *bands = 0;
  bool in_band = false;
  for (int y = area.y0; y < area.y1; ++y) {
    bool row_ink = false;
    for (int x = area.x0; x < area.x1; ++x) {
      if (image.at(x, y) >= kInkThreshold) continue;
      ++count;
      row_ink = true;
      ink.x0 = std::min(ink.x0, x);
      ink.x1 = std::max(ink.x1, x + 1);
      ink.y0 = std::min(ink.y0, y);
      ink.y1 = std::max(ink.y1, y + 1);
    }
    if (row_ink && !in_band) ++*bands;
    in_band = row_ink;
  }
  if (count < kMinInkPixels) return Rect{};
  return Rect{std::max(area.x0, ink.x0 - kInkPaddingPx), std::max(area.y0, ink.y0 - kInkPaddingPx),
              std::min(area.x1, ink.x1 + kInkPaddingPx), std::min(area.y1, ink.y1 + kInkPaddingPx)};
}

bool IsCjkLead(unsigned char c) { return c >= 0xE3 && c <= 0xE9; }

// A first read that is mostly digits with no CJK: an amount or a code,
// worth a second read restricted to the characters numbers use.
bool LooksNumeric(const std::string& text) {
  int digits = 0, other = 0;
  for (unsigned char c : text) {
    if (c == ' ' || c == '\n') continue;
    if (IsCjkLead(c)) return false;
    if (c >= '0' && c <= '9') ++digits;
    else if (c < 0x80 || c >= 0xC0) ++other;  // count code points, not bytes
  }
  return digits > 0 && digits >= 2 * other;
}

class TesseractOcr : public PageOcr {
 public:
  bool Init() {
    if (api_.Init(nullptr, "chi_sim", tesseract::OEM_LSTM_ONLY) != 0) return false;
    // Tesseract prints diagnostics to stderr; the extractor reports issues.
    api_.SetVariable("debug_file", "/dev/null");
    return true;
  }

  bool Read(const GrayImage& image, PageContent* page) override;

 private:
  // Recognizes `area` of the current image; appends its glyphs.
  std::string Recognize(const Rect& area, tesseract::PageSegMode mode,
                        std::vector<PlacedGlyph>* glyphs);
  void ReadCell(const GrayImage& image, const Rect& cell, std::vector<PlacedGlyph>* glyphs);
  void Collect(std::vector<PlacedGlyph>* glyphs);

  tesseract::TessBaseAPI api_;
  double pt_per_px_ = 1;
};

void TesseractOcr::Collect(std::vector<PlacedGlyph>* glyphs) {
  std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
  if (!it) return;
  int lx0 = 0, ly0 = 0, lx1 = 0, ly1 = 0;
  do {
    if (it->Empty(tesseract::RIL_SYMBOL)) continue;
    if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE))
      it->BoundingBox(tesseract::RIL_TEXTLINE, &lx0, &ly0, &lx1, &ly1);
    if (it->Confidence(tesseract::RIL_SYMBOL) < kMinSymbolConfidence) continue;
    std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
    if (!text || text[0] == '\0' || text[0] == ' ') continue;
    int x0, y0, x1, y1;
    if (!it->BoundingBox(tesseract::RIL_SYMBOL, &x0, &y0, &x1, &y1)) continue;
    // Glyphs of a horizontal line share its top and bottom, like glyphs of
    // one font size in a PDF; a vertical line's glyphs each stand alone.
    bool vertical = (ly1 - ly0) > 2 * (lx1 - lx0);
    int top = vertical ? y0 : ly0, bottom = vertical ? y1 : ly1;
    PlacedGlyph g;
    g.glyph.text = text.get();
    g.glyph.box = BBox{x0 * pt_per_px_, top * pt_per_px_, x1 * pt_per_px_, bottom * pt_per_px_};
    g.glyph.font_size = (bottom - top) * pt_per_px_;
    g.base = bottom * pt_per_px_;
    g.along0 = g.glyph.box.x0;
    g.along1 = g.glyph.box.x1;
    glyphs->push_back(std::move(g));
  } while (it->Next(tesseract::RIL_SYMBOL));
}

std::string TesseractOcr::Recognize(const Rect& area, tesseract::PageSegMode mode,
                                    std::vector<PlacedGlyph>* glyphs) {
  api_.SetPageSegMode(mode);
  api_.SetRectangle(area.x0, area.y0, area.x1 - area.x0, area.y1 - area.y0);
  if (api_.Recognize(nullptr) != 0) return "";
  std::unique_ptr<char[]> text(api_.GetUTF8Text());
  std::string s = text ? text.get() : "";
  if (glyphs) Collect(glyphs);
  return s;
}

void TesseractOcr::ReadCell(const GrayImage& image, const Rect& cell,
                            std::vector<PlacedGlyph>* glyphs) {
  Rect inner{cell.x0 + kCellInsetPx, cell.y0 + kCellInsetPx, cell.x1 - kCellInsetPx,
             cell.y1 - kCellInsetPx};
  if (inner.empty()) return;
  int bands = 0;
  Rect ink = InkBox(image, inner, &bands);
  if (ink.empty()) return;
  auto mode = bands <= 1 ? tesseract::PSM_SINGLE_LINE : tesseract::PSM_SINGLE_BLOCK;
  std::vector<PlacedGlyph> first;
  std::string text = Recognize(ink, mode, &first);
  if (bands <= 1 && LooksNumeric(text)) {
    api_.SetVariable("tessedit_char_whitelist", "0123456789.,-");
    std::vector<PlacedGlyph> digits;
    Recognize(ink, mode, &digits);
    api_.SetVariable("tessedit_char_whitelist", "");
    if (!digits.empty()) first.swap(digits);
  }
  for (PlacedGlyph& g : first) glyphs->push_back(std::move(g));
}

bool TesseractOcr::Read(const GrayImage& image, PageContent* page) {
  if (image.width <= 0 || image.height <= 0 || image.dpi <= 0) return false;
  pt_per_px_ = 72.0 / image.dpi;
  double px_per_pt = image.dpi / 72.0;
  std::vector<PixelLine> lines = FindPixelLines(image);
  std::vector<Ruling> rulings = ToRulings(lines, image);
  std::vector<LatticeGrid> grids = FindLatticeGrids(rulings);
  GrayImage clean = image;
  EraseLines(lines, &clean);
  std::vector<PlacedGlyph> glyphs;
  api_.SetImage(clean.pixels.data(), clean.width, clean.height, 1, clean.width);
  api_.SetSourceResolution(static_cast<int>(image.dpi));
  for (const LatticeGrid& grid : grids)
    for (const BBox& cell : grid.cells) ReadCell(clean, PixelRect(cell, px_per_pt, clean), &glyphs);
  // Text outside the grids (captions, titles, 单位 lines, page numbers):
  // one pass over the image with the grids painted white.
  for (const LatticeGrid& grid : grids) {
    Rect r = PixelRect(grid.box, px_per_pt, clean);
    for (int y = std::max(0, r.y0 - 2); y < std::min(clean.height, r.y1 + 2); ++y)
      std::memset(&clean.at(std::max(0, r.x0 - 2), y), 255,
                  std::min(clean.width, r.x1 + 2) - std::max(0, r.x0 - 2));
  }
  api_.SetImage(clean.pixels.data(), clean.width, clean.height, 1, clean.width);
  api_.SetSourceResolution(static_cast<int>(image.dpi));
  Recognize(Rect{0, 0, clean.width, clean.height}, tesseract::PSM_AUTO, &glyphs);
  api_.Clear();
  if (glyphs.empty()) return false;
  page->rulings = std::move(rulings);
  page->runs = BuildTextRuns(glyphs, {}, page->rulings);
  page->glyphs.clear();
  for (PlacedGlyph& g : glyphs) page->glyphs.push_back(std::move(g.glyph));
  return true;
}

}  // namespace

std::unique_ptr<PageOcr> PageOcr::Create() {
  auto ocr = std::make_unique<TesseractOcr>();
  if (!ocr->Init()) return nullptr;
  return ocr;
}

}  // namespace cnbudget::pdf
