// Matching keys for budget vocabulary: the mapper compares squashed text.
//
// Squash folds full-width ASCII to ASCII (what NFKC does for the characters
// budget documents use: digits, letters, "：（）") and removes every kind of
// white space, so "表 1"、"表１" and "表1" share one key. It is for matching
// and for short identifiers (titles, unit names); cell text goes through
// NormalizeText instead.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cnbudget::mapping {

std::string Squash(std::string_view s);

inline bool Has(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}
inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
inline bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Number of code points (for length limits on CJK text).
int CodePoints(std::string_view s);

// True for a squashed cell text that is an amount or a dash placeholder:
// "1858.41", "1,229.70", "1858。41", "(3.50)", "-3", "96.49%", "-", "—", "/".
bool IsAmountLike(std::string_view squashed);

// Parses "123" or Chinese numerals up to 99 ("十二", "二十一"); nullopt else.
std::optional<int> ParseSmallNumber(std::string_view s);

}  // namespace cnbudget::mapping
