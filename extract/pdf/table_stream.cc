#include "extract/pdf/table_stream.h"

#include <algorithm>
#include <map>

#include "extract/pdf/table_form.h"
#include "extract/pdf/table_header.h"
#include "extract/pdf/table_page.h"

namespace cnbudget::pdf {

namespace {

// Gaps (in font sizes) under which neighbouring pieces of a line are one
// segment: amounts drawn glyph by glyph, letter-spaced CJK text.
constexpr double kNumericGap = 0.45;
constexpr double kTextGap = 0.45;

std::string Compact(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool Contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

// "1." / "2、": the number of a list item, not an amount.
bool IsListMarker(const std::string& t) {
  size_t digits = 0;
  while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2) return false;
  std::string rest = t.substr(digits);
  return rest == "." || rest == "\xE3\x80\x81" /* 、 */ || rest == "\xEF\xBC\x8E" /* ． */;
}

bool IsStrong(const VisualLine& line) {
  return line.pieces.size() >= 2 && NumericSegments(line) >= 1;
}

double FontOf(const VisualLine& line) { return std::max(1.0, line.font_size); }

struct Region {
  std::vector<VisualLine> header, body;
  std::vector<Ruling> header_rules;  // short rules inside the header (three-line tables)
  bool ruled = false;                // bounded by long rules
  bool under_title = false;          // right below a table title (forms have few amounts), or an empty table under a caption
  bool form = false;                 // a form: no header, every line is a row (LooksLikeForm)
  bool empty = false;                // header and a 合计 row only: the header gives the columns
};

// Horizontal rules long enough to bound a table.
std::vector<Ruling> LongRules(const std::vector<Ruling>& rulings) {
  std::vector<Ruling> out;
  for (const Ruling& r : rulings)
    if (r.horizontal() && r.x1 - r.x0 >= 100) out.push_back(r);
  std::sort(out.begin(), out.end(), [](const Ruling& a, const Ruling& b) { return a.y0 < b.y0; });
  return out;
}

// Vertical bands [y0, y1] bounded by aligned long rules with text between
// them: the frame of a three-line table.
// Vertical spans [y0, y1] bounded by aligned long rules: the frames of
// three-line tables. A caption line between two rules separates two tables.
struct Frame {
  BBox box;
  std::vector<double> rule_ys;  // the aligned rules, top to bottom
};

bool IsTableTitle(const VisualLine& line);

std::vector<Frame> RuledFrames(const std::vector<Ruling>& rules, const std::vector<VisualLine>& lines) {
  // A caption or a table title between two rules: the rule above it ends one
  // table, the one below starts the next.
  auto caption_between = [&](double y0, double y1) {
    for (const VisualLine& l : lines)
      if (CenterY(l.box) > y0 && CenterY(l.box) < y1 && (IsCaptionLine(l) || IsTableTitle(l)))
        return true;
    return false;
  };
  std::vector<Frame> frames;
  std::vector<bool> used(rules.size(), false);
  for (size_t i = 0; i < rules.size(); ++i) {
    if (used[i]) continue;
    Frame f;
    BBox& frame = f.box;
    frame = BBox{rules[i].x0, rules[i].y0, rules[i].x1, rules[i].y0};
    f.rule_ys.push_back(rules[i].y0);
    for (size_t j = i + 1; j < rules.size(); ++j) {
      if (std::abs(rules[j].x0 - frame.x0) > 8 || std::abs(rules[j].x1 - frame.x1) > 8) continue;
      if (caption_between(frame.y1, rules[j].y0)) break;
      frame.y1 = rules[j].y0;
      f.rule_ys.push_back(rules[j].y0);
      used[j] = true;
    }
    if (frame.y1 - frame.y0 >= 5) frames.push_back(std::move(f));
  }
  return frames;
}

bool InFrame(const BBox& frame, const VisualLine& line) {
  double cy = CenterY(line.box), cx = CenterX(line.box);
  return cy > frame.y0 && cy < frame.y1 && cx > frame.x0 - 5 && cx < frame.x1 + 5;
}

// A title line: short, ends with 表 (…情况表, …目标表).
bool IsTableTitle(const VisualLine& line) {
  std::string t = Compact(LineText(line));
  static const std::string kBiao = "\xE8\xA1\xA8";  // 表
  return line.pieces.size() == 1 && t.size() >= 3 * 4 && t.size() <= 3 * 30 &&
         t.compare(t.size() - kBiao.size(), kBiao.size(), kBiao) == 0;
}

// Grows a table body down from the strong line at `start`; returns one past
// its last line.
size_t GrowBody(const std::vector<VisualLine>& lines, const std::vector<bool>& taken, size_t start) {
  BBox extent = lines[start].box;
  size_t end = start + 1;
  for (size_t i = start + 1; i < lines.size() && !taken[i]; ++i) {
    const VisualLine& l = lines[i];
    double fs = FontOf(l);
    double gap = l.box.y0 - lines[i - 1].box.y1;
    if (gap > 2.2 * fs || IsCaptionLine(l) || IsTableTitle(l)) break;
    if (l.pieces.size() == 1 && IsPageNumberText(l.pieces[0].text)) break;
    if (l.font_size > 1.3 * FontOf(lines[start])) break;  // a title
    // A lone text in a clearly larger font: the heading or paragraph after
    // the table.
    if (l.pieces.size() == 1 && l.font_size > 1.2 * FontOf(lines[start])) break;
    bool inside = l.box.x0 >= extent.x0 - fs && l.box.x1 <= extent.x1 + fs;
    // A wrapped cell text sits close to an amount row above or below it.
    bool near_row = CenterY(l.box) - CenterY(lines[i - 1].box) < 0.9 * fs ||
                    (i + 1 < lines.size() && IsStrong(lines[i + 1]) &&
                     CenterY(lines[i + 1].box) - CenterY(l.box) < 1.6 * fs);
    if (!IsStrong(l) && l.pieces.size() < 2 && !inside && !near_row) break;
    extent = Union(extent, l.box);
    end = i + 1;
  }
  // Trailing lines with one long segment starting at the table's left edge
  // (or indented as a paragraph) are notes, not rows; a long label in a
  // column further right is a row without amounts.
  while (end > start + 1 && !IsStrong(lines[end - 1]) && lines[end - 1].pieces.size() == 1 &&
         lines[end - 1].pieces[0].text.size() > 30 &&
         lines[end - 1].box.x0 <= extent.x0 + 3 * FontOf(lines[end - 1])) {
    --end;
  }
  return end;
}

// Grows the header up from the line before `body_start`; returns its first line.
size_t GrowHeader(const std::vector<VisualLine>& lines, const std::vector<bool>& taken,
                  size_t body_start, const BBox& body_box) {
  size_t first = body_start;
  double top_limit = lines[body_start].box.y0 - 260;
  while (first > 0) {
    const VisualLine& l = lines[first - 1];
    if (taken[first - 1] || IsCaptionLine(l) || IsStrong(l) || IsTableTitle(l)) break;
    if (l.font_size > 1.3 * FontOf(lines[body_start])) break;  // a title
    double fs = FontOf(l);
    if (lines[first].box.y0 - l.box.y1 > 3.0 * fs || l.box.y0 < top_limit) break;
    // A paragraph line reaching well beyond the table ends the header.
    bool beyond = l.box.x0 < body_box.x0 - 3 * fs || l.box.x1 > body_box.x1 + 3 * fs;
    if (beyond && l.pieces.size() == 1 && Width(l.box) > 0.6 * Width(body_box)) break;
    --first;
  }
  return first;
}

// Lines of one piece centred under a table title right above them (a year
// or period line, a second title line) belong to the caption, not to the
// header. Returns the first line after them (at most `limit`).
size_t SkipSubtitles(const std::vector<VisualLine>& lines, size_t first, size_t limit) {
  if (first == 0 || !IsTableTitle(lines[first - 1])) return first;
  double title_centre = CenterX(lines[first - 1].box);
  while (first < limit && lines[first].pieces.size() == 1 &&
         std::abs(CenterX(lines[first].box) - title_centre) <= FontOf(lines[first])) {
    ++first;
  }
  return first;
}

// True when a table title stands right above line `first`, past caption
// lines and short one-piece lines (year, 单位).
bool BelowTitle(const std::vector<VisualLine>& lines, size_t first) {
  for (size_t k = first, seen = 0; k > 0 && seen < 4; --k, ++seen) {
    const VisualLine& above = lines[k - 1];
    if (IsTableTitle(above)) return true;
    if (!IsCaptionLine(above) && (above.pieces.size() > 1 || LineText(above).size() > 24)) return false;
  }
  return false;
}

// A form under a title (绩效目标表: label/value rows, then an indicator
// grid with its own header row): the lines above its first amount are
// label/value rows, not a header, and a row of four or more texts without
// any amount (the grid's header) stands among its amount rows.
bool LooksLikeForm(const Region& r) {
  if (r.header.empty()) return false;
  for (const VisualLine& l : r.body)
    if (l.pieces.size() >= 4 && NumericSegments(l) == 0) return true;
  return false;
}

// Rows without amounts right above the first amount row (an empty 因公出国
// row of a 三公 table) look like header lines. A lone text starting exactly
// where the body's labels start, a row pitch above the line below it, is a
// row. Returns the new first body line (>= first + 1, so a
// header line stays).
size_t RowsWithoutAmounts(const std::vector<VisualLine>& lines, size_t first, size_t body,
                          size_t end) {
  if (body >= end || !IsStrong(lines[body])) return body;
  // The row pitch: from the first amount row to the next line whose text
  // starts at the same label edge.
  double label_x = lines[body].pieces[0].box.x0, pitch = 0;
  for (size_t k = body + 1; k < end && pitch == 0; ++k)
    if (std::abs(lines[k].pieces[0].box.x0 - label_x) <= 1)
      pitch = CenterY(lines[k].box) - CenterY(lines[body].box);
  if (pitch <= 0) return body;
  while (body > first + 1) {
    const VisualLine& l = lines[body - 1];
    double below = CenterY(lines[body].box) - CenterY(l.box);
    if (l.pieces.size() != 1 || std::abs(l.box.x0 - label_x) > 1 || below < 0.8 * pitch ||
        below > 1.25 * pitch) {
      break;
    }
    --body;
  }
  return body;
}

bool StartsWithTotal(const VisualLine& line) {
  std::string t = Compact(LineText(line));
  return StartsWith(t, "合计") || StartsWith(t, "总计");
}

// A table without any amount (an empty standard table): below a 单位 line,
// header lines with three or more texts, then a 合计/总计 row, nothing else
// before the next caption.
void AddEmptyTables(const std::vector<VisualLine>& lines, std::vector<bool>* taken,
                    std::vector<Region>* regions) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if ((*taken)[i] || !IsCaptionLine(lines[i])) continue;
    size_t k = i + 1;
    bool wide_line = false;
    while (k < lines.size() && !(*taken)[k] && !IsCaptionLine(lines[k]) &&
           !StartsWithTotal(lines[k]) && k - i <= 30 &&
           lines[k].box.y0 - lines[k - 1].box.y1 < 3 * FontOf(lines[k])) {
      wide_line = wide_line || lines[k].pieces.size() >= 3;
      ++k;
    }
    if (!wide_line || k == i + 1 || k >= lines.size() || (*taken)[k] || !StartsWithTotal(lines[k]) ||
        lines[k].box.y0 - lines[k - 1].box.y1 >= 3 * FontOf(lines[k])) {
      continue;
    }
    Region r;
    for (size_t j = i + 1; j < k; ++j) r.header.push_back(lines[j]);
    r.body.push_back(lines[k]);
    r.ruled = true;  // no amount column to check
    r.empty = true;
    for (size_t j = i + 1; j <= k; ++j) (*taken)[j] = true;
    regions->push_back(std::move(r));
    i = k;
  }
}

