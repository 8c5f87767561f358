// JSON writer for the canonical model (spec section 2).
//
// Key order is fixed (the spec's order), output is UTF-8 and deterministic:
// the same Document always serializes to the same bytes.
#pragma once

#include <string>

#include "core/model.h"

namespace cnbudget {

// Serializes doc with two-space indentation and a trailing newline.
std::string ToJson(const model::Document& doc);

// Writes ToJson(doc) to path atomically (temp file + rename). Returns false
// and sets *error when the file cannot be written.
bool WriteJsonFile(const model::Document& doc, const std::string& path, std::string* error);

}  // namespace cnbudget
