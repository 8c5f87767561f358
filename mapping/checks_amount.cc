#include "mapping/checks_amount.h"

#include <algorithm>

namespace cnbudget {

__int128 Amount::Pow10(int n) {
  __int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

std::optional<Amount> Amount::Parse(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  __int128 units = 0;
  int digits = 0, scale = 0;
  bool seen_point = false;
  for (char ch : s) {
    if (ch == '.') {
      if (seen_point) return std::nullopt;
      seen_point = true;
      continue;
    }
    if (ch < '0' || ch > '9') return std::nullopt;
    if (++digits > 24) return std::nullopt;
    units = units * 10 + (ch - '0');
    if (seen_point) ++scale;
  }
  if (digits == 0 || scale > 12) return std::nullopt;
  return Amount(negative ? -units : units, scale);
}

Amount Amount::Rescaled(int scale) const {
  return Amount(units_ * Pow10(scale - scale_), scale);
}

Amount Amount::operator+(const Amount& o) const {
  int s = std::max(scale_, o.scale_);
  return Amount(Rescaled(s).units_ + o.Rescaled(s).units_, s);
}

Amount Amount::operator-(const Amount& o) const {
  int s = std::max(scale_, o.scale_);
  return Amount(Rescaled(s).units_ - o.Rescaled(s).units_, s);
}

bool Amount::operator==(const Amount& o) const {
  int s = std::max(scale_, o.scale_);
  return Rescaled(s).units_ == o.Rescaled(s).units_;
}

std::string Amount::ToString() const {
  __int128 u = units_ < 0 ? -units_ : units_;
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  } while (u > 0);
  while (static_cast<int>(digits.size()) <= scale_) digits.push_back('0');
  std::reverse(digits.begin(), digits.end());
  if (scale_ > 0) digits.insert(digits.end() - scale_, '.');
  return units_ < 0 ? "-" + digits : digits;
}

}  // namespace cnbudget