// Form-like tables (绩效目标表: label/value rows, then an indicator grid)
// have few amounts and no header: below a table title, the lines with
// several texts up to the next title or caption.
void AddTitledForms(const std::vector<VisualLine>& lines, std::vector<bool>* taken,
                    std::vector<Region>* regions) {
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if ((*taken)[i] || !IsTableTitle(lines[i])) continue;
    size_t k = i + 1;
    // Skip the year / 单位 lines under the title.
    while (k < lines.size() && !(*taken)[k] &&
           (IsCaptionLine(lines[k]) || (lines[k].pieces.size() == 1 && LineText(lines[k]).size() <= 24)))
      ++k;
    size_t end = k;
    int multi = 0;
    while (end < lines.size() && !(*taken)[end] && !IsCaptionLine(lines[end]) &&
           !IsTableTitle(lines[end]) &&
           lines[end].box.y0 - lines[end - 1].box.y1 < 3 * FontOf(lines[end])) {
      multi += lines[end].pieces.size() >= 2;
      ++end;
    }
    if (multi < 3) continue;
    Region r;
    r.ruled = true;  // no amount column to check
    for (size_t j = k; j < end; ++j) {
      r.body.push_back(lines[j]);
      (*taken)[j] = true;
    }
    regions->push_back(std::move(r));
    i = end - 1;
  }
}

