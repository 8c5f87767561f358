#include "mapping/checks.h"

#include <gtest/gtest.h>

#include "normalize/decimal.h"
#include "mapping/records.h"
#include "table_builder.h"

namespace cnbudget {
namespace {

using testing::MakeTable;
using testing::Merge;

model::Table Expenditure(const std::vector<std::string>& total_row_values) {
  std::vector<std::vector<std::string>> rows = {
      {"科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"},
      {"类", "款", "项", "", "", "", ""},
      {"201", "", "", "一般公共服务支出", "10.00", "6.00", "4.00"},
      {"201", "03", "", "政府办公厅(室)及相关机构事务", "10.00", "6.00", "4.00"},
      {"201", "03", "01", "行政运行", "6.00", "6.00", ""},
      {"201", "03", "99", "其他政府办公厅(室)及相关机构事务支出", "4.00", "", "4.00"},
      {"208", "", "", "社会保障和就业支出", "2.50", "2.50", ""},
      {"208", "05", "", "行政事业单位养老支出", "2.50", "2.50", ""},
      {"208", "05", "05", "机关事业单位基本养老保险缴费支出", "2.50", "2.50", ""},
  };
  std::vector<std::string> total = {"", "", "", "合计"};
  total.insert(total.end(), total_row_values.begin(), total_row_values.end());
  rows.push_back(total);
  model::Table t = MakeTable("budget.expenditure", 2, rows, {0, 1, 2});
  Merge(t, 0, 0, 1, 3);
  for (int c = 3; c <= 6; ++c) Merge(t, 0, c, 2, 1);
  return t;
}

std::vector<Issue> Check(std::vector<model::Table> tables) {
  model::Document doc;
  for (size_t i = 0; i < tables.size(); ++i) {
    tables[i].index = static_cast<int>(i);
    tables[i].records = BuildRecords(tables[i], nullptr);
    doc.tables.push_back(tables[i]);
  }
  CheckArithmetic(doc);
  return doc.issues;
}

TEST(Checks, ConsistentTableGetsNothing) {
  EXPECT_TRUE(Check({Expenditure({"12.50", "8.50", "4.00"})}).empty());
}

TEST(Checks, TypoInATotalIsReportedOnce) {
  model::Table t = Expenditure({"12.50", "8.50", "4.00"});
  for (model::Cell& c : t.cells)
    if (c.r == 2 && c.c == 4) c.value = c.text = "100.00";  // breaks its row and its column
  std::vector<Issue> issues = Check({t});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].severity, Severity::kWarning);
  EXPECT_EQ(issues[0].code, "sum_mismatch");
  EXPECT_EQ(issues[0].table, 0);
  EXPECT_EQ(issues[0].r, 2);
  EXPECT_EQ(issues[0].c, 4);
  EXPECT_EQ(issues[0].expected, "10.00");
  EXPECT_EQ(issues[0].found, "100.00");
}

// A procurement plan: label columns (品目, 专项, 经济科目, 物品, 组织形式)
// and one 总计 column. The 总计 is no sum of the columns beside it: none
// holds an amount. Rows are named by the item, not by how it is bought.
model::Table Procurement() {
  return MakeTable("budget.procurement", 1,
                   {{"采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计"},
                    {"合计", "", "", "", "", "120.00"},
                    {"一、货物A", "", "", "", "", "120.00"},
                    {"", "办公设备购置费", "办公设备购置", "", "", "120.00"},
                    {"", "", "", "台式计算机", "政府集中采购", "80.00"},
                    {"", "", "", "打印设备", "分散自行组织", "40.00"}});
}

TEST(Checks, TotalColumnBesideTextColumnsIsNoSum) {
  EXPECT_TRUE(Check({Procurement()}).empty());
}

// Blank part columns are zeros, not words: a total beside them is reported.
TEST(Checks, TotalBesideBlankPartsIsStillAMismatch) {
  const model::Table t = MakeTable("budget.three_public", 1,
                                   {{"项目", "合计", "因公出国(境)费", "公务接待费"},
                                    {"2024年预算数", "12.00", "", ""}});
  const std::vector<Issue> issues = Check({t});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, "sum_mismatch");
  EXPECT_EQ(issues[0].found, "12.00");
}

TEST(Records, ProcurementRowsAreNamedByTheItemNotByHowItIsBought) {
  const model::Table t = Procurement();
  const std::vector<model::Record> records = BuildRecords(t, nullptr);
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[3].row.label, "台式计算机");
  EXPECT_EQ(records[3].value, "80.00");
  EXPECT_EQ(records[4].row.label, "打印设备");
  EXPECT_EQ(records[2].row.label, "办公设备购置");
}

