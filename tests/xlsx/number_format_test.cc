// Number formats and the exact decimal arithmetic under them: what a stored
// value shows as, digit for digit, with no floating point on the way.
#include <gtest/gtest.h>

#include "extract/xlsx/decimal_text.h"
#include "extract/xlsx/number_format.h"
#include "extract/xlsx/sheet_reader.h"

namespace cnbudget::xlsx {
namespace {

TEST(DecimalText, ParsesStoredValues) {
  EXPECT_EQ(PlainText(*ParseDecimal("1229.7")), "1229.7");
  EXPECT_EQ(PlainText(*ParseDecimal("-0012.500")), "-12.5");
  EXPECT_EQ(PlainText(*ParseDecimal("1E-3")), "0.001");
  EXPECT_EQ(PlainText(*ParseDecimal("+4.2e+02")), "420");
  EXPECT_EQ(PlainText(*ParseDecimal(".5")), "0.5");
  EXPECT_EQ(PlainText(*ParseDecimal("-0.0")), "0");
  for (const char* bad : {"", "-", "1,000", "NaN", "1e", "1e999", "1.2.3", "0x10"})
    EXPECT_FALSE(ParseDecimal(bad).has_value()) << bad;
}

TEST(DecimalText, RoundsHalfAwayFromZeroOnDigits) {
  EXPECT_EQ(PlainText(RoundPlaces(*ParseDecimal("2.675"), 2)), "2.68");
  EXPECT_EQ(PlainText(RoundPlaces(*ParseDecimal("-2.675"), 2)), "-2.68");
  EXPECT_EQ(PlainText(RoundPlaces(*ParseDecimal("9.995"), 2)), "10");
  EXPECT_EQ(PlainText(RoundPlaces(*ParseDecimal("0.004"), 2)), "0");
  EXPECT_EQ(PlainText(RoundPlaces(*ParseDecimal("999.5"), 0)), "1000");
  EXPECT_EQ(PlainText(RoundSignificant(*ParseDecimal("1528.7499999999998"), 15)), "1528.75");
  EXPECT_EQ(PlainText(RoundSignificant(*ParseDecimal("0.30000000000000004"), 15)), "0.3");
}

TEST(NumberFormat, BudgetFormats) {
  EXPECT_EQ(DisplayNumber("1229.7", "#,##0.00"), "1,229.70");
  EXPECT_EQ(DisplayNumber("1528.7499999999998", "#,##0.00"), "1,528.75");
  EXPECT_EQ(DisplayNumber("1528.7499999999998", "General"), "1528.75");
  EXPECT_EQ(DisplayNumber("2.1", "0.00"), "2.10");
  EXPECT_EQ(DisplayNumber("1234567.891", "#,##0"), "1,234,568");
  EXPECT_EQ(DisplayNumber("0.5", "#,##0.0#"), "0.5");
  EXPECT_EQ(DisplayNumber("0.125", "#,##0.0#"), "0.13");
  EXPECT_EQ(DisplayNumber("12", "0.0#"), "12.0");
  EXPECT_EQ(DisplayNumber("0.9649", "0.00%"), "96.49%");
  EXPECT_EQ(DisplayNumber("0.5", "0%"), "50%");
  EXPECT_EQ(DisplayNumber("123456", "#,##0.0,"), "123.5");
  EXPECT_EQ(DisplayNumber("3", "0.00\"元\""), "3.00元");
  EXPECT_EQ(DisplayNumber("3", "[$¥-804]#,##0.00"), "¥3.00");
  EXPECT_EQ(DisplayNumber("7", "@"), "7");
  EXPECT_EQ(DisplayNumber("0", "General"), "0");
}

TEST(NumberFormat, SignSections) {
  EXPECT_EQ(DisplayNumber("-1234.5", "#,##0.00"), "-1,234.50");
  EXPECT_EQ(DisplayNumber("-1234.5", "#,##0.00;[Red]\\-#,##0.00"), "-1,234.50");
  EXPECT_EQ(DisplayNumber("-1234.5", "#,##0.00;(#,##0.00)"), "(1,234.50)");
  EXPECT_EQ(DisplayNumber("-1234.5", "#,##0.00;[Red]#,##0.00"), "1,234.50");
  EXPECT_EQ(DisplayNumber("0", "#,##0.00;-#,##0.00;\"-\""), "-");
  EXPECT_EQ(DisplayNumber("-0.004", "0.00"), "0.00");
  const std::string accounting = BuiltinFormatCode(43);
  EXPECT_EQ(DisplayNumber("0", accounting), "-");
  EXPECT_EQ(DisplayNumber("1229.7", accounting), "1,229.70");
  EXPECT_EQ(DisplayNumber("-12", accounting), "(12.00)");
}

TEST(NumberFormat, UnsupportedFormatsShowTheStoredValue) {
  EXPECT_EQ(DisplayNumber("45000", "yyyy-mm-dd"), "45000");
  EXPECT_EQ(DisplayNumber("1234.5", "0.00E+00"), "1234.5");
  EXPECT_EQ(DisplayNumber("0.5", "# ?/?"), "0.5");
  EXPECT_EQ(DisplayNumber("150", "[>=100]0;0.00"), "150");
  EXPECT_EQ(DisplayNumber("not a number", "0.00"), "not a number");
  EXPECT_EQ(DisplayNumber("1E+300", "0.00"), "1E+300");
  EXPECT_EQ(BuiltinFormatCode(14), "");
  EXPECT_EQ(BuiltinFormatCode(4), "#,##0.00;-#,##0.00");
}

TEST(CellRefs, ParseReferencesAndRanges) {
  int r = -1, c = -1;
  ASSERT_TRUE(ParseCellRef("B3", &r, &c));
  EXPECT_EQ(r, 2);
  EXPECT_EQ(c, 1);
  ASSERT_TRUE(ParseCellRef("XFD1048576", &r, &c));
  EXPECT_EQ(c, 16383);
  EXPECT_EQ(r, 1048575);
  for (const char* bad : {"", "B", "3", "B0", "B3x", "AAAAAAAA1", "A99999999999"})
    EXPECT_FALSE(ParseCellRef(bad, &r, &c)) << bad;
  const auto m = ParseRange("A4:C5");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->r0, 3);
  EXPECT_EQ(m->c1, 2);
  EXPECT_FALSE(ParseRange("C5:A4").has_value());
}

}  // namespace
}  // namespace cnbudget::xlsx
