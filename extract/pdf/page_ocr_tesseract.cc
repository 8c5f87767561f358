// PageOcr with Tesseract (chi_sim, LSTM engine). See page_ocr.h.
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>
#ifdef CNBUDGET_HAVE_OPENMP
#include <omp.h>
#endif

#include <algorithm>
#include <chrono>
#include <cstdint>
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
// chi_sim's misreadings of amounts ("汐2371") come with low confidence;
// real CJK text in a cell is read at 80-95.
constexpr int kSureCjkConfidence = 60;
// Text lines taller than this (points) outside the grids are read at half
// resolution (ReadLarge).
constexpr double kLargeTextPt = 16;

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

// Code points of `text` (spaces and line breaks left out), and how many are
// ASCII digits, CJK, or characters that appear in printed amounts.
struct TextMix {
  int total = 0, digits = 0, cjk = 0, numeric = 0;
};

TextMix Mix(const std::string& text) {
  TextMix m;
  for (unsigned char c : text) {
    if (c == ' ' || c == '\n' || (c >= 0x80 && c < 0xC0)) continue;  // skip UTF-8 tails
    ++m.total;
    if (IsCjkLead(c)) ++m.cjk;
    if (c >= '0' && c <= '9') ++m.digits;
    if ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-') ++m.numeric;
  }
  return m;
}

// chi_sim reads isolated Latin digits badly ("32.71" -> "汐2371", "11" ->
// "于竹"); a one-line cell whose first read has digits, or is short and
// unsure, is read again with the eng model.
bool WorthNumericRead(const std::string& text, int confidence) {
  TextMix m = Mix(text);
  return m.digits > 0 || (m.total <= 4 && confidence < 70);
}

// The eng read is taken when it is an amount or code and nothing else.
bool IsNumericRead(const std::string& text) {
  TextMix m = Mix(text);
  return m.digits > 0 && m.numeric == m.total;
}

// Copies `area` of `image` onto a white canvas with kCanvasMarginPx on each
// side: Tesseract reads short text much better with white around it.
constexpr int kCanvasMarginPx = 20;

GrayImage Canvas(const GrayImage& image, const Rect& area) {
  GrayImage c;
  c.width = area.x1 - area.x0 + 2 * kCanvasMarginPx;
  c.height = area.y1 - area.y0 + 2 * kCanvasMarginPx;
  c.dpi = image.dpi;
  c.pixels.assign(static_cast<size_t>(c.width) * c.height, 255);
  for (int y = area.y0; y < area.y1; ++y)
    std::memcpy(&c.at(kCanvasMarginPx, y - area.y0 + kCanvasMarginPx), image.pixels.data() + static_cast<size_t>(y) * image.width + area.x0,
                area.x1 - area.x0);
  return c;
}

// One Tesseract engine for one language.
class Engine {
 public:
  bool Init(const char* language) {
    if (api_.Init(nullptr, language, tesseract::OEM_LSTM_ONLY) != 0) return false;
    // Tesseract prints diagnostics to stderr; the extractor reports issues.
    api_.SetVariable("debug_file", "/dev/null");
    return true;
  }

  // Restricts recognition to `chars` ("" lifts the restriction).
  void SetWhitelist(const char* chars) { api_.SetVariable("tessedit_char_whitelist", chars); }

  // Recognition after `deadline` is skipped, and a call running past it is
  // cancelled by Tesseract's monitor; cut_short() then tells.
  void SetDeadline(std::chrono::steady_clock::time_point deadline) {
    deadline_ = deadline;
    cut_short_ = false;
  }
  bool cut_short() const { return cut_short_; }

  // Recognizes `area` of `image`; appends its glyphs in page points.
  // Returns the text; *confidence is Tesseract's mean (0-100).
  std::string Read(const GrayImage& image, const Rect& area, tesseract::PageSegMode mode,
                   std::vector<PlacedGlyph>* glyphs, int* confidence);

 private:
  void Collect(const Rect& area, double pt_per_px, std::vector<PlacedGlyph>* glyphs);
  // Recognizes the image set; false when out of time (nothing recognized).
  bool RecognizeInTime();

  tesseract::TessBaseAPI api_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  bool cut_short_ = false;
};

