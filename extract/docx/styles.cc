#include "extract/docx/styles.h"

#include "extract/docx/ooxml.h"

namespace cnbudget::docx {
namespace {

// Style chains are short; the cap only stops a basedOn cycle.
constexpr int kMaxStyleChain = 16;

std::optional<bool> BoldOfRunProperties(const xmlNode* rpr) {
  const xmlNode* b = WChild(rpr, "b");
  if (b == nullptr) return std::nullopt;
  return IsOn(b);
}

}  // namespace

void BoldStyles::Load(const xmlNode* root) {
  if (root == nullptr) return;
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (IsW(c, "docDefaults")) {
      const xmlNode* rpr = WChild(WChild(c, "rPrDefault"), "rPr");
      default_bold_ = BoldOfRunProperties(rpr).value_or(false);
    } else if (IsW(c, "style")) {
      const std::optional<std::string> id = WAttr(c, "styleId");
      if (!id) continue;
      Style style;
      style.bold = BoldOfRunProperties(WChild(c, "rPr"));
      if (const xmlNode* based = WChild(c, "basedOn"))
        style.based_on = WAttr(based, "val").value_or("");
      styles_[*id] = style;
    }
  }
}

std::optional<bool> BoldStyles::Bold(const std::string& style_id) const {
  std::string id = style_id;
  for (int depth = 0; depth < kMaxStyleChain && !id.empty(); ++depth) {
    const auto it = styles_.find(id);
    if (it == styles_.end()) return std::nullopt;
    if (it->second.bold) return it->second.bold;
    id = it->second.based_on;
  }
  return std::nullopt;
}

}  // namespace cnbudget::docx
