#include <gtest/gtest.h>

#include "extract/pdf/table_page.h"
#include "extract/pdf/table_pieces.h"
#include "page_builder.h"

namespace cnbudget::pdf {
namespace {

TEST(PiecesTest, NumericTextIncludesSeparatorsAndFullWidth) {
  EXPECT_TRUE(LooksNumeric("1,858.41"));
  EXPECT_TRUE(LooksNumeric("1, 858. 41"));
  EXPECT_TRUE(LooksNumeric("\xEF\xBC\x91\xEF\xBC\x98"));  // １８
  EXPECT_TRUE(LooksNumeric("1858\xE3\x80\x82" "41"));        // 1858。41
  EXPECT_TRUE(LooksNumeric("(3.50)"));
  EXPECT_FALSE(LooksNumeric("2023年"));
  EXPECT_FALSE(LooksNumeric("-"));
}

TEST(PiecesTest, JoinsCjkWithoutSpacesAndLatinWithSpaces) {
  std::string s = "合";
  AppendWithSpace(&s, "计");
  EXPECT_EQ(s, "合计");
  std::string n = "1,";
  AppendWithSpace(&n, "858.");
  EXPECT_EQ(n, "1, 858.");
}

TEST(PiecesTest, GlyphByGlyphNumberIsOneSegment) {
  PageContent page = testing::PageBuilder(1).SpacedNumber(100, 100, "1,858.41").Build();
  ASSERT_EQ(page.runs.size(), 3u);
  std::vector<VisualLine> lines = GroupIntoLines(PiecesFromRuns(page));
  ASSERT_EQ(lines.size(), 1u);
  MergeClosePieces(&lines[0], 0.7, 0.45);
  ASSERT_EQ(lines[0].pieces.size(), 1u);
  EXPECT_EQ(lines[0].pieces[0].text, "1, 858. 41");
}

// A tall text in the line (a wrapped narrow column) stretches the line's box
// over the stacked lines of its neighbour: those must not run together.
TEST(PiecesTest, StackedPiecesInOneLineAreNotMerged) {
  PageContent page = testing::PageBuilder(1)
                         .Text(100, 100, "单位").Text(100, 112, "资金")
                         .Text(140, 101, "合计", 18).Build();
  std::vector<VisualLine> lines = GroupIntoLines(PiecesFromRuns(page));
  ASSERT_EQ(lines.size(), 1u);
  MergeClosePieces(&lines[0], 0.45, 0.45);
  ASSERT_EQ(lines[0].pieces.size(), 3u);
  for (const Piece& p : lines[0].pieces) EXPECT_EQ(p.text.size(), 6u);  // two CJK each
}

TEST(PiecesTest, PageNumberLines) {
  EXPECT_TRUE(IsPageNumberText("- 3 -"));
  EXPECT_TRUE(IsPageNumberText("12"));
  EXPECT_TRUE(IsPageNumberText("第 3 页"));
  EXPECT_TRUE(IsPageNumberText("第3页共20页"));
  EXPECT_TRUE(IsPageNumberText("3/20"));
  EXPECT_FALSE(IsPageNumberText("表3"));
  EXPECT_FALSE(IsPageNumberText("2023年"));
}

}  // namespace
}  // namespace cnbudget::pdf
