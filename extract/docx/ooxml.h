// Small helpers for reading WordprocessingML elements out of a libxml2 tree.
//
// Elements are matched by namespace URI and local name, never by prefix: a
// producer may bind the main namespace to any prefix. Both the transitional
// and the strict ("purl.oclc.org") main namespaces are accepted.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>

namespace cnbudget::docx {

// True when `node` is an element named `local` in the WordprocessingML main
// namespace.
bool IsW(const xmlNode* node, const char* local);

// True when `node` is an element named `local` in the markup-compatibility
// namespace (mc:AlternateContent, mc:Choice, mc:Fallback).
bool IsMc(const xmlNode* node, const char* local);

// True when `node` is an element named `local` in the Office math namespace.
bool IsMath(const xmlNode* node, const char* local);

// The value of the attribute w:`local` (or of an un-namespaced `local`, which
// some producers write); nullopt when absent.
std::optional<std::string> WAttr(const xmlNode* node, const char* local);

// The first child element w:`local` of `node`, or nullptr.
const xmlNode* WChild(const xmlNode* node, const char* local);

// An on/off property such as w:b or w:tblHeader: on when present, unless its
// w:val says "0", "false" or "off".
bool IsOn(const xmlNode* toggle);

// w:val of the child w:`local` of `node` parsed as a non-negative integer;
// `fallback` when absent or not a number.
int WIntChild(const xmlNode* node, const char* local, int fallback);

// Appends the UTF-8 encoding of a Unicode code point (invalid ones as U+FFFD).
void AppendUtf8(char32_t code_point, std::string* out);

// The text content of a text node child list (w:t and friends), as UTF-8.
std::string NodeText(const xmlNode* node);

}  // namespace cnbudget::docx

namespace cnbudget::docx {

// True when `utf8` holds nothing but white space (ASCII, U+00A0, U+3000).
bool IsBlank(const std::string& utf8);

}  // namespace cnbudget::docx
