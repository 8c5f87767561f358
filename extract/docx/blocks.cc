#include "extract/docx/blocks.h"

#include "extract/docx/ooxml.h"

namespace cnbudget::docx {

void VisitBlock(const xmlNode* node, BlockVisitor* visitor) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return;
  if (IsW(node, "p")) {
    visitor->OnParagraph(node);
  } else if (IsW(node, "tbl")) {
    visitor->OnTable(node);
  } else if (IsW(node, "sdt")) {
    VisitChildren(WChild(node, "sdtContent"), visitor);
  } else if (IsW(node, "customXml") || IsW(node, "ins") || IsW(node, "moveTo")) {
    VisitChildren(node, visitor);
  } else if (IsMc(node, "AlternateContent")) {
    for (const xmlNode* alt = node->children; alt != nullptr; alt = alt->next)
      if (IsMc(alt, "Choice")) {
        VisitChildren(alt, visitor);
        break;
      }
  }
}

void VisitChildren(const xmlNode* container, BlockVisitor* visitor) {
  if (container == nullptr) return;
  for (const xmlNode* c = container->children; c != nullptr; c = c->next)
    VisitBlock(c, visitor);
}

}  // namespace cnbudget::docx
