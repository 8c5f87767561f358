// JSON writer for the canonical model (spec section 2).
//
// Key order is fixed (the spec's order), output is UTF-8 and deterministic:
// the same Document always serializes to the same bytes.
#pragma once

#include <ostream>
#include <string>

#include "core/model.h"

namespace cnbudget {

// Serializes doc (one space per level of indentation, a trailing newline)
// into `out` as it goes: tables, cells and records are written one at a
// time, so memory stays near the model's size, not a multiple of the text.
void WriteJson(const model::Document& doc, std::ostream& out);

// WriteJson into a string.
std::string ToJson(const model::Document& doc);

// Writes the JSON to path atomically (temp file + rename). Returns false atomically (temp file + rename). Returns false
// and sets *error when the file cannot be written.
bool WriteJsonFile(const model::Document& doc, const std::string& path, std::string* error);

}  // namespace cnbudget
