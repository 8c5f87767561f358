// Small helpers for SpreadsheetML elements in a libxml2 tree.
//
// Elements are matched by local name within the SpreadsheetML main namespace
// (transitional or strict), never by prefix.
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>

namespace cnbudget::xlsx {

// True when `node` is an element `local` of the SpreadsheetML main namespace.
bool IsS(const xmlNode* node, const char* local);

// The un-namespaced attribute `name`, or nullopt.
std::optional<std::string> Attr(const xmlNode* node, const char* name);

// The attribute `local` in the officeDocument relationships namespace (r:id).
std::optional<std::string> RelAttr(const xmlNode* node, const char* local);

// Attribute `name` as a non-negative int; `fallback` when absent or invalid.
int IntAttr(const xmlNode* node, const char* name, int fallback);

// The text of a string item (<si>, <is>): its <t> and the <t> of its rich
// text runs <r>, in order; phonetic runs <rPh> (furigana) are skipped.
std::string StringItemText(const xmlNode* item);

}  // namespace cnbudget::xlsx
