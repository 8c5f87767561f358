// Page-by-page assembly of a PDF Layout.
//
// Feed pages in order; each page is laid out (tables and text lines), its
// blocks are appended to the Layout, and a table that ends a page and starts
// the next one again (same columns, nothing but running headers, page
// numbers or a "续表" line between) is merged into one RawTable. Only that
// open table is remembered between pages, so memory stays flat.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/layout.h"
#include "extract/pdf/page_content.h"
#include "extract/pdf/table_merge.h"

namespace cnbudget::pdf {

// A page with no text at all, mostly covered by images: a scan.
bool IsImageOnly(const PageContent& page);

// "3, 4, 7" (the first 20, then "...").
std::string FormatPageList(const std::vector<int>& pages);

class DocumentAssembler {
 public:
  explicit DocumentAssembler(Layout* layout) : layout_(layout) {}

  void AddPage(const PageContent& page);

  // Adds the document-level issues (e.g. no_text_layer). Call once, last.
  void Finish();

 private:
  Layout* layout_;
  std::optional<OpenTable> open_;     // the last block, if it is a table that ended its page
  std::vector<int> image_only_pages_;
};

}  // namespace cnbudget::pdf
