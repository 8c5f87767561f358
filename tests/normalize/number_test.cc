// NormalizeCell and ParseDecimal: one test per number rule of normalize.h,
// including every seed case.
#include <gtest/gtest.h>

#include "normalize/normalize.h"

namespace cnbudget {
namespace {

struct Expect {
  const char* raw;
  const char* text;
  const char* value;  // nullptr: no value
};

void CheckNumber(const Expect& e) {
  const NormalizedCell cell = NormalizeCell(e.raw);
  EXPECT_EQ(cell.text, e.text) << "raw: " << e.raw;
  if (e.value == nullptr) {
    EXPECT_FALSE(cell.value.has_value()) << "raw: " << e.raw << " value: " << *cell.value;
  } else {
    ASSERT_TRUE(cell.value.has_value()) << "raw: " << e.raw;
    EXPECT_EQ(*cell.value, e.value) << "raw: " << e.raw;
  }
  if (cell.value) {
    EXPECT_FALSE(cell.ambiguity.has_value()) << "raw: " << e.raw;
  }
}

bool IsAmbiguous(const char* raw) {
  const NormalizedCell cell = NormalizeCell(raw);
  return !cell.value && cell.ambiguity.has_value();
}

TEST(NormalizeCell, PlainNumbersKeepTheirDecimals) {
  CheckNumber({"1229.70", "1229.70", "1229.70"});
  CheckNumber({"2.155", "2.155", "2.155"});
  CheckNumber({"0", "0", "0"});
  CheckNumber({"0.50", "0.50", "0.50"});
  CheckNumber({"2010301", "2010301", "2010301"});
}

TEST(NormalizeCell, LeadingZerosLeaveTheValueButStayInText) {
  CheckNumber({"007", "007", "7"});
  CheckNumber({"01", "01", "1"});
  CheckNumber({"00.5", "00.5", "0.5"});
}

TEST(NormalizeCell, TrailingIdeographicSpace) { CheckNumber({"1858.41　", "1858.41", "1858.41"}); }

TEST(NormalizeCell, FullWidthDigits) { CheckNumber({"１２３．４５", "123.45", "123.45"}); }

TEST(NormalizeCell, IdeographicFullStopAsDecimalMark) {
  CheckNumber({"1。60", "1.60", "1.60"});
  CheckNumber({"1858。41", "1858.41", "1858.41"});
}

TEST(NormalizeCell, ChineseCommaAsDecimalMarkOnlyWhenUnambiguous) {
  CheckNumber({"1，60", "1.60", "1.60"});
  CheckNumber({"1，6", "1.6", "1.6"});
  CheckNumber({"１，６０", "1.60", "1.60"});
  CheckNumber({"1，234", "1234", "1234"});           // three digits: thousands
  CheckNumber({"1，234.50", "1234.50", "1234.50"});  // another separator: thousands
  EXPECT_TRUE(IsAmbiguous("1，2，3"));
}

TEST(NormalizeCell, StraySpacesInsideNumbers) {
  CheckNumber({"1, 229. 70", "1229.70", "1229.70"});
  CheckNumber({"963. 77", "963.77", "963.77"});
  CheckNumber({"1, 858. 41", "1858.41", "1858.41"});
  CheckNumber({"1229 .70", "1229.70", "1229.70"});
}

TEST(NormalizeCell, CommaThousandsSeparators) {
  CheckNumber({"1,229.70", "1229.70", "1229.70"});
  CheckNumber({"12,345,678", "12345678", "12345678"});
  CheckNumber({"１，２２９．７０", "1229.70", "1229.70"});
}

TEST(NormalizeCell, SpaceThousandsSeparatorsOnlyInGroupsOfThree) {
  CheckNumber({"1 858.41", "1858.41", "1858.41"});
  CheckNumber({"12 345 678", "12345678", "12345678"});
  EXPECT_TRUE(IsAmbiguous("1858 41"));
  EXPECT_TRUE(IsAmbiguous("1234 567"));
}

TEST(NormalizeCell, Negatives) {
  CheckNumber({"-3.50", "-3.50", "-3.50"});
  CheckNumber({"－3.50", "-3.50", "-3.50"});
  CheckNumber({"−3.50", "-3.50", "-3.50"});
  CheckNumber({"(3.50)", "-3.50", "-3.50"});
  CheckNumber({"（3.50）", "-3.50", "-3.50"});
  CheckNumber({"- 12", "-12", "-12"});
  CheckNumber({"(1,200)", "-1200", "-1200"});
  EXPECT_TRUE(IsAmbiguous("(-3.50)"));
  EXPECT_TRUE(IsAmbiguous("(3.50"));
}

TEST(NormalizeCell, ParenthesizedIntegerIsNumberingNotANegative) {
  for (const char* s : {"(2023)", "（1）", "(12)"}) {
    const NormalizedCell cell = NormalizeCell(s);
    EXPECT_FALSE(cell.value.has_value()) << s;
    EXPECT_FALSE(cell.ambiguity.has_value()) << s;
  }
  EXPECT_EQ(NormalizeCell("（1）").text, "(1)");
}

TEST(NormalizeCell, DatesAndYearRangesArePlainText) {
  for (const char* s : {"2023-01-31", "2023.12.31", "2023/1/5", "2021-2023", "2023-1"}) {
    const NormalizedCell cell = NormalizeCell(s);
    EXPECT_FALSE(cell.value.has_value()) << s;
    EXPECT_FALSE(cell.ambiguity.has_value()) << s;
  }
  EXPECT_EQ(NormalizeCell("2023.12").value, "2023.12");
}

TEST(NormalizeCell, ZeroIsNeverNegative) {
  CheckNumber({"-0", "0", "0"});
  CheckNumber({"-0.00", "0.00", "0.00"});
  CheckNumber({"(0.00)", "0.00", "0.00"});
}

TEST(NormalizeCell, PercentStaysInValue) {
  CheckNumber({"96.49%", "96.49%", "96.49%"});
  CheckNumber({"100 %", "100%", "100%"});
  CheckNumber({"９６．４９％", "96.49%", "96.49%"});
  CheckNumber({"-5%", "-5%", "-5%"});
}

TEST(NormalizeCell, BareFraction) { CheckNumber({".5", "0.5", "0.5"}); }

TEST(NormalizeCell, DashesAndSlashMeanEmpty) {
  for (const char* s : {"-", "－", "—", "——", "–", "/", "--", "−", " - "}) {
    const NormalizedCell cell = NormalizeCell(s);
    EXPECT_FALSE(cell.value.has_value()) << s;
    EXPECT_FALSE(cell.ambiguity.has_value()) << s;
    EXPECT_FALSE(cell.text.empty()) << s;
  }
  EXPECT_EQ(NormalizeCell("－").text, "-");
  EXPECT_EQ(NormalizeCell("——").text, "——");
}

TEST(NormalizeCell, PlainTextHasNoValueAndNoAmbiguity) {
  for (const char* s : {"行政运行", "2023年", "=2种", ">=90%", "<=16.60万元", "201 一般公共服务支出",
                        "合计", "1.一般公共预算拨款", "A4", "5G", "%", ""}) {
    const NormalizedCell cell = NormalizeCell(s);
    EXPECT_FALSE(cell.value.has_value()) << s;
    EXPECT_FALSE(cell.ambiguity.has_value()) << s;
  }
  EXPECT_EQ(NormalizeCell("收     入").text, "收入");
}

TEST(NormalizeCell, MalformedNumbersAreAmbiguous) {
  for (const char* s : {"1,2", "12.3.4", "1,22.5", "12.", "1..2"}) {
    EXPECT_TRUE(IsAmbiguous(s)) << s;
  }
  EXPECT_EQ(*NormalizeCell("12.3.4").ambiguity, "malformed number");
}

TEST(NormalizeCell, TwoNumbersInOneCellAreAmbiguous) {
  EXPECT_TRUE(IsAmbiguous("12.5 13.6"));
  EXPECT_TRUE(IsAmbiguous("12.5\n13.6"));
  EXPECT_TRUE(IsAmbiguous("201 03 01"));
  EXPECT_EQ(*NormalizeCell("12.5 13.6").ambiguity, "more than one number in the cell");
  EXPECT_EQ(NormalizeCell("12.5\n13.6").text, "12.5 13.6");
}

TEST(NormalizeCell, NumberWrappedOverLinesIsJoined) {
  CheckNumber({"963.7\n7", "963.77", "963.77"});
  CheckNumber({"９６３．７\n７", "963.77", "963.77"});
  CheckNumber({"1229.\n70", "1229.70", "1229.70"});
  CheckNumber({"1,2\n29.70", "1229.70", "1229.70"});
  CheckNumber({"12 \r\n 29.70", "1229.70", "1229.70"});
  EXPECT_TRUE(IsAmbiguous("12\n13"));
  EXPECT_TRUE(IsAmbiguous("12.5\n13.6"));
  EXPECT_TRUE(IsAmbiguous("963.7 7"));  // a space is not a wrap
}

// A ruled column without row rules gathers one amount per body row into one
// cell; flattened, "776\n478\n526" reads like "776 478 526", a valid
// space-grouped number. Line breaks must never be taken for separators.
TEST(NormalizeCell, AmountsOnSeveralLinesAreNeverOneGroupedNumber) {
  for (const char* s : {"776\n478\n526", "1 858\n413", "776 \n 478"}) {
    NormalizedCell cell = NormalizeCell(s);
    EXPECT_FALSE(cell.value) << s;
    EXPECT_EQ(cell.ambiguity_kind, AmbiguityKind::kSeveralNumbers) << s;
  }
  CheckNumber({"1 858.41", "1858.41", "1858.41"});  // one line: still grouped
}

TEST(NormalizeCell, MoreThanFifteenIntegerDigitsIsImplausible) {
  CheckNumber({"999999999999999.99", "999999999999999.99", "999999999999999.99"});
  for (const char* s : {"1234567890123456", "7764785268031213206404.27", "-1234567890123456%"}) {
    NormalizedCell cell = NormalizeCell(s);
    EXPECT_FALSE(cell.value) << s;
    EXPECT_EQ(cell.ambiguity_kind, AmbiguityKind::kImplausible) << s;
  }
}

TEST(NormalizeCell, FootnoteMarkAfterAnAmountKeepsTheValue) {
  struct Case {
    const char* raw;
    const char* value;
    const char* text;
    const char* mark;
  };
  for (const Case& c : {Case{"102.7（注1）", "102.7", "102.7（注1）", "（注1）"},
                        Case{"1,229.70(注)", "1229.70", "1229.70(注)", "(注)"},
                        Case{"96.5%*", "96.5%", "96.5%*", "*"},
                        Case{"12.0²", "12.0", "12.0²", "²"},
                        Case{"8.00 ①", "8.00", "8.00①", "①"},
                        Case{"45注2", "45", "45注2", "注2"}}) {
    NormalizedCell cell = NormalizeCell(c.raw);
    EXPECT_EQ(cell.value, c.value) << c.raw;
    EXPECT_EQ(cell.text, c.text) << c.raw;
    EXPECT_EQ(cell.footnote, c.mark) << c.raw;
  }
  // A superscript is never read as a digit of the amount.
  EXPECT_NE(NormalizeCell("102.7²").value, "102.72");
  // Marks elsewhere are text, not footnotes of an amount.
  EXPECT_FALSE(NormalizeCell("注1").value);
  EXPECT_FALSE(NormalizeCell("1229.70").footnote);
}

TEST(NormalizeCell, AmbiguityKindsAreTold) {
  EXPECT_EQ(NormalizeCell("12.5 13.6").ambiguity_kind, AmbiguityKind::kSeveralNumbers);
  EXPECT_EQ(NormalizeCell("12.3.4").ambiguity_kind, AmbiguityKind::kMalformed);
  EXPECT_EQ(NormalizeCell("12a3").ambiguity_kind, AmbiguityKind::kLetterInDigits);
  EXPECT_EQ(NormalizeCell("1229.70").ambiguity_kind, AmbiguityKind::kNone);
}

TEST(NormalizeCell, LetterInsideDigitsIsAmbiguous) {
  EXPECT_TRUE(IsAmbiguous("12a3"));
  EXPECT_TRUE(IsAmbiguous("1O5.20"));
  EXPECT_EQ(*NormalizeCell("12a3").ambiguity, "letter inside digits");
  EXPECT_EQ(NormalizeCell("12a3").text, "12a3");
}

TEST(NormalizeCell, LongProseIsNotParsed) {
  const std::string prose(200, '1');
  EXPECT_FALSE(NormalizeCell(prose).value.has_value());
}

// fuzz_normalize: a 64-character bare fraction passed the length cap but its
// value, one "0" longer, did not, so ParseDecimal(value) was no value.
TEST(NormalizeCell, ValueAtTheLengthCapParsesBackAsItself) {
  const std::string at_cap = "." + std::string(63, '1');
  EXPECT_FALSE(NormalizeCell(at_cap).value.has_value());
  const std::string below = "." + std::string(62, '1');
  const std::optional<std::string> value = NormalizeCell(below).value;
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(ParseDecimal(*value), value);
}

TEST(ParseDecimal, IsTheCellValue) {
  EXPECT_EQ(ParseDecimal("1, 229. 70"), "1229.70");
  EXPECT_EQ(ParseDecimal("(3.50)"), "-3.50");
  EXPECT_EQ(ParseDecimal("行政运行"), std::nullopt);
  EXPECT_EQ(ParseDecimal("—"), std::nullopt);
}

}  // namespace
}  // namespace cnbudget
