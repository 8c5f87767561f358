#include "extract/pdf/glyph_runs.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "extract/pdf/glyph_hygiene.h"

namespace cnbudget::pdf {
namespace {

struct Item {
  int index;   // into glyphs or spaces
  bool space;
  const PlacedGlyph* g;
};

bool IsDigit(char32_t cp) { return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19); }

bool IsNumberSeparator(char32_t cp) {
  return cp == ',' || cp == '.' || cp == 0xFF0C || cp == 0xFF0E || cp == 0x3002;
}

// `before_last`, `last`: the run's last two code points; `next`: the candidate.
bool IsNumberGlue(char32_t before_last, char32_t last, char32_t next) {
  if (IsNumberSeparator(last)) return IsDigit(before_last) && IsDigit(next);
  return IsDigit(last) && IsNumberSeparator(next);
}

// Answers "is there a ruling between these two glyphs of one line?".
class RulingIndex {
 public:
  explicit RulingIndex(const std::vector<Ruling>& rulings) {
    for (const Ruling& r : rulings) (r.horizontal() ? horizontal_ : vertical_).push_back(r);
    std::sort(vertical_.begin(), vertical_.end(),
              [](const Ruling& a, const Ruling& b) { return a.x0 < b.x0; });
    std::sort(horizontal_.begin(), horizontal_.end(),
              [](const Ruling& a, const Ruling& b) { return a.y0 < b.y0; });
  }

  // True when a ruling runs between the centres of `a` and `b` and crosses
  // the line they sit on. Horizontal text is split by vertical rulings and
  // vertical text by horizontal ones.
  bool Separates(const Glyph& a, const Glyph& b) const {
    double ax = (a.box.x0 + a.box.x1) / 2, ay = (a.box.y0 + a.box.y1) / 2;
    double bx = (b.box.x0 + b.box.x1) / 2, by = (b.box.y0 + b.box.y1) / 2;
    bool vertical_text = a.direction == 90 || a.direction == 270;
    if (!vertical_text) return Crosses(vertical_, std::min(ax, bx), std::max(ax, bx), (ay + by) / 2, true);
    return Crosses(horizontal_, std::min(ay, by), std::max(ay, by), (ax + bx) / 2, false);
  }

 private:
  // Rulings sorted by position `pos` (x for vertical, y for horizontal) with
  // lo < pos < hi whose extent covers `across`.
  static bool Crosses(const std::vector<Ruling>& sorted, double lo, double hi, double across,
                      bool vertical) {
    auto pos = [vertical](const Ruling& r) { return vertical ? r.x0 : r.y0; };
    auto it = std::upper_bound(sorted.begin(), sorted.end(), lo,
                               [&](double v, const Ruling& r) { return v < pos(r); });
    for (; it != sorted.end() && pos(*it) < hi; ++it) {
      double from = vertical ? it->y0 : it->x0, to = vertical ? it->y1 : it->x1;
      if (from <= across && across <= to) return true;
    }
    return false;
  }

  std::vector<Ruling> vertical_, horizontal_;
};

class RunBuilder {
 public:
  RunBuilder(const std::vector<PlacedGlyph>& glyphs, const RulingIndex& rulings)
      : glyphs_(glyphs), rulings_(rulings) {}

  void AddSpace() { pending_space_ = !current_.glyphs.empty(); }

  void AddGlyph(int index) {
    const PlacedGlyph& g = glyphs_[index];
    if (current_.glyphs.empty()) {
      Start(index);
      return;
    }
    const PlacedGlyph& last = glyphs_[current_.glyphs.back()];
    double em = std::max(last.glyph.font_size, g.glyph.font_size);
    double gap = g.along0 - last.along1;
    char32_t last_cp = Utf8LastCodePoint(current_.text);
    char32_t next_cp = Utf8FirstCodePoint(g.glyph.text);
    bool glue = IsNumberGlue(before_last_, last_cp, next_cp) && gap < kNumberGlueGap * em;
    double join_gap = (pending_space_ ? kSpacedJoinGap : kJoinGap) * em;
    bool join = (glue || gap < join_gap) && !rulings_.Separates(last.glyph, g.glyph);
    if (!join) {
      Flush();
      Start(index);
      return;
    }
    bool word_gap = gap > kSpaceGap * em && !IsCjk(last_cp) && !IsCjk(next_cp);
    if (!glue && (pending_space_ || word_gap)) {
      current_.text.push_back(' ');
    }
    Append(index);
  }

