#include <gtest/gtest.h>

#include "tests/mapping_front/cells.h"

#include "mapping/identify.h"
#include "mapping/text_match.h"

namespace cnbudget::mapping {
namespace {

std::optional<std::string> Std(const char* title) { return StandardForTitle(Squash(title)); }

TEST(Identify, BudgetTitleVariants) {
  EXPECT_EQ(Std("昌吉州政府办公室收支总体情况表"), "budget.summary");
  EXPECT_EQ(Std("部门（单位）收支总体情况表"), "budget.summary");
  EXPECT_EQ(Std("2026年部门收入总体情况表"), "budget.income");
  EXPECT_EQ(Std("单位支出总体情况表"), "budget.expenditure");
  EXPECT_EQ(Std("财政拨款收支预算总体情况表"), "budget.fiscal_summary");
  EXPECT_EQ(Std("财政拨款收支总体情况表"), "budget.fiscal_summary");
  EXPECT_EQ(Std("一般公共预算支出情况表"), "budget.general_public");
  EXPECT_EQ(Std("一般公共预算基本支出情况表"), "budget.general_public_basic");
  EXPECT_EQ(Std("一般公共预算项目支出情况表"), "budget.general_public_project");
  EXPECT_EQ(Std("政府性基金预算支出情况表"), "budget.gov_fund");
  EXPECT_EQ(Std("国有资本经营预算支出情况表"), "budget.state_capital");
  EXPECT_EQ(Std("财政拨款“三公”经费支出情况表"), "budget.three_public");
  EXPECT_EQ(Std("财政拨款委托业务费支出情况表"), "budget.entrusted");
  EXPECT_EQ(Std("上年结转结余情况表"), "budget.carryover");
  EXPECT_EQ(Std("部门收支总表"), "budget.summary");
  EXPECT_EQ(Std("部门收入总表"), "budget.income");
}

TEST(Identify, FinalTitles) {
  EXPECT_EQ(Std("收入支出决算总表"), "final.summary");
  EXPECT_EQ(Std("收入决算表"), "final.income");
  EXPECT_EQ(Std("支出决算表"), "final.expenditure");
  EXPECT_EQ(Std("财政拨款收入支出决算总表"), "final.fiscal_summary");
  EXPECT_EQ(Std("一般公共预算财政拨款支出决算表"), "final.general_public");
  EXPECT_EQ(Std("一般公共预算财政拨款基本支出决算表"), "final.general_public_basic");
  EXPECT_EQ(Std("财政拨款“三公”经费支出决算表"), "final.three_public");
  EXPECT_EQ(Std("政府性基金预算财政拨款收入支出决算表"), "final.gov_fund");
  EXPECT_EQ(Std("国有资本经营预算财政拨款支出决算表"), "final.state_capital");
}

TEST(Identify, PerformanceTitles) {
  EXPECT_EQ(Std("项目支出绩效目标表"), "performance.project_target");
  EXPECT_EQ(Std("部门整体绩效目标表"), "performance.unit_target");
  EXPECT_EQ(Std("部门（单位）整体支出绩效目标自评表"), "performance.unit_self_eval");
  EXPECT_EQ(Std("项目支出绩效自评表"), "performance.project_self_eval");
  EXPECT_EQ(Std("项目支出绩效目标表（2023年）"), "performance.project_target");
}

TEST(Identify, SentencesAndHeadingsAreNotTitles) {
  EXPECT_EQ(Std("政府性基金预算支出情况表为空表。"), std::nullopt);
  EXPECT_EQ(Std("政府性基金预算支出情况表为空表"), std::nullopt);
  EXPECT_EQ(Std("第二部分 2023年 昌吉州政府办公室预算公开表"), std::nullopt);
  EXPECT_EQ(Std("关于一般公共预算支出情况的说明"), std::nullopt);
  EXPECT_EQ(Std("资产负债表"), std::nullopt);
}

RawTable Grid(std::vector<std::vector<std::string>> rows) {
  RawTable t;
  t.n_rows = static_cast<int>(rows.size());
  for (int r = 0; r < t.n_rows; ++r) {
    t.n_cols = std::max(t.n_cols, static_cast<int>(rows[r].size()));
    for (int c = 0; c < static_cast<int>(rows[r].size()); ++c)
      if (!rows[r][c].empty()) t.cells.push_back(testing::MakeCell(r, c, 1, 1, rows[r][c]));
  }
  return t;
}

TEST(Identify, HeaderSignatures) {
  EXPECT_EQ(StandardForHeader(Grid({{"收入", "", "支出", ""}, {"项目", "预算数", "项目", "预算数"}}), false),
            "budget.summary");
  EXPECT_EQ(StandardForHeader(Grid({{"项目", "一般公共预算支出"},
                                    {"功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出"}}),
                              false),
            "budget.general_public");
  EXPECT_EQ(StandardForHeader(Grid({{"“三公”经费支出内容", "合计"}, {"因公出国(境)费", "1.00"}}), false),
            "budget.three_public");
  EXPECT_EQ(StandardForHeader(Grid({{"预算单位", "某单位"}, {"项目名称", "x", "项目负责人", "y"},
                                    {"一级指标", "二级指标", "三级指标", "指标值"}}),
                              false),
            "performance.project_target");
  EXPECT_EQ(StandardForHeader(Grid({{"姓名", "电话"}, {"张三", "123"}}), false), std::nullopt);
}

}  // namespace
}  // namespace cnbudget::mapping
