// The page images of a report: PDF pages rendered by Poppler (Splash, as
// for OCR) and written as PNG files beside the report.
#pragma once

#include <map>
#include <set>
#include <string>

namespace cnbudget::review {

struct PageImage {
  int page = 0;            // 1-based
  std::string file;        // name inside the report folder, e.g. "page-3.png"
  // The page in the frame of the model's boxes: PDF points, top-left
  // origin, turned like the reader turned a sideways page.
  double width_pt = 0, height_pt = 0;
  bool image_only = false;  // a scan: what is drawn over it was read by OCR
};

struct RenderSettings {
  double dpi = 100;
  long max_pixels = 12'000'000;  // per page; a larger page is rendered at a lower dpi
};

// Seconds spent, for `cnbudget review --timings` and bench/.
struct RenderTimings {
  double rasterize = 0;  // Poppler: reading the page (its turn) and rendering it
  double encode = 0;     // libpng: compressing and writing the files
};

// Renders `pages` of the PDF at `pdf_path` into `dir` as page-N.png. A page
// that cannot be rendered is left out of the answer (the report then shows
// its table without an image). Returns false and sets *error only when the
// PDF cannot be opened or a file cannot be written.
bool RenderPages(const std::string& pdf_path, const std::set<int>& pages, const std::string& dir,
                 const RenderSettings& settings, std::map<int, PageImage>* images,
                 RenderTimings* timings, std::string* error);

}  // namespace cnbudget::review
