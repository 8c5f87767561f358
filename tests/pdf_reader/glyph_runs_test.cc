// Run building and glyph hygiene on synthetic glyphs.
#include "extract/pdf/glyph_runs.h"

#include <gtest/gtest.h>

#include "extract/pdf/glyph_hygiene.h"

namespace cnbudget::pdf {
namespace {

// A horizontal glyph of `size` pt whose box starts at x with baseline y.
PlacedGlyph At(const std::string& text, double x, double y, double width, double size = 10) {
  PlacedGlyph g;
  g.glyph.text = text;
  g.glyph.font_size = size;
  g.glyph.box = BBox{x, y - 0.9 * size, x + width, y + 0.2 * size};
  g.base = y;
  g.along0 = x;
  g.along1 = x + width;
  return g;
}

std::vector<std::string> Texts(const std::vector<TextRun>& runs) {
  std::vector<std::string> out;
  for (const TextRun& r : runs) out.push_back(r.text);
  return out;
}

TEST(GlyphRunsTest, CjkJoinsWithoutSpacesLatinGetsOneSpace) {
  std::vector<PlacedGlyph> glyphs = {
      At("收", 100, 50, 10), At("入", 112, 50, 10),  // 0.2 em gap
      At("a", 200, 50, 5), At("b", 205, 50, 5), At("c", 212, 50, 5),  // 0.2 em gap
  };
  EXPECT_EQ(Texts(BuildTextRuns(glyphs, {}, {})), (std::vector<std::string>{"收入", "ab c"}));
}

TEST(GlyphRunsTest, WhitespaceGlyphBecomesOneSpaceOrSeparatesRuns) {
  // "201 一般" with a 0.3 em space: one run, the space kept.
  std::vector<PlacedGlyph> glyphs = {At("1", 100, 50, 5), At("一", 108, 50, 10),
                                     At("收", 200, 50, 10), At("入", 222, 50, 10)};
  PlacedGlyph near = At(" ", 105, 50, 3), far1 = At(" ", 210, 50, 3), far2 = At(" ", 215, 50, 3);
  near.space = far1.space = far2.space = true;
  // "收  入" with 1.2 em of spaces: two runs.
  EXPECT_EQ(Texts(BuildTextRuns(glyphs, {near, far1, far2}, {})),
            (std::vector<std::string>{"1 一", "收", "入"}));
  // Without the whitespace glyph, a 0.3 em gap before CJK adds no space.
  EXPECT_EQ(Texts(BuildTextRuns({glyphs[0], glyphs[1]}, {}, {})), (std::vector<std::string>{"1一"}));
}

TEST(GlyphRunsTest, RunsAreSortedTopToBottomThenLeftToRight) {
  std::vector<PlacedGlyph> glyphs = {
      At("C", 100, 80, 6), At("B", 300, 50.4, 6), At("A", 100, 50, 6),
  };
  std::vector<TextRun> runs = BuildTextRuns(glyphs, {}, {});
  EXPECT_EQ(Texts(runs), (std::vector<std::string>{"A", "B", "C"}));
  ASSERT_EQ(runs[0].glyphs.size(), 1u);
  EXPECT_EQ(runs[0].glyphs[0], 2);  // index into the input glyphs
}

TEST(GlyphRunsTest, LargeGapSplitsAndBaselinesSeparateLines) {
  std::vector<PlacedGlyph> glyphs = {
      At("1", 100, 50, 5), At("2", 111, 50, 5),  // 0.6 em gap
      At("3", 100, 62, 5),                        // the next line
  };
  EXPECT_EQ(Texts(BuildTextRuns(glyphs, {}, {})), (std::vector<std::string>{"1", "2", "3"}));
}

TEST(GlyphHygieneTest, RadicalsMapToUnifiedIdeographs) {
  EXPECT_EQ(UnifiedIdeographForRadical(0x2ED4), U'门');
  EXPECT_EQ(UnifiedIdeographForRadical(0x2EC5), U'见');
  EXPECT_EQ(UnifiedIdeographForRadical(0x2F00), U'一');
  EXPECT_EQ(UnifiedIdeographForRadical(0x2F45), U'方');
  EXPECT_EQ(UnifiedIdeographForRadical(0x2FD5), U'龠');
  EXPECT_EQ(UnifiedIdeographForRadical(U'A'), U'A');
  EXPECT_EQ(UnifiedIdeographForRadical(U'门'), U'门');
  EXPECT_EQ(UnifiedIdeographForRadical(0x2E80), 0x2E80u);  // a component only: unchanged
}

TEST(GlyphHygieneTest, Utf8RoundTrip) {
  std::string s;
  AppendUtf8(U'A', &s);
  AppendUtf8(U'é', &s);
  AppendUtf8(U'门', &s);
  AppendUtf8(0x20000, &s);
  EXPECT_EQ(s, "Aé门\xF0\xA0\x80\x80");
  EXPECT_EQ(Utf8FirstCodePoint(s), U'A');
  EXPECT_EQ(Utf8LastCodePoint(s), 0x20000u);
  EXPECT_TRUE(IsCjk(U'门'));
  EXPECT_TRUE(IsCjk(U'，'));
  EXPECT_FALSE(IsCjk(U'a'));
  EXPECT_TRUE(IsWhitespace(0x3000));
}

TEST(GlyphHygieneTest, DuplicatesWithinFifteenPercentAreDropped) {
  std::vector<PlacedGlyph> glyphs = {At("A", 100, 50, 6), At("A", 106, 50, 6),
                                     At("A", 100.5, 50.3, 6),  // 0.05 em off: fake bold
                                     At("A", 101.6, 50, 6)};   // 0.16 em off: kept
  DropFakeBoldDuplicates(&glyphs);
  ASSERT_EQ(glyphs.size(), 3u);
  EXPECT_TRUE(glyphs[0].glyph.bold);
  EXPECT_FALSE(glyphs[1].glyph.bold);
  EXPECT_DOUBLE_EQ(glyphs[2].glyph.box.x0, 101.6);
}

}  // namespace
}  // namespace cnbudget::pdf
