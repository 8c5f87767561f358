#include "mapping/measures.h"

#include <gtest/gtest.h>

namespace cnbudget {
namespace {

std::string M(std::vector<std::string> path) { return MeasureForPath(path).value_or("<none>"); }

TEST(Measures, TotalsShareOneId) {
  EXPECT_EQ(M({"合计"}), "total");
  EXPECT_EQ(M({"总计"}), "total");
  EXPECT_EQ(M({"支出预算", "合 计"}), "total");
  EXPECT_EQ(M({"一般公共预算支出", "合计"}), "total");
  EXPECT_EQ(M({"项目支出合计"}), "total");
}

TEST(Measures, ParentDecidesWhereNeeded) {
  EXPECT_EQ(M({"财政拨款(补助)", "一般公共预算"}), "general_public_budget");
  EXPECT_EQ(M({"财政拨款（补助）", "财政拨款（补助）小计"}), "fiscal_total");
  EXPECT_EQ(M({"财政拨款", "小计"}), "fiscal_total");
  EXPECT_EQ(M({"非财政拨款", "小计"}), "non_fiscal_total");
  EXPECT_EQ(M({"财政拨款", "基本支出", "人员经费"}), "fiscal_personnel_expenses");
  EXPECT_EQ(M({"政府性基金预算支出", "基本支出", "人员经费"}), "personnel_expenses");
  EXPECT_EQ(M({"人员经费", "决算数"}), "final_personnel_expenses");
  EXPECT_EQ(M({"财政拨款“三公”经费", "因公出国(境)费", "预算数"}), "budget_outbound_travel");
  EXPECT_EQ(M({"财政拨款“三公”经费", "公务用车购置及运行维护费", "小计", "决算数"}), "final_official_vehicles");
  EXPECT_EQ(M({"“三公”经费", "小计"}), "three_public_total");
  EXPECT_EQ(M({"2024年“三公”经费预算数", "公务用车购置及运行费", "运行费"}), "vehicle_operation");
  EXPECT_EQ(M({"2024年机关运行经费预算数"}), "admin_operating_expenses");
  EXPECT_EQ(M({"收入", "预算数"}), "budget_amount");
  EXPECT_EQ(M({"预算数", "合计"}), "budget_total");
  EXPECT_EQ(M({"决算数", "公务用车购置及运行费", "小计"}), "final_official_vehicles");
  EXPECT_EQ(M({"决算数", "因公出国（境）费"}), "final_outbound_travel");
  EXPECT_EQ(M({"资金来源", "政府性基金"}), "gov_fund_budget");
}

TEST(Measures, UnknownIsNull) {
  EXPECT_FALSE(MeasureForPath({"神秘列"}).has_value());
  EXPECT_FALSE(MeasureForPath({}).has_value());
}

}  // namespace
}  // namespace cnbudget
