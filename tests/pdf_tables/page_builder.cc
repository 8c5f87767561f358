#include "page_builder.h"

#include "extract/pdf/table_pieces.h"

namespace cnbudget::pdf::testing {

namespace {

std::vector<std::string> SplitUtf8(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

PageBuilder::PageBuilder(int number, double width, double height) {
  page_.number = number;
  page_.width = width;
  page_.height = height;
}

double PageBuilder::Advance(char32_t cp, double font_size) {
  return IsCjkCodePoint(cp) ? font_size : 0.5 * font_size;
}

PageBuilder& PageBuilder::Text(double x, double y, const std::string& text, double font_size,
                               bool bold) {
  TextRun run;
  run.font_size = font_size;
  run.bold = bold;
  run.box = BBox{x, y, x, y + font_size};
  double pen = x;
  for (const std::string& g : SplitUtf8(text)) {
    Glyph glyph;
    glyph.text = g;
    glyph.font_size = font_size;
    glyph.bold = bold;
    double w = Advance(LeadingCodePoint(g), font_size);
    glyph.box = BBox{pen, y, pen + w, y + font_size};
    pen += w;
    run.glyphs.push_back(static_cast<int>(page_.glyphs.size()));
    page_.glyphs.push_back(glyph);
  }
  run.box.x1 = pen;
  run.text = text;
  page_.runs.push_back(run);
  return *this;
}

PageBuilder& PageBuilder::RightText(double x1, double y, const std::string& text, double font_size) {
  double w = 0;
  for (const std::string& g : SplitUtf8(text)) w += Advance(LeadingCodePoint(g), font_size);
  return Text(x1 - w, y, text, font_size);
}

PageBuilder& PageBuilder::SpacedNumber(double x, double y, const std::string& number,
                                       double font_size) {
  std::string fragment;
  double pen = x;
  auto flush = [&] {
    if (fragment.empty()) return;
    Text(pen, y, fragment, font_size);
    pen += 0.5 * font_size * fragment.size() + 0.35 * font_size;
    fragment.clear();
  };
  for (char c : number) {
    fragment += c;
    if (c == ',' || c == '.') flush();
  }
  flush();
  return *this;
}

PageBuilder& PageBuilder::HLine(double x0, double x1, double y) {
  page_.rulings.push_back(Ruling{x0, y, x1, y});
  return *this;
}

PageBuilder& PageBuilder::VLine(double x, double y0, double y1) {
  page_.rulings.push_back(Ruling{x, y0, x, y1});
  return *this;
}

PageBuilder& PageBuilder::Grid(const std::vector<double>& xs, const std::vector<double>& ys) {
  for (double y : ys) HLine(xs.front(), xs.back(), y);
  for (double x : xs) VLine(x, ys.front(), ys.back());
  return *this;
}

}  // namespace cnbudget::pdf::testing