// A line of running text: some piece holds sentence punctuation (。，；).
bool IsProse(const VisualLine& line) {
  for (const auto& piece : line.pieces)
    if (Contains(piece.text, "\xE3\x80\x82") || Contains(piece.text, "\xEF\xBC\x8C") ||
        Contains(piece.text, "\xEF\xBC\x9B"))
      return true;
  return false;
}

// A line of running text set with wide tracking or justified into columns:
// sentence punctuation, or a piece of more than kProseCodePoints characters
// (table cells are short; a sentence spread over a line is not).
bool IsProseLike(const VisualLine& line) {
  constexpr size_t kProseCodePoints = 24;
  if (IsProse(line)) return true;
  for (const auto& piece : line.pieces) {
    size_t code_points = 0;
    for (unsigned char ch : piece.text) code_points += (ch & 0xC0) != 0x80;
    if (code_points > kProseCodePoints && !LooksNumeric(piece.text)) return true;
  }
  return false;
}

// An unruled region whose lines are largely sentences is a paragraph whose
// letter spacing or justification lined its words up like columns: prose,
// never a table, however many numbers it quotes. (Regions under a table
// title are forms, whose cells may hold sentences.) A running page number
// ("— 10 —", three pieces) under such a paragraph is no table row either.
bool IsProseRegion(const Region& r) {
  size_t prose = 0, page_numbers = 0, all = 0;
  for (const auto* part : {&r.header, &r.body})
    for (const VisualLine& l : *part) {
      ++all;
      if (IsPageNumberText(LineText(l))) ++page_numbers;
      else prose += IsProseLike(l);
    }
  return prose >= 1 && prose + page_numbers >= 2 && (prose + page_numbers) * 2 >= all;
}

