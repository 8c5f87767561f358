// NormalizeCell and ParseDecimal: the number rules of normalize.h.
#include <re2/re2.h>

#include <string>
#include <string_view>

#include "normalize/normalize.h"

namespace cnbudget {
namespace {

// All patterns run on normalized text: NFKC done, single spaces, one line.
struct Patterns {
  // Peels "(", a sign, a trailing "%" and ")" off the magnitude.
  RE2 wrapper{R"(^(\( ?)?([-−] ?)?(.*?)( ?%)?( ?\))?$)"};
  // The magnitude forms; group 1 is the integer part, group 2 the fraction.
  RE2 plain{R"(^(\d+)(?: ?[.。] ?(\d+))?$)"};
  RE2 comma_grouped{R"(^(\d{1,3}(?: ?, ?\d{3})+)(?: ?[.。] ?(\d+))?$)"};
  RE2 space_grouped{R"(^(\d{1,3}(?: \d{3})+)(?: ?[.。] ?(\d+))?$)"};
  RE2 bare_fraction{R"(^()[.。] ?(\d+)$)"};
  // "(1)", "(2023)": list numbering and years, never negative amounts.
  RE2 parenthesized_integer{R"(^\(\d+\)$)"};
  // Dates and year ranges: "2023-01-31", "2023.12.31", "2021-2023".
  RE2 date_like{R"(^\d{4} ?[-./] ?\d{1,2} ?[-./] ?\d{1,2}$|^\d{4} ?[-./] ?\d{1,2}$|^\d{4} ?[-~—–] ?\d{4}$)"};
  // Only number characters, at least one digit: a failed parse is ambiguous.
  RE2 number_like{R"(^[\d .,。%()−-]*\d[\d .,。%()−-]*$)"};
  // An amount and the footnote mark printed after it, on the raw text.
  RE2 footnote_mark{R"(^(.*\d[%％]?)\s*((?:[(（]\s*注\s*\d{0,2}\s*[)）])|注\s*\d{1,2}|[*＊※]{1,3}|[¹²³⁰⁴⁵⁶⁷⁸⁹]{1,2}|[①-⑳])$)"};
  // One or two Latin letters inside digits ("12a3", "1O5.20").
  RE2 letter_in_digits{R"(^[\dA-Za-z .,。%()−-]*\d[A-Za-z]{1,2}\d[\dA-Za-z .,。%()−-]*$)"};
};

const Patterns& GetPatterns() {
  static const Patterns* const patterns = new Patterns();
  return *patterns;
}

std::string DigitsOnly(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

struct ParsedNumber {
  std::string value;
  std::string text;
};

// Splits the magnitude into integer digits (separators removed, as printed)
// and fraction digits. False when no magnitude form matches.
bool ParseMagnitude(std::string_view magnitude, std::string* integer, std::string* fraction) {
  const Patterns& p = GetPatterns();
  std::string int_part;
  for (const RE2* form : {&p.plain, &p.comma_grouped, &p.space_grouped, &p.bare_fraction}) {
    if (RE2::FullMatch(magnitude, *form, &int_part, fraction)) {
      *integer = DigitsOnly(int_part);
      return true;
    }
  }
  return false;
}

// The common case "-1229.70%" / "1229" without separators or spaces, read
// without the regex engine. False when `text` has any other shape.
bool SplitSimpleNumber(std::string_view text, bool* negative, std::string* integer,
                       std::string* fraction, bool* percent) {
  *negative = !text.empty() && text.front() == '-';
  if (*negative) text.remove_prefix(1);
  *percent = !text.empty() && text.back() == '%';
  if (*percent) text.remove_suffix(1);
  const size_t point = text.find('.');
  const std::string_view int_part = text.substr(0, point);
  const std::string_view frac_part =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  auto all_digits = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (!all_digits(int_part)) return false;
  if (point != std::string_view::npos && !all_digits(frac_part)) return false;
  integer->assign(int_part);
  fraction->assign(frac_part);
  return true;
}

// Everything else: wrappers, separators, stray spaces, "。".
bool SplitNumber(std::string_view text, bool* negative, std::string* integer,
                 std::string* fraction, bool* percent) {
  const Patterns& p = GetPatterns();
  std::string open, sign, magnitude, percent_sign, close;
  if (!RE2::FullMatch(text, p.wrapper, &open, &sign, &magnitude, &percent_sign, &close)) {
    return false;
  }
  if (open.empty() != close.empty()) return false;
  if (!open.empty() && !sign.empty()) return false;
  if (!ParseMagnitude(magnitude, integer, fraction)) return false;
  *negative = !open.empty() || !sign.empty();
  *percent = !percent_sign.empty();
  return true;
}

std::optional<ParsedNumber> ParseNumber(std::string_view text) {
  bool negative = false, percent = false;
  std::string integer, fraction;
  if (!SplitSimpleNumber(text, &negative, &integer, &fraction, &percent) &&
      !SplitNumber(text, &negative, &integer, &fraction, &percent)) {
    return std::nullopt;
  }
  if (integer.empty()) integer = "0";

  const size_t first_nonzero = integer.find_first_not_of('0');
  const bool zero = first_nonzero == std::string::npos &&
                    fraction.find_first_not_of('0') == std::string::npos;
  const std::string minus = negative && !zero ? "-" : "";
  const std::string tail = (fraction.empty() ? "" : "." + fraction) + (percent ? "%" : "");
  ParsedNumber out;
  out.value = minus + (first_nonzero == std::string::npos ? "0" : integer.substr(first_nonzero)) +
              tail;
  out.text = minus + integer + tail;
  return out;
}

// Why a number-looking cell has no value (reason and kind), or leaves the
// cell untouched for plain text.
void SetAmbiguity(NormalizedCell* cell) {
  const std::string_view text = cell->text;
  auto set = [cell](const char* reason, AmbiguityKind kind) {
    cell->ambiguity = reason;
    cell->ambiguity_kind = kind;
  };
  const Patterns& p = GetPatterns();
  if (RE2::FullMatch(text, p.number_like)) {
    int numbers = 0;
    bool all_numbers = true;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find(' ', start);
      if (end == std::string_view::npos) end = text.size();
      if (ParseNumber(text.substr(start, end - start))) {
        ++numbers;
      } else {
        all_numbers = false;
      }
      start = end + 1;
    }
    if (all_numbers && numbers >= 2) {
      set("more than one number in the cell", AmbiguityKind::kSeveralNumbers);
    } else {
      set("malformed number", AmbiguityKind::kMalformed);
    }
  } else if (RE2::FullMatch(text, p.letter_in_digits)) {
    set("letter inside digits", AmbiguityKind::kLetterInDigits);
  }
}

// True when a line break separates two digits (blanks around it ignored):
// "776\n478" is two rows' amounts in one cell, never one grouped number.
bool LineBreakBetweenDigits(std::string_view raw) {
  char last_visible = 0;
  bool break_since = false;
  for (char c : raw) {
    if (c == '\n' || c == '\r') {
      break_since = true;
    } else if (c != ' ' && c != '\t') {
      const bool digit = c >= '0' && c <= '9';
      if (digit && break_since && last_visible >= '0' && last_visible <= '9') return true;
      last_visible = c;
      break_since = false;
    }
  }
  return false;
}

int IntegerDigits(std::string_view value) {
  int n = 0;
  for (char c : value) {
    if (c == '.' || c == '%') break;
    n += c >= '0' && c <= '9';
  }
  return n;
}

bool IsDigitCodePoint(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

// The Chinese-comma rule of normalize.h: "1，60" -> "1。60", which the
// number rules then read as 1.60. Works on the raw UTF-8 bytes because NFKC
// would turn "，" into an ASCII "," and lose the distinction.
std::string FullWidthCommaAsDecimalMark(std::string_view raw) {
  constexpr std::string_view kFullComma = "\xEF\xBC\x8C";  // U+FF0C
  const size_t pos = raw.find(kFullComma);
  if (pos == std::string_view::npos) return std::string(raw);
  if (raw.find(kFullComma, pos + 1) != std::string_view::npos) return std::string(raw);
  for (std::string_view other : {".", ",", "\xEF\xBC\x8E" /*．*/, "\xE3\x80\x82" /*。*/}) {
    if (raw.find(other) != std::string_view::npos) return std::string(raw);
  }
  // Digits right after the comma (ASCII or full-width, 1 or 3 bytes each).
  int digits = 0;
  size_t i = pos + kFullComma.size();
  while (i < raw.size()) {
    if (raw[i] >= '0' && raw[i] <= '9') {
      ++i;
    } else if (raw.substr(i, 2) == "\xEF\xBC" && i + 2 < raw.size() &&
               IsDigitCodePoint(0xFF00 + (static_cast<unsigned char>(raw[i + 2]) - 0x80))) {
      i += 3;
    } else {
      break;
    }
    ++digits;
  }
  const bool digit_before =
      pos > 0 && ((raw[pos - 1] >= '0' && raw[pos - 1] <= '9') ||
                  (pos >= 3 && raw.substr(pos - 3, 2) == "\xEF\xBC" &&
                   IsDigitCodePoint(0xFF00 + (static_cast<unsigned char>(raw[pos - 1]) - 0x80))));
  if (!digit_before || digits < 1 || digits > 2) return std::string(raw);
  std::string out(raw);
  out.replace(pos, kFullComma.size(), "\xE3\x80\x82");
  return out;
}

// A number wrapped inside a narrow cell ("963.7\n7", "1229.\n70"): the line
// breaks are layout, not separators, when removing them (and the blanks next
// to them) leaves one number with a fraction. Two genuine numbers
// ("12.5\n13.6") never join into one, and integers ("12\n13") stay
// ambiguous because nothing tells a wrap from two counts.
std::optional<ParsedNumber> ParseWrappedNumber(std::string_view raw) {
  if (raw.find_first_of("\r\n") == std::string_view::npos) return std::nullopt;
  std::string joined;
  bool after_break = false;  // drop the blanks that follow a line break
  for (char c : raw) {
    const bool blank = c == ' ' || c == '\t';
    if (c == '\n' || c == '\r') {
      while (!joined.empty() && (joined.back() == ' ' || joined.back() == '\t')) joined.pop_back();
      after_break = true;
    } else if (!(after_break && blank)) {
      joined.push_back(c);
      after_break = false;
    }
  }
  std::optional<ParsedNumber> number =
      ParseNumber(NormalizeText(FullWidthCommaAsDecimalMark(joined)));
  if (!number || number->value.find('.') == std::string::npos) return std::nullopt;
  return number;
}

NormalizedCell NormalizeNumberCell(std::string_view raw);

// "102.7（注1）" -> 102.7 with footnote "（注1）"; nullopt when `raw` has no
// mark after an amount.
std::optional<NormalizedCell> WithoutFootnoteMark(std::string_view raw) {
  if (raw.size() > 96) return std::nullopt;
  std::string amount, mark;
  if (!RE2::FullMatch(raw, GetPatterns().footnote_mark, &amount, &mark)) return std::nullopt;
  NormalizedCell cell = NormalizeNumberCell(amount);
  if (!cell.value) return std::nullopt;
  cell.text += mark;
  cell.footnote = mark;
  return cell;
}

}  // namespace

NormalizedCell NormalizeCell(std::string_view raw) {
  if (std::optional<NormalizedCell> marked = WithoutFootnoteMark(raw)) return *marked;
  return NormalizeNumberCell(raw);
}

namespace {

NormalizedCell NormalizeNumberCell(std::string_view raw) {
  // Long cells are prose; skipping them keeps the regexes off paragraphs.
  // The cap holds for the canonical value too, or a value could fail to
  // parse back as itself: a bare fraction gains a "0" (".5" -> "0.5").
  constexpr size_t kMaxNumberLength = 64;
  auto too_long = [](const std::optional<ParsedNumber>& n) {
    return n && n->value.size() > kMaxNumberLength;
  };
  NormalizedCell cell;
  cell.text = NormalizeText(FullWidthCommaAsDecimalMark(raw));
  if (cell.text.empty() || cell.text.size() > kMaxNumberLength) return cell;
  // Cells without a digit are text or an empty marker; neither needs the
  // number patterns, and most label cells leave here.
  if (cell.text.find_first_of("0123456789") == std::string::npos) return cell;
  const Patterns& p = GetPatterns();
  if (RE2::FullMatch(cell.text, p.parenthesized_integer)) return cell;
  auto accept = [&cell](ParsedNumber& number) {
    if (IntegerDigits(number.value) > kMaxIntegerDigits) {
      cell.ambiguity = "implausible value: more than " + std::to_string(kMaxIntegerDigits) +
                       " integer digits";
      cell.ambiguity_kind = AmbiguityKind::kImplausible;
      return;
    }
    cell.text = std::move(number.text);
    cell.value = std::move(number.value);
  };
  // Flattening turned line breaks into spaces, which the space-grouped form
  // would read as thousands separators: such cells go to the wrap rule only.
  if (!LineBreakBetweenDigits(raw)) {
    if (std::optional<ParsedNumber> number = ParseNumber(cell.text)) {
      if (!too_long(number)) accept(*number);
      return cell;
    }
  }
  if (RE2::FullMatch(cell.text, p.date_like)) return cell;
  if (std::optional<ParsedNumber> number = ParseWrappedNumber(raw)) {
    if (!too_long(number)) accept(*number);
    return cell;
  }
  SetAmbiguity(&cell);
  return cell;
}

}  // namespace

std::optional<std::string> ParseDecimal(std::string_view raw) {
  return NormalizeCell(raw).value;
}

}  // namespace cnbudget
