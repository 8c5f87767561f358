// Exact decimal arithmetic on the text of a stored cell value.
//
// A worksheet stores a number as the shortest decimal text that round-trips
// its binary double ("1229.7", "1528.7499999999998", "1E-3"). Displaying it
// as a number format says (two decimals, thousands) must not go through a
// double again: every step here works on the digit string, so the displayed
// text is exactly what the stored text rounds to.
#pragma once

#include <optional>
#include <string>

namespace cnbudget::xlsx {

// A finite decimal: (-1)^negative * 0.digits... placed by `point`.
// `digits` has no leading zeros ("" means zero); the value is
// digits * 10^(point - digits.size()).
struct Decimal {
  bool negative = false;
  std::string digits;
  int point = 0;  // position of the decimal point counted from the left of `digits`

  bool IsZero() const { return digits.empty(); }
};

// Parses "-12.50", "1E-3", "+4.2e+02", ".5". Nullopt for anything else
// (empty, "NaN", "1,000", exponents beyond +-400).
std::optional<Decimal> ParseDecimal(const std::string& text);

// Multiplies by 10^shift (percent: 2; a trailing ',' scale: -3).
Decimal Shift(Decimal d, int shift);

// Rounds half away from zero to `significant` significant digits (Excel keeps
// 15: "1528.7499999999998" -> 1528.75).
Decimal RoundSignificant(Decimal d, int significant);

// Rounds half away from zero to `places` digits after the point.
Decimal RoundPlaces(Decimal d, int places);

// The integer part's digits ("0" -> "", 12.5 -> "12") and the fraction
// digits padded or cut to `places` (call RoundPlaces first).
std::string IntegerDigits(const Decimal& d);
std::string FractionDigits(const Decimal& d, int places);

// Plain decimal text with no exponent and no trailing fraction zeros
// ("1528.75", "-0.001", "0").
std::string PlainText(const Decimal& d);

}  // namespace cnbudget::xlsx
