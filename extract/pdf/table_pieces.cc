#include "extract/pdf/table_pieces.h"

#include <algorithm>
#include <cmath>

namespace cnbudget::pdf {

BBox Union(const BBox& a, const BBox& b) {
  return BBox{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1),
              std::max(a.y1, b.y1)};
}

bool IsCjkCodePoint(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) ||   // radicals, CJK punctuation, kana, ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) ||   // compatibility ideographs
         (cp >= 0xFE30 && cp <= 0xFE4F) ||   // CJK compatibility forms
         (cp >= 0xFF00 && cp <= 0xFFEF) ||   // full-width forms
         (cp >= 0x20000 && cp <= 0x2FA1F);   // extension planes
}

namespace {

// Decodes the code point starting at s[i]; advances i. Invalid bytes decode
// as themselves so that nothing loops forever.
char32_t DecodeAt(const std::string& s, size_t* i) {
  unsigned char c = s[*i];
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  char32_t cp = extra == 3 ? (c & 0x07) : extra == 2 ? (c & 0x0F) : extra == 1 ? (c & 0x1F) : c;
  size_t j = *i + 1;
  for (int k = 0; k < extra && j < s.size(); ++k, ++j) cp = (cp << 6) | (s[j] & 0x3F);
  *i = j;
  return cp;
}

}  // namespace

char32_t LeadingCodePoint(const std::string& s) {
  if (s.empty()) return 0;
  size_t i = 0;
  return DecodeAt(s, &i);
}

char32_t TrailingCodePoint(const std::string& s) {
  if (s.empty()) return 0;
  size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return DecodeAt(s, &start);
}

void AppendWithSpace(std::string* text, const std::string& next) {
  if (next.empty()) return;
  if (!text->empty() && !IsCjkCodePoint(TrailingCodePoint(*text)) &&
      !IsCjkCodePoint(LeadingCodePoint(next)) && text->back() != ' ' && next.front() != ' ') {
    *text += ' ';
  }
  *text += next;
}

bool LooksNumeric(const std::string& text) {
  // A sentence ends with 。 or ，: "占78.37%。" is prose, not an amount.
  char32_t last = TrailingCodePoint(text);
  if (last == 0x3002 || last == 0xFF0C || last == 0x3001) return false;
  bool digit = false;
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp = DecodeAt(text, &i);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
    if (cp >= '0' && cp <= '9') {
      digit = true;
    } else if (cp == ',' || cp == '.' || cp == '-' || cp == '+' || cp == '(' || cp == ')' ||
               cp == '%' || cp == ' ' || cp == 0x3002 || cp == 0x3001 || cp == 0x2212 ||
               cp == 0x3000) {
      // separators and signs
    } else {
      return false;
    }
  }
  return digit;
}

std::vector<Piece> PiecesFromRuns(const PageContent& page) {
  std::vector<Piece> pieces;
  pieces.reserve(page.runs.size());
  for (const TextRun& run : page.runs) {
    if (run.text.empty()) continue;
    Piece p;
    p.text = run.text;
    p.box = run.box;
    p.font_size = run.font_size;
    p.bold = run.bold;
    p.glyphs = run.glyphs;
    if (!run.glyphs.empty() && run.glyphs[0] >= 0 &&
        run.glyphs[0] < static_cast<int>(page.glyphs.size())) {
      p.direction = page.glyphs[run.glyphs[0]].direction;
    }
    pieces.push_back(std::move(p));
  }
  return pieces;
}

Piece PieceFromGlyphs(const PageContent& page, const std::vector<int>& glyphs) {
  Piece p;
  bool first = true;
  bool all_bold = true;
  double last_x1 = 0;
  for (int gi : glyphs) {
    if (gi < 0 || gi >= static_cast<int>(page.glyphs.size())) continue;
    const Glyph& g = page.glyphs[gi];
    if (first) {
      p.box = g.box;
      p.direction = g.direction;
    } else {
      // A visible gap between two non-CJK glyphs is a space.
      double gap = g.box.x0 - last_x1;
      if (gap > 0.25 * std::max(1.0, g.font_size)) AppendWithSpace(&p.text, g.text);
      else p.text += g.text;
      p.box = Union(p.box, g.box);
    }
    if (first) p.text = g.text;
    first = false;
    last_x1 = g.box.x1;
    p.font_size = std::max(p.font_size, g.font_size);
    p.glyphs.push_back(gi);
    all_bold = all_bold && g.bold;
  }
  p.bold = !first && all_bold;
  while (!p.text.empty() && p.text.back() == ' ') p.text.pop_back();
  while (!p.text.empty() && p.text.front() == ' ') p.text.erase(0, 1);
  return p;
}