// One recognized symbol, in canvas pixels.
struct Symbol {
  std::string text;
  int word = 0;          // index of its word in the line
  double centre = 0;     // along the line
  double half = 0;       // half its width
  int top = 0, bottom = 0;
};

// Places the symbols of one horizontal line as glyphs. Tesseract's reading
// order is reliable, its LSTM symbol positions are not (neighbours overlap
// or swap: "19.60" read back as "91.06" once sorted by position), so centres
// are made to increase in reading order, glyphs of one word touch (no gap
// for run building to turn into a space: "1,229.70"), and nothing leaves
// `area` (the cell).
void PlaceLine(std::vector<Symbol> line, const Rect& area, int dx, int dy, double s,
               std::vector<PlacedGlyph>* glyphs) {
  for (size_t i = 0; i < line.size(); ++i) {
    line[i].centre = std::clamp(line[i].centre + dx, double(area.x0), double(area.x1)) - dx;
    if (i > 0) line[i].centre = std::max(line[i].centre, line[i - 1].centre + 0.5);
  }
  for (size_t i = 0; i < line.size(); ++i) {
    const Symbol& sym = line[i];
    bool joins_prev = i > 0 && line[i - 1].word == sym.word;
    bool joins_next = i + 1 < line.size() && line[i + 1].word == sym.word;
    double x0 = joins_prev ? (line[i - 1].centre + sym.centre) / 2 : sym.centre - sym.half;
    double x1 = joins_next ? (sym.centre + line[i + 1].centre) / 2 : sym.centre + sym.half;
    // Run building orders glyphs by their left edge: keep it after the
    // previous glyph's centre (hence after its left edge).
    if (i > 0) x0 = std::max(x0, line[i - 1].centre);
    x1 = std::max(x1, x0 + 0.5);
    PlacedGlyph g;
    g.glyph.text = sym.text;
    g.glyph.box = BBox{(x0 + dx) * s, (sym.top + dy) * s, (x1 + dx) * s, (sym.bottom + dy) * s};
    g.glyph.font_size = (sym.bottom - sym.top) * s;
    g.base = g.glyph.box.y1;
    g.along0 = g.glyph.box.x0;
    g.along1 = g.glyph.box.x1;
    glyphs->push_back(std::move(g));
  }
}

// Turns Tesseract's result into glyphs in page points; `area` is where the
// canvas came from. A word's box is shared out evenly among its symbols;
// glyphs of a horizontal line share its top and bottom, like glyphs of one
// font size in a PDF. Stacked (vertical) text keeps the symbol boxes: each
// glyph is then its own line.
void Engine::Collect(const Rect& area, double s, std::vector<PlacedGlyph>* glyphs) {
  const int dx = area.x0 - kCanvasMarginPx, dy = area.y0 - kCanvasMarginPx;
  std::unique_ptr<tesseract::ResultIterator> it(api_.GetIterator());
  if (!it) return;
  const auto kLine = tesseract::RIL_TEXTLINE, kWord = tesseract::RIL_WORD;
  const auto kSymbol = tesseract::RIL_SYMBOL;
  std::vector<Symbol> line;
  int word = 0;
  do {
    if (it->Empty(kWord)) continue;
    if (it->IsAtBeginningOf(kLine)) {
      PlaceLine(std::move(line), area, dx, dy, s, glyphs);
      line.clear();
    }
    int lx0, ly0, lx1, ly1, wx0, wy0, wx1, wy1;
    if (!it->BoundingBox(kLine, &lx0, &ly0, &lx1, &ly1) ||
        !it->BoundingBox(kWord, &wx0, &wy0, &wx1, &wy1))
      continue;
    bool vertical = (ly1 - ly0) > 2 * (lx1 - lx0);
    std::vector<Symbol> symbols;
    do {
      std::unique_ptr<char[]> text(it->GetUTF8Text(kSymbol));
      int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
      it->BoundingBox(kSymbol, &x0, &y0, &x1, &y1);
      if (!text || text[0] == '\0' || text[0] == ' ' ||
          it->Confidence(kSymbol) < kMinSymbolConfidence)
        continue;
      if (vertical) {
        PlaceLine({Symbol{text.get(), 0, (x0 + x1) / 2.0, (x1 - x0) / 2.0, y0, y1}}, area, dx, dy,
                  s, glyphs);
      } else {
        symbols.push_back(Symbol{text.get(), word, 0, 0, ly0, ly1});
      }
    } while (!it->IsAtFinalElement(kWord, kSymbol) && it->Next(kSymbol));
    double step = symbols.empty() ? 0 : double(wx1 - wx0) / symbols.size();
    for (size_t i = 0; i < symbols.size(); ++i) {
      symbols[i].centre = wx0 + (i + 0.5) * step;
      symbols[i].half = step / 2;
      line.push_back(std::move(symbols[i]));
    }
    ++word;
  } while (it->Next(kWord));
  PlaceLine(std::move(line), area, dx, dy, s, glyphs);
}

