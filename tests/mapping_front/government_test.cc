#include "mapping/government.h"

#include <gtest/gtest.h>

#include "mapping/mapper.h"
#include "mapping/metadata.h"
#include "tests/mapping_front/cells.h"

namespace cnbudget::mapping {
namespace {

TEST(Government, ReportTitles) {
  EXPECT_TRUE(IsGovernmentReportTitle("关于合肥市2020年预算执行情况和2021年预算草案的报告"));
  EXPECT_TRUE(IsGovernmentReportTitle("杭州市2023年市级决算草案"));
  EXPECT_TRUE(IsGovernmentReportTitle("某县2024年总预算"));
  EXPECT_FALSE(IsGovernmentReportTitle("昌吉市人民政府办公室2026年部门预算公开"));
  EXPECT_FALSE(IsGovernmentReportTitle("上海市普陀区财政局2024年单位预算"));
}

TEST(Government, TheGovernmentAReportNames) {
  EXPECT_EQ(GovernmentOfTitle("关于合肥市2020年预算执行情况和2021年预算草案的报告"), "合肥市");
  EXPECT_EQ(GovernmentOfTitle("市十四届人大三次会议文件(15)关于杭州市及市本级2022年预算执行情况"), "杭州市");
  EXPECT_EQ(GovernmentOfTitle("关于深圳市本级2021年决算的报告"), "深圳市");
  EXPECT_EQ(GovernmentOfTitle("关于成都市财政2022年预算执行情况的报告"), "成都市");
  EXPECT_EQ(GovernmentOfTitle("关于江苏省2022年预算执行情况的报告"), "江苏省");
  EXPECT_EQ(GovernmentOfTitle("关于宁夏回族自治区2022年预算执行情况的报告"), "宁夏回族自治区");
  EXPECT_EQ(GovernmentOfTitle("关于2022年预算执行情况的报告"), std::nullopt);
}

TEST(Government, ABudgetReportIsTheYearOfItsDraft) {
  EXPECT_EQ(ReportYear("关于合肥市2020年预算执行情况和2021年预算草案的报告"), 2021);
  EXPECT_EQ(ReportYear("关于杭州市及市本级2023年决算草案和2024年上半年预算执行情况的报告"), 2023);
  EXPECT_EQ(ReportYear("关于某市2023年决算的报告"), 2023);
  // Words between the year and 预算草案, and 与 for 和.
  EXPECT_EQ(ReportYear("关于2021年全市和市本级预算执行情况与2022年全市和市本级预算草案的报告"), 2022);
}

// A cover whose title names no government ("关于2021年全市…"): the session
// line or the finance bureau under it does.
TEST(Government, TheGovernmentOfACoverWhoseTitleNamesNone) {
  model::DocumentMeta m = ReadDocumentMeta(
      {"关于2021年全市和市本级预算执行情况", "与2022年全市和市本级预算草案的报告", "",
       "——2021年12月30日在长沙市第十六届人民代表大会", "第一次会议上", "长沙市财政局", "各位代表："});
  EXPECT_EQ(m.family, "government");
  EXPECT_EQ(m.unit, "长沙市");
  EXPECT_EQ(m.year, 2022);
  EXPECT_EQ(m.kind, "budget");
  m = ReadDocumentMeta({"关于2022年预算执行情况的报告", "示例县财政局"});
  EXPECT_EQ(m.unit, "示例县");
}

// A report with no tables states its amounts in its text.
TEST(Government, CurrencyUnitOfAReportWithoutTables) {
  EXPECT_EQ(MostCommonAmountUnit({"全市完成地方一般公共预算收入1200亿元，增长9.08%",
                                  "加上上级补助收入312.09亿元，其中返还50,000万元", "收入合计1842.79 亿元"}),
            "亿元");
  EXPECT_EQ(MostCommonAmountUnit({"2023年预算执行情况", "增长5%"}), std::nullopt);
}

TEST(Government, StandardIdsAndStages) {
  struct Case {
    const char* title;
    const char* id;
    const char* stage;
  };
  for (const Case& c : {
           Case{"2023年杭州市一般公共预算收入决算表", "gov.general_public_revenue", "final"},
           Case{"2023年杭州市本级一般公共预算支出决算表", "gov.general_public_expenditure", "final"},
           Case{"2022年杭州市本级一般公共预算基本支出执行情况表", "gov.general_public_basic_expenditure", "execution"},
           Case{"2023年杭州市本级一般公共预算收支平衡预算表", "gov.general_public_balance", "budget"},
           Case{"2023年本级一般公共预算税收返还和转移支付决算表", "gov.general_public_transfers", "final"},
           Case{"2023年政府性基金收入预算表", "gov.fund_revenue", "budget"},
           Case{"2023年本级政府性基金转移支付决算表", "gov.fund_transfers", "final"},
           Case{"2023年国有资本经营预算收支预算表", "gov.state_capital", "budget"},
           Case{"2023年社会保险基金支出决算表", "gov.social_insurance_expenditure", "final"},
           Case{"2022年地方政府一般债务限额及余额情况表", "gov.debt_balance", ""},
           Case{"2023年新增地方政府债券使用情况表", "gov.debt_bonds", ""},
       }) {
    EXPECT_EQ(GovernmentStandardForTitle(c.title), c.id) << c.title;
    EXPECT_EQ(StageOfTitle(c.title).value_or(""), c.stage) << c.title;
  }
  EXPECT_EQ(GovernmentStandardForTitle("部门收支总体情况表"), std::nullopt);
}

TEST(Government, OnlyGovernmentTemplatesAreGovernmentOnly) {
  EXPECT_TRUE(IsGovernmentOnlyTitle("2023年一般公共预算收入决算表"));
  EXPECT_TRUE(IsGovernmentOnlyTitle("2023年社会保险基金收支预算表"));
  EXPECT_FALSE(IsGovernmentOnlyTitle("一般公共预算财政拨款收入支出决算表"));
  EXPECT_FALSE(IsGovernmentOnlyTitle("一般公共预算支出预算表"));
  EXPECT_FALSE(IsGovernmentOnlyTitle("政府性基金预算支出表"));
}

TEST(Government, ReportMetadataFromAWrappedCoverTitle) {
  model::DocumentMeta m = ReadDocumentMeta({"市十六届人大四次会议文件(3)", "关于示例市 2023 年预算执行情况",
                                            "和 2024 年预算草案的报告", "示 例 市 财 政 局"});
  EXPECT_EQ(m.family, "government");
  EXPECT_EQ(m.unit, "示例市");
  EXPECT_EQ(m.year, 2024);
  EXPECT_EQ(m.kind, "budget");
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

TextLine Line(std::string s) {
  TextLine l;
  l.text = std::move(s);
  return l;
}

// A revenue table of a government report shares 一般公共预算 and 决算 with a
// departmental expenditure template; it must never be filed under it.
TEST(Government, ReportTablesNeverGetDepartmentalIds) {
  Layout l;
  l.blocks = {Line("关于示例市2023年决算草案的报告"),
              Line("表1：2023年示例市一般公共预算收入决算表（单位：亿元）"),
              Grid({{"项目", "预算数", "决算数", "为预算%"}, {"一、税收收入", "80.0", "82.0", "102.5%"},
                    {"增值税", "30.0", "31.0", "103.3%"}, {"二、非税收入", "20.0", "19.0", "95.0%"},
                    {"合计", "100.0", "101.0", "101.0%"}}),
              Line("表2：2023年示例市本级一般公共预算支出决算表（单位：亿元）"),
              Grid({{"项目", "预算数", "决算数"}, {"一般公共服务支出", "10.0", "9.5"}})};
  model::Document doc;
  MapLayout(l, doc);
  EXPECT_EQ(doc.document.family, "government");
  EXPECT_EQ(doc.document.unit, "示例市");
  EXPECT_EQ(doc.document.currency_unit, "亿元");
  ASSERT_EQ(doc.tables.size(), 2u);
  EXPECT_EQ(doc.tables[0].standard, "gov.general_public_revenue");
  EXPECT_EQ(doc.tables[0].stage, "final");
  EXPECT_EQ(doc.tables[0].unit, "亿元");
  EXPECT_EQ(doc.tables[0].title, "2023年示例市一般公共预算收入决算表");
  EXPECT_EQ(doc.tables[1].standard, "gov.general_public_expenditure");
  EXPECT_EQ(doc.tables[0].verified, true);  // 合计 = the rows above, per column
}

TEST(Government, DepartmentalDocumentsKeepTheirIds) {
  Layout l;
  l.blocks = {Line("示例局"), Line("2024年部门预算公开"), Line("表5"), Line("一般公共预算支出预算表"),
              Grid({{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
                    {"201", "一般公共服务支出", "10.00", "6.00", "4.00"}})};
  model::Document doc;
  MapLayout(l, doc);
  EXPECT_EQ(doc.document.family, "department");
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].standard, "budget.general_public");
  EXPECT_EQ(doc.tables[0].stage, "budget");
}

TEST(Government, NumberedRowsMustAddUpToTheTotal) {
  Layout l;
  l.blocks = {Line("关于示例市2023年决算草案的报告"), Line("2023年示例市一般公共预算收入决算表"),
              Grid({{"项目", "决算数"}, {"一、税收收入", "82.0"}, {"增值税", "31.0"}, {"二、非税收入", "19.0"},
                    {"收入合计", "111.0"}})};
  model::Document doc;
  MapLayout(l, doc);
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].verified, false);
  bool reported = false;
  for (const Issue& i : doc.issues)
    reported |= i.code == "sum_mismatch" && i.r == 4 && i.expected == "101.0" && i.found == "111.0" &&
                i.difference == "-10.0" && !i.rounding;
  EXPECT_TRUE(reported);
}

TEST(Government, ARoundingSlipIsToldApart) {
  Layout l;
  l.blocks = {Line("关于示例市2023年决算草案的报告"), Line("2023年示例市一般公共预算收入决算表"),
              Grid({{"项目", "决算数"}, {"一、税收收入", "82.0"}, {"二、非税收入", "19.0"}, {"收入合计", "101.1"}})};
  model::Document doc;
  MapLayout(l, doc);
  bool rounding = false;
  for (const Issue& i : doc.issues) rounding |= i.code == "sum_mismatch" && i.difference == "-0.1" && i.rounding;
  EXPECT_TRUE(rounding);
}

}  // namespace
}  // namespace cnbudget::mapping
