#include "normalize/decimal.h"

#include <gtest/gtest.h>

namespace cnbudget {
namespace {

Decimal D(const char* s) {
  std::optional<Decimal> d = Decimal::Parse(s);
  EXPECT_TRUE(d.has_value()) << s;
  return d.value_or(Decimal());
}

TEST(Decimal, ParsesCanonicalStrings) {
  EXPECT_EQ(D("1229.70").ToString(), "1229.70");
  EXPECT_EQ(D("1229.70").scale(), 2);
  EXPECT_EQ(D("-3.5").ToString(), "-3.5");
  EXPECT_EQ(D("007").ToString(), "7");
  EXPECT_EQ(D("0.05").ToString(), "0.05");
  EXPECT_EQ(D("-0").ToString(), "0");
  EXPECT_FALSE(D("-0.00").is_negative());
  EXPECT_TRUE(D("-0.00").is_zero());
}

TEST(Decimal, RejectsAnythingElse) {
  for (const char* s : {"", "-", ".", "1.", ".5", "1,229.70", "96%", " 1", "1e5", "--1", "1.2.3"}) {
    EXPECT_FALSE(Decimal::Parse(s).has_value()) << s;
  }
}

TEST(Decimal, AddsAcrossScales) {
  EXPECT_EQ((D("1229.70") + D("2.155")).ToString(), "1231.855");
  EXPECT_EQ((D("0.5") + D("0.50")).ToString(), "1.00");
  EXPECT_EQ((D("99.99") + D("0.01")).ToString(), "100.00");
  EXPECT_EQ((D("1") + D("2")).ToString(), "3");
}

TEST(Decimal, SubtractsAndHandlesSigns) {
  EXPECT_EQ((D("1528.75") - D("15228.75")).ToString(), "-13700.00");
  EXPECT_EQ((D("-3.50") + D("1.25")).ToString(), "-2.25");
  EXPECT_EQ((D("-3.50") + D("3.5")).ToString(), "0.00");
  EXPECT_FALSE((D("-3.50") + D("3.5")).is_negative());
  EXPECT_EQ((D("-1") - D("-1.5")).ToString(), "0.5");
  EXPECT_EQ((-D("2.5")).ToString(), "-2.5");
}

TEST(Decimal, ComparesByValue) {
  EXPECT_EQ(D("1.5"), D("1.50"));
  EXPECT_LT(D("-2"), D("1"));
  EXPECT_LT(D("-2"), D("-1.99"));
  EXPECT_GT(D("10"), D("9.999"));
  EXPECT_EQ(D("0"), D("-0.0"));
  EXPECT_NE(D("1229.70"), D("1229.71"));
}

TEST(Decimal, BigValuesStayExact) {
  const Decimal big = D("123456789012345678901234567890.123456789");
  EXPECT_EQ((big + D("0.000000001")).ToString(), "123456789012345678901234567890.123456790");
  EXPECT_EQ((big - big).ToString(), "0.000000000");
  EXPECT_EQ((D("99999999999999999999999999999999") + D("1")).ToString(),
            "100000000000000000000000000000000");
}

TEST(Decimal, ToStringWithScalePadsOrRounds) {
  EXPECT_EQ(D("1229.7").ToString(2), "1229.70");
  EXPECT_EQ(D("2.155").ToString(2), "2.16");
  EXPECT_EQ(D("2.154").ToString(2), "2.15");
  EXPECT_EQ(D("-2.155").ToString(2), "-2.16");
  EXPECT_EQ(D("9.995").ToString(2), "10.00");
  EXPECT_EQ(D("0.004").ToString(2), "0.00");
  EXPECT_EQ(D("-0.004").ToString(2), "0.00");
  EXPECT_EQ(D("12.5").ToString(0), "13");
  EXPECT_EQ(D("0").ToString(2), "0.00");
  EXPECT_EQ(D("0.05").ToString(1), "0.1");
}

}  // namespace
}  // namespace cnbudget