TEST(Checks, ParentRowDisagreeingWithItsChildren) {
  model::Table t = Expenditure({"12.50", "8.50", "4.00"});
  for (model::Cell& c : t.cells)  // an item's 合计 off: breaks its row and its 款
    if (c.r == 4 && c.c == 4) c.value = c.text = "7.00";
  std::vector<Issue> issues = Check({t});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].r, 4);
  EXPECT_EQ(issues[0].c, 4);
  EXPECT_EQ(issues[0].expected, "6.00");
  EXPECT_EQ(issues[0].found, "7.00");
}

TEST(Checks, ClassRowDisagreeingWithItsKinds) {
  model::Table t = Expenditure({"12.50", "8.50", "4.00"});
  for (model::Cell& c : t.cells)  // a 类 row whose three columns all disagree with its 款
    if (c.r == 6 && c.c >= 4 && c.c <= 5) c.value = c.text = "2.60";
  std::vector<Issue> issues = Check({t});
  ASSERT_EQ(issues.size(), 2u);
  for (const Issue& i : issues) {
    EXPECT_EQ(i.r, 6);
    EXPECT_EQ(i.expected, "2.50");
    EXPECT_EQ(i.found, "2.60");
  }
}

TEST(Checks, TotalRowDisagreeingWithTopLevelRows) {
  std::vector<Issue> issues = Check({Expenditure({"12.60", "8.50", "4.00"})});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].r, 9);
  EXPECT_EQ(issues[0].c, 4);
  EXPECT_EQ(issues[0].expected, "12.50");
  EXPECT_EQ(issues[0].found, "12.60");
}

// Seed 002, 表7: the last projects put their amounts in 商品和服务支出 and
// leave 项目支出合计 empty.
TEST(Checks, AmountsOutsideTheProjectTotal) {
  model::Table t = MakeTable(
      "budget.general_public_project", 2,
      {{"科目编码", "", "", "科目名称", "项目名称", "项目支出合计", "工资福利支出", "商品和服务支出", "资本性支出"},
       {"类", "款", "项", "", "", "", "", "", ""},
       {"201", "", "", "一般公共服务支出", "", "1928.73", "", "437.73", "1491.00"},
       {"201", "03", "", "政府办公厅(室)及相关机构事务", "", "1928.73", "", "437.73", "1491.00"},
       {"201", "03", "99", "其他", "机构运行补助", "3.00", "", "3.00", ""},
       {"201", "03", "99", "其他", "政务云平台机房存储扩容项目", "570.00", "", "", "570.00"},
       {"201", "03", "99", "其他", "网站和云平台运维项目经费", "150.00", "", "129.00", "21.00"},
       {"201", "03", "99", "其他", "媒体互联交互安全维护项目", "20.00", "", "20.00", ""},
       {"201", "03", "99", "其他", "密码服务支撑系统平台运行维护费", "60.00", "", "60.00", ""},
       {"201", "03", "99", "其他", "安全隔离和国密算法认证及辅助设备改造项目", "900.00", "", "0", "900.00"},
       {"201", "03", "99", "其他", "政府网站改版、办公区域装修", "", "", "50.33", ""},
       {"201", "03", "99", "其他", "机房耗材购置及项目质保金", "", "", "5.4", ""},
       {"201", "03", "99", "其他", "密码服务支撑系统项目", "", "", "170", ""},
       {"", "", "", "", "合计", "1928.73", "", "437.73", "1491.00"}},
      {0, 1, 2});
  Merge(t, 0, 0, 1, 3);
  for (int c = 3; c <= 8; ++c) Merge(t, 0, c, 2, 1);
  std::vector<Issue> issues = Check({t});
  ASSERT_EQ(issues.size(), 3u);
  std::vector<int> rows;
  for (const Issue& i : issues) {
    rows.push_back(*i.r);
    EXPECT_EQ(i.c, 5);
    EXPECT_FALSE(i.found.has_value());  // the total cell is empty
  }
  std::sort(rows.begin(), rows.end());
  EXPECT_EQ(rows, (std::vector<int>{10, 11, 12}));
  EXPECT_EQ(issues[0].expected, "50.33");
}

