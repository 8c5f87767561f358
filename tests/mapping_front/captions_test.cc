#include <gtest/gtest.h>

#include "tests/mapping_front/cells.h"

#include "mapping/captions.h"
#include "mapping/identify.h"
#include "mapping/text_match.h"

namespace cnbudget::mapping {
namespace {

TEST(Captions, NumberTitleCompilerUnit) {
  Caption c = ReadCaption({"本单位下设10个科室。", "表1", "昌吉州政府办公室收支总体情况表",
                           "编制单位：昌吉州政府办公室              单位：万元"});
  EXPECT_EQ(c.number, 1);
  EXPECT_EQ(c.title, "昌吉州政府办公室收支总体情况表");
  EXPECT_EQ(c.compiler, "昌吉州政府办公室");
  EXPECT_EQ(c.unit, "万元");
}

TEST(Captions, CompilerGluedToUnitAndSeparateUnitLine) {
  Caption c = ReadCaption({"表 2", "部门收入总体情况表", "编制部门：昌吉市人民政府办公室单位：万元"});
  EXPECT_EQ(c.number, 2);
  EXPECT_EQ(c.compiler, "昌吉市人民政府办公室");
  EXPECT_EQ(c.unit, "万元");
  c = ReadCaption({"表 3", "部门支出总体情况表", "编制部门（单位）: 某局", "单位：元"});
  EXPECT_EQ(c.compiler, "某局");
  EXPECT_EQ(c.unit, "元");
}

TEST(Captions, NoteBetweenCaptionAndTableIsSkipped) {
  Caption c = ReadCaption({"表2", "某局一般公共预算财政拨款支出决算表", "编制单位：某局  单位：万元",
                           "说明：本表反映部门本年度一般公共预算财政拨款实际支出情况，",
                           "按支出功能分类科目列示到项级科目。"});
  EXPECT_EQ(c.number, 2);
  EXPECT_EQ(c.title, "某局一般公共预算财政拨款支出决算表");
  EXPECT_EQ(c.compiler, "某局");
  // Narrative without a 说明/注 start still ends the caption.
  c = ReadCaption({"表2", "某局一般公共预算财政拨款支出决算表", "本单位下设10个科室。"});
  EXPECT_FALSE(c.number.has_value());
  EXPECT_FALSE(c.title.has_value());
}

TEST(Captions, NumberVariants) {
  EXPECT_EQ(ReadCaption({"表１－１", "部门收支总表"}).number, 1);
  EXPECT_EQ(ReadCaption({"附表2", "部门收入总表"}).number, 2);
  Caption c = ReadCaption({"表3 部门支出总体情况表"});
  EXPECT_EQ(c.number, 3);
  EXPECT_EQ(c.title, "部门支出总体情况表");
  c = ReadCaption({"部门公开01表", "部门收支总表"});
  EXPECT_EQ(c.number, 1);
  c = ReadCaption({"表十二", "上年结转结余情况表"});
  EXPECT_EQ(c.number, 12);
}

TEST(Captions, EnumeratedTitleWithoutNumber) {
  Caption c = ReadCaption({"第二部分 部门预算公开表", "一、部门收支总体情况表", "单位：万元"});
  EXPECT_EQ(c.number, std::nullopt);
  EXPECT_EQ(c.title, "部门收支总体情况表");
}

TEST(Captions, TwoLineTitle) {
  Caption c = ReadCaption({"前文。", "表5", "昌吉州政府办公室", "一般公共预算支出情况表", "单位：万元"});
  EXPECT_EQ(c.title, "昌吉州政府办公室一般公共预算支出情况表");
  c = ReadCaption({"前文。", "一般公共预算财政拨款基本支出", "决算表"});
  EXPECT_EQ(c.title, "一般公共预算财政拨款基本支出决算表");
}

TEST(Captions, PerformanceTitleWithYearLine) {
  Caption c = ReadCaption({"具体情况见下表：", "项目支出绩效目标表", "(2023年)"});
  EXPECT_EQ(c.title, "项目支出绩效目标表");
  EXPECT_EQ(c.number, std::nullopt);
  EXPECT_EQ(c.unit, std::nullopt);
}

TEST(Captions, YearLineWithoutTheWordYearUnderTheTitle) {
  for (const char* year : {"(2023)", "（2023）", "（2023年度）", "2023年度"}) {
    Caption c = ReadCaption({"具体情况见下表：", "表12", "项目支出绩效目标表", year});
    EXPECT_EQ(c.title, "项目支出绩效目标表") << year;
    EXPECT_EQ(c.number, 12) << year;
    EXPECT_EQ(StandardForTitle(*c.title), "performance.project_target") << year;
  }
}

// A rotated page gives the running page number and the 附表 label in the
// same text line as the title.
TEST(Captions, PageNumberAndLabelGluedBeforeTheTitle) {
  Caption c = ReadCaption({"—附表八1282022年杭州市本级一般公共预算专项转移支付执行情况表", "单位:万元"});
  EXPECT_EQ(c.number, 8);
  EXPECT_EQ(c.title, "2022年杭州市本级一般公共预算专项转移支付执行情况表");
  Caption split = ReadCaption({"—附表八", "1282022年杭州市本级一般公共预算专项转移支付执行情况表"});
  EXPECT_EQ(split.number, 8);
  EXPECT_EQ(split.title, "2022年杭州市本级一般公共预算专项转移支付执行情况表");
  Caption d = ReadCaption({"—附表九-11322022年市本级、名胜区一般公共预算收入执行情况表"});
  EXPECT_EQ(d.number, 9);
  EXPECT_EQ(d.title, "2022年市本级、名胜区一般公共预算收入执行情况表");
}

TEST(Captions, TableOfContentsDoesNotLendTitles) {
  // The lines above the first table: a table of contents, a heading, text.
  Caption c = ReadCaption({"目 录", "一、部门收支总体情况表", "二、部门收入总体情况表",
                           "第三部分 情况说明", "按照全口径预算的原则，所有收入和支出均纳入预算管理。"});
  EXPECT_EQ(c.title, std::nullopt);
  EXPECT_EQ(c.number, std::nullopt);
  // Titles listed right above a table: a contents list, no caption.
  c = ReadCaption({"九、国有资本经营预算支出情况表", "十、财政拨款“三公”经费支出情况表"});
  EXPECT_EQ(c.title, std::nullopt);
  // A caption with its 编制单位 line under the previous title is a caption.
  c = ReadCaption({"九、国有资本经营预算支出情况表", "十、财政拨款“三公”经费支出情况表", "编制单位：某局"});
  EXPECT_EQ(c.title, "财政拨款“三公”经费支出情况表");
  // A part heading above a title is no list.
  c = ReadCaption({"第二部分 部门预算公开表", "部门收支总体情况表"});
  EXPECT_EQ(c.title, "部门收支总体情况表");
}

TEST(Captions, EmptyTableSentenceIsNotATitle) {
  Caption c = ReadCaption({"本单位没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。"});
  EXPECT_EQ(c.title, std::nullopt);
}

TEST(Captions, PageNumbersAndContinuationMarks) {
  Caption c = ReadCaption({"- 5 -", "续表"});
  EXPECT_TRUE(c.continued);
  EXPECT_EQ(c.title, std::nullopt);
  c = ReadCaption({"表4", "财政拨款收支总体情况表", "7", "单位：万元"});
  EXPECT_EQ(c.number, 4);
  EXPECT_EQ(c.unit, "万元");
}

TEST(Captions, TitleInsideFirstRows) {
  RawTable t;
  t.n_rows = 4;
  t.n_cols = 3;
  t.cells = testing::Cells({{0, 0, 1, 3, "部门（单位）整体支出绩效目标自评表"},
             {1, 0, 1, 2, "编制单位：某局"},
             {1, 2, 1, 1, "单位：万元"},
             {2, 0, 1, 1, "项目"},
             {2, 1, 1, 1, "金额"},
             {3, 0, 1, 1, "合计"},
             {3, 1, 1, 1, "1.00"}});
  int rows = 0;
  Caption c = ReadCaptionRows(t, &rows);
  EXPECT_EQ(rows, 2);
  EXPECT_EQ(c.title, "部门(单位)整体支出绩效目标自评表");
  EXPECT_EQ(c.compiler, "某局");
  EXPECT_EQ(c.unit, "万元");
}

}  // namespace
}  // namespace cnbudget::mapping

