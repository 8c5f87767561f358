// Decimal: an exact, arbitrary-precision signed decimal number.
//
// For the arithmetic checks (a parent row equals the sum of its children).
// The value is an unscaled magnitude held as a digit string plus a scale
// (digits after the point), so "1229.70" is 122970 at scale 2. No floating
// point anywhere. Values are immutable; all functions are thread-safe.
//
//   Decimal a = *Decimal::Parse("1229.70");
//   Decimal b = *Decimal::Parse("-0.005");
//   (a + b).ToString()   == "1229.695"   // scale = max of the operands
//   (a + b).ToString(2)  == "1229.70"    // rounded half away from zero
//   a == *Decimal::Parse("1229.7")       // compares values, not scales
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace cnbudget {

class Decimal {
 public:
  // Zero at scale 0.
  Decimal() = default;

  // Parses a canonical decimal: optional "-", digits, optionally "." and at
  // least one digit ("0", "-3.50", "007.1"). No "%", no separators, no
  // spaces; nullopt otherwise. Use NormalizeCell first for document text.
  static std::optional<Decimal> Parse(std::string_view s);

  // Digits after the point, as parsed or as the wider operand of a sum.
  int scale() const { return scale_; }
  bool is_zero() const { return digits_ == "0"; }
  bool is_negative() const { return negative_; }

  // Exact: the result's scale is the larger of the two scales.
  Decimal operator+(const Decimal& other) const;
  Decimal operator-(const Decimal& other) const;
  Decimal operator-() const;

  // By value: 1.5 == 1.50.
  std::strong_ordering operator<=>(const Decimal& other) const;
  bool operator==(const Decimal& other) const { return (*this <=> other) == 0; }

  // "-12.50" with exactly scale() digits after the point (none when 0).
  std::string ToString() const;
  // With exactly `scale` digits after the point (scale >= 0): pads with
  // zeros, or rounds half away from zero when dropping digits.
  std::string ToString(int scale) const;

 private:
  Decimal(std::string digits, int scale, bool negative);

  // Magnitude padded with zeros to `scale` (>= scale_).
  std::string DigitsAtScale(int scale) const;

  std::string digits_ = "0";  // unscaled magnitude, no leading zeros
  int scale_ = 0;
  bool negative_ = false;     // never true for zero
};

}  // namespace cnbudget
