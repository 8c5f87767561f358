// The DOCX package: which zip part holds the main document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/issue.h"
#include "extract/docx/safe_zip.h"
#include "extract/extract.h"

namespace cnbudget::docx {

// Opens an OOXML package (DOCX or XLSX) for reading: libxml2 is initialised
// once first (the batch converter extracts several files at a time and
// libxml2 must be set up before threads use it), and the zip is opened with
// the inflation caps of `options`.
std::optional<Issue> OpenPackage(const std::string& path, const ExtractOptions& options,
                                 SafeZip* zip);

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
