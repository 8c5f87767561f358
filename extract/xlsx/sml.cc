#include "extract/xlsx/sml.h"

#include <cstring>

#include "extract/docx/ooxml.h"

namespace cnbudget::xlsx {
namespace {

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kMainStrict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
constexpr const char* kRel =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRelStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships";

std::string AttrValue(const xmlAttr* a) {
  std::string value;
  for (const xmlNode* t = a->children; t != nullptr; t = t->next)
    if (t->content != nullptr) value += reinterpret_cast<const char*>(t->content);
  return value;
}

int HexValue(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

// Excel escapes characters XML cannot carry as "_xHHHH_" ("_x000D_" for a
// carriage return, "_x005F_" for a literal underscore before such a form).
std::string Unescape(const std::string& s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      int code = 0;
      bool hex = true;
      for (std::size_t k = 2; k < 6 && hex; ++k) {
        const int v = HexValue(s[i + k]);
        hex = v >= 0;
        code = code * 16 + v;
      }
      if (hex) {
        docx::AppendUtf8(static_cast<char32_t>(code), &out);
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

void AppendText(const xmlNode* t, std::string* out) {
  std::string text;
  for (const xmlNode* c = t->children; c != nullptr; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != nullptr)
      text += reinterpret_cast<const char*>(c->content);
  *out += Unescape(text);
}

}  // namespace

bool IsS(const xmlNode* node, const char* local) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE ||
      std::strcmp(reinterpret_cast<const char*>(node->name), local) != 0)
    return false;
  const char* ns = node->ns != nullptr && node->ns->href != nullptr
                       ? reinterpret_cast<const char*>(node->ns->href)
                       : "";
  return std::strcmp(ns, kMain) == 0 || std::strcmp(ns, kMainStrict) == 0;
}

std::optional<std::string> Attr(const xmlNode* node, const char* name) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next)
    if (a->ns == nullptr && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0)
      return AttrValue(a);
  return std::nullopt;
}

std::optional<std::string> RelAttr(const xmlNode* node, const char* local) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (a->ns == nullptr || std::strcmp(reinterpret_cast<const char*>(a->name), local) != 0)
      continue;
    const char* ns = reinterpret_cast<const char*>(a->ns->href);
    if (std::strcmp(ns, kRel) == 0 || std::strcmp(ns, kRelStrict) == 0) return AttrValue(a);
  }
  return std::nullopt;
}

int IntAttr(const xmlNode* node, const char* name, int fallback) {
  const std::optional<std::string> v = Attr(node, name);
  if (!v || v->empty() || v->size() > 9) return fallback;
  int n = 0;
  for (const char ch : *v) {
    if (ch < '0' || ch > '9') return fallback;
    n = n * 10 + (ch - '0');
  }
  return n;
}

std::string StringItemText(const xmlNode* item) {
  std::string out;
  for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
    if (IsS(c, "t")) {
      AppendText(c, &out);
    } else if (IsS(c, "r")) {
      for (const xmlNode* t = c->children; t != nullptr; t = t->next)
        if (IsS(t, "t")) AppendText(t, &out);
    }
  }
  return out;
}

}  // namespace cnbudget::xlsx