bool HasMultiPieceLine(const std::vector<VisualLine>& lines, size_t first, size_t end) {
  for (size_t k = first; k < end; ++k)
    if (lines[k].pieces.size() >= 2 && !IsProse(lines[k])) return true;
  return false;
}

std::vector<Region> FindRegions(std::vector<VisualLine> lines, const std::vector<Ruling>& rulings,
                                std::vector<VisualLine>* free_lines) {
  std::vector<Region> regions;
  std::vector<bool> taken(lines.size(), false);
  // Three-line tables: the rules bound the region. A frame that holds only
  // a header is a table continuing past the page's last rule.
  for (const Frame& fr : RuledFrames(LongRules(rulings), lines)) {
    const BBox& frame = fr.box;
    std::vector<size_t> inside;
    size_t first_strong = lines.size(), after = lines.size();
    for (size_t i = 0; i < lines.size(); ++i) {
      if (taken[i]) continue;
      if (InFrame(frame, lines[i])) {
        inside.push_back(i);
        if (first_strong == lines.size() && IsStrong(lines[i])) first_strong = i;
      } else if (after == lines.size() && CenterY(lines[i].box) > frame.y1) {
        after = i;
      }
    }
    size_t open_end = 0;
    if (first_strong == lines.size() && !inside.empty()) {
      bool continues = after < lines.size() && IsStrong(lines[after]) &&
                       lines[after].box.y0 - frame.y1 <= 3 * FontOf(lines[after]);
      if (continues) {
        open_end = GrowBody(lines, taken, after);
      } else if (fr.rule_ys.size() >= 3) {
        // A table without amounts (an empty table: header and 合计 only):
        // the body lies between the last two rules.
        double separator = fr.rule_ys[fr.rule_ys.size() - 2];
        for (size_t i : inside)
          if (CenterY(lines[i].box) > separator) {
            first_strong = i;
            break;
          }
      }
    }
    if (first_strong == lines.size() && open_end == 0) continue;
    Region r;
    r.ruled = true;
    for (size_t i : inside) {
      (i < first_strong ? r.header : r.body).push_back(lines[i]);
      taken[i] = true;
    }
    for (size_t i = after; i < open_end; ++i) {
      r.body.push_back(lines[i]);
      taken[i] = true;
    }
    r.under_title = !inside.empty() && BelowTitle(lines, inside.front());
    r.form = r.under_title && LooksLikeForm(r);
    // Rules inside the header (not its top, not the header/body rule) tell
    // which columns the header texts just above them span.
    double body_top = r.body.front().box.y0;
    double separator = frame.y0;
    for (const Ruling& rule : rulings)
      if (rule.horizontal() && rule.y0 < body_top) separator = std::max(separator, rule.y0);
    for (const Ruling& rule : rulings)
      if (rule.horizontal() && rule.y0 > frame.y0 + 1 && rule.y0 < separator - 1)
        r.header_rules.push_back(rule);
    regions.push_back(std::move(r));
  }
  // Unruled tables: seeds are lines with amounts in two or more segments.
  for (size_t seed = 0; seed < lines.size(); ++seed) {
    if (taken[seed] || !IsStrong(lines[seed])) continue;
    size_t i = seed;  // first body line
    size_t end = GrowBody(lines, taken, i);
    // The upper part of a wrapped text centred on the first amount row.
    while (i > 0 && !taken[i - 1] && !IsStrong(lines[i - 1]) && !IsCaptionLine(lines[i - 1]) &&
           CenterY(lines[i].box) - CenterY(lines[i - 1].box) < 0.9 * FontOf(lines[i - 1])) {
      --i;
    }
    int strong = 0;
    BBox box = lines[i].box;
    for (size_t k = i; k < end; ++k) {
      strong += IsStrong(lines[k]);
      box = Union(box, lines[k].box);
    }
    size_t first = SkipSubtitles(lines, GrowHeader(lines, taken, i, box), i);
    i = RowsWithoutAmounts(lines, first, i, end);
    // One amount row under no header with two texts side by side is too
    // little evidence of a table: justified prose spreads "收入 20702.25 万元"
    // over a line the same way.
    if (strong < 2 && !HasMultiPieceLine(lines, first, i)) continue;
    Region r;
    r.under_title = BelowTitle(lines, first);
    for (size_t k = first; k < end; ++k) {
      (k < i ? r.header : r.body).push_back(lines[k]);
      taken[k] = true;
    }
    r.form = r.under_title && LooksLikeForm(r);
    regions.push_back(std::move(r));
    seed = end - 1;
  }
  AddEmptyTables(lines, &taken, &regions);
  AddTitledForms(lines, &taken, &regions);
  for (size_t i = 0; i < lines.size(); ++i)
    if (!taken[i]) free_lines->push_back(std::move(lines[i]));
  return regions;
}

