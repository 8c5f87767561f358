// One table of the report: its page images with the cell boxes drawn over
// them, and its grid with merges as rowspan/colspan.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/layout.h"
#include "core/model.h"
#include "review/page_images.h"

namespace cnbudget::review {

// Appends the <section> of `table` to *html.
void AppendTable(const model::Table& table, const std::map<int, PageImage>& images,
                 const std::vector<TextLine>& lines, std::string* html);

// Appends a <figure> of one page image: the boxes of `cells` (header cells
// and data cells told apart) and, on a scan, the OCR'd text lines.
void AppendFigure(const PageImage& image, const model::Table* table,
                  const std::vector<TextLine>& lines, std::string* html);

// "verified" (checks hold), "fails" (one fails) or "unchecked" (no check
// applies): the table's `verified` field as a word for classes and badges.
std::string VerifiedWord(const model::Table& table);

}  // namespace cnbudget::review