namespace cnbudget::mapping {
namespace {

TEST(Captions, TemplateNumberUnderTheTitle) {
  Caption c = ReadCaption({"正文。", "部门收支总表", "公开01表", "部门：某局                 单位：万元"});
  EXPECT_EQ(c.number, 1);
  EXPECT_EQ(c.title, "部门收支总表");
  EXPECT_EQ(c.compiler, "某局");
  EXPECT_EQ(c.unit, "万元");
  c = ReadCaption({"收入决算表", "决算02表", "单位名称：某局", "金额单位：元"});
  EXPECT_EQ(c.number, 2);
  EXPECT_EQ(c.title, "收入决算表");
  EXPECT_EQ(c.compiler, "某局");
  EXPECT_EQ(c.unit, "元");
}

TEST(Captions, PointersToTablesAreNotTitles) {
  Caption c = ReadCaption({"具体情况详见下表"});
  EXPECT_EQ(c.title, std::nullopt);
  EXPECT_EQ(CompilerOfLine("单位:万元"), std::nullopt);
}

}  // namespace
}  // namespace cnbudget::mapping

namespace cnbudget::mapping {
namespace {

TEST(Captions, HeaderLeftAsTextLines) {
  Caption c = ReadCaptionAcrossHeaderLines({"正文。", "表2", "部门收入总体情况表", "编制部门：某局单位：万元",
                                            "科目代码财政拨款（补助）", "上", "上级", "类款项科目名称总计"});
  EXPECT_EQ(c.number, 2);
  EXPECT_EQ(c.title, "部门收入总体情况表");
  // Data rows between the caption and the table: the caption belongs to
  // something else (a table the extractor did not find).
  c = ReadCaptionAcrossHeaderLines({"表2", "部门收入总体情况表", "编制部门：某局单位：万元",
                                    "201 一般公共服务支出 963.77", "合计 1,229.70"});
  EXPECT_EQ(c.title, std::nullopt);
}

}  // namespace
}  // namespace cnbudget::mapping

