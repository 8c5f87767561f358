// NormalizeText and IsCjk: rules 1-4 of normalize.h.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <string>
#include <string_view>

#include "normalize/cjk_radicals.h"
#include "normalize/normalize.h"

namespace cnbudget {
namespace {

std::u32string DecodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

const icu::Normalizer2* NfkcInstance() {
  // ICU owns the singleton; fetching it once keeps the hot path lock-free.
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

// Radical table, then NFKC. Without ICU data (never expected) the text is
// returned with only the radicals mapped rather than failing.
std::u32string FoldCompatibilityForms(std::u32string cps) {
  for (char32_t& cp : cps) {
    if (char32_t ideograph = internal::RadicalToIdeograph(cp)) cp = ideograph;
  }
  const icu::Normalizer2* nfkc = NfkcInstance();
  if (nfkc == nullptr) return cps;
  icu::UnicodeString src = icu::UnicodeString::fromUTF32(
      reinterpret_cast<const UChar32*>(cps.data()), static_cast<int32_t>(cps.size()));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString dst = nfkc->normalize(src, status);
  if (U_FAILURE(status)) return cps;
  std::u32string out;
  out.reserve(static_cast<size_t>(dst.length()));
  for (int32_t i = 0; i < dst.length();) {
    UChar32 c = dst.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Invisible characters that only get in the way of matching.
bool IsIgnorable(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xAD ||
         (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

// Punctuation that Chinese typesetting sets without spaces around it.
bool HugsCjk(char32_t cp) {
  switch (cp) {
    case '.': case ',': case ':': case ';': case '!': case '?':
    case '(': case ')': case '[': case ']':
    case 0x2018: case 0x2019: case 0x201C: case 0x201D:
      return true;
    default:
      return false;
  }
}

// "、", "《", "」"...: full-width marks that carry their own spacing.
bool IsCjkPunctuation(char32_t cp) {
  return cp >= 0x3001 && cp <= 0x303F && !(cp >= 0x3005 && cp <= 0x3007);
}

bool DropSpaceBetween(char32_t before, char32_t after) {
  if (IsCjkPunctuation(before) || IsCjkPunctuation(after)) return true;
  if (IsCjk(before)) return IsCjk(after) || HugsCjk(after);
  return HugsCjk(before) && IsCjk(after);
}

// Trims, collapses white space and drops the spaces rule 4 removes.
std::string CollapseSpaces(const std::u32string& cps) {
  std::string out;
  out.reserve(cps.size());
  char32_t last = 0;           // last code point written (0: none yet)
  bool pending_space = false;  // white space seen since `last`
  for (char32_t cp : cps) {
    if (IsSpace(cp)) {
      pending_space = last != 0;
      continue;
    }
    if (IsIgnorable(cp)) continue;
    if (pending_space && !DropSpaceBetween(last, cp)) out.push_back(' ');
    pending_space = false;
    AppendUtf8(cp, &out);
    last = cp;
  }
  return out;
}

}  // namespace

bool IsCjk(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x2FDF) ||    // radicals supplement, Kangxi
         (cp >= 0x2FF0 && cp <= 0x2FFF) ||    // ideographic description
         (cp >= 0x3001 && cp <= 0x303F) ||    // CJK symbols and punctuation
         (cp >= 0x3040 && cp <= 0x30FF) ||    // hiragana, katakana
         (cp >= 0x3100 && cp <= 0x312F) ||    // bopomofo
         (cp >= 0x31A0 && cp <= 0x31FF) ||    // bopomofo ext, strokes, kana ext
         (cp >= 0x3200 && cp <= 0x33FF) ||    // enclosed CJK, compatibility
         (cp >= 0x3400 && cp <= 0x4DBF) ||    // extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||    // unified ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // compatibility ideographs
         (cp >= 0xFE30 && cp <= 0xFE4F) ||    // compatibility forms
         (cp >= 0xFF00 && cp <= 0xFFEF) ||    // half/full-width forms
         (cp >= 0x20000 && cp <= 0x3134F);    // extensions B-G, compat supp.
}

std::string NormalizeText(std::string_view raw) {
  std::u32string cps = DecodeUtf8(raw);
  bool ascii = true;
  for (char32_t cp : cps) ascii = ascii && cp < 0x80;
  if (!ascii) {
    // Invisible characters go before NFKC so that what they separated
    // composes now rather than on a second pass (keeps this idempotent).
    std::erase_if(cps, [](char32_t cp) { return !IsSpace(cp) && IsIgnorable(cp); });
    cps = FoldCompatibilityForms(std::move(cps));
  }
  return CollapseSpaces(cps);
}

}  // namespace cnbudget
