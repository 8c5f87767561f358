// Block-level walking of WordprocessingML: the body, a table cell and a text
// box hold the same kinds of blocks (paragraphs and tables), possibly wrapped
// in content controls (w:sdt), custom XML or tracked insertions.
#pragma once

#include <libxml/tree.h>

namespace cnbudget::docx {

class BlockVisitor {
 public:
  virtual ~BlockVisitor() = default;
  virtual void OnParagraph(const xmlNode* p) = 0;
  virtual void OnTable(const xmlNode* tbl) = 0;
};

// Hands the block `node` to `visitor`: a w:p or w:tbl directly, a wrapper
// (w:sdt, w:customXml, w:ins, w:moveTo, mc:AlternateContent) by its content.
// Anything else (w:sectPr, bookmarks, deleted blocks) is skipped.
void VisitBlock(const xmlNode* node, BlockVisitor* visitor);

// VisitBlock on every child of `container`, in document order.
void VisitChildren(const xmlNode* container, BlockVisitor* visitor);

}  // namespace cnbudget::docx
