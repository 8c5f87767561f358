#include "extract/xlsx/number_format.h"

#include <cctype>
#include <cstring>
#include <optional>
#include <vector>

#include "extract/xlsx/decimal_text.h"

namespace cnbudget::xlsx {
namespace {

// Excel keeps 15 significant digits; the 16th and 17th digits of a stored
// value are binary noise ("1528.7499999999998").
constexpr int kSignificantDigits = 15;
// Beyond this a spreadsheet would show scientific notation; keep the raw text.
constexpr int kMaxPlainExponent = 21;

// One ';' section of a format, reduced to what budgets need.
struct Pattern {
  bool general = false;    // "General" or "@": shortest text of the value
  bool supported = true;   // false: dates, scientific, fractions, conditions
  std::string prefix, suffix;  // literal text before / after the number
  int min_integer = 0;     // '0' placeholders before the point
  int min_fraction = 0, max_fraction = 0;
  bool thousands = false;
  int shift = 0;           // +2 per '%', -3 per trailing ','
};

bool IsPlaceholder(char ch) { return ch == '0' || ch == '#' || ch == '?'; }

// Splits at ';' outside quotes, brackets and escapes.
std::vector<std::string> SplitSections(const std::string& code) {
  std::vector<std::string> sections(1);
  bool quoted = false, bracket = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char ch = code[i];
    if (!quoted && !bracket && ch == '\\' && i + 1 < code.size()) {
      sections.back() += code.substr(i, 2);
      ++i;
      continue;
    }
    if (ch == '"' && !bracket) quoted = !quoted;
    if (!quoted) bracket = ch == '[' ? true : ch == ']' ? false : bracket;
    if (ch == ';' && !quoted && !bracket) {
      sections.emplace_back();
    } else {
      sections.back() += ch;
    }
  }
  return sections;
}

bool StartsWithNoCase(const std::string& s, std::size_t at, const char* word) {
  for (std::size_t k = 0; word[k] != '\0'; ++k)
    if (at + k >= s.size() ||
        std::tolower(static_cast<unsigned char>(s[at + k])) != word[k])
      return false;
  return true;
}

// "[$¥-804]" shows "¥"; colours, locales and conditions show nothing, but a
// condition ("[>=100]") changes which section applies: not supported.
void ReadBracket(const std::string& body, Pattern* p, std::string* literal) {
  if (!body.empty() && body[0] == '$') {
    const std::size_t dash = body.find('-');
    *literal += body.substr(1, dash == std::string::npos ? std::string::npos : dash - 1);
  } else if (!body.empty() && (body[0] == '<' || body[0] == '>' || body[0] == '=')) {
    p->supported = false;
  } else if (!body.empty() && std::strchr("hHmMsS", body[0]) != nullptr) {
    p->supported = false;  // elapsed time [h]:mm
  }
}

Pattern ParsePattern(const std::string& s) {
  Pattern p;
  bool in_number = false, in_fraction = false, after_number = false;
  auto literal = [&]() -> std::string& { return in_number || after_number ? p.suffix : p.prefix; };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    if (ch == '"') {
      const std::size_t end = s.find('"', i + 1);
      literal() += s.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1);
      if (end == std::string::npos) break;
      i = end;
    } else if (ch == '\\' && i + 1 < s.size()) {
      literal() += s[++i];
    } else if ((ch == '_' || ch == '*') && i + 1 < s.size()) {
      ++i;  // padding and fill: width, not text
    } else if (ch == '[') {
      const std::size_t end = s.find(']', i);
      if (end == std::string::npos) break;
      ReadBracket(s.substr(i + 1, end - i - 1), &p, &literal());
      i = end;
    } else if (StartsWithNoCase(s, i, "general")) {
      p.general = true;
      i += 6;
    } else if (ch == '@') {
      p.general = true;
    } else if (IsPlaceholder(ch) && !after_number) {
      in_number = true;
      if (in_fraction) {
        ++p.max_fraction;
        if (ch == '0') p.min_fraction = p.max_fraction;
      } else if (ch == '0') {
        ++p.min_integer;
      }
    } else if (ch == '.' && in_number && !in_fraction) {
      in_fraction = true;
    } else if (ch == '.' && !in_number && i + 1 < s.size() && IsPlaceholder(s[i + 1])) {
      in_number = in_fraction = true;  // "#.00" written as ".00"
    } else if (ch == ',' && in_number) {
      if (i + 1 < s.size() && IsPlaceholder(s[i + 1]) && !in_fraction) {
        p.thousands = true;
      } else {
        p.shift -= 3;
      }
    } else if (ch == '%') {
      p.shift += 2;
      if (in_number) after_number = true;
      literal() += '%';
    } else if (ch == 'E' || ch == 'e' || ch == '/' ||
               std::strchr("yYdDhHsSmMbBgG", ch) != nullptr) {
      p.supported = false;  // scientific, fractions, dates and times
    } else {
      if (in_number) after_number = true;
      literal() += ch;
    }
    if (in_number && !IsPlaceholder(ch) && ch != '.' && ch != ',' && ch != '%') after_number = true;
  }
  if (!in_number && !p.general && p.supported) p.general = p.prefix.empty() && p.suffix.empty();
  return p;
}

