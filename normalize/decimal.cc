#include "normalize/decimal.h"

#include <algorithm>
#include <utility>

namespace cnbudget {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string StripLeadingZeros(std::string s) {
  const size_t first = s.find_first_not_of('0');
  if (first == std::string::npos) return "0";
  s.erase(0, first);
  return s;
}

// Compares two digit strings without leading zeros.
std::strong_ordering CompareMagnitudes(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() <=> b.size();
  const int c = a.compare(b);
  return c <=> 0;
}

std::string AddMagnitudes(const std::string& a, const std::string& b) {
  std::string out;
  int carry = 0;
  for (size_t i = 0; i < std::max(a.size(), b.size()) || carry; ++i) {
    int sum = carry;
    if (i < a.size()) sum += a[a.size() - 1 - i] - '0';
    if (i < b.size()) sum += b[b.size() - 1 - i] - '0';
    out.push_back(static_cast<char>('0' + sum % 10));
    carry = sum / 10;
  }
  std::reverse(out.begin(), out.end());
  return StripLeadingZeros(std::move(out));
}

// REQUIRES: a >= b.
std::string SubtractMagnitudes(const std::string& a, const std::string& b) {
  std::string out;
  int borrow = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    int d = (a[a.size() - 1 - i] - '0') - borrow;
    if (i < b.size()) d -= b[b.size() - 1 - i] - '0';
    borrow = d < 0 ? 1 : 0;
    out.push_back(static_cast<char>('0' + d + 10 * borrow));
  }
  std::reverse(out.begin(), out.end());
  return StripLeadingZeros(std::move(out));
}

}  // namespace

Decimal::Decimal(std::string digits, int scale, bool negative)
    : digits_(StripLeadingZeros(std::move(digits))), scale_(scale) {
  negative_ = negative && digits_ != "0";
}

std::optional<Decimal> Decimal::Parse(std::string_view s) {
  bool negative = false;
  if (!s.empty() && s.front() == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  const size_t point = s.find('.');
  std::string_view integer = s.substr(0, point);
  std::string_view fraction = point == std::string_view::npos ? "" : s.substr(point + 1);
  if (!AllDigits(integer)) return std::nullopt;
  if (point != std::string_view::npos && !AllDigits(fraction)) return std::nullopt;
  return Decimal(std::string(integer) + std::string(fraction), static_cast<int>(fraction.size()),
                 negative);
}

std::string Decimal::DigitsAtScale(int scale) const {
  if (digits_ == "0") return "0";
  return digits_ + std::string(static_cast<size_t>(scale - scale_), '0');
}

Decimal Decimal::operator+(const Decimal& other) const {
  const int scale = std::max(scale_, other.scale_);
  const std::string a = DigitsAtScale(scale);
  const std::string b = other.DigitsAtScale(scale);
  if (negative_ == other.negative_) return Decimal(AddMagnitudes(a, b), scale, negative_);
  if (CompareMagnitudes(a, b) >= 0) return Decimal(SubtractMagnitudes(a, b), scale, negative_);
  return Decimal(SubtractMagnitudes(b, a), scale, other.negative_);
}

Decimal Decimal::operator-() const { return Decimal(digits_, scale_, !negative_); }

Decimal Decimal::operator-(const Decimal& other) const { return *this + (-other); }

std::strong_ordering Decimal::operator<=>(const Decimal& other) const {
  if (negative_ != other.negative_) return negative_ ? std::strong_ordering::less
                                                     : std::strong_ordering::greater;
  const int scale = std::max(scale_, other.scale_);
  const std::strong_ordering magnitude =
      CompareMagnitudes(DigitsAtScale(scale), other.DigitsAtScale(scale));
  return negative_ ? 0 <=> magnitude : magnitude;
}

std::string Decimal::ToString() const { return ToString(scale_); }

std::string Decimal::ToString(int scale) const {
  if (scale < 0) scale = 0;
  std::string digits;
  bool negative = negative_;
  if (scale >= scale_) {
    digits = DigitsAtScale(scale);
  } else {
    // Drop the extra digits, rounding half away from zero.
    const size_t drop = static_cast<size_t>(scale_ - scale);
    std::string padded = std::string(drop + 1, '0') + digits_;
    const bool round_up = padded[padded.size() - drop] >= '5';
    digits = StripLeadingZeros(padded.substr(0, padded.size() - drop));
    if (round_up) digits = AddMagnitudes(digits, "1");
    negative = negative && digits != "0";
  }
  if (static_cast<int>(digits.size()) <= scale) {
    digits.insert(0, static_cast<size_t>(scale) + 1 - digits.size(), '0');
  }
  if (scale > 0) digits.insert(digits.size() - static_cast<size_t>(scale), ".");
  return negative ? "-" + digits : digits;
}

}  // namespace cnbudget
