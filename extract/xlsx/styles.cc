#include "extract/xlsx/styles.h"

#include <map>

#include "extract/xlsx/number_format.h"
#include "extract/xlsx/sml.h"

namespace cnbudget::xlsx {
namespace {

// More styles than this is not a real workbook; the rest read as default.
constexpr std::size_t kMaxStyles = 65536;

const xmlNode* Child(const xmlNode* node, const char* local) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next)
    if (IsS(c, local)) return c;
  return nullptr;
}

std::map<int, std::string> CustomFormats(const xmlNode* root) {
  std::map<int, std::string> formats;
  if (const xmlNode* list = Child(root, "numFmts"))
    for (const xmlNode* f = list->children; f != nullptr; f = f->next)
      if (IsS(f, "numFmt") && formats.size() < kMaxStyles)
        formats[IntAttr(f, "numFmtId", -1)] = Attr(f, "formatCode").value_or("");
  return formats;
}

// A side draws a line when it has a style other than "none".
bool HasLine(const xmlNode* border) {
  for (const xmlNode* side = border->children; side != nullptr; side = side->next) {
    if (side->type != XML_ELEMENT_NODE || IsS(side, "diagonal")) continue;
    const std::optional<std::string> style = Attr(side, "style");
    if (style && *style != "none") return true;
  }
  return false;
}

std::vector<bool> Borders(const xmlNode* root) {
  std::vector<bool> lines;
  if (const xmlNode* list = Child(root, "borders"))
    for (const xmlNode* b = list->children; b != nullptr && lines.size() < kMaxStyles; b = b->next)
      if (IsS(b, "border")) lines.push_back(HasLine(b));
  return lines;
}

bool IsBoldFont(const xmlNode* font) {
  const xmlNode* b = Child(font, "b");
  if (b == nullptr) return false;
  const std::string v = Attr(b, "val").value_or("1");
  return v != "0" && v != "false";
}

std::vector<bool> BoldFonts(const xmlNode* root) {
  std::vector<bool> bold;
  if (const xmlNode* list = Child(root, "fonts"))
    for (const xmlNode* f = list->children; f != nullptr && bold.size() < kMaxStyles; f = f->next)
      if (IsS(f, "font")) bold.push_back(IsBoldFont(f));
  return bold;
}

template <typename T>
T At(const std::vector<T>& v, int i, T fallback) {
  return i >= 0 && static_cast<std::size_t>(i) < v.size() ? v[static_cast<std::size_t>(i)]
                                                          : fallback;
}

}  // namespace

void StyleSheet::Load(const xmlNode* root) {
  const std::map<int, std::string> custom = CustomFormats(root);
  const std::vector<bool> borders = Borders(root);
  const std::vector<bool> bold = BoldFonts(root);
  const xmlNode* xfs = Child(root, "cellXfs");
  if (xfs == nullptr) return;
  for (const xmlNode* xf = xfs->children; xf != nullptr; xf = xf->next) {
    if (!IsS(xf, "xf") || xfs_.size() >= kMaxStyles) continue;
    CellStyle style;
    const int id = IntAttr(xf, "numFmtId", 0);
    const auto it = custom.find(id);
    // A custom code overrides a built-in id; an id known to neither (an East
    // Asian date) gets no format, so the stored value is shown raw.
    style.format = it != custom.end() ? it->second : BuiltinFormatCode(id);
    style.bordered = At(borders, IntAttr(xf, "borderId", 0), false);
    style.bold = At(bold, IntAttr(xf, "fontId", 0), false);
    xfs_.push_back(std::move(style));
  }
}

const CellStyle& StyleSheet::Get(int index) const {
  return index >= 0 && static_cast<std::size_t>(index) < xfs_.size()
             ? xfs_[static_cast<std::size_t>(index)]
             : default_;
}

}  // namespace cnbudget::xlsx
