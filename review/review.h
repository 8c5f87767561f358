// `cnbudget review`: a static HTML report of one converted document, to
// check what was extracted against the page itself.
//
// The report is one folder that opens from disk: index.html (inline CSS and
// script, no external assets) and the rendered pages as page-N.png. Every
// text from the document is escaped (html_text.h) and a Content Security
// Policy with a per-report nonce lets only the report's own script run.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/layout.h"
#include "core/model.h"
#include "review/page_images.h"

namespace cnbudget::review {

struct ReviewInput {
  const model::Document& doc;
  // The document's text lines outside tables (Layout), drawn as boxes on the
  // pages shown: on a scan these are the boxes OCR read.
  const std::vector<TextLine>& lines;
};

struct ReviewOptions {
  bool page_images = true;  // render PDF pages (false: grid and issues only)
  RenderSettings render;
};

struct ReviewTimings {
  RenderTimings render;
  double html = 0;  // building and writing index.html
};

// Writes the report of `input` (converted from the file at source_path) into
// the folder `dir`, created when missing. Returns false and sets *error when
// the folder or a file cannot be written.
bool WriteReview(const ReviewInput& input, const std::string& source_path,
                 const std::string& dir, const ReviewOptions& options, ReviewTimings* timings,
                 std::string* error);

// The report's HTML alone (what WriteReview writes as index.html), for the
// pages already rendered. `nonce` is the CSP nonce of its script and style.
std::string ReportHtml(const ReviewInput& input, const std::map<int, PageImage>& images,
                       const std::string& nonce);

}  // namespace cnbudget::review