std::string Engine::Read(const GrayImage& image, const Rect& area, tesseract::PageSegMode mode,
                         std::vector<PlacedGlyph>* glyphs, int* confidence) {
  GrayImage canvas = Canvas(image, area);
  api_.SetPageSegMode(mode);
  api_.SetImage(canvas.pixels.data(), canvas.width, canvas.height, 1, canvas.width);
  api_.SetSourceResolution(static_cast<int>(image.dpi));
  std::string s;
  if (RecognizeInTime()) {
    std::unique_ptr<char[]> text(api_.GetUTF8Text());
    if (text) s = text.get();
    *confidence = api_.MeanTextConf();
    Collect(area, 72.0 / image.dpi, glyphs);
  }
  api_.Clear();
  return s;
}

bool Engine::RecognizeInTime() {
  using std::chrono::milliseconds;
  const auto now = std::chrono::steady_clock::now();
  if (now >= deadline_) {
    cut_short_ = true;
    return false;
  }
  tesseract::ETEXT_DESC monitor;
  if (deadline_ != std::chrono::steady_clock::time_point::max()) {
    const auto left = std::chrono::duration_cast<milliseconds>(deadline_ - now).count();
    monitor.set_deadline_msecs(static_cast<int32_t>(std::min<long long>(left, INT32_MAX)));
  }
  const bool ok = api_.Recognize(&monitor) == 0;
  if (monitor.deadline_exceeded()) {
    cut_short_ = true;
    return false;
  }
  return ok;
}

// Rows of `area` with ink, as bands of consecutive rows (text lines).
std::vector<Rect> InkBands(const GrayImage& image, const Rect& area) {
  std::vector<Rect> bands;
  for (int y = area.y0; y < area.y1; ++y) {
    int x0 = area.x1, x1 = area.x0;
    for (int x = area.x0; x < area.x1; ++x)
      if (image.at(x, y) < kInkThreshold) {
        x0 = std::min(x0, x);
        x1 = x + 1;
      }
    if (x1 <= x0) continue;
    if (!bands.empty() && bands.back().y1 == y) {
      Rect& b = bands.back();
      b = Rect{std::min(b.x0, x0), b.y0, std::max(b.x1, x1), y + 1};
    } else {
      bands.push_back(Rect{x0, y, x1, y + 1});
    }
  }
  return bands;
}

class TesseractOcr : public PageOcr {
 public:
  bool Init() {
#ifdef CNBUDGET_HAVE_OPENMP
    // Tesseract asks OpenMP for 10 threads per LSTM step; on a loaded machine
    // (2 cores, parallel jobs) the spinning threads made OCR 3x slower in
    // wall time. Dynamic adjustment lets OpenMP use only the idle cores.
    // (OMP_THREAD_LIMIT=1 in the environment forces one thread.)
    omp_set_dynamic(1);
#endif
    if (!chi_.Init("chi_sim")) return false;
    has_eng_ = eng_.Init("eng");
    return true;
  }

  bool Read(const GrayImage& image, double max_seconds, PageContent* page) override;

 private:
  void ReadCell(const GrayImage& image, const Rect& cell, std::vector<PlacedGlyph>* glyphs);
  void ReadOutside(GrayImage image, const std::vector<Rect>& grids,
                   std::vector<PlacedGlyph>* glyphs);

  Engine chi_, eng_;
  bool has_eng_ = false;
};

bool IsDigitGlyph(const PlacedGlyph& g) {
  return g.glyph.text.size() == 1 && g.glyph.text[0] >= '0' && g.glyph.text[0] <= '9';
}

