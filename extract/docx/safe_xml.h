// Parsing untrusted OOXML parts with libxml2, safely.
//
// Parts are parsed with no network access, no DTD loading, no entity
// substitution and libxml2's default size limits (no XML_PARSE_HUGE). A part
// that declares entities (the usual vehicle of XXE and "billion laughs") is
// refused outright: WordprocessingML and SpreadsheetML never need them.
#pragma once

#include <libxml/tree.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/issue.h"

namespace cnbudget::docx {

// The libxml2 parser options used for every part.
int SafeXmlOptions();

// An "xml_entity_refused" error when the raw bytes of `part` contain an
// entity declaration; nullopt otherwise. A cheap first line of defence that
// runs before any parsing (the parsers check again on the DTD they see).
std::optional<Issue> RefuseEntityDeclarations(const std::string& bytes, const std::string& part);

// True when a parsed DTD declares any entity.
bool DeclaresEntities(const xmlDtd* dtd);

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

// Parses a small part into a tree. On failure returns nullptr and sets
// *error ("xml_entity_refused" or "xml_malformed").
XmlDocPtr ParseSmallPart(const std::string& bytes, const std::string& part,
                         std::optional<Issue>* error);

// Streams a part too large for one tree (document.xml, a worksheet, the
// shared strings): the reader walks it and expands only the small subtrees
// asked for (one block, one <row>, one <si>), with the same entity and
// network refusals.
//
// `want` is called at each element start: true hands the element, expanded
// with its children, to `on_subtree` instead of descending into it.
// `on_subtree` returns false to stop reading the part.
using WantSubtree = std::function<bool(int depth, const xmlNode* element)>;
using OnSubtree = std::function<bool(const xmlNode* subtree)>;

// Returns "xml_entity_refused", "xml_malformed" or "zip_entry_too_large"
// errors; nullopt when the part was read (or stopped early).
std::optional<Issue> StreamPart(const std::string& xml, const std::string& part,
                                const WantSubtree& want, const OnSubtree& on_subtree);

}  // namespace cnbudget::docx
