#include "extract/pdf/pdf_document.h"

#include <Error.h>
#include <ErrorCodes.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <goo/GooString.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "extract/pdf/glyph_hygiene.h"
#include "extract/pdf/glyph_runs.h"
#include "extract/pdf/pdf_reader_device.h"
#include "extract/pdf/pdf_reader_rotation.h"
#include "extract/pdf/ruling_merge.h"

namespace cnbudget::pdf {
namespace {

// Poppler reports problems through one process-wide callback. We route them
// to whichever PdfDocument call is running on the current thread (if any),
// and never to stderr.
struct PopplerErrors {
  int count = 0;
  std::string first;
};
thread_local PopplerErrors* t_errors = nullptr;

// Only real damage counts; Poppler's syntax *warnings* (e.g. a font type
// that does not match its embedded file) and unimplemented features are noise.
void OnPopplerError(ErrorCategory category, Goffset, const char* message) {
  if (!t_errors) return;
  if (category != errSyntaxError && category != errIO && category != errInternal) return;
  if (t_errors->count++ == 0 && message) {
    t_errors->first = message;
    // Poppler ends some messages with a newline; issues are one line.
    while (!t_errors->first.empty() && std::isspace(static_cast<unsigned char>(t_errors->first.back())))
      t_errors->first.pop_back();
  }
}

// Installs `errors` as the current thread's sink for the scope.
class ScopedErrorSink {
 public:
  explicit ScopedErrorSink(PopplerErrors* errors) : previous_(t_errors) { t_errors = errors; }
  ~ScopedErrorSink() { t_errors = previous_; }

 private:
  PopplerErrors* previous_;
};

void InitPopplerOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    setErrorCallback(&OnPopplerError);
  });
}

std::string PageText(int number) { return "page " + std::to_string(number); }

// A page side above this (about 35 m; the PDF format's own limit is 200 in,
// 14,400 pt) is no printed page: its coordinates are not worth arithmetic.
constexpr double kMaxPageSidePt = 100000;

bool PlausiblePageSize(double width, double height) {
  return width > 0 && height > 0 && width <= kMaxPageSidePt && height <= kMaxPageSidePt;
}

std::string Points(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// Turns the collector's raw page into PageContent: glyph hygiene, runs,
// merged rulings, image coverage.
void BuildPageContent(PageGraphics graphics, PageContent* out) {
  out->reading_turn = TurnToReadingDirection(&graphics);
  out->width = graphics.width;
  out->height = graphics.height;
  DropFakeBoldDuplicates(&graphics.glyphs);
  std::vector<PlacedGlyph> glyphs, spaces;
  glyphs.reserve(graphics.glyphs.size());
  for (PlacedGlyph& g : graphics.glyphs) (g.space ? spaces : glyphs).push_back(std::move(g));
  out->rulings = MergeRulings(std::move(graphics.segments), graphics.width, graphics.height);
  out->runs = BuildTextRuns(glyphs, spaces, out->rulings);
  out->glyphs.reserve(glyphs.size());
  for (PlacedGlyph& g : glyphs) out->glyphs.push_back(std::move(g.glyph));
  out->fills = std::move(graphics.fills);
  double area = graphics.width * graphics.height;
  out->image_coverage = area > 0 ? std::min(1.0, graphics.image_area / area) : 0;
  out->image_pixels = graphics.image_pixels;
}

}  // namespace

PdfDocument::PdfDocument() = default;
PdfDocument::~PdfDocument() = default;

