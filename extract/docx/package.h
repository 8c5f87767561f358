// The DOCX package: which zip part holds the main document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/issue.h"
#include "extract/docx/safe_zip.h"

namespace cnbudget::docx {

// Sets *part to the main document part: the target of the package's
// officeDocument relationship in _rels/.rels, or "word/document.xml" when
// the relationships are absent, unreadable or point nowhere (a warning is
// appended to *warnings for the unreadable case). Returns an error Issue
// when _rels/.rels is refused (zip caps, XML entities) or when the main part
// is missing ("missing_part").
std::optional<Issue> FindMainPart(const SafeZip& zip, std::string* part,
                                  std::vector<Issue>* warnings);

// The folder of a part, with its trailing slash ("word/" for
// "word/document.xml"; "" for a part at the root).
std::string PartFolder(const std::string& part);

}  // namespace cnbudget::docx