// An amount read by OCR, made whole: its glyphs touch (a printed "1, 229. 70"
// or a split word must not become two numbers), and a misread decimal mark
// before the last two digits ("85-62", "42...81", "19,60" from "19。60")
// becomes one ".". Two trailing digits after a separator are cents in these
// tables; "1,229" (three digits) is left alone.
void MendAmount(std::vector<PlacedGlyph>* glyphs) {
  std::vector<PlacedGlyph>& g = *glyphs;
  for (size_t i = 1; i < g.size(); ++i) {
    g[i - 1].glyph.box.x1 = std::max(g[i - 1].glyph.box.x1, g[i].glyph.box.x0);
    g[i - 1].along1 = g[i - 1].glyph.box.x1;
  }
  size_t n = g.size();
  if (n < 4 || !IsDigitGlyph(g[n - 1]) || !IsDigitGlyph(g[n - 2]) || IsDigitGlyph(g[n - 3])) return;
  size_t first = n - 3;  // the separators before the cents
  while (first > 0 && !IsDigitGlyph(g[first - 1])) --first;
  if (first == 0) return;
  bool other_dot = false;
  for (size_t i = 0; i < first; ++i) other_dot = other_dot || g[i].glyph.text == ".";
  if (other_dot) return;
  g[first].glyph.text = ".";
  g[first].glyph.box.x1 = g[n - 3].glyph.box.x1;
  g[first].along1 = g[first].glyph.box.x1;
  g.erase(g.begin() + first + 1, g.begin() + n - 2);
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
  int confidence = 0;
  std::string text = chi_.Read(image, ink, mode, &first, &confidence);
  // A confident reading that is mostly CJK ("201 一般公共服务支出") stays:
  // eng would drop the CJK and keep the code. A lone CJK among digits
  // ("二280.00" for "1, 280. 00") is a misreading.
  TextMix mix = Mix(text);
  bool confident_cjk = 2 * mix.cjk > mix.digits && confidence >= kSureCjkConfidence;
  if (has_eng_ && bands <= 1 && !confident_cjk && WorthNumericRead(text, confidence)) {
    // eng as is first; restricted to the characters of amounts when that
    // still reads letters (bold digits) and chi_sim saw digits too: forced
    // to digits, a short CJK header ("类", "款") would read as "1" or "4".
    std::vector<PlacedGlyph> second;
    bool numeric = IsNumericRead(eng_.Read(image, ink, mode, &second, &confidence));
    if (!numeric && Mix(text).digits > 0) {
      second.clear();
      eng_.SetWhitelist("0123456789.,-");
      numeric = IsNumericRead(eng_.Read(image, ink, mode, &second, &confidence));
      eng_.SetWhitelist("");
    }
    if (numeric && !second.empty()) {
      MendAmount(&second);
      first.swap(second);
    }
  }
  for (PlacedGlyph& g : first) glyphs->push_back(std::move(g));
}

// `area` of `image` at half the resolution (2 x 2 pixels averaged), with
// the image's dpi halved: a crop whose pixel (0, 0) is area's corner.
GrayImage HalfSize(const GrayImage& image, const Rect& area) {
  GrayImage half;
  half.width = (area.x1 - area.x0) / 2;
  half.height = (area.y1 - area.y0) / 2;
  half.dpi = image.dpi / 2;
  half.pixels.resize(static_cast<size_t>(half.width) * half.height);
  for (int y = 0; y < half.height; ++y)
    for (int x = 0; x < half.width; ++x) {
      int sx = area.x0 + 2 * x, sy = area.y0 + 2 * y;
      int sum = image.at(sx, sy) + image.at(sx + 1, sy) + image.at(sx, sy + 1) + image.at(sx + 1, sy + 1);
      half.at(x, y) = static_cast<uint8_t>(sum / 4);
    }
  return half;
}