// Row of each body line: lines of a wrapped cell text sit closer to the row
// they belong to than rows sit to each other.
std::vector<int> AssignRows(const std::vector<VisualLine>& body) {
  size_t n = body.size();
  std::vector<double> pitches;
  // Row pitch: distance between consecutive amount rows.
  double last_strong = -1;
  for (size_t i = 0; i < n; ++i) {
    if (!IsStrong(body[i])) continue;
    if (last_strong >= 0) pitches.push_back(CenterY(body[i].box) - last_strong);
    last_strong = CenterY(body[i].box);
  }
  double pitch = 0;
  if (!pitches.empty()) {
    std::nth_element(pitches.begin(), pitches.begin() + pitches.size() / 2, pitches.end());
    pitch = pitches[pitches.size() / 2];
  } else if (n > 0) {
    pitch = 1.8 * FontOf(body[0]);
  }
  double limit = std::min(0.8 * pitch, 1.55 * (n > 0 ? FontOf(body[0]) : 1.0));
  std::vector<int> attach(n, -1);  // line this one joins, or -1 for its own row
  for (size_t i = 0; i < n; ++i) {
    if (IsStrong(body[i]) || NumericSegments(body[i]) > 0) continue;
    // The nearest amount row, when close enough, holds this wrapped text.
    double best = limit;
    for (size_t j = 0; j < n; ++j) {
      double d = std::abs(CenterY(body[j].box) - CenterY(body[i].box));
      if (j != i && IsStrong(body[j]) && d < best) {
        best = d;
        attach[i] = static_cast<int>(j);
      }
    }
    if (attach[i] >= 0) continue;
    double d_prev = i > 0 ? CenterY(body[i].box) - CenterY(body[i - 1].box) : 1e18;
    if (d_prev < limit) attach[i] = static_cast<int>(i - 1);
  }
  // The first line of a text wrapped over many lines around its amount row
  // can be too far from that row and from the row above: it goes with the
  // line below when that one is close and belongs to an amount row.
  for (size_t i = n; i-- > 0;) {
    if (attach[i] >= 0 || IsStrong(body[i]) || NumericSegments(body[i]) > 0 || i + 1 >= n) continue;
    if (attach[i + 1] < 0 || attach[i + 1] == static_cast<int>(i)) continue;
    if (CenterY(body[i + 1].box) - CenterY(body[i].box) < limit) attach[i] = static_cast<int>(i + 1);
  }
  std::vector<int> row(n, -1);
  int next_row = 0;
  for (size_t i = 0; i < n; ++i) {
    size_t root = i;
    for (int guard = 0; attach[root] >= 0 && guard < 64; ++guard) root = attach[root];
    if (row[root] < 0) row[root] = next_row++;
    row[i] = row[root];
  }
  return row;
}

