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

void StyleSheet::Load(const xmlNode* root) {
  if (root == nullptr) return;
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (IsW(c, "docDefaults")) {
      const xmlNode* rpr = WChild(WChild(c, "rPrDefault"), "rPr");
      default_bold_ = BoldOfRunProperties(rpr).value_or(false);
      default_half_points_ = WIntChild(rpr, "sz", 0);
    } else if (IsW(c, "style")) {
      const std::optional<std::string> id = WAttr(c, "styleId");
      if (!id) continue;
      Style style;
      const xmlNode* rpr = WChild(c, "rPr");
      style.bold = BoldOfRunProperties(rpr);
      style.half_points = WIntChild(rpr, "sz", 0);
      if (const xmlNode* based = WChild(c, "basedOn"))
        style.based_on = WAttr(based, "val").value_or("");
      styles_[*id] = style;
      const std::string is_default = WAttr(c, "default").value_or("0");
      if (WAttr(c, "type").value_or("") == "paragraph" &&
          (is_default == "1" || is_default == "true" || is_default == "on"))
        default_paragraph_style_ = *id;
    }
  }
}

template <typename Has>
const StyleSheet::Style* StyleSheet::Find(const std::string& style_id, Has has) const {
  std::string id = style_id;
  for (int depth = 0; depth < kMaxStyleChain && !id.empty(); ++depth) {
    const auto it = styles_.find(id);
    if (it == styles_.end()) return nullptr;
    if (has(it->second)) return &it->second;
    id = it->second.based_on;
  }
  return nullptr;
}

std::optional<bool> StyleSheet::Bold(const std::string& style_id) const {
  const Style* s = Find(style_id, [](const Style& st) { return st.bold.has_value(); });
  return s != nullptr ? s->bold : std::nullopt;
}

int StyleSheet::HalfPoints(const std::string& style_id) const {
  const Style* s = Find(style_id, [](const Style& st) { return st.half_points > 0; });
  return s != nullptr ? s->half_points : 0;
}

}  // namespace cnbudget::docx
