#include "mapping/row_keys.h"

#include <gtest/gtest.h>

#include "mapping/records.h"
#include "table_builder.h"

namespace cnbudget {
namespace {

using testing::MakeTable;
using testing::Merge;

TEST(LeadingCode, DigitsAndSpacedGroups) {
  EXPECT_EQ(LeadingCode("2010301"), "2010301");
  EXPECT_EQ(LeadingCode("201 03 01"), "2010301");
  EXPECT_EQ(LeadingCode("01 基本工资"), "01");
  EXPECT_EQ(LeadingCode("201一般公共服务支出"), "201");
  EXPECT_EQ(LeadingCode("行政运行"), "");
  EXPECT_EQ(LeadingCode("1.一般公共预算拨款"), "");
  EXPECT_EQ(WithoutLeadingCode("201 一般公共服务支出"), "一般公共服务支出");
  EXPECT_EQ(WithoutLeadingCode("01 基本工资"), "基本工资");
  EXPECT_EQ(WithoutLeadingCode("一、本年收入"), "一、本年收入");
}

TEST(TotalCaption, Variants) {
  for (const char* s : {"合计", "总计", "支出总计", "本年收入合计", "项目支出合计", "财政拨款(补助)小计", "合 计"})
    EXPECT_TRUE(IsTotalCaption(s)) << s;
  for (const char* s : {"行政运行", "合计数说明", "基本支出"}) EXPECT_FALSE(IsTotalCaption(s)) << s;
}

// 类/款/项 columns under a merged 科目编码 header, one label column.
model::Table ExpenditureTable() {
  model::Table t = MakeTable("budget.expenditure", 2,
                             {{"科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"},
                              {"类", "款", "项", "", "", "", ""},
                              {"201", "", "", "一般公共服务支出", "10.00", "6.00", "4.00"},
                              {"", "03", "", "政府办公厅(室)及相关机构事务", "10.00", "6.00", "4.00"},
                              {"", "", "01", "行政运行", "6.00", "6.00", ""},
                              {"", "", "99", "其他政府办公厅(室)及相关机构事务支出", "4.00", "", "4.00"},
                              {"", "", "", "合计", "10.00", "6.00", "4.00"}},
                             {0, 1, 2});
  Merge(t, 0, 0, 1, 3);
  Merge(t, 0, 3, 2, 1);
  Merge(t, 0, 4, 2, 1);
  Merge(t, 0, 5, 2, 1);
  Merge(t, 0, 6, 2, 1);
  return t;
}

TEST(TableKeys, HeaderPathsCodeAndLabelColumns) {
  model::Table t = ExpenditureTable();
  TableKeys keys(t);
  EXPECT_EQ(keys.ColumnPath(0), (std::vector<std::string>{"科目编码", "类"}));
  EXPECT_EQ(keys.ColumnPath(2), (std::vector<std::string>{"科目编码", "项"}));
  EXPECT_EQ(keys.ColumnPath(4), (std::vector<std::string>{"合计"}));  // merged down: once
  for (int c : {0, 1, 2}) EXPECT_TRUE(keys.IsCode(c) && !keys.IsLabel(c)) << c;
  EXPECT_TRUE(keys.IsLabel(3));
  EXPECT_FALSE(keys.IsKey(4));
}

TEST(TableKeys, CarriesClassAndKindDown) {
  model::Table t = ExpenditureTable();
  TableKeys keys(t);
  int b = keys.BlockOf(4);
  EXPECT_EQ(keys.Key(2, b).code, "201");
  EXPECT_EQ(keys.Key(3, b).code, "20103");
  const model::RowKey& item = keys.Key(4, b);
  EXPECT_EQ(item.code, "2010301");
  EXPECT_EQ(item.cls, "201");
  EXPECT_EQ(item.kind, "03");
  EXPECT_EQ(item.item, "01");
  EXPECT_EQ(item.label, "行政运行");
  EXPECT_EQ(item.name, "行政运行");
  EXPECT_EQ(keys.Key(5, b).code, "2010399");
  EXPECT_FALSE(keys.Key(6, b).code.has_value());
  EXPECT_EQ(keys.Key(6, b).label, "合计");
}

// A label wrapped onto a row of its own joins the row above in label_clean;
// a short row without amounts after a complete label stays apart.
TEST(TableKeys, WrappedLabelIsJoinedInTheCleanLabel) {
  model::Table t = testing::MakeTable("budget.general_public", 1,
                                      {{"项目", "预算数"},
                                       {"八、社会保障和就", "12.00"},
                                       {"业支出", ""},
                                       {"住房保障支出", "3.00"},
                                       {"其他", ""},
                                       {"合计", "15.00"}});
  TableKeys keys(t);
  const int b = keys.BlockOf(1);
  EXPECT_EQ(keys.Key(1, b).label, "八、社会保障和就");
  EXPECT_EQ(keys.Key(1, b).label_clean, "社会保障和就业支出");
  EXPECT_EQ(keys.Key(3, b).label_clean, "住房保障支出");
}

TEST(TableKeys, CodeAndNameInOneCell) {
  model::Table t = MakeTable("budget.general_public_basic", 2,
                             {{"科目代码", "科目名称", "合计"},
                              {"类", "款", ""},
                              {"301", "工资福利支出", "5.00"},
                              {"301", "01 基本工资", "5.00"},
                              {"", "总计", "5.00"}},
                             {0});
  Merge(t, 0, 2, 2, 1);
  TableKeys keys(t);
  EXPECT_TRUE(keys.IsCode(1));
  EXPECT_TRUE(keys.IsLabel(1));
  int b = keys.BlockOf(2);
  EXPECT_EQ(keys.Key(2, b).code, "301");
  EXPECT_EQ(keys.Key(3, b).code, "30101");
  EXPECT_EQ(keys.Key(3, b).kind, "01");
  EXPECT_EQ(keys.Key(3, b).label, "01 基本工资");
  EXPECT_EQ(keys.Key(3, b).name, "基本工资");
}

TEST(TableKeys, WholeCodeInOneCell) {
  model::Table t = MakeTable("budget.general_public", 1,
                             {{"科目编码", "科目名称", "合计"},
                              {"201 03 01", "行政运行", "5.00"},
                              {"2010350", "事业运行", "1.00"}},
                             {0});
  TableKeys keys(t);
  int b = keys.BlockOf(2);
  EXPECT_EQ(keys.Key(1, b).code, "2010301");
  EXPECT_EQ(keys.Key(1, b).item, "01");
  EXPECT_EQ(keys.Key(2, b).code, "2010350");
  EXPECT_EQ(keys.Key(2, b).kind, "03");
}

TEST(Records, TwoSidedTableGivesBothSides) {
  model::Table t = MakeTable("budget.summary", 2,
                             {{"收入", "", "支出", ""},
                              {"项目", "预算数", "功能分类", "预算数"},
                              {"一、本年收入", "12.00", "201 一般公共服务支出", "10.00"},
                              {"", "", "208 社会保障和就业支出", "2.00"},
                              {"收入总计", "12.00", "支出总计", "12.00"}});
  Merge(t, 0, 0, 1, 2);
  Merge(t, 0, 2, 1, 2);
  std::vector<Issue> issues;
  std::vector<model::Record> recs = BuildRecords(t, &issues);
  ASSERT_EQ(recs.size(), 5u);
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(recs[0].row.label, "一、本年收入");
  EXPECT_FALSE(recs[0].row.code.has_value());
  EXPECT_EQ(recs[0].column, (std::vector<std::string>{"收入", "预算数"}));
  EXPECT_EQ(recs[0].measure, "budget_amount");
  EXPECT_EQ(recs[1].row.code, "201");
  EXPECT_EQ(recs[1].row.name, "一般公共服务支出");
  EXPECT_EQ(recs[1].row.label, "201 一般公共服务支出");
  EXPECT_EQ(recs[1].column, (std::vector<std::string>{"支出", "预算数"}));
  EXPECT_EQ(recs[1].value, "10.00");
  EXPECT_EQ(recs[1].unit, "万元");
  EXPECT_EQ(recs[3].row.label, "收入总计");
  EXPECT_EQ(recs[4].row.label, "支出总计");
}

TEST(Records, NoneForPerformanceOrUnknownTables) {
  model::Table t = ExpenditureTable();
  t.standard = "performance.project_target";
  EXPECT_TRUE(BuildRecords(t, nullptr).empty());
  t.standard.reset();
  EXPECT_TRUE(BuildRecords(t, nullptr).empty());
}

TEST(Records, HeaderAndCodeValuesYieldNone) {
  model::Table t = ExpenditureTable();
  for (model::Cell& c : t.cells)  // a front end that left values on codes
    if (c.c < 3 && c.r >= 2 && !c.text.empty()) c.value = c.text;
  std::vector<model::Record> recs = BuildRecords(t, nullptr);
  for (const model::Record& r : recs) EXPECT_GE(r.c, 4);
  EXPECT_EQ(recs.size(), 13u);
}

TEST(Records, UnknownColumnGivesOneInfoIssue) {
  model::Table t = MakeTable("budget.expenditure", 1,
                             {{"科目名称", "神秘列"}, {"行政运行", "1.00"}, {"事业运行", "2.00"}});
  std::vector<Issue> issues;
  std::vector<model::Record> recs = BuildRecords(t, &issues);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_FALSE(recs[0].measure.has_value());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].severity, Severity::kInfo);
  EXPECT_EQ(issues[0].table, t.index);
}

}  // namespace
}  // namespace cnbudget

