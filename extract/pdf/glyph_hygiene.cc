#include "extract/pdf/glyph_hygiene.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <unordered_map>

namespace cnbudget::pdf {

bool IsCjk(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) ||   // radicals, CJK punctuation, kana, ideographs
         (cp >= 0xAC00 && cp <= 0xD7AF) ||   // hangul
         (cp >= 0xF900 && cp <= 0xFAFF) ||   // compatibility ideographs
         (cp >= 0xFE30 && cp <= 0xFE4F) ||   // CJK compatibility forms
         (cp >= 0xFF00 && cp <= 0xFFEF) ||   // fullwidth forms
         (cp >= 0x20000 && cp <= 0x3FFFF);   // extension planes
}

bool IsWhitespace(char32_t cp) {
  return cp == 0x20 || cp == 0x09 || cp == 0x0A || cp == 0x0D || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
         cp == 0xFEFF;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
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

namespace {

// Decodes the code point starting at s[i]; tolerant of bad UTF-8 (we wrote it).
char32_t DecodeAt(const std::string& s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(k < s.size() ? s[k] : 0); };
  unsigned char c = b(i);
  if (c < 0x80) return c;
  if ((c & 0xE0) == 0xC0) return ((c & 0x1F) << 6) | (b(i + 1) & 0x3F);
  if ((c & 0xF0) == 0xE0) return ((c & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F);
  return ((c & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) | ((b(i + 2) & 0x3F) << 6) |
         (b(i + 3) & 0x3F);
}

}  // namespace

char32_t Utf8FirstCodePoint(const std::string& utf8) {
  return utf8.empty() ? 0 : DecodeAt(utf8, 0);
}

char32_t Utf8LastCodePoint(const std::string& utf8) {
  if (utf8.empty()) return 0;
  size_t i = utf8.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) --i;
  return DecodeAt(utf8, i);
}

namespace {

// Spatial hash cell for the duplicate search; offsets beyond it are not
// considered duplicates (15% of a 26 pt font).
constexpr double kDupCell = 4.0;
constexpr double kDupFraction = 0.15;

struct CellKey {
  size_t text_hash;
  int64_t qx, qy;
  bool operator==(const CellKey&) const = default;
};

// The hash cell of a coordinate. The reader drops glyphs off the page and
// pages with absurd boxes, but a float-to-integer conversion of a value out
// of range is undefined behaviour, so the range is checked here too: every
// coordinate past +-1e12 pt (or NaN) shares the outermost cell.
int64_t CellIndex(double coordinate) {
  constexpr double kLimit = 1e12;
  const double cell = std::floor(coordinate / kDupCell);
  if (!(cell > -kLimit)) return static_cast<int64_t>(-kLimit);
  if (!(cell < kLimit)) return static_cast<int64_t>(kLimit);
  return static_cast<int64_t>(cell);
}

struct CellKeyHash {
  size_t operator()(const CellKey& k) const {
    return k.text_hash ^ (std::hash<int64_t>()(k.qx) * 31) ^ (std::hash<int64_t>()(k.qy) * 1000003);
  }
};

bool IsDuplicateOf(const PlacedGlyph& later, const PlacedGlyph& first) {
  const Glyph& a = later.glyph;
  const Glyph& b = first.glyph;
  if (a.direction != b.direction || a.text != b.text) return false;
  double tol = std::min(kDupCell, kDupFraction * std::max(a.font_size, b.font_size));
  return std::fabs(a.box.x0 - b.box.x0) < tol && std::fabs(a.box.y0 - b.box.y0) < tol;
}

}  // namespace

void DropFakeBoldDuplicates(std::vector<PlacedGlyph>* glyphs) {
  std::unordered_map<CellKey, std::vector<size_t>, CellKeyHash> cells;
  cells.reserve(glyphs->size());
  std::vector<bool> drop(glyphs->size(), false);
  std::hash<std::string> hasher;
  for (size_t i = 0; i < glyphs->size(); ++i) {
    PlacedGlyph& g = (*glyphs)[i];
    if (g.space) continue;
    size_t h = hasher(g.glyph.text);
    int64_t qx = CellIndex(g.glyph.box.x0);
    int64_t qy = CellIndex(g.glyph.box.y0);
    bool duplicate = false;
    for (int64_t dx = -1; dx <= 1 && !duplicate; ++dx) {
      for (int64_t dy = -1; dy <= 1 && !duplicate; ++dy) {
        auto it = cells.find(CellKey{h, qx + dx, qy + dy});
        if (it == cells.end()) continue;
        for (size_t j : it->second) {
          if (IsDuplicateOf(g, (*glyphs)[j])) {
            (*glyphs)[j].glyph.bold = true;
            duplicate = true;
            break;
          }
        }
      }
    }
    if (duplicate) {
      drop[i] = true;
    } else {
      cells[CellKey{h, qx, qy}].push_back(i);
    }
  }
  size_t out = 0;
  for (size_t i = 0; i < glyphs->size(); ++i) {
    if (drop[i]) continue;
    if (out != i) (*glyphs)[out] = std::move((*glyphs)[i]);
    ++out;
  }
  glyphs->resize(out);
}

}  // namespace cnbudget::pdf