namespace cnbudget::mapping {
namespace {

TEST(Captions, WrappedTitlesJoinOnlyWhenTheyKeepTheirMeaning) {
  Caption c = ReadCaption({"公开09表：一般公共预算“三公”经费、会议费、培训费", "支出预算表", "部门：某院单位：万元"});
  EXPECT_EQ(c.number, 9);
  EXPECT_EQ(c.title, "一般公共预算“三公”经费、会议费、培训费支出预算表");
  c = ReadCaption({"十一、一般公共预算“三公”经费、会议费、培训费支出预", "算表", "部门：某院单位：万元"});
  EXPECT_EQ(c.title, "一般公共预算“三公”经费、会议费、培训费支出预算表");
  // A note under the previous table is not part of the next title.
  c = ReadCaption({"(无政府性基金支出)", "一般公共预算支出预算表"});
  EXPECT_EQ(c.title, "一般公共预算支出预算表");
  // A section heading above a title stays out.
  c = ReadCaption({"二、机构设置", "部门收支总体情况表"});
  EXPECT_EQ(c.title, "部门收支总体情况表");
}

TEST(Identify, TablesOfOtherTemplatesStayUnknown) {
  EXPECT_EQ(StandardForTitle(Squash("财政拨款支出预算表")), std::nullopt);
  EXPECT_EQ(StandardForTitle(Squash("财政拨款基本支出预算表")), std::nullopt);
  EXPECT_EQ(StandardForTitle(Squash("财政拨款政府性基金支出预算表")), "budget.gov_fund");
  EXPECT_EQ(StandardForTitle(Squash("部门“三公”经费和机关运行经费预算表")), "budget.three_public");
}

// Procurement plans and running costs are tables of their own (issue 12):
// named before the general words they share (一般公共预算, 支出预算表).
TEST(Identify, ProcurementAndRunningCostTables) {
  EXPECT_EQ(StandardForTitle(Squash("一般公共预算机关运行经费支出预算表")), "budget.operating_costs");
  EXPECT_EQ(StandardForTitle(Squash("政府采购支出预算表")), "budget.procurement");
  EXPECT_EQ(StandardForTitle(Squash("2017年政府采购预算表")), "budget.procurement");
  EXPECT_EQ(StandardForTitle(Squash("政府采购情况决算表")), "final.procurement");
  EXPECT_EQ(StandardForTitle(Squash("机关运行经费支出决算表")), "final.operating_costs");
}

}  // namespace
}  // namespace cnbudget::mapping

