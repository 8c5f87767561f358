// The main document part (word/document.xml) to Layout blocks, streamed.
//
// The body is read one top-level block at a time (xmlTextReader, expanding
// each child of w:body and freeing it once read), so memory stays in
// proportion to the largest single table, not to the whole document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/issue.h"
#include "core/layout.h"
#include "extract/docx/paragraph_text.h"

namespace cnbudget::docx {

// Appends to *blocks, in document order: each non-blank paragraph outside
// tables as a TextLine, each table (and, right after it, its nested tables)
// as a RawTable. Returns an error Issue ("xml_entity_refused",
// "xml_malformed", "missing_part" when there is no w:body) and leaves the
// blocks read so far when the XML is refused or broken.
// `part` names the part in messages.
std::optional<Issue> ReadDocumentXml(const std::string& xml, const std::string& part,
                                     const ReadContext& context, std::vector<Block>* blocks);

}  // namespace cnbudget::docx
