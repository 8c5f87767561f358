// Measure vocabulary: one snake_case id per template column, the same across
// documents ("合计", "合  计" and "总计" of one template column share an id).
// The vocabulary and its Chinese header variants are listed in docs/model.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cnbudget {

// The measure id of a column from its header path (normalized texts, top to
// bottom). Returns nullopt when the column is not in the vocabulary.
std::optional<std::string> MeasureForPath(const std::vector<std::string>& path);

}  // namespace cnbudget
