// Amount: an exact decimal for the arithmetic checks. No floating point.
//
// A minimal stand-in used only inside mapping/ until a shared decimal type
// exists: parse a canonical value string, add, compare, print.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cnbudget {

class Amount {
 public:
  Amount() = default;

  // Parses a canonical decimal ("1229.70", "-3.5", "0"). Returns nullopt for
  // anything else (percentages, text, more than 12 decimals or 24 digits).
  static std::optional<Amount> Parse(std::string_view s);

  Amount operator+(const Amount& o) const;
  Amount operator-(const Amount& o) const;
  bool operator==(const Amount& o) const;  // numeric equality ("1.0" == "1")
  bool operator!=(const Amount& o) const { return !(*this == o); }
  bool IsZero() const { return units_ == 0; }

  // Decimal string with exactly scale() digits after the point.
  std::string ToString() const;
  int scale() const { return scale_; }

 private:
  Amount(__int128 units, int scale) : units_(units), scale_(scale) {}
  static __int128 Pow10(int n);
  Amount Rescaled(int scale) const;  // scale >= scale_

  __int128 units_ = 0;  // value * 10^scale_
  int scale_ = 0;
};

}  // namespace cnbudget
