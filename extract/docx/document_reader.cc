#include "extract/docx/document_reader.h"

#include "extract/docx/blocks.h"
#include "extract/docx/ooxml.h"
#include "extract/docx/paragraph_text.h"
#include "extract/docx/safe_xml.h"
#include "extract/docx/table_grid.h"

namespace cnbudget::docx {
namespace {

// Paragraphs become text lines; tables become RawTables.
class BodyReader : public BlockVisitor {
 public:
  BodyReader(const ReadContext& context, std::vector<Block>* blocks)
      : context_(context), inline_(context), blocks_(blocks) {}

  void OnParagraph(const xmlNode* p) override {
    ParagraphText t = inline_.Read(p);
    if (t.has_text) {
      TextLine line;
      line.text = std::move(t.text);
      line.bold = t.all_bold;
      line.font_size = t.font_size;
      blocks_->push_back(std::move(line));
    }
    for (const xmlNode* box : t.textboxes) VisitChildren(box, this);
  }

  void OnTable(const xmlNode* tbl) override { AppendTable(tbl, 0, context_, blocks_); }

 private:
  const ReadContext& context_;
  InlineReader inline_;
  std::vector<Block>* blocks_;
};

}  // namespace

std::optional<Issue> ReadDocumentXml(const std::string& xml, const std::string& part,
                                     const ReadContext& context, std::vector<Block>* blocks) {
  BodyReader body(context, blocks);
  bool in_body = false, saw_body = false;
  // The blocks of w:body (paragraphs, tables) one at a time.
  auto want = [&](int depth, const xmlNode* element) {
    if (depth == 1) {
      in_body = IsW(element, "body");
      saw_body = saw_body || in_body;
    }
    return depth == 2 && in_body;
  };
  auto on_block = [&](const xmlNode* block) {
    VisitBlock(block, &body);
    return true;
  };
  if (auto error = StreamPart(xml, part, want, on_block)) return error;
  if (!saw_body) return MakeError("missing_part", part + " has no w:body element");
  return std::nullopt;
}

}  // namespace cnbudget::docx
