// NormalizeText and IsCjk: one test per text rule of normalize.h.
#include <gtest/gtest.h>

#include "normalize/normalize.h"

namespace cnbudget {
namespace {

TEST(NormalizeText, FullWidthDigitsAndPunctuationBecomeAscii) {
  EXPECT_EQ(NormalizeText("１２３．４５"), "123.45");
  EXPECT_EQ(NormalizeText("财政拨款（补助）"), "财政拨款(补助)");
  EXPECT_EQ(NormalizeText("其中：一般财力"), "其中:一般财力");
  EXPECT_EQ(NormalizeText("ＡＢＣ"), "ABC");
}

TEST(NormalizeText, IdeographicSpaceIsWhiteSpace) {
  EXPECT_EQ(NormalizeText("1858.41　"), "1858.41");
  EXPECT_EQ(NormalizeText("　合计　"), "合计");
}

TEST(NormalizeText, KangxiRadicalsBecomeIdeographs) {
  EXPECT_EQ(NormalizeText("\u2F00"), "一");       // ⼀ KANGXI RADICAL ONE
  EXPECT_EQ(NormalizeText("\u2FA8\u2F70"), "門示");  // ⾨⽰
}

TEST(NormalizeText, RadicalSupplementMapsThroughTable) {
  EXPECT_EQ(NormalizeText("⻔诊"), "门诊");  // U+2ED4
  EXPECT_EQ(NormalizeText("⻓期"), "长期");  // U+2ED3
  EXPECT_EQ(NormalizeText("⻅面"), "见面");  // U+2EC5
  EXPECT_EQ(NormalizeText("⻋辆"), "车辆");  // U+2ECB
  // A radical without a unified equivalent is left alone.
  EXPECT_EQ(NormalizeText("\u2E80"), "\u2E80");
}

TEST(NormalizeText, CompatibilityIdeographsBecomeUnified) {
  EXPECT_EQ(NormalizeText("\uF900"), "\u8C48");
}

TEST(NormalizeText, TrimsWhiteSpace) {
  EXPECT_EQ(NormalizeText("  行政运行 \t"), "行政运行");
  EXPECT_EQ(NormalizeText(" \n "), "");
  EXPECT_EQ(NormalizeText(""), "");
}

TEST(NormalizeText, CollapsesRunsOfWhiteSpace) {
  EXPECT_EQ(NormalizeText("a  \t b"), "a b");
  EXPECT_EQ(NormalizeText("a\u00A0\u00A0b"), "a b");  // NBSP
  EXPECT_EQ(NormalizeText("a\u2003b"), "a b");        // em space
}

TEST(NormalizeText, LineBreaksNeverSurvive) {
  EXPECT_EQ(NormalizeText("档案电子\n化扫描页\n数（万页）"), "档案电子化扫描页数(万页)");
  EXPECT_EQ(NormalizeText("Total\r\nsum"), "Total sum");
}

TEST(NormalizeText, DropsSpacesBetweenCjk) {
  EXPECT_EQ(NormalizeText("收     入"), "收入");
  EXPECT_EQ(NormalizeText("合  计"), "合计");
  EXPECT_EQ(NormalizeText("财政专户 （教育收 费）"), "财政专户(教育收费)");
  EXPECT_EQ(NormalizeText("《三定方案》 涉密、 2025 年"), "《三定方案》涉密、2025 年");
}

TEST(NormalizeText, DropsSpacesBetweenCjkAndHuggingPunctuation) {
  EXPECT_EQ(NormalizeText("4. 财政专户核拨"), "4.财政专户核拨");
  EXPECT_EQ(NormalizeText("其中: 一般财力"), "其中:一般财力");
  EXPECT_EQ(NormalizeText("“三公” 经费"), "“三公”经费");
}

TEST(NormalizeText, KeepsSpacesBetweenCodesOrLatinAndCjk) {
  EXPECT_EQ(NormalizeText("201 一般公共服务支出"), "201 一般公共服务支出");
  EXPECT_EQ(NormalizeText("01 基本工资"), "01 基本工资");
  EXPECT_EQ(NormalizeText("共计 87.74 万元"), "共计 87.74 万元");
  EXPECT_EQ(NormalizeText("使用 PDF 格式"), "使用 PDF 格式");
  EXPECT_EQ(NormalizeText("< =625 元"), "< =625 元");
  EXPECT_EQ(NormalizeText("“开普云” 7x24 小时"), "“开普云” 7x24 小时");
}

TEST(NormalizeText, DropsInvisibleCharacters) {
  EXPECT_EQ(NormalizeText("\uFEFF合\u200B计"), "合计");
  EXPECT_EQ(NormalizeText("a\x01z"), "az");
}

TEST(NormalizeText, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(NormalizeText("a\xFF" "b"), "a\uFFFD" "b");
  EXPECT_EQ(NormalizeText("\xE4\xB8"), "\uFFFD");  // truncated sequence
}

TEST(NormalizeText, IsIdempotent) {
  for (const char* s : {"收     入", "１２３．４５", "财政专户 （教育收 费）", "4. 财政", "a\tb"}) {
    const std::string once = NormalizeText(s);
    EXPECT_EQ(NormalizeText(once), once) << s;
  }
}

TEST(IsCjk, ClassifiesScripts) {
  EXPECT_TRUE(IsCjk(U'收'));
  EXPECT_TRUE(IsCjk(U'、'));
  EXPECT_TRUE(IsCjk(U'《'));
  EXPECT_TRUE(IsCjk(U'\u3400'));
  EXPECT_TRUE(IsCjk(U'\U00020000'));
  EXPECT_FALSE(IsCjk(U'\u3000'));
  EXPECT_FALSE(IsCjk(U'a'));
  EXPECT_FALSE(IsCjk(U'1'));
  EXPECT_FALSE(IsCjk(U'\uAC00'));  // Hangul
}

}  // namespace
}  // namespace cnbudget