std::unique_ptr<PdfDocument> PdfDocument::Open(const std::string& path, Issue* error,
                                               int max_pages) {
  auto fail = [&](const char* code, std::string message) {
    if (error) *error = MakeError(code, std::move(message));
    return nullptr;
  };
  {
    std::error_code ec;
    std::ifstream probe(path, std::ios::binary);
    if (!probe || !std::filesystem::is_regular_file(path, ec)) {
      return fail("unreadable_file", "cannot open " + path + " for reading (not a readable file)");
    }
    if (std::filesystem::file_size(path, ec) == 0 && !ec) {
      return fail("pdf_damaged", "the file is empty (0 bytes), not a PDF");
    }
  }
  InitPopplerOnce();
  PopplerErrors errors;
  ScopedErrorSink sink(&errors);
  // Poppler keeps the repair callback for the document's lifetime and may
  // rebuild the xref lazily, from a later getPage(): the flag it sets must
  // live as long as the PDFDoc, so it is a member of the object owning it.
  std::unique_ptr<PdfDocument> result(new PdfDocument());
  PdfDocument* self = result.get();
  try {
    result->doc_ = std::make_unique<PDFDoc>(std::make_unique<GooString>(path), std::nullopt,
                                            std::nullopt, nullptr,
                                            [self] { self->repaired_ = true; });
  } catch (const std::exception& e) {
    return fail("pdf_damaged", std::string("Poppler failed to open the file: ") + e.what());
  }
  PDFDoc* doc = result->doc_.get();
  if (!doc->isOk()) {
    int code = doc->getErrorCode();
    if (code == errEncrypted) {
      return fail("pdf_encrypted", "the PDF is encrypted and needs a user password");
    }
    if (code == errOpenFile) return fail("unreadable_file", "cannot open " + path + " for reading");
    std::string detail = errors.first.empty() ? "" : " (first problem: " + errors.first + ")";
    return fail("pdf_damaged", "not a readable PDF, or too damaged to repair" + detail);
  }
  int pages = doc->getNumPages();
  if (pages <= 0) {
    // Poppler answers 0 also for a /Count it does not believe; say why.
    std::string detail = errors.first.empty() ? "" : " (first problem: " + errors.first + ")";
    return fail("pdf_no_pages", "the PDF has no pages" + detail);
  }
  const int limit = max_pages > 0 && max_pages < kMaxPages ? max_pages : kMaxPages;
  if (pages > limit) {
    return fail("pdf_too_many_pages", "the PDF has " + std::to_string(pages) +
                                          " pages, more than the limit of " +
                                          std::to_string(limit) + " (--max-pages)");
  }
  result->page_count_ = pages;
  if (result->repaired_) {
    result->repair_reported_ = true;
    result->open_warnings_.push_back(MakeWarning(
        "pdf_repaired", "the PDF's cross-reference table was damaged and has been rebuilt"));
  }
  return result;
}

PageContent PdfDocument::ReadPage(int number, std::vector<Issue>* warnings) {
  PageContent content = ReadPageContent(number, warnings);
  if (repaired_ && !repair_reported_) {
    repair_reported_ = true;
    if (warnings) {
      warnings->push_back(MakeWarning(
          "pdf_repaired", "the PDF's cross-reference table was damaged and has been rebuilt (" +
                              PageText(number) + " needed it)"));
    }
  }
  return content;
}

PageContent PdfDocument::ReadPageContent(int number, std::vector<Issue>* warnings) {
  PageContent content;
  content.number = number;
  auto warn = [&](const char* code, std::string message) {
    if (warnings) warnings->push_back(MakeWarning(code, std::move(message)));
  };
  if (number < 1 || number > page_count_) {
    warn("pdf_page_out_of_range", PageText(number) + " does not exist (the PDF has " +
                                      std::to_string(page_count_) + " pages)");
    return content;
  }
  PopplerErrors errors;
  ScopedErrorSink sink(&errors);
  try {
    Page* page = doc_->getPage(number);
    if (!page || !page->isOk()) {
      warn("pdf_page_unreadable", PageText(number) + " cannot be read");
      return content;
    }
    const double width = page->getCropWidth(), height = page->getCropHeight();
    if (!PlausiblePageSize(width, height)) {
      warn("pdf_page_box_absurd", PageText(number) + " claims a size of " + Points(width) + " x " +
                                      Points(height) + " pt; its content is not read");
      return content;
    }
    if (!collector_) collector_ = std::make_unique<PageCollector>();
    doc_->displayPage(collector_.get(), number, 72, 72, 0, /*useMediaBox=*/false, /*crop=*/true,
                      /*printing=*/false);
    PageGraphics graphics = collector_->Take();
    if (graphics.truncated) {
      warn("pdf_page_truncated", PageText(number) + " has too many glyphs or lines; the rest is ignored");
    }
    if (graphics.glyphs_without_unicode > 0) {
      warn("pdf_glyphs_without_unicode",
           PageText(number) + ": " + std::to_string(graphics.glyphs_without_unicode) +
               " glyphs have no Unicode mapping and were dropped");
    }
    BuildPageContent(std::move(graphics), &content);
  } catch (const std::exception& e) {
    content = PageContent();
    content.number = number;
    warn("pdf_page_unreadable", PageText(number) + " cannot be read: " + e.what());
    return content;
  }
  if (errors.count > 0) {
    warn("pdf_syntax_error", PageText(number) + ": " + std::to_string(errors.count) +
                                 " problems reported while reading, first: " + errors.first);
  }
  return content;
}

}  // namespace cnbudget::pdf
