// Glyph hygiene: the per-glyph fixes applied before runs are built.
#pragma once

#include <string>
#include <vector>

#include "extract/pdf/pdf_reader_types.h"

namespace cnbudget::pdf {

// Maps a CJK radical (U+2E80..U+2FDF) that stands for a whole character to
// its unified ideograph ("⻔" -> "门"); returns other code points unchanged.
char32_t UnifiedIdeographForRadical(char32_t cp);

// True for code points that are written without spaces between them: CJK
// ideographs, kana, hangul, CJK and fullwidth punctuation.
bool IsCjk(char32_t cp);

// True for spaces of any width (ASCII, no-break, ideographic, en/em ...).
bool IsWhitespace(char32_t cp);

void AppendUtf8(char32_t cp, std::string* out);

// First and last code points of a UTF-8 string (0 when empty).
char32_t Utf8FirstCodePoint(const std::string& utf8);
char32_t Utf8LastCodePoint(const std::string& utf8);

// Removes "fake bold" copies: the same text drawn again, same direction, at
// an offset smaller than 15% of the font size. The first drawing is kept and
// marked bold. Order of the remaining glyphs is preserved.
void DropFakeBoldDuplicates(std::vector<PlacedGlyph>* glyphs);

}  // namespace cnbudget::pdf
