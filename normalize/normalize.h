// Normalizer: raw cell text -> normalized text and an exact decimal value.
//
// Implements section 3 of the canonical model (ICU NFKC, RE2). Values are
// canonical decimal strings ("1229.70", "-3.5", "96.49%"); no floating point
// is used anywhere on the value path. Thread-safe: all state is immutable
// (patterns and the ICU normalizer are created once, on first use).
//
// Text rules (NormalizeText), in order:
//   1. Invalid UTF-8 becomes U+FFFD. CJK Radicals Supplement code points
//      (U+2E80-U+2EFF, which NFKC leaves alone) map to their unified
//      ideograph ("⻔" -> "门"); then Unicode NFKC ("１２３．４５" ->
//      "123.45", "（" -> "(", U+3000 -> " ", Kangxi radicals -> ideographs).
//   2. Zero-width characters (U+200B-U+200D, U+2060, U+FEFF, U+00AD) and
//      control characters other than white space are removed.
//   3. White space (incl. "\n", "\t", NBSP, U+3000) is trimmed and each run
//      becomes one space: text is always one line.
//   4. A space is dropped between two CJK characters ("收     入" -> "收入"),
//      and between a CJK character and punctuation that hugs CJK text
//      (". , : ; ! ? ( ) [ ]" and curly quotes: "4. 财政" -> "4.财政",
//      "财政专户 (教育收费)" -> "财政专户(教育收费)"), and next to CJK
//      punctuation ("、 2025" -> "、2025"). A space between a
//      digit or a Latin letter and CJK is kept ("201 一般公共服务支出").
//
// Number rules (NormalizeCell), applied to the normalized text:
//   - "-", "--", "—", "——", "–", "―", "−", "/" alone mean empty: no value.
//   - Negative: a leading "-" or "−" (NFKC already maps "－" to "-"), or the
//     whole number in parentheses "(3.50)". Both at once is malformed. A
//     bare integer in parentheses ("(1)", "(2023)") is list numbering or a
//     year: plain text. So are dates and year ranges that are not one number
//     ("2023-01-31", "2023.12.31", "2021-2023"; "2023.12" is a number).
//   - A trailing "%" is kept in the value ("96.49%").
//   - The magnitude is one of: plain digits "1229.70"; digits grouped by
//     commas in groups of exactly three "1,229.70"; digits grouped by single
//     spaces in groups of exactly three "1 858.41" (so "100 200" is 100200);
//     a bare fraction ".5". Stray spaces next to "," and the decimal mark are
//     ignored ("1, 229. 70", "963. 77").
//   - The decimal mark is "." or the ideographic full stop "。". A Chinese
//     (full-width) comma "，" is a decimal mark only when it is the only
//     separator of the raw cell and is followed by one or two digits
//     ("1，60" -> 1.60, "1，234" -> 1234); an ASCII "," never is ("1,2" is
//     not a number).
//   - A number wrapped over lines of a narrow cell is joined when removing
//     the line breaks leaves one number with a fraction ("963.7\n7" ->
//     963.77, "1229.\n70" -> 1229.70); "12.5\n13.6" and "12\n13" are not.
//   - value: leading zeros of the integer part stripped ("007" -> "7"), the
//     fraction kept exactly as printed ("0.50", "2.155"); a zero is never
//     negative ("-0.00" -> "0.00").
//   - text of a numeric cell: the same number without separators or stray
//     spaces, but with the integer digits as printed ("007" stays "007",
//     "(3.50)" -> "-3.50", "1,229.70" -> "1229.70"), so codes keep their
//     leading zeros.
//   - Line breaks are never thousands separators: digits on two lines
//     ("776\n478") are two numbers unless the wrap rule below joins them.
//   - An amount with more than kMaxIntegerDigits integer digits has no
//     value: it is numbers glued together, never a real figure.
//   - A footnote mark after an amount (（注1）, 注1, *, ※, superscript
//     digits, circled numbers) is not part of it: the amount is the value,
//     the text keeps the mark, and `footnote` holds the mark. Read before
//     NFKC, which would turn "²" into a digit of the amount.
//   - Ambiguity (no value, `ambiguity` set): a cell made only of digits,
//     spaces, ".,。%()-" that is not one number ("12.5 13.6", "1,2",
//     "12.3.4", "201 03 01"), or digits with one or two Latin letters inside
//     ("12a3"). Anything else with text ("2023年", ">=90%", "=2种") is plain
//     text: no value, no ambiguity. Callers decide what a number means: a
//     code column's "2010301" gets a value here and the mapper drops it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cnbudget {

// Why a number-looking cell has no value. Callers weigh them differently: a
// cell holding several amounts or an absurd amount means the table around it
// may be misread, the others are local oddities.
enum class AmbiguityKind {
  kNone,
  kSeveralNumbers,   // "12.5 13.6", "776\n478\n526": rows glued into one cell
  kImplausible,      // more than kMaxIntegerDigits integer digits
  kMalformed,        // "1,2", "12.3.4"
  kLetterInDigits,   // "12a3"
};

// No budget amount needs more integer digits: 10^15 yuan is thirty times a
// year of China's whole national budget. Longer runs are glued numbers.
inline constexpr int kMaxIntegerDigits = 15;

struct NormalizedCell {
  std::string text;                    // normalized text (always set)
  std::optional<std::string> value;    // set only when the cell is a number
  // Set when the cell looks numeric but is ambiguous (two numbers, a letter
  // inside digits): no value, and the caller should emit an issue.
  // Holds a short English reason ("more than one number in the cell").
  std::optional<std::string> ambiguity;
  AmbiguityKind ambiguity_kind = AmbiguityKind::kNone;
  // A footnote mark printed right after the amount ("102.7（注1）", "96.5*",
  // "12.0²", "8.0①"): the value is the amount, `text` keeps the mark, and
  // this holds the mark as printed so the caller can say so.
  std::optional<std::string> footnote;
};

// Text rules 1-4 above. Never fails; the result is valid UTF-8, one line.
std::string NormalizeText(std::string_view raw);

// Full cell normalization: text, and value when the text is a number.
NormalizedCell NormalizeCell(std::string_view raw);

// The canonical value of `raw` if it is one number (NormalizeCell(raw).value).
std::optional<std::string> ParseDecimal(std::string_view raw);

// True for code points of Chinese/Japanese script: Han ideographs (incl.
// extensions and compatibility ideographs), CJK radicals and strokes, CJK
// symbols and punctuation ("、", "《"), kana, bopomofo, enclosed CJK, and
// the full-width forms block. Not Hangul, not U+3000 (a space).
bool IsCjk(char32_t cp);

}  // namespace cnbudget
