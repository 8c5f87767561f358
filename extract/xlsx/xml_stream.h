// Streaming an untrusted SpreadsheetML part: worksheets and the shared
// string table can be large, so they are never parsed into one tree. The
// reader walks the part and expands only the small subtrees asked for (one
// <row>, one <si>), with the same entity and network refusals as the DOCX
// reader (extract/docx/safe_xml.h).
#pragma once

#include <libxml/tree.h>

#include <functional>
#include <optional>
#include <string>

#include "core/issue.h"

namespace cnbudget::xlsx {

// Called for each element start: return true to receive the element
// expanded (children included) in `on_subtree` instead of descending.
using WantSubtree = std::function<bool(int depth, const xmlNode* element)>;
// Receives an expanded subtree; returns false to stop reading the part.
using OnSubtree = std::function<bool(const xmlNode* subtree)>;

// Reads `xml` (the bytes of `part`). Returns "xml_entity_refused" or
// "xml_malformed" errors; nullopt when the part was read (or stopped early).
std::optional<Issue> StreamPart(const std::string& xml, const std::string& part,
                                const WantSubtree& want, const OnSubtree& on_subtree);

}  // namespace cnbudget::xlsx
