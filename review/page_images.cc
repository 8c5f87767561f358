#include "review/page_images.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <memory>
#include <utility>

#include "extract/pdf/pdf_document.h"
#include "extract/pdf/table_assembly.h"
#include "review/png_writer.h"

namespace cnbudget::review {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The image turned counter-clockwise by `turn` degrees (0, 90, 180, 270),
// as the reader turns a sideways page's content (PageContent::reading_turn).
pdf::GrayImage Turned(const pdf::GrayImage& in, int turn) {
  if (turn != 90 && turn != 180 && turn != 270) return in;
  pdf::GrayImage out;
  out.dpi = in.dpi;
  const bool swap = turn != 180;
  out.width = swap ? in.height : in.width;
  out.height = swap ? in.width : in.height;
  out.pixels.resize(in.pixels.size());
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      int sx, sy;
      if (turn == 90) {
        sx = in.width - 1 - y, sy = x;
      } else if (turn == 180) {
        sx = in.width - 1 - x, sy = in.height - 1 - y;
      } else {
        sx = y, sy = in.height - 1 - x;
      }
      out.at(x, y) = in.at(sx, sy);
    }
  return out;
}

// The resolution for a page of w x h points: settings.dpi, lowered so that
// the raster stays under settings.max_pixels.
double DpiFor(double w, double h, const RenderSettings& settings) {
  const double area_in2 = w * h / (72.0 * 72.0);
  if (!(area_in2 > 0)) return settings.dpi;
  return std::min(settings.dpi, std::floor(std::sqrt(settings.max_pixels / area_in2)));
}

}  // namespace

bool RenderPages(const std::string& pdf_path, const std::set<int>& pages, const std::string& dir,
                 const RenderSettings& settings, std::map<int, PageImage>* images,
                 RenderTimings* timings, std::string* error) {
  Issue open_error;
  std::unique_ptr<pdf::PdfDocument> doc = pdf::PdfDocument::Open(pdf_path, &open_error);
  if (!doc) {
    *error = pdf_path + ": " + open_error.message;
    return false;
  }
  for (int number : pages) {
    if (number < 1 || number > doc->page_count()) continue;
    auto start = Clock::now();
    // The page's turn and size in the frame of the model's boxes; reading it
    // again costs less than a rendering.
    const pdf::PageContent content = doc->ReadPage(number, nullptr);
    const double dpi = DpiFor(content.width, content.height, settings);
    pdf::GrayImage image =
        dpi >= 24 ? doc->RenderGray(number, dpi, settings.max_pixels) : pdf::GrayImage();
    if (image.width > 0) image = Turned(image, content.reading_turn);
    timings->rasterize += SecondsSince(start);
    if (image.width == 0) continue;

    start = Clock::now();
    PageImage page;
    page.page = number;
    page.file = "page-" + std::to_string(number) + ".png";
    page.width_pt = content.width;
    page.height_pt = content.height;
    page.image_only = pdf::IsImageOnly(content);
    const bool written =
        WriteGrayPng(image, (std::filesystem::path(dir) / page.file).string(), error);
    timings->encode += SecondsSince(start);
    if (!written) return false;
    (*images)[number] = std::move(page);
  }
  return true;
}

}  // namespace cnbudget::review
