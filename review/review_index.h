// Reports of a batch (`convert --review-dir DIR`): one folder per document,
// DIR/<name>-<sha256 prefix>/, and DIR/index.html linking them.
#pragma once

#include <string>

#include "core/model.h"

namespace cnbudget::review {

// The folder name of a document's report: the file's stem (made safe for a
// file name) and the first 12 hex digits of its SHA-256, so that two files
// of the same name in different folders never share one.
std::string ReviewFolderName(const model::Document& doc);

// Writes summary.json beside a report's index.html: what the batch index
// lists (file, unit, year, tables, failing checks, issues).
bool WriteReviewSummary(const model::Document& doc, const std::string& report_dir,
                        std::string* error);

// Writes DIR/index.html listing every report folder of DIR that holds a
// summary.json, by file path. Returns false and sets *error when it cannot.
bool WriteReviewIndex(const std::string& dir, std::string* error);

}  // namespace cnbudget::review