// Reads a line of large text (a cover or table title) at half resolution:
// chi_sim misread 22 pt glyphs at 300 dpi ("昌吉" as "昌庆") and reads them
// right at 150.
void ReadLarge(Engine* engine, const GrayImage& image, const Rect& band,
               std::vector<PlacedGlyph>* glyphs) {
  GrayImage half = HalfSize(image, band);
  if (half.width <= 0 || half.height <= 0) return;
  size_t first = glyphs->size();
  int confidence = 0;
  engine->Read(half, Rect{0, 0, half.width, half.height}, tesseract::PSM_SINGLE_LINE, glyphs,
               &confidence);
  // Glyphs came out relative to the crop: move them to the page.
  double ox = band.x0 * 72.0 / image.dpi, oy = band.y0 * 72.0 / image.dpi;
  for (size_t i = first; i < glyphs->size(); ++i) {
    PlacedGlyph& g = (*glyphs)[i];
    g.glyph.box = BBox{g.glyph.box.x0 + ox, g.glyph.box.y0 + oy, g.glyph.box.x1 + ox,
                       g.glyph.box.y1 + oy};
    g.base += oy;
    g.along0 += ox;
    g.along1 += ox;
  }
}

// Text outside the grids (captions, titles, 单位 lines, page numbers), read
// line by line: full-page layout analysis misread the large bold titles.
void TesseractOcr::ReadOutside(GrayImage image, const std::vector<Rect>& grids,
                               std::vector<PlacedGlyph>* glyphs) {
  for (const Rect& r : grids)
    for (int y = r.y0; y < r.y1; ++y) std::memset(&image.at(r.x0, y), 255, r.x1 - r.x0);
  double px_per_pt = image.dpi / 72.0;
  for (const Rect& band : InkBands(image, Rect{0, 0, image.width, image.height})) {
    int height = band.y1 - band.y0;
    if (height < 3 * px_per_pt) continue;  // specks, dust, leftovers of rules
    if (height > kLargeTextPt * px_per_pt && height <= 40 * px_per_pt) {
      ReadLarge(&chi_, image, band, glyphs);
      continue;
    }
    auto mode = height > 40 * px_per_pt ? tesseract::PSM_SINGLE_BLOCK : tesseract::PSM_SINGLE_LINE;
    int confidence = 0;
    chi_.Read(image, band, mode, glyphs, &confidence);
  }
}

bool TesseractOcr::Read(const GrayImage& image, double max_seconds, PageContent* page) {
  if (image.width <= 0 || image.height <= 0 || image.dpi <= 0) return false;
  const auto deadline =
      max_seconds > 0
          ? std::chrono::steady_clock::now() +
                std::chrono::milliseconds(static_cast<long>(std::min(max_seconds, 1e6) * 1000))
          : std::chrono::steady_clock::time_point::max();
  chi_.SetDeadline(deadline);
  eng_.SetDeadline(deadline);
  double px_per_pt = image.dpi / 72.0;
  std::vector<PixelLine> lines = FindPixelLines(image);
  std::vector<Ruling> rulings = ToRulings(lines, image);
  std::vector<LatticeGrid> grids = FindLatticeGrids(rulings);
  GrayImage clean = image;
  EraseLines(lines, &clean);
  std::vector<PlacedGlyph> glyphs;
  std::vector<Rect> grid_rects;
  for (const LatticeGrid& grid : grids) {
    for (const BBox& cell : grid.cells) ReadCell(clean, PixelRect(cell, px_per_pt, clean), &glyphs);
    Rect r = PixelRect(grid.box, px_per_pt, clean);
    grid_rects.push_back(Rect{std::max(0, r.x0 - 2), std::max(0, r.y0 - 2),
                              std::min(clean.width, r.x1 + 2), std::min(clean.height, r.y1 + 2)});
  }
  ReadOutside(std::move(clean), grid_rects, &glyphs);
  page->ocr_incomplete = chi_.cut_short() || eng_.cut_short();
  if (glyphs.empty()) return false;
  page->rulings = std::move(rulings);
  page->runs = BuildTextRuns(glyphs, {}, page->rulings);
  page->glyphs.clear();
  for (PlacedGlyph& g : glyphs) page->glyphs.push_back(std::move(g.glyph));
  return true;
}

}  // namespace

void PrepareOcrThread() {
#ifdef CNBUDGET_HAVE_OPENMP
  omp_set_dynamic(1);
#endif
}

std::unique_ptr<PageOcr> PageOcr::Create() {
  auto ocr = std::make_unique<TesseractOcr>();
  if (!ocr->Init()) return nullptr;
  return ocr;
}

}  // namespace cnbudget::pdf