model::Table Summary(const std::string& income_total, const std::string& spending_total) {
  model::Table t = MakeTable("budget.summary", 2,
                             {{"收入", "", "支出", ""},
                              {"项目", "预算数", "功能分类", "预算数"},
                              {"一、本年收入", "12.50", "201 一般公共服务支出", "10.00"},
                              {"", "", "208 社会保障和就业支出", "2.50"},
                              {"收入总计", income_total, "支出总计", spending_total}});
  Merge(t, 0, 0, 1, 2);
  Merge(t, 0, 2, 1, 2);
  return t;
}

TEST(Checks, IncomeTotalEqualsSpendingTotal) {
  EXPECT_TRUE(Check({Summary("12.50", "12.50")}).empty());
  std::vector<Issue> issues = Check({Summary("13.50", "12.50")});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].r, 4);
  EXPECT_EQ(issues[0].c, 3);
  EXPECT_EQ(issues[0].expected, "13.50");
}

TEST(Checks, SameTotalAcrossTables) {
  EXPECT_TRUE(Check({Summary("12.50", "12.50"), Expenditure({"12.50", "8.50", "4.00"})}).empty());
  model::Table e = Expenditure({"12.50", "8.50", "4.00"});
  for (model::Cell& c : e.cells)  // the rows of table 2 agree with its own total, not with table 1
    if (c.r == 8 && c.c == 4) c.value = c.text = "2.40";
  for (model::Cell& c : e.cells)
    if ((c.r == 6 || c.r == 7) && c.c == 4) c.value = c.text = "2.40";
  for (model::Cell& c : e.cells)
    if (c.r == 9 && c.c == 4) c.value = c.text = "12.40";
  std::vector<Issue> issues = Check({Summary("12.50", "12.50"), e});
  bool across = false;
  for (const Issue& i : issues)
    if (i.table == 1 && i.r == 9 && i.c == 4 && i.expected == "12.50" && i.found == "12.40") across = true;
  EXPECT_TRUE(across);
}

TEST(Checks, ThreePublicRows) {
  auto table = [](const std::string& vehicles) {
    model::Table t = MakeTable("budget.three_public", 2,
                               {{"三公支出内容", "合计", "资金来源", "", ""},
                                {"", "", "一般公共预算", "政府性基金", "国有资本经营预算"},
                                {"合计", "70.80", "70.80", "", ""},
                                {"因公出国(境)费", "", "", "", ""},
                                {"公务接待费", "2.80", "2.80", "", ""},
                                {"公务用车购置及运行费(小计)", vehicles, vehicles, "", ""},
                                {"其中:公务用车购置费", "0.00", "0.00", "", ""},
                                {"公务用车运行费", "68.00", "68.00", "", ""}});
    Merge(t, 0, 0, 2, 1);
    Merge(t, 0, 1, 2, 1);
    Merge(t, 0, 2, 1, 3);
    return t;
  };
  EXPECT_TRUE(Check({table("68.00")}).empty());
  std::vector<Issue> issues = Check({table("86.00")});
  ASSERT_EQ(issues.size(), 2u);  // the same wrong figure in both columns
  EXPECT_EQ(issues[0].r, 5);
  EXPECT_EQ(issues[0].expected, "68.00");
}

}  // namespace
}  // namespace cnbudget

namespace cnbudget {
namespace {

TEST(Checks, TotalRowSkippedWhenTopLevelCodesDiffer) {
  // "210" misread as "7": 71102 looks like a 类 of its own; no total-row claim.
  model::Table t = Expenditure({"12.50", "8.50", "4.00"});
  for (model::Cell& c : t.cells)
    if (c.r == 6 && c.c == 0) c.text = "7";
  for (const Issue& i : Check({t})) EXPECT_NE(i.r, 9) << i.message;
}

}  // namespace
}  // namespace cnbudget

namespace cnbudget {
namespace {

TEST(Checks, MisreadTableGetsOneInfoInsteadOfManyWarnings) {
  std::vector<std::vector<std::string>> rows = {{"科目编码", "科目名称", "合计", "基本支出", "项目支出"}};
  for (int i = 10; i < 90; ++i)  // columns shifted: 合计 never matches
    rows.push_back({"20103" + std::to_string(i), "事务", "1.00", "5.00", ""});
  model::Table t = MakeTable("budget.expenditure", 1, rows, {0});
  std::vector<Issue> issues = Check({t});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].severity, Severity::kInfo);
  EXPECT_EQ(issues[0].code, "arithmetic_checks_skipped");
}

}  // namespace
}  // namespace cnbudget