namespace cnbudget::mapping {
namespace {

TEST(Captions, NumberTitleAndUnitCellsInTheFirstRows) {
  RawTable t;
  t.n_rows = 4;
  t.n_cols = 3;
  t.cells = testing::Cells({{0, 0, 1, 1, "表1"}, {0, 1, 1, 2, "收入支出决算总表"},
             {1, 0, 1, 2, "编制单位：某局"}, {1, 2, 1, 1, "金额单位：元"},
             {2, 0, 1, 1, "项目"}, {2, 1, 1, 1, "决算数"},
             {3, 0, 1, 1, "合计"}, {3, 1, 1, 1, "1.00"}});
  int rows = 0;
  Caption c = ReadCaptionRows(t, &rows);
  EXPECT_EQ(rows, 2);
  EXPECT_EQ(c.number, 1);
  EXPECT_EQ(c.title, "收入支出决算总表");
  EXPECT_EQ(c.unit, "元");
  // An ordinary header row is no caption.
  t.cells = testing::Cells({{0, 0, 1, 1, "项目"}, {0, 1, 1, 1, "决算数"}, {1, 0, 1, 1, "合计"}, {1, 1, 1, 1, "1.00"}});
  c = ReadCaptionRows(t, &rows);
  EXPECT_EQ(rows, 0);
  EXPECT_EQ(c.title, std::nullopt);
}

}  // namespace
}  // namespace cnbudget::mapping

namespace cnbudget::mapping {
namespace {

TEST(Captions, PublicTableNumberAndSubjectTail) {
  Caption c = ReadCaption({"财政拨款支出预算表（功能科目）", "公开表五", "部门：某厅单位：万元"});
  EXPECT_EQ(c.number, 5);
  EXPECT_EQ(c.title, "财政拨款支出预算表(功能科目)");
  c = ReadCaption({"一般公共预算支出预算表（功能科目）", "公开表七"});
  EXPECT_EQ(c.number, 7);
  EXPECT_EQ(StandardForTitle(*c.title), "budget.general_public");
}

}  // namespace
}  // namespace cnbudget::mapping

namespace cnbudget::mapping {
namespace {

TEST(Captions, CompilerAboveTheTitle) {
  Caption c = ReadCaption({"正文。", "表6", "编制单位：某局", "单位：万元", "一般公共预算基本支出情况表"});
  EXPECT_EQ(c.number, 6);
  EXPECT_EQ(c.title, "一般公共预算基本支出情况表");
  EXPECT_EQ(c.compiler, "某局");
  EXPECT_EQ(c.unit, "万元");
}

}  // namespace
}  // namespace cnbudget::mapping
