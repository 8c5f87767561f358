// Contract: for any bytes, NormalizeText returns valid UTF-8 on one line
// with no white space at either end, and normalizing its result again
// changes nothing; NormalizeCell's value, when set, is a canonical decimal
// ("-"? digits ("." digits)? "%"?) that ParseDecimal maps to itself, and it
// never comes with an ambiguity. Inputs over 4 KiB are skipped: cells are
// short.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "normalize/normalize.h"

namespace {

void Require(bool ok) {
  if (!ok) std::abort();
}

// Strict UTF-8: shortest forms only, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    char32_t cp = len == 1 ? b : b & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
      const unsigned char c = static_cast<unsigned char>(s[i + k]);
      if ((c >> 6) != 0x2) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    static const char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

bool IsOneTrimmedLine(std::string_view s) {
  if (s.find_first_of("\n\r\t") != std::string_view::npos) return false;
  return s.empty() || (s.front() != ' ' && s.back() != ' ');
}

bool IsCanonicalDecimal(std::string_view v) {
  if (!v.empty() && v.front() == '-') v.remove_prefix(1);
  if (!v.empty() && v.back() == '%') v.remove_suffix(1);
  const std::size_t dot = v.find('.');
  const std::string_view whole = v.substr(0, dot);
  auto digits = [](std::string_view d) {
    return !d.empty() && d.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (!digits(whole) || (whole.size() > 1 && whole.front() == '0')) return false;
  return dot == std::string_view::npos || digits(v.substr(dot + 1));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::size_t kMaxInput = 4 << 10;
  if (size > kMaxInput) return 0;
  const std::string_view raw(reinterpret_cast<const char*>(data), size);

  const std::string text = cnbudget::NormalizeText(raw);
  Require(IsValidUtf8(text));
  Require(IsOneTrimmedLine(text));
  Require(cnbudget::NormalizeText(text) == text);

  const cnbudget::NormalizedCell cell = cnbudget::NormalizeCell(raw);
  Require(cell.text.empty() == text.empty());
  if (cell.value) {
    Require(!cell.ambiguity);
    Require(IsCanonicalDecimal(*cell.value));
    Require(cnbudget::ParseDecimal(*cell.value) == cell.value);
  }
  return 0;
}
