#include "review/review.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <system_error>


namespace cnbudget::review {
namespace {

namespace fs = std::filesystem;

// 128 random bits as hex: the CSP nonce of one report.
std::string NewNonce() {
  std::random_device device;
  static const char kHex[] = "0123456789abcdef";
  std::string nonce;
  for (int i = 0; i < 4; ++i) {
    const unsigned word = device();
    for (int k = 0; k < 8; ++k) nonce += kHex[(word >> (4 * k)) & 15];
  }
  return nonce;
}

// Pages worth an image: those holding table cells and, on a document read
// by OCR, those holding text lines (their boxes are what OCR read).
std::set<int> PagesToRender(const ReviewInput& input) {
  std::set<int> pages;
  for (const model::Table& t : input.doc.tables)
    for (const model::Cell& cell : t.cells)
      if (cell.page > 0) pages.insert(cell.page);
  bool ocr = false;
  for (const Issue& i : input.doc.issues) ocr = ocr || i.code == "ocr_used";
  if (ocr)
    for (const TextLine& line : input.lines)
      if (line.page > 0) pages.insert(line.page);
  return pages;
}

bool WriteText(const fs::path& path, const std::string& text, std::string* error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    *error = "cannot write " + path.string();
    return false;
  }
  return true;
}

}  // namespace

bool WriteReview(const ReviewInput& input, const std::string& source_path,
                 const std::string& dir, const ReviewOptions& options, ReviewTimings* timings,
                 std::string* error) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (!fs::is_directory(dir, ec)) {
    *error = "cannot create the folder " + dir;
    return false;
  }
  std::map<int, PageImage> images;
  const std::set<int> pages = options.page_images && input.doc.source.format == "pdf"
                                  ? PagesToRender(input)
                                  : std::set<int>();
  if (!pages.empty() &&
      !RenderPages(source_path, pages, dir, options.render, &images, &timings->render, error))
    return false;
  const auto start = std::chrono::steady_clock::now();
  const bool written = WriteText(fs::path(dir) / "index.html",
                                 ReportHtml(input, images, NewNonce()), error);
  timings->html +=
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return written;
}

}  // namespace cnbudget::review
