#include <gtest/gtest.h>

#include "mapping/metadata.h"

namespace cnbudget::mapping {
namespace {

TEST(Metadata, UnitLineThenYearAndKind) {
  model::DocumentMeta m = ReadDocumentMeta({"昌吉州政府办公室", "2023年部门预算公开", "第一部分 概况",
                                            "正文。", "昌吉回族自治州人民政府办公室", "2023年1月31日"});
  EXPECT_EQ(m.unit, "昌吉州政府办公室");
  EXPECT_EQ(m.year, 2023);
  EXPECT_EQ(m.kind, "budget");
  EXPECT_EQ(m.published, "2023-01-31");
}

TEST(Metadata, YearPrefixedUnit) {
  model::DocumentMeta m = ReadDocumentMeta({"2026年昌吉市人民政府办公室", "部门预算公开", "目 录"});
  EXPECT_EQ(m.unit, "昌吉市人民政府办公室");
  EXPECT_EQ(m.year, 2026);
  EXPECT_EQ(m.kind, "budget");
  EXPECT_EQ(m.published, std::nullopt);
  // An OCR'd cover may read the year with a digit too many.
  m = ReadDocumentMeta({"22026年昌吉市人民政府办公室", "部门预算公开"});
  EXPECT_EQ(m.unit, "昌吉市人民政府办公室");
}

TEST(Metadata, FinalAccountsOneLine) {
  model::DocumentMeta m = ReadDocumentMeta({"昌吉回族自治州人民政府办公室 2023 年度", "部门决算公开说明"});
  EXPECT_EQ(m.unit, "昌吉回族自治州人民政府办公室");
  EXPECT_EQ(m.year, 2023);
  EXPECT_EQ(m.kind, "final");
  m = ReadDocumentMeta({"某某局2022年度部门决算"});
  EXPECT_EQ(m.unit, "某某局");
  EXPECT_EQ(m.year, 2022);
  EXPECT_EQ(m.kind, "final");
}

TEST(Metadata, NothingFoundStaysNull) {
  model::DocumentMeta m = ReadDocumentMeta({"一些文字。", "更多文字。"});
  EXPECT_EQ(m.unit, std::nullopt);
  EXPECT_EQ(m.year, std::nullopt);
  EXPECT_EQ(m.kind, std::nullopt);
  EXPECT_EQ(m.published, std::nullopt);
}

// A scan of table pages only: the first line naming 预算 is a note under a
// table, wrapped before its first comma. It is no cover title.
TEST(Metadata, ANoteUnderATableIsNoCoverTitle) {
  model::DocumentMeta m = ReadDocumentMeta(
      {"表2", "一般公共预算财政拨款支出决算表", "单位:万元", "说明:本表反映部门本年度一般公共预算财政拨款",
       "注：本表为空表"});
  EXPECT_EQ(m.unit, std::nullopt);
  EXPECT_EQ(m.kind, std::nullopt);
}

TEST(Metadata, MostCommonUnit) {
  std::vector<model::Table> ts(3);
  ts[0].unit = "万元";
  ts[1].unit = "元";
  ts[2].unit = "万元";
  EXPECT_EQ(MostCommonUnit(ts), "万元");
  EXPECT_EQ(MostCommonUnit({}), std::nullopt);
}

TEST(Metadata, MostCommonTitleYear) {
  std::vector<model::Table> ts(4);
  ts[0].title = "收支预算总表";
  ts[1].title = "2017年政府采购预算表";
  ts[2].title = "2017年部门收入预算表";
  ts[3].title = "2016年结转情况表";
  EXPECT_EQ(MostCommonTitleYear(ts), 2017);
  ts[2].title = "部门收入预算表";  // 2016 and 2017 once each: no year
  EXPECT_EQ(MostCommonTitleYear(ts), std::nullopt);
  EXPECT_EQ(MostCommonTitleYear({}), std::nullopt);
}

}  // namespace
}  // namespace cnbudget::mapping

namespace cnbudget::mapping {
namespace {

TEST(Metadata, PartHeadingsWhenThereIsNoCover) {
  model::DocumentMeta m = ReadDocumentMeta({"第一部分   昌吉州外事办公室概况", "一、主要职能",
                                            "1、贯彻执行党和国家外事工作的方针政策。",
                                            "第二部分  2023年 昌吉州外事办公室预算公开表", "2023年1月31日"});
  EXPECT_EQ(m.unit, "昌吉州外事办公室");
  EXPECT_EQ(m.year, 2023);
  EXPECT_EQ(m.kind, "budget");
  EXPECT_EQ(m.published, "2023-01-31");
}

}  // namespace
}  // namespace cnbudget::mapping

namespace cnbudget::mapping {
namespace {

TEST(Metadata, UnitNameWrappedOverCoverLines) {
  model::DocumentMeta m = ReadDocumentMeta({"中共上海市普陀区委", "社会工作部2024年度", "部门决算", "目录"});
  EXPECT_EQ(m.unit, "中共上海市普陀区委社会工作部");
  EXPECT_EQ(m.year, 2024);
  EXPECT_EQ(m.kind, "final");
  m = ReadDocumentMeta({"上海市普陀区规划和自然", "资源局", "2024年度部门决算"});
  EXPECT_EQ(m.unit, "上海市普陀区规划和自然资源局");
}

TEST(Metadata, NamedUnitUnderTheCoverTitle) {
  model::DocumentMeta m =
      ReadDocumentMeta({"上海市普陀区2025年区级部门预算", "预算主管部门：上海市普陀区人民政府办公室", "目录"});
  EXPECT_EQ(m.unit, "上海市普陀区人民政府办公室");
  EXPECT_EQ(m.year, 2025);
}

}  // namespace
}  // namespace cnbudget::mapping

namespace cnbudget::mapping {
namespace {

TEST(Metadata, TableTitlesAreNoCover) {
  model::DocumentMeta m = ReadDocumentMeta({"表一", "收支预算总表", "部门：江苏省政协办公厅单位：万元"});
  EXPECT_EQ(m.unit, std::nullopt);
  EXPECT_EQ(m.kind, std::nullopt);
}

}  // namespace
}  // namespace cnbudget::mapping

namespace cnbudget::mapping {
namespace {

TEST(Metadata, ContentsAndHeadingsAreNoCover) {
  model::DocumentMeta m = ReadDocumentMeta({"目录", "第一部分部门概况", "二、部门机构设置及预算单位构成情况",
                                            "第二部分2019年度部门预算表"});
  EXPECT_EQ(m.unit, std::nullopt);
  EXPECT_EQ(m.year, 2019);
  EXPECT_EQ(m.kind, "budget");
}

}  // namespace
}  // namespace cnbudget::mapping

namespace cnbudget::mapping {
namespace {

TEST(Metadata, NameSplitAcrossTheKindLine) {
  model::DocumentMeta m = ReadDocumentMeta({"2018年度江苏省高级", "人民法院预算公开", "2018年2月24日", "目录"});
  EXPECT_EQ(m.unit, "江苏省高级人民法院");
  EXPECT_EQ(m.year, 2018);
  EXPECT_EQ(m.published, "2018-02-24");
}

}  // namespace
}  // namespace cnbudget::mapping
