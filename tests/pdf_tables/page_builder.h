// Builds synthetic PageContent for the table tests: text placed glyph by
// glyph (CJK glyphs one font size wide, others half), one run per call.
#pragma once

#include <string>

#include "extract/pdf/page_content.h"

namespace cnbudget::pdf::testing {

class PageBuilder {
 public:
  PageBuilder(int number, double width = 595, double height = 842);

  // Text with its top-left corner at (x, y); one TextRun.
  PageBuilder& Text(double x, double y, const std::string& text, double font_size = 9,
                    bool bold = false);
  // Text whose right edge is at x1 (amounts are right-aligned).
  PageBuilder& RightText(double x1, double y, const std::string& text, double font_size = 9);
  // A number drawn glyph by glyph with a gap after "," and ".", one run per
  // fragment, as some generators do ("1," "858." "41").
  PageBuilder& SpacedNumber(double x, double y, const std::string& number, double font_size = 9);
  PageBuilder& HLine(double x0, double x1, double y);
  PageBuilder& VLine(double x, double y0, double y1);
  // A full grid of rulings at the given positions.
  PageBuilder& Grid(const std::vector<double>& xs, const std::vector<double>& ys);

  PageContent Build() const { return page_; }

 private:
  static double Advance(char32_t cp, double font_size);
  PageContent page_;
};

}  // namespace cnbudget::pdf::testing
