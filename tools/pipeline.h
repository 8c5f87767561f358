// The whole conversion of one file: hash, extract, map.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "extract/extract.h"

namespace cnbudget {

// Converts one file into the canonical model. Never throws for bad input:
// an unreadable file yields a Document with no tables and an error issue.
// When `lines` is set it receives the layout's text lines outside tables
// (with their boxes), which the model does not keep: the review draws them.
model::Document ConvertFile(const std::string& path, const ExtractOptions& options = {},
                            std::vector<TextLine>* lines = nullptr);

// True when the document carries an issue of severity error.
bool HasError(const model::Document& doc);

// Lowercase hex SHA-256 of a file's bytes; empty when unreadable.
std::string Sha256OfFile(const std::string& path, std::uint64_t* bytes);

}  // namespace cnbudget
