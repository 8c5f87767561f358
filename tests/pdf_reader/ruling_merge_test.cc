#include "extract/pdf/ruling_merge.h"

#include <gtest/gtest.h>

namespace cnbudget::pdf {
namespace {

TEST(RulingMergeTest, CollinearPiecesMerge) {
  std::vector<Ruling> merged = MergeRulings(
      {{10, 100, 50, 100}, {50.5, 100.4, 90, 100.4}, {120, 100, 95, 100},  // reversed, 5 pt apart
       {10, 10, 10, 40}, {10.6, 40.5, 10.6, 80}},
      200, 200);
  ASSERT_EQ(merged.size(), 3u);
  // Sorted by y: the lone piece at 100 before the merged one at 100.2.
  EXPECT_TRUE(merged[0].horizontal());
  EXPECT_DOUBLE_EQ(merged[0].x0, 95);
  EXPECT_DOUBLE_EQ(merged[0].x1, 120);
  EXPECT_DOUBLE_EQ(merged[1].x0, 10);
  EXPECT_DOUBLE_EQ(merged[1].x1, 90);
  EXPECT_NEAR(merged[1].y0, 100.2, 1e-9);  // mean of the pieces
  EXPECT_FALSE(merged[2].horizontal());
  EXPECT_DOUBLE_EQ(merged[2].y0, 10);
  EXPECT_DOUBLE_EQ(merged[2].y1, 80);
}

TEST(RulingMergeTest, ClipsToPageAndDropsTinyPieces) {
  std::vector<Ruling> merged = MergeRulings(
      {{-50, 20, 500, 20}, {10, 30, 11.5, 30}, {10, 300, 50, 300}, {30, -10, 30, 5}}, 200, 200);
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_DOUBLE_EQ(merged[0].x0, 0);
  EXPECT_DOUBLE_EQ(merged[0].x1, 200);
  EXPECT_DOUBLE_EQ(merged[1].x0, 30);
  EXPECT_DOUBLE_EQ(merged[1].y0, 0);
  EXPECT_DOUBLE_EQ(merged[1].y1, 5);
}

TEST(RulingMergeTest, ParallelLinesFarApartStaySeparate) {
  std::vector<Ruling> merged =
      MergeRulings({{0, 50, 100, 50}, {0, 52, 100, 52}, {0, 54.5, 100, 54.5}}, 200, 200);
  EXPECT_EQ(merged.size(), 3u);
}

}  // namespace
}  // namespace cnbudget::pdf