  void Flush() {
    if (!current_.glyphs.empty()) runs_.push_back(std::move(current_));
    current_ = TextRun();
    pending_space_ = false;
  }

  std::vector<TextRun> Take() {
    Flush();
    return std::move(runs_);
  }

 private:
  void Start(int index) {
    const Glyph& g = glyphs_[index].glyph;
    current_ = TextRun();
    current_.box = g.box;
    current_.bold = g.bold;
    current_.font_size = g.font_size;
    current_.direction = g.direction;
    before_last_ = 0;
    current_.text = g.text;
    current_.glyphs.push_back(index);
    pending_space_ = false;
  }

  void Append(int index) {
    const Glyph& g = glyphs_[index].glyph;
    before_last_ = Utf8LastCodePoint(current_.text);
    current_.text += g.text;
    current_.glyphs.push_back(index);
    current_.box.x0 = std::min(current_.box.x0, g.box.x0);
    current_.box.y0 = std::min(current_.box.y0, g.box.y0);
    current_.box.x1 = std::max(current_.box.x1, g.box.x1);
    current_.box.y1 = std::max(current_.box.y1, g.box.y1);
    current_.bold = current_.bold && g.bold;
    current_.font_size = std::max(current_.font_size, g.font_size);
    pending_space_ = false;
  }

  const std::vector<PlacedGlyph>& glyphs_;
  const RulingIndex& rulings_;
  std::vector<TextRun> runs_;
  TextRun current_;
  char32_t before_last_ = 0;
  bool pending_space_ = false;
};

// Sorts runs into rows (runs whose vertical centre falls inside the first
// run's extent), rows top-to-bottom, runs in a row left-to-right.
void SortReadingOrder(std::vector<TextRun>* runs) {
  std::sort(runs->begin(), runs->end(), [](const TextRun& a, const TextRun& b) {
    return std::tie(a.box.y0, a.box.x0) < std::tie(b.box.y0, b.box.x0);
  });
  size_t row_start = 0;
  while (row_start < runs->size()) {
    const BBox& first = (*runs)[row_start].box;
    size_t row_end = row_start + 1;
    while (row_end < runs->size()) {
      const BBox& b = (*runs)[row_end].box;
      double center = (b.y0 + b.y1) / 2;
      if (center > first.y1) break;
      ++row_end;
    }
    std::stable_sort(runs->begin() + row_start, runs->begin() + row_end,
                     [](const TextRun& a, const TextRun& b) { return a.box.x0 < b.box.x0; });
    row_start = row_end;
  }
}

}  // namespace

std::vector<TextRun> BuildTextRuns(const std::vector<PlacedGlyph>& glyphs,
                                   const std::vector<PlacedGlyph>& spaces,
                                   const std::vector<Ruling>& rulings) {
  std::vector<Item> items;
  items.reserve(glyphs.size() + spaces.size());
  for (size_t i = 0; i < glyphs.size(); ++i) items.push_back({static_cast<int>(i), false, &glyphs[i]});
  for (size_t i = 0; i < spaces.size(); ++i) items.push_back({static_cast<int>(i), true, &spaces[i]});
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return std::make_tuple(a.g->glyph.direction, a.g->base, a.g->along0) <
           std::make_tuple(b.g->glyph.direction, b.g->base, b.g->along0);
  });

  RulingIndex ruling_index(rulings);
  RunBuilder builder(glyphs, ruling_index);
  size_t line_start = 0;
  while (line_start < items.size()) {
    const PlacedGlyph& first = *items[line_start].g;
    double tolerance = std::max(0.5, kLineTolerance * first.glyph.font_size);
    size_t line_end = line_start + 1;
    while (line_end < items.size() && items[line_end].g->glyph.direction == first.glyph.direction &&
           items[line_end].g->base - first.base <= tolerance) {
      ++line_end;
    }
    std::stable_sort(items.begin() + line_start, items.begin() + line_end,
                     [](const Item& a, const Item& b) { return a.g->along0 < b.g->along0; });
    for (size_t i = line_start; i < line_end; ++i) {
      if (items[i].space) {
        builder.AddSpace();
      } else {
        builder.AddGlyph(items[i].index);
      }
    }
    builder.Flush();
    line_start = line_end;
  }
  std::vector<TextRun> runs = builder.Take();
  SortReadingOrder(&runs);
  return runs;
}

}  // namespace cnbudget::pdf