namespace cnbudget {
namespace {

// 收入支出决算总表 style: 行次 columns and a 栏次 row are numbering, not amounts.
TEST(Checks, LineNumbersAreNotAmounts) {
  model::Table t = MakeTable("final.fiscal_summary", 2,
                             {{"收入", "", "", "支出", "", "", "", ""},
                              {"项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款"},
                              {"栏次", "", "1", "栏次", "", "2", "3", "4"},
                              {"一、一般公共预算财政拨款", "1", "10.00", "一、一般公共服务支出", "31", "10.00", "10.00", ""},
                              {"二、政府性基金预算财政拨款", "2", "0", "二、外交支出", "32", "0", "", ""},
                              {"收入总计", "3", "10.00", "支出总计", "33", "10.00", "10.00", ""}});
  Merge(t, 0, 0, 1, 3);
  Merge(t, 0, 3, 1, 5);
  std::vector<Issue> issues = Check({t});
  for (const Issue& i : issues) ADD_FAILURE() << i.message;
  for (model::Cell& c : t.cells)  // now a real disagreement between the two sides
    if (c.r == 5 && c.c == 2) c.value = c.text = "11.00";
  issues = Check({t});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].r, 5);
  EXPECT_EQ(issues[0].c, 5);
  EXPECT_EQ(issues[0].expected, "11.00");
}

}  // namespace
}  // namespace cnbudget

namespace cnbudget {
namespace {

// Items that sum 0.01 short of their 类: any item could be off, so the blame
// stays with the 类 row rather than falling on an arbitrary item.
TEST(Checks, AmbiguousBlameStaysAtTheTotal) {
  model::Table t = MakeTable("final.general_public_basic", 2,
                             {{"科目编码", "", "科目名称", "决算数"},
                              {"类", "款", "", ""},
                              {"301", "", "工资福利支出", "10.01"},
                              {"301", "01", "基本工资", "5.00"},
                              {"301", "02", "津贴补贴", "5.00"},
                              {"", "", "合计", "10.01"}},
                             {0, 1});
  Merge(t, 0, 0, 1, 2);
  Merge(t, 0, 2, 2, 1);
  Merge(t, 0, 3, 2, 1);
  std::vector<Issue> issues = Check({t});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].r, 2);
  EXPECT_EQ(issues[0].expected, "10.00");
  EXPECT_EQ(issues[0].found, "10.01");
}

}  // namespace
}  // namespace cnbudget

namespace cnbudget {
namespace {

// Two units' tables one set after the other: each summary is compared with
// the expenditure table of its own set.
TEST(Checks, CrossTableTotalsPairWithinEachSet) {
  model::Table e1 = Expenditure({"12.50", "8.50", "4.00"});
  model::Table e2 = Expenditure({"12.50", "8.50", "4.00"});
  EXPECT_TRUE(Check({Summary("12.50", "12.50"), e1, Summary("12.50", "12.50"), e2}).empty());
  std::vector<Issue> issues = Check({Summary("12.50", "12.50"), e1, Summary("12.50", "12.60"), e2});
  bool across = false;
  for (const Issue& i : issues) {
    EXPECT_NE(i.table, 1) << i.message;  // the first set agrees
    if (i.table == 3 && i.expected == "12.60" && i.found == "12.50") across = true;
  }
  EXPECT_TRUE(across);
}

model::Document Checked(std::vector<model::Table> tables) {
  model::Document doc;
  for (size_t i = 0; i < tables.size(); ++i) {
    tables[i].index = static_cast<int>(i);
    tables[i].records = BuildRecords(tables[i], nullptr);
    doc.tables.push_back(tables[i]);
  }
  CheckArithmetic(doc);
  return doc;
}

TEST(Checks, VerifiedWhenEveryRuleHolds) {
  model::Document doc = Checked({Expenditure({"12.50", "8.50", "4.00"})});
  EXPECT_EQ(doc.tables[0].verified, true);
}

TEST(Checks, NotVerifiedWhenARuleFails) {
  model::Document doc = Checked({Expenditure({"12.50", "8.50", "5.00"})});
  EXPECT_EQ(doc.tables[0].verified, false);
}

TEST(Checks, VerifiedIsNullWhenNoRuleApplies) {
  // A performance form has no arithmetic; nor has an unidentified table.
  model::Table form = MakeTable("performance.project", 0, {{"项目名称", "某项目"}, {"年度目标", "完成"}}, {});
  model::Table unknown = Expenditure({"12.50", "8.50", "4.00"});
  unknown.standard.reset();
  model::Document doc = Checked({form, unknown});
  EXPECT_FALSE(doc.tables[0].verified.has_value());
  EXPECT_FALSE(doc.tables[1].verified.has_value());
}

}  // namespace
}  // namespace cnbudget
