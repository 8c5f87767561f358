#include "mapping/text_match.h"

#include <re2/re2.h>

#include <vector>

namespace cnbudget::mapping {
namespace {

// Decodes one UTF-8 code point at s[i], advancing i. Invalid bytes decode
// as themselves so that nothing is lost.
char32_t NextCodePoint(std::string_view s, size_t& i) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
  if (i + len > s.size()) len = 1;
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF ||
         cp == 0x202F || cp == 0x205F;
}

}  // namespace

std::string Squash(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp = NextCodePoint(s, i);
    if (IsSpace(cp)) continue;
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
    AppendUtf8(out, cp);
  }
  return out;
}

int CodePoints(std::string_view s) {
  int n = 0;
  for (char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

bool IsAmountLike(std::string_view squashed) {
  static const RE2 kAmount(R"(^[-−－(]?[0-9][0-9,.。，]*\)?%?$)");
  static const RE2 kDash(R"(^(-|—|–|/|－|——|\\)$)");
  return RE2::FullMatch(squashed, kAmount) || RE2::FullMatch(squashed, kDash);
}

std::optional<int> ParseSmallNumber(std::string_view s) {
  if (s.empty()) return std::nullopt;
  bool digits = true;
  for (char ch : s) digits = digits && ch >= '0' && ch <= '9';
  if (digits) {
    if (s.size() > 4) return std::nullopt;
    return std::stoi(std::string(s));
  }
  static const std::string_view kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  auto digit = [&](std::string_view d) -> int {
    for (int k = 0; k < 10; ++k)
      if (d == kDigits[k]) return k;
    return -1;
  };
  // Every CJK numeral is 3 bytes in UTF-8.
  if (s.size() % 3 != 0 || s.size() > 9) return std::nullopt;
  std::vector<std::string_view> parts;
  for (size_t i = 0; i < s.size(); i += 3) parts.push_back(s.substr(i, 3));
  int ten = -1;
  for (size_t k = 0; k < parts.size(); ++k)
    if (parts[k] == "十") ten = static_cast<int>(k);
  if (ten < 0) {
    if (parts.size() != 1 || digit(parts[0]) < 0) return std::nullopt;
    return digit(parts[0]);
  }
  int tens = 1, ones = 0;
  if (ten == 1) tens = digit(parts[0]);
  else if (ten != 0) return std::nullopt;
  if (static_cast<size_t>(ten) + 1 < parts.size()) {
    if (static_cast<size_t>(ten) + 2 != parts.size()) return std::nullopt;
    ones = digit(parts[ten + 1]);
  }
  if (tens < 0 || ones < 0) return std::nullopt;
  return tens * 10 + ones;
}

}  // namespace cnbudget::mapping
