// Zip packages written fresh for each input of the DOCX and XLSX fuzz
// targets: the input's parts go in stored (uncompressed), so mutations reach
// the XML readers instead of dying at the zip checksum.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cnbudget::fuzz {

// `bytes` split at NUL bytes: the parts of one input.
std::vector<std::string_view> SplitAtNul(std::string_view bytes);

// Writes a package of `entries` (name, data), all stored, to `path`.
// Aborts when it cannot: a fuzz run that silently tests nothing is worse
// than one that stops.
void WriteStoredPackage(const std::string& path,
                        const std::vector<std::pair<std::string, std::string_view>>& entries);

}  // namespace cnbudget::fuzz