// A run the reader did not break between two cells ("…覆盖率（%）=100%"):
// it is cut where, after a visible gap, a glyph starts right at the left
// edge of a band (the start of a left-aligned column).
std::vector<Piece> SplitAtColumnStarts(const PageContent& content, const Piece& p,
                                       const std::vector<Band>& bands) {
  std::vector<int> cuts;  // positions in p.glyphs where a new piece starts
  double fs = std::max(1.0, p.font_size);
  for (size_t j = 1; j < p.glyphs.size(); ++j) {
    int a = p.glyphs[j - 1], b = p.glyphs[j];
    if (a < 0 || b < 0 || a >= static_cast<int>(content.glyphs.size()) ||
        b >= static_cast<int>(content.glyphs.size())) {
      return {p};
    }
    const BBox& ga = content.glyphs[a].box;
    const BBox& gb = content.glyphs[b].box;
    if (gb.x0 - ga.x1 < 0.25 * fs) continue;
    for (const Band& band : bands)
      if (std::abs(gb.x0 - band.x0) <= 1 && ga.x1 < band.x0) cuts.push_back(static_cast<int>(j));
  }
  if (cuts.empty()) return {p};
  std::vector<Piece> out;
  size_t start = 0;
  cuts.push_back(static_cast<int>(p.glyphs.size()));
  for (int cut : cuts) {
    std::vector<int> part(p.glyphs.begin() + static_cast<long>(start), p.glyphs.begin() + cut);
    out.push_back(PieceFromGlyphs(content, part));
    start = static_cast<size_t>(cut);
    // Each part must fit one column: a paragraph line reaching over many
    // columns only happens to have a space at a column start.
    int f, l;
    if (!CoveredBands(bands, out.back().box, &f, &l) || f != l) return {p};
  }
  return out;
}