std::vector<VisualLine> GroupIntoLines(std::vector<Piece> pieces) {
  std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) {
    return CenterY(a.box) < CenterY(b.box);
  });
  std::vector<VisualLine> lines;
  for (Piece& p : pieces) {
    // Join the last line whose vertical extent overlaps enough; lines are
    // built top-down, so only the last few can match.
    VisualLine* target = nullptr;
    for (size_t k = lines.size(); k > 0 && k + 3 > lines.size(); --k) {
      VisualLine& l = lines[k - 1];
      double overlap = std::min(l.box.y1, p.box.y1) - std::max(l.box.y0, p.box.y0);
      double smaller = std::min(Height(l.box), Height(p.box));
      if (smaller > 0 && overlap > 0.5 * smaller) {
        target = &l;
        break;
      }
    }
    if (target == nullptr) {
      lines.emplace_back();
      target = &lines.back();
      target->box = p.box;
    } else {
      target->box = Union(target->box, p.box);
    }
    target->font_size = std::max(target->font_size, p.font_size);
    target->pieces.push_back(std::move(p));
  }
  for (VisualLine& l : lines) {
    std::sort(l.pieces.begin(), l.pieces.end(),
              [](const Piece& a, const Piece& b) { return a.box.x0 < b.box.x0; });
  }
  std::sort(lines.begin(), lines.end(), [](const VisualLine& a, const VisualLine& b) {
    return CenterY(a.box) < CenterY(b.box);
  });
  return lines;
}

std::string LineText(const VisualLine& line) {
  std::string text;
  for (const Piece& p : line.pieces) AppendWithSpace(&text, p.text);
  return text;
}

namespace {

bool NumericJunction(const Piece& a, const Piece& b) {
  return LooksNumeric(a.text) && LooksNumeric(b.text);
}

}  // namespace

void MergeClosePieces(VisualLine* line, double numeric_gap, double text_gap) {
  std::vector<Piece> merged;
  for (Piece& p : line->pieces) {
    if (!merged.empty()) {
      Piece& last = merged.back();
      double fs = std::max(1.0, std::max(last.font_size, p.font_size));
      double gap = p.box.x0 - last.box.x1;
      double limit = NumericJunction(last, p) ? numeric_gap : text_gap;
      // A line's box grows with every piece it takes, so it can hold the
      // stacked lines of a wrapped text in a narrow column: pieces that do
      // not share a baseline are not one text, however close in x.
      double overlap = std::min(last.box.y1, p.box.y1) - std::max(last.box.y0, p.box.y0);
      bool same_baseline = overlap > 0.5 * std::min(Height(last.box), Height(p.box));
      if (gap < limit * fs && same_baseline) {
        AppendWithSpace(&last.text, p.text);
        last.box = Union(last.box, p.box);
        last.bold = last.bold && p.bold;
        last.font_size = std::max(last.font_size, p.font_size);
        last.glyphs.insert(last.glyphs.end(), p.glyphs.begin(), p.glyphs.end());
        continue;
      }
    }
    merged.push_back(std::move(p));
  }
  line->pieces = std::move(merged);
}

namespace {

// An amount too wide for its column wraps ("833.2" over "9"): all lines are
// numeric and together they hold exactly one decimal mark. Integers on
// several lines ("776" over "478") are as likely the amounts of several rows
// as one wrapped amount: they keep their line breaks, so that nobody reads
// them as one number.
bool IsWrappedNumber(const std::vector<VisualLine>& lines) {
  if (lines.size() < 2) return false;
  int marks = 0;
  for (const VisualLine& l : lines) {
    std::string t = LineText(l);
    if (!LooksNumeric(t)) return false;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '.') ++marks;
      if (t.compare(i, 3, "\xEF\xBC\x8E") == 0 || t.compare(i, 3, "\xE3\x80\x82") == 0) ++marks;
    }
  }
  return marks == 1;
}

}  // namespace

std::string CellText(const std::vector<VisualLine>& lines) {
  std::string text;
  if (IsWrappedNumber(lines)) {
    for (const VisualLine& l : lines) text += LineText(l);
    return text;
  }
  for (const VisualLine& l : lines) {
    if (!text.empty()) text += '\n';
    text += LineText(l);
  }
  return text;
}

bool AllBold(const std::vector<VisualLine>& lines) {
  bool any = false;
  for (const VisualLine& l : lines) {
    for (const Piece& p : l.pieces) {
      if (!p.bold) return false;
      any = true;
    }
  }
  return any;
}

}  // namespace cnbudget::pdf
