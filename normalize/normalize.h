// Normalizer: raw cell text -> normalized text and an exact decimal value.
//
// Implements section 3 of the canonical model (ICU NFKC, RE2). Values are
// canonical decimal strings ("1229.70", "-3.5", "96.49%"); no floating point
// is used anywhere on the value path. Thread-safe: all state is immutable.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cnbudget {

struct NormalizedCell {
  std::string text;                    // normalized text (always set)
  std::optional<std::string> value;    // set only when the cell is a number
  // Set when the cell looks numeric but is ambiguous (two numbers, a letter
  // inside digits): no value, and the caller should emit an info issue.
  std::optional<std::string> ambiguity;
};

// NFKC, trim, collapse white space, drop spaces between CJK characters.
std::string NormalizeText(std::string_view raw);

// Full cell normalization: text, and value when the text is a number.
NormalizedCell NormalizeCell(std::string_view raw);

}  // namespace cnbudget