PageTable BuildTable(Region region, const PageContent& content) {
  int page = content.number;
  PageTable t;
  if (region.form) {
    // Every line of a form is a row; its columns are where texts that do
    // not reach over others stand.
    for (VisualLine& l : region.header) region.body.push_back(std::move(l));
    region.header.clear();
    std::stable_sort(region.body.begin(), region.body.end(),
                     [](const VisualLine& a, const VisualLine& b) { return a.box.y0 < b.box.y0; });
    region.header_rules.clear();
  }
  int allowance = static_cast<int>(region.body.size()) / 10;
  std::vector<Band> bands;
  if (region.empty) {
    // The lone 合计 text says nothing of the columns; the header texts do.
  } else if (region.form) {
    bands = MergeUnpairedBands(BandsFromBody(WithoutSpanningPieces(region.body), 0), region.body,
                               AssignRows(region.body));
  } else if (region.under_title) {
    // Forms: label/value rows have their own layouts; the columns are those
    // of the fullest rows (the indicator grid).
    size_t most = 0;
    for (const VisualLine& l : region.body) most = std::max(most, l.pieces.size());
    std::vector<VisualLine> full;
    for (const VisualLine& l : region.body)
      if (l.pieces.size() * 10 >= most * 6) full.push_back(l);
    bands = BandsFromBody(full, static_cast<int>(full.size()) / 10);
  } else {
    bands = BandsFromBody(region.body, allowance);
  }
  std::vector<RawCell> cells;
  int header_rows = BuildHeaderCells(region.header, region.header_rules, page, &bands, &cells);
  std::vector<int> row_of = AssignRows(region.body);
  // (row, first band) -> pieces of that cell; last band kept for colspans.
  std::map<std::pair<int, int>, std::pair<int, std::vector<Piece>>> body_cells;
  int body_rows = 0;
  BBox box = region.body.front().box;
  for (size_t i = 0; i < region.body.size(); ++i) {
    box = Union(box, region.body[i].box);
    body_rows = std::max(body_rows, row_of[i] + 1);
    for (const Piece& whole : region.body[i].pieces) {
      for (const Piece& p : SplitAtColumnStarts(content, whole, bands)) {
      int f, l;
      if (!CoveredBands(bands, p.box, &f, &l)) continue;
      auto& slot = body_cells[{row_of[i], f}];
      slot.first = std::max(slot.first, l);
      slot.second.push_back(p);
      }
    }
  }
  for (auto& [key, value] : body_cells) {
    std::vector<VisualLine> lines = GroupIntoLines(std::move(value.second));
    RawCell c;
    c.r = header_rows + key.first;
    c.c = key.second;
    c.cs = std::max(1, value.first - key.second + 1);
    c.raw = CellText(lines);
    c.page = page;
    BBox cb = lines.front().box;
    for (const VisualLine& l : lines) cb = Union(cb, l.box);
    c.bbox = cb;
    c.bold = AllBold(lines);
    cells.push_back(std::move(c));
  }
  if (region.form) {
    int grid = FormGridRow(region.body, row_of);
    if (grid >= 0) ApplyFormRowSpans(region.body, row_of, grid, body_rows, &cells);
    WidenFormValues(region.body, row_of, static_cast<int>(bands.size()), &cells);
  } else if (header_rows == 0 && !region.under_title && LooksLikeGridContinuation(cells)) {
    ApplyFormRowSpans(region.body, row_of, -1, body_rows, &cells);
  }
  for (const VisualLine& l : region.header) box = Union(box, l.box);
  t.box = box;
  t.header_rows = header_rows;
  t.table.n_rows = header_rows + body_rows;
  t.table.n_cols = static_cast<int>(bands.size());
  t.table.first_page = t.table.last_page = page;
  t.table.cells = std::move(cells);
  std::sort(t.table.cells.begin(), t.table.cells.end(), [](const RawCell& a, const RawCell& b) {
    return a.r != b.r ? a.r < b.r : a.c < b.c;
  });
  t.col_edges.push_back(bands.empty() ? box.x0 : bands.front().x0);
  for (size_t i = 1; i < bands.size(); ++i) t.col_edges.push_back((bands[i - 1].x1 + bands[i].x0) / 2);
  t.col_edges.push_back(bands.empty() ? box.x1 : bands.back().x1);
  return t;
}

