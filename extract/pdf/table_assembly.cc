#include "extract/pdf/table_assembly.h"

#include <string>

#include "extract/pdf/table_page.h"

namespace cnbudget::pdf {

bool IsImageOnly(const PageContent& page) {
  return page.glyphs.empty() && page.runs.empty() && page.image_coverage > 0.5;
}

std::string FormatPageList(const std::vector<int>& pages) {
  std::string s;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (i > 0) s += ", ";
    if (i == 20) {
      s += "...";
      break;
    }
    s += std::to_string(pages[i]);
  }
  return s;
}

void DocumentAssembler::AddPage(const PageContent& page) {
  std::optional<OpenTable> carried = std::move(open_);
  open_.reset();
  if (IsImageOnly(page)) {
    image_only_pages_.push_back(page.number);
    return;
  }
  std::vector<PageItem> items = LayoutPage(page);
  // Running footers after the last table do not stop it from continuing.
  size_t last_content = items.size();
  while (last_content > 0 && items[last_content - 1].margin) --last_content;
  // Leading items that may sit between a table and its continuation.
  size_t lead = 0;
  while (lead < items.size() && std::holds_alternative<TextLine>(items[lead].content) &&
         (items[lead].margin || items[lead].continuation_note)) {
    ++lead;
  }
  std::vector<Block>& blocks = layout_->blocks;
  size_t start = 0;
  if (carried && lead < items.size() && std::holds_alternative<PageTable>(items[lead].content) &&
      !blocks.empty() && std::holds_alternative<RawTable>(blocks.back())) {
    PageTable& next = std::get<PageTable>(items[lead].content);
    if (auto plan = MatchColumns(*carried, next)) {
      AppendContinuation(*plan, std::move(next), &*carried, &std::get<RawTable>(blocks.back()));
      if (lead + 1 == last_content) open_ = carried;  // it may go on
      // Running headers and 续表 lines before a continuation are dropped.
      start = lead + 1;
    }
  }
  for (size_t i = start; i < items.size(); ++i) {
    if (auto* t = std::get_if<PageTable>(&items[i].content)) {
      if (i + 1 == last_content) open_ = Remember(*t);
      // Header rows found from the layout (unruled tables) are a hint for the
      // mapper, like DOCX repeated header rows.
      t->table.marked_header_rows = t->header_rows;
      blocks.push_back(std::move(t->table));
    } else {
      blocks.push_back(std::get<TextLine>(std::move(items[i].content)));
    }
  }
  // An open table must stay the last block: move the footers before it.
  size_t n_footer = items.size() - std::max(last_content, start);
  if (open_ && n_footer > 0 && blocks.size() > n_footer) {
    Block table = std::move(blocks[blocks.size() - n_footer - 1]);
    blocks.erase(blocks.end() - n_footer - 1);
    blocks.push_back(std::move(table));
  }
}

void DocumentAssembler::Finish() {
  if (image_only_pages_.empty()) return;
  std::string msg = "page(s) " + FormatPageList(image_only_pages_) +
                    " are images without a text layer; their tables cannot be read (no OCR in this "
                    "build, over the OCR page limit, or OCR found no text)";
  layout_->issues.push_back(MakeWarning("no_text_layer", msg));
}

}  // namespace cnbudget::pdf