namespace cnbudget {
namespace {

// A header repeated inside the body of an otherwise empty amount column must
// not turn that column into a label column (it would steal the row keys of
// the columns on its right).
TEST(TableKeys, StrayTextInAnEmptyAmountColumnIsNoLabel) {
  std::vector<std::vector<std::string>> rows = {{"科目编码", "科目名称", "合计", "政府性基金预算", "单位资金"}};
  for (int i = 10; i < 30; ++i) rows.push_back({"20103" + std::to_string(i), "事务", "3.00", "", "3.00"});
  rows.push_back({"", "", "", "政府性基金预算", ""});
  model::Table t = MakeTable("budget.income", 1, rows, {0});
  TableKeys keys(t);
  EXPECT_FALSE(keys.IsLabel(3));
  EXPECT_EQ(keys.Key(1, keys.BlockOf(4)).code, "2010310");
}

}  // namespace
}  // namespace cnbudget

namespace cnbudget {
namespace {

TEST(TableKeys, DashCellsDoNotMakeALabelColumn) {
  model::Table t = MakeTable("budget.three_public", 1,
                             {{"项目", "合计", "一般公共预算"},
                              {"因公出国(境)费", "-", "—"},
                              {"公务接待费", "2.80", "/"},
                              {"公务用车运行费", "--", "68.00"}});
  TableKeys keys(t);
  EXPECT_TRUE(keys.IsLabel(0));
  EXPECT_FALSE(keys.IsLabel(1));
  EXPECT_FALSE(keys.IsLabel(2));
}

TEST(RowKeys, OrdinalsAreDroppedFromTheCleanLabel) {
  EXPECT_EQ(WithoutOrdinal("一、一般公共服务支出"), "一般公共服务支出");
  EXPECT_EQ(WithoutOrdinal("十二、农林水支出"), "农林水支出");
  EXPECT_EQ(WithoutOrdinal("（一）税收收入"), "税收收入");
  EXPECT_EQ(WithoutOrdinal("(3)其他收入"), "其他收入");
  EXPECT_EQ(WithoutOrdinal("1.统计调查工作补助"), "统计调查工作补助");
  EXPECT_EQ(WithoutOrdinal("2、社区工作经费"), "社区工作经费");
  EXPECT_EQ(WithoutOrdinal("1.5万元以下"), "1.5万元以下");
  EXPECT_EQ(WithoutOrdinal("行政运行"), "行政运行");
  EXPECT_EQ(WithoutOrdinal("一般公共服务支出"), "一般公共服务支出");
}

}  // namespace
}  // namespace cnbudget
