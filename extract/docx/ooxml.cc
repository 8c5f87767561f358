#include "extract/docx/ooxml.h"

#include <cstdlib>
#include <cstring>

namespace cnbudget::docx {
namespace {

constexpr const char* kWordMain =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kWordMainStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr const char* kMarkupCompat =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr const char* kMath = "http://schemas.openxmlformats.org/officeDocument/2006/math";
constexpr const char* kMathStrict = "http://purl.oclc.org/ooxml/officeDocument/math";

const char* NamespaceOf(const xmlNode* node) {
  if (node == nullptr || node->ns == nullptr || node->ns->href == nullptr) return "";
  return reinterpret_cast<const char*>(node->ns->href);
}

bool IsElement(const xmlNode* node, const char* local) {
  return node != nullptr && node->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(node->name), local) == 0;
}

bool IsWordNamespace(const char* ns) {
  return std::strcmp(ns, kWordMain) == 0 || std::strcmp(ns, kWordMainStrict) == 0;
}

}  // namespace

bool IsW(const xmlNode* node, const char* local) {
  return IsElement(node, local) && IsWordNamespace(NamespaceOf(node));
}

bool IsMc(const xmlNode* node, const char* local) {
  return IsElement(node, local) && std::strcmp(NamespaceOf(node), kMarkupCompat) == 0;
}

bool IsMath(const xmlNode* node, const char* local) {
  if (!IsElement(node, local)) return false;
  const char* ns = NamespaceOf(node);
  return std::strcmp(ns, kMath) == 0 || std::strcmp(ns, kMathStrict) == 0;
}

std::optional<std::string> WAttr(const xmlNode* node, const char* local) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), local) != 0) continue;
    const char* ns = a->ns != nullptr ? reinterpret_cast<const char*>(a->ns->href) : "";
    if (a->ns != nullptr && !IsWordNamespace(ns)) continue;
    std::string value;
    for (const xmlNode* t = a->children; t != nullptr; t = t->next)
      if (t->content != nullptr) value += reinterpret_cast<const char*>(t->content);
    return value;
  }
  return std::nullopt;
}

const xmlNode* WChild(const xmlNode* node, const char* local) {
  if (node == nullptr) return nullptr;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next)
    if (IsW(c, local)) return c;
  return nullptr;
}

bool IsOn(const xmlNode* toggle) {
  if (toggle == nullptr) return false;
  const std::optional<std::string> val = WAttr(toggle, "val");
  return !val || (*val != "0" && *val != "false" && *val != "off");
}

int WIntChild(const xmlNode* node, const char* local, int fallback) {
  const xmlNode* child = WChild(node, local);
  if (child == nullptr) return fallback;
  const std::optional<std::string> val = WAttr(child, "val");
  if (!val || val->empty()) return fallback;
  char* end = nullptr;
  const long n = std::strtol(val->c_str(), &end, 10);
  if (end == val->c_str() || n < 0 || n > 100000) return fallback;
  return static_cast<int>(n);
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string NodeText(const xmlNode* node) {
  std::string text;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != nullptr)
      text += reinterpret_cast<const char*>(c->content);
  return text;
}

}  // namespace cnbudget::docx

namespace cnbudget::docx {

bool IsBlank(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (s.compare(i, 2, "\xC2\xA0") == 0) {
      i += 2;
    } else if (s.compare(i, 3, "\xE3\x80\x80") == 0) {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace cnbudget::docx
