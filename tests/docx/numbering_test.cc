// List number formats of word/numbering.xml, one by one.
#include <gtest/gtest.h>

#include "extract/docx/numbering.h"

namespace cnbudget::docx {
namespace {

TEST(FormatCounter, ChineseCounting) {
  EXPECT_EQ(FormatCounter(1, "chineseCounting"), "一");
  EXPECT_EQ(FormatCounter(10, "chineseCounting"), "十");
  EXPECT_EQ(FormatCounter(11, "chineseCounting"), "十一");
  EXPECT_EQ(FormatCounter(20, "chineseCountingThousand"), "二十");
  EXPECT_EQ(FormatCounter(21, "chineseCounting"), "二十一");
  EXPECT_EQ(FormatCounter(100, "chineseCounting"), "一百");
  EXPECT_EQ(FormatCounter(105, "chineseCounting"), "一百零五");
  EXPECT_EQ(FormatCounter(110, "chineseCounting"), "一百一十");
  EXPECT_EQ(FormatCounter(1001, "ideographDigital"), "一千零一");
  EXPECT_EQ(FormatCounter(2020, "chineseLegalSimplified"), "二千零二十");
}

TEST(FormatCounter, OtherFormats) {
  EXPECT_EQ(FormatCounter(3, "decimal"), "3");
  EXPECT_EQ(FormatCounter(7, "decimalZero"), "07");
  EXPECT_EQ(FormatCounter(12, "decimalZero"), "12");
  EXPECT_EQ(FormatCounter(2, "upperLetter"), "B");
  EXPECT_EQ(FormatCounter(27, "lowerLetter"), "aa");
  EXPECT_EQ(FormatCounter(14, "upperRoman"), "XIV");
  EXPECT_EQ(FormatCounter(9, "lowerRoman"), "ix");
  EXPECT_EQ(FormatCounter(3, "decimalEnclosedCircle"), "③");
  EXPECT_EQ(FormatCounter(12, "decimalFullWidth"), "１２");
  EXPECT_EQ(FormatCounter(2, "ideographTraditional"), "乙");
  EXPECT_EQ(FormatCounter(5, "someFutureFormat"), "5");
}

TEST(Numbering, UnknownListsGiveNoLabel) {
  Numbering numbering;
  EXPECT_EQ(numbering.Next(1, 0), "");
  EXPECT_EQ(numbering.Next(1, 42), "");
}

}  // namespace
}  // namespace cnbudget::docx
