#include "extract/xlsx/decimal_text.h"

#include <algorithm>
#include <cctype>

namespace cnbudget::xlsx {
namespace {

// Drops leading zeros (moving the point) and trailing zeros, so that equal
// values have one representation.
Decimal Trimmed(Decimal d) {
  std::size_t lead = 0;
  while (lead < d.digits.size() && d.digits[lead] == '0') ++lead;
  d.digits.erase(0, lead);
  d.point -= static_cast<int>(lead);
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
  if (d.digits.empty()) d = Decimal{};
  return d;
}

// Keeps the first `keep` digits and rounds half away from zero on the next.
Decimal KeepDigits(Decimal d, int keep) {
  if (keep < 0) return Decimal{};
  if (static_cast<std::size_t>(keep) >= d.digits.size()) return d;
  const bool up = d.digits[static_cast<std::size_t>(keep)] >= '5';
  d.digits.resize(static_cast<std::size_t>(keep));
  if (up) {
    int i = keep - 1;
    for (; i >= 0 && d.digits[static_cast<std::size_t>(i)] == '9'; --i)
      d.digits[static_cast<std::size_t>(i)] = '0';
    if (i >= 0) {
      ++d.digits[static_cast<std::size_t>(i)];
    } else {
      d.digits.insert(d.digits.begin(), '1');  // 9.99 -> 10.0
      ++d.point;
    }
  }
  return Trimmed(d);
}

}  // namespace

std::optional<Decimal> ParseDecimal(const std::string& text) {
  std::size_t i = 0;
  Decimal d;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) d.negative = text[i++] == '-';
  bool any_digit = false, seen_point = false;
  for (; i < text.size(); ++i) {
    const char ch = text[i];
    if (std::isdigit(static_cast<unsigned char>(ch))) {
      d.digits += ch;
      if (!seen_point) ++d.point;
      any_digit = true;
    } else if (ch == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!any_digit) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negative_exp = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative_exp = text[i++] == '-';
    int exp = 0;
    bool exp_digit = false;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
      exp = exp * 10 + (text[i] - '0');
      exp_digit = true;
      if (exp > 400) return std::nullopt;
    }
    if (!exp_digit) return std::nullopt;
    d.point += negative_exp ? -exp : exp;
  }
  if (i != text.size()) return std::nullopt;
  const bool negative = d.negative;
  d = Trimmed(d);
  d.negative = negative && !d.IsZero();
  return d;
}

Decimal Shift(Decimal d, int shift) {
  if (!d.IsZero()) d.point += shift;
  return d;
}

Decimal RoundSignificant(Decimal d, int significant) { return KeepDigits(d, significant); }

Decimal RoundPlaces(Decimal d, int places) {
  const bool negative = d.negative;
  d = KeepDigits(d, d.point + places);
  d.negative = negative && !d.IsZero();
  return d;
}

std::string IntegerDigits(const Decimal& d) {
  if (d.point <= 0) return "";
  std::string out = d.digits.substr(0, static_cast<std::size_t>(d.point));
  out.append(static_cast<std::size_t>(d.point) - out.size(), '0');
  return out;
}

std::string FractionDigits(const Decimal& d, int places) {
  std::string out;
  for (int k = 0; k < places; ++k) {
    const int index = d.point + k;  // digit index of the (k+1)-th fraction digit
    out += index >= 0 && index < static_cast<int>(d.digits.size())
               ? d.digits[static_cast<std::size_t>(index)]
               : '0';
  }
  return out;
}

std::string PlainText(const Decimal& d) {
  if (d.IsZero()) return "0";
  const int places = std::max(0, static_cast<int>(d.digits.size()) - d.point);
  std::string integer = IntegerDigits(d);
  std::string out = d.negative ? "-" : "";
  out += integer.empty() ? "0" : integer;
  if (places > 0) out += "." + FractionDigits(d, places);
  return out;
}

}  // namespace cnbudget::xlsx