// An unruled region is a table only if some column other than the first is
// mostly amounts: justified paragraphs split into runs at numbers are not.
bool HasAmountColumn(const PageTable& t) {
  if (t.table.n_cols < 2) return false;
  std::vector<int> numeric(t.table.n_cols, 0), total(t.table.n_cols, 0);
  for (const RawCell& c : t.table.cells) {
    if (c.r < t.header_rows || c.cs != 1) continue;
    ++total[c.c];
    numeric[c.c] += LooksNumeric(c.raw);
  }
  // One amount row is enough under a recognised header (a table's last row
  // continued on the next page under its repeated header).
  int needed = t.header_rows > 0 ? 1 : 2;
  for (int col = 1; col < t.table.n_cols; ++col)
    if (numeric[col] >= needed && numeric[col] * 10 >= total[col] * 6) return true;
  return false;
}

}  // namespace

int NumericSegments(const VisualLine& line) {
  int n = 0;
  for (const Piece& p : line.pieces) n += LooksNumeric(p.text) && !IsListMarker(p.text);
  return n;
}

bool IsCaptionLine(const VisualLine& line) {
  std::string t = Compact(LineText(line));
  if (StartsWith(t, "续表") || StartsWith(t, "附表") || StartsWith(t, "注：") ||
      StartsWith(t, "注:") || Contains(t, "单位：") || Contains(t, "单位:") ||
      StartsWith(t, "编制")) {
    return true;
  }
  // 表N / 表 N
  if (StartsWith(t, "表") && t.size() > 3 && t[3] >= '0' && t[3] <= '9') return true;
  return false;
}

StreamResult FindStreamTables(const PageContent& page, std::vector<Piece> pieces,
                              const std::vector<Ruling>& rulings) {
  std::vector<VisualLine> lines = GroupIntoLines(std::move(pieces));
  for (VisualLine& l : lines) MergeClosePieces(&l, kNumericGap, kTextGap);
  StreamResult result;
  std::vector<Region> regions = FindRegions(std::move(lines), rulings, &result.free_lines);
  bool returned = false;
  for (Region& r : regions) {
    PageTable t = BuildTable(r, page);
    if (r.ruled || r.under_title || (HasAmountColumn(t) && !IsProseRegion(r))) {
      result.tables.push_back(std::move(t));
      continue;
    }
    for (VisualLine& l : r.header) result.free_lines.push_back(std::move(l));
    for (VisualLine& l : r.body) result.free_lines.push_back(std::move(l));
    returned = true;
  }
  if (returned) {
    std::stable_sort(result.free_lines.begin(), result.free_lines.end(),
                     [](const VisualLine& a, const VisualLine& b) { return a.box.y0 < b.box.y0; });
  }
  std::sort(result.tables.begin(), result.tables.end(),
            [](const PageTable& a, const PageTable& b) { return a.box.y0 < b.box.y0; });
  return result;
}

}  // namespace cnbudget::pdf