std::string GroupThousands(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string RenderGeneral(const Decimal& d) {
  return PlainText(RoundSignificant(d, kSignificantDigits));
}

// The digits of a non-negative `d` as `p` lays them out.
std::string RenderDigits(Decimal d, const Pattern& p) {
  d = RoundPlaces(RoundSignificant(Shift(d, p.shift), kSignificantDigits), p.max_fraction);
  std::string integer = IntegerDigits(d);
  if (static_cast<int>(integer.size()) < p.min_integer)
    integer.insert(0, static_cast<std::size_t>(p.min_integer) - integer.size(), '0');
  if (p.thousands) integer = GroupThousands(integer);
  std::string fraction = FractionDigits(d, p.max_fraction);
  while (static_cast<int>(fraction.size()) > p.min_fraction && fraction.back() == '0')
    fraction.pop_back();
  return fraction.empty() && p.max_fraction == 0 ? integer
         : fraction.empty()                      ? integer + "."
                                                 : integer + "." + fraction;
}

}  // namespace

std::string BuiltinFormatCode(int id) {
  switch (id) {
    case 0: return "General";
    case 1: return "0";
    case 2: return "0.00";
    case 3: case 5: case 6: return "#,##0;-#,##0";
    case 4: case 7: case 8: return "#,##0.00;-#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    case 37: case 38: return "#,##0 ;(#,##0)";
    case 39: case 40: return "#,##0.00;(#,##0.00)";
    case 41: case 42: return "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)";
    case 43: case 44: return "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)";
    case 49: return "@";
    default: return "";  // dates, times, fractions, scientific: shown raw
  }
}

std::string DisplayNumber(const std::string& stored, const std::string& format_code) {
  const std::optional<Decimal> value = ParseDecimal(stored);
  if (!value || value->point > kMaxPlainExponent || value->point < -kMaxPlainExponent)
    return stored;
  const std::vector<std::string> sections = SplitSections(format_code);
  std::size_t index = 0;
  if (value->negative && sections.size() >= 2) index = 1;
  if (value->IsZero() && sections.size() >= 3) index = 2;
  const Pattern p = ParsePattern(sections[index]);
  if (!p.supported) return stored;
  // Only the first section shows the sign itself; the others print their own.
  const bool own_sign = index == 0;
  Decimal magnitude = *value;
  magnitude.negative = false;
  if (p.general) return p.prefix + RenderGeneral(own_sign ? *value : magnitude) + p.suffix;
  const std::string digits = RenderDigits(magnitude, p);
  const bool shows_zero = digits.find_first_not_of("0.,") == std::string::npos;
  const bool minus = own_sign && value->negative && !shows_zero;
  return (minus ? "-" : "") + p.prefix + digits + p.suffix;
}

}  // namespace cnbudget::xlsx
