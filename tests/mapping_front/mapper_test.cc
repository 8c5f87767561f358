#include <gtest/gtest.h>

#include "tests/mapping_front/cells.h"

#include "mapping/mapper.h"

namespace cnbudget {
namespace {

TextLine Line(std::string s) {
  TextLine l;
  l.text = std::move(s);
  return l;
}

RawTable Grid(std::vector<std::vector<std::string>> rows, int page = 0) {
  RawTable t;
  t.n_rows = static_cast<int>(rows.size());
  t.first_page = t.last_page = page;
  for (int r = 0; r < t.n_rows; ++r) {
    t.n_cols = std::max(t.n_cols, static_cast<int>(rows[r].size()));
    for (int c = 0; c < static_cast<int>(rows[r].size()); ++c)
      if (!rows[r][c].empty()) t.cells.push_back(testing::MakeCell(r, c, 1, 1, rows[r][c], page));
  }
  return t;
}

RawTable Expenditure(int page) {
  return Grid({{"科目代码", "", "", "科目名称", "合计", "基本支出", "项目支出"},
               {"类", "款", "项", "", "", "", ""},
               {"201", "", "", "一般公共服务支出", "10.00", "10.00", ""}},
              page);
}

TEST(Mapper, IdentifiesCaptionsAndSuppressesHeaderAndCodeValues) {
  Layout l;
  l.blocks = {Line("某局"), Line("2024年部门预算公开"), Line("表3"), Line("部门支出总体情况表"),
              Line("编制单位：某局 单位：万元"), Expenditure(3)};
  model::Document doc;
  MapLayout(l, doc);
  EXPECT_EQ(doc.document.unit, "某局");
  EXPECT_EQ(doc.document.currency_unit, "万元");
  ASSERT_EQ(doc.tables.size(), 1u);
  const model::Table& t = doc.tables[0];
  EXPECT_EQ(t.standard, "budget.expenditure");
  EXPECT_EQ(t.number, 3);
  EXPECT_EQ(t.header_rows, 2);
  EXPECT_EQ(t.pages, std::make_pair(3, 3));
  for (const model::Cell& c : t.cells) {
    if (c.r < 2 || c.c == 0) {
      EXPECT_FALSE(c.value) << c.raw;
    }
  }
}

TEST(Mapper, MergesContinuationWithRepeatedHeader) {
  Layout l;
  l.blocks = {Line("表3"), Line("部门支出总体情况表"), Expenditure(3), Line("4"), Expenditure(4)};
  model::Document doc;
  MapLayout(l, doc);
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].n_rows, 4);
  EXPECT_EQ(doc.tables[0].pages, std::make_pair(3, 4));
}

TEST(Mapper, DoesNotMergeCaptionedTables) {
  Layout l;
  l.blocks = {Line("表3"), Line("部门支出总体情况表"), Expenditure(3), Line("表5"),
              Line("一般公共预算支出情况表"), Expenditure(4)};
  model::Document doc;
  MapLayout(l, doc);
  ASSERT_EQ(doc.tables.size(), 2u);
  EXPECT_EQ(doc.tables[1].standard, "budget.general_public");
  EXPECT_EQ(doc.tables[1].number, 5);
}

TEST(Mapper, TitleInFirstRowAndUnknownTable) {
  Layout l;
  l.blocks = {Grid({{"项目支出绩效自评表"}, {"项目名称", "某项目"}, {"年度指标值", "100"}}),
              Line("附：联系人名单"), Grid({{"姓名", "电话"}, {"张三", "12345"}})};
  model::Document doc;
  MapLayout(l, doc);
  ASSERT_EQ(doc.tables.size(), 2u);
  EXPECT_EQ(doc.tables[0].standard, "performance.project_self_eval");
  EXPECT_EQ(doc.tables[0].title, "项目支出绩效自评表");
  EXPECT_EQ(doc.tables[0].header_rows, 0);
  EXPECT_EQ(doc.tables[1].standard, std::nullopt);
  EXPECT_EQ(doc.tables[1].unit, std::nullopt);
}

TEST(Mapper, EmptyTablesAndLayoutIssues) {
  Layout l;
  l.blocks = {Line("表8"), Line("政府性基金预算支出情况表"), RawTable{}};
  l.issues.push_back(MakeWarning("x", "y"));
  model::Document doc;
  MapLayout(l, doc);
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].standard, "budget.gov_fund");
  EXPECT_EQ(doc.tables[0].n_rows, 0);
  ASSERT_FALSE(doc.issues.empty());
  EXPECT_EQ(doc.issues.back().code, "x");
}

}  // namespace
}  // namespace cnbudget

namespace cnbudget {
namespace {

TEST(Mapper, MergesWhenTheWholeCaptionIsRepeated) {
  Layout l;
  l.blocks = {Line("表3"), Line("部门支出总体情况表"), Line("单位：万元"), Expenditure(3),
              Line("表3"), Line("部门支出总体情况表"), Line("单位：万元"), Expenditure(4)};
  model::Document doc;
  MapLayout(l, doc);
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].n_rows, 4);
}

TEST(Mapper, PerformanceTablesWithOneTitleStaySeparate) {
  Layout l;
  RawTable form = Grid({{"预算单位", "某局"}, {"项目名称", "甲"}});
  l.blocks = {Line("项目支出绩效目标表"), form, Line("项目支出绩效目标表"), form};
  model::Document doc;
  MapLayout(l, doc);
  ASSERT_EQ(doc.tables.size(), 2u);
  EXPECT_EQ(doc.tables[1].standard, "performance.project_target");
}

}  // namespace
}  // namespace cnbudget

namespace cnbudget {
namespace {

TEST(Mapper, NestedTablesHaveNoCaptionAndDoNotBlockContinuations) {
  Layout l;
  RawTable inner = Grid({{"一级指标", "二级指标"}, {"产出指标", "数量指标"}});
  inner.nesting = 1;
  l.blocks = {Line("表3"), Line("部门支出总体情况表"), Expenditure(3), inner, Expenditure(4)};
  model::Document doc;
  MapLayout(l, doc);
  ASSERT_EQ(doc.tables.size(), 2u);
  EXPECT_EQ(doc.tables[0].n_rows, 4);  // the repeated-header piece merged across the nested table
  EXPECT_EQ(doc.tables[1].standard, std::nullopt);
  EXPECT_EQ(doc.tables[1].title, std::nullopt);
}

}  // namespace
}  // namespace cnbudget

namespace cnbudget {
namespace {

// Odd grids (cells outside the declared size, negative spans, invalid UTF-8,
// empty tables) must map without crashing and keep every cell.
TEST(Mapper, SurvivesMalformedGrids) {
  unsigned seed = 12345;
  auto next = [&seed]() { return (seed = seed * 1103515245u + 12345u) >> 16; };
  const char* texts[] = {"合计", "1,229.70", "\xff\xfe", "表1", "类", "编制单位：", "", "—", "(3.50)", "一、"};
  for (int round = 0; round < 200; ++round) {
    Layout l;
    int blocks = 1 + next() % 6;
    size_t cells = 0;
    for (int b = 0; b < blocks; ++b) {
      if (next() % 2) {
        l.blocks.push_back(Line(texts[next() % 10]));
        continue;
      }
      RawTable t;
      t.n_rows = static_cast<int>(next() % 6);
      t.n_cols = static_cast<int>(next() % 5);
      t.marked_header_rows = static_cast<int>(next() % 8);
      t.nesting = static_cast<int>(next() % 2);
      int n = static_cast<int>(next() % 12);
      for (int k = 0; k < n; ++k)
        t.cells.push_back(testing::MakeCell(
            static_cast<int>(next() % 9) - 1, static_cast<int>(next() % 7) - 1,
            static_cast<int>(next() % 4) - 1, static_cast<int>(next() % 4) - 1, texts[next() % 10]));
      cells += t.cells.size();
      l.blocks.push_back(std::move(t));
    }
    model::Document doc;
    MapLayout(l, doc);
    size_t out = 0;
    for (const model::Table& t : doc.tables) out += t.cells.size();
    EXPECT_GE(out, cells / 2);  // continuations may drop repeated header rows only
  }
}

}  // namespace
}  // namespace cnbudget

namespace cnbudget {
namespace {

TextLine PageLine(std::string s, int page) {
  TextLine l;
  l.text = std::move(s);
  l.page = page;
  return l;
}

TEST(Mapper, PageFurnitureDoesNotSeparateTablePieces) {
  RawTable data = Grid({{"", "", "", "一般公共服务支出", "1.00", "1.00", ""}}, 4);
  Layout l;
  l.blocks = {PageLine("某局2024年部门预算", 2), PageLine("表3", 3), PageLine("部门支出总体情况表", 3),
              Expenditure(3), PageLine("- 3 -", 3), PageLine("某局2024年部门预算", 4), data,
              PageLine("某局2024年部门预算", 5)};
  model::Document doc;
  MapLayout(l, doc);
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].n_rows, 4);
  EXPECT_EQ(doc.tables[0].pages, std::make_pair(3, 4));
}

}  // namespace
}  // namespace cnbudget

namespace cnbudget {
namespace {

TEST(Mapper, FileOfTablesOnlyTakesUnitAndKindFromTheTables) {
  Layout l;
  l.blocks = {Line("表三"), Line("支出预算总表"), Line("部门：江苏省某厅单位：万元"), Expenditure(0)};
  model::Document doc;
  MapLayout(l, doc);
  EXPECT_EQ(doc.document.unit, "江苏省某厅");
  EXPECT_EQ(doc.document.kind, "budget");
  EXPECT_EQ(doc.document.year, std::nullopt);
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].pages, std::nullopt);
}

}  // namespace
}  // namespace cnbudget

namespace cnbudget {
namespace {

TEST(Mapper, ContinuationMarkedInTheCaption) {
  for (const char* mark : {"表3（续）", "部门支出总体情况表（续）", "续表"}) {
    Layout l;
    l.blocks = {Line("表3"), Line("部门支出总体情况表"), Expenditure(3), Line(mark), Expenditure(4)};
    model::Document doc;
    MapLayout(l, doc);
    ASSERT_EQ(doc.tables.size(), 1u) << mark;
    EXPECT_EQ(doc.tables[0].n_rows, 4) << mark;
    EXPECT_EQ(doc.tables[0].title, "部门支出总体情况表") << mark;
  }
  // Another number is another table.
  Layout l;
  l.blocks = {Line("表3"), Line("部门支出总体情况表"), Expenditure(3), Line("表5（续）"), Expenditure(4)};
  model::Document doc;
  MapLayout(l, doc);
  EXPECT_EQ(doc.tables.size(), 2u);
}

}  // namespace
}  // namespace cnbudget

namespace cnbudget {
namespace {

TEST(Mapper, TitleInsideTheGridWinsOverAContentsLineAbove) {
  Layout l;
  RawTable t = Grid({{"部门收支总体情况表"}, {"收入", "", "支出", ""}, {"项目", "预算数", "项目", "预算数"},
                     {"一、本年收入", "1.00", "201一般公共服务支出", "1.00"}});
  t.cells[0].cs = 4;
  t.n_cols = 4;
  l.blocks = {Line("目录"), Line("一、部门收支总体情况表"), Line("十二、上年结转结余情况表"), t};
  model::Document doc;
  MapLayout(l, doc);
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].standard, "budget.summary");
  EXPECT_EQ(doc.tables[0].title, "部门收支总体情况表");
  EXPECT_EQ(doc.tables[0].header_rows, 3);
}

// A ruled grid without row rules: each column is one cell holding every body
// row's amount on its own line. Nothing may read those as one number.
TEST(Mapper, CollapsedRowsAreReportedNeverGluedIntoValues) {
  Layout l;
  l.blocks = {Line("2024年部门预算公开"), Line("部门支出总体情况表"),
              Grid({{"科目代码", "", "", "科目名称", "合计", "基本支出", "项目支出"},
                    {"类", "款", "项", "", "", "", ""},
                    {"201\n208\n213", "", "", "一般公共服务支出\n社会保障和就业支出\n农林水支出",
                     "776\n478\n526", "600\n400\n500", "176\n78\n26"}})};
  model::Document doc;
  MapLayout(l, doc);
  ASSERT_EQ(doc.tables.size(), 1u);
  const model::Table& t = doc.tables[0];
  for (const model::Cell& c : t.cells) EXPECT_FALSE(c.value) << c.raw;
  EXPECT_TRUE(t.records.empty());
  int multiple = 0, collapsed = 0;
  for (const Issue& i : doc.issues) {
    multiple += i.code == "cell_multiple_values" && i.severity == Severity::kWarning;
    collapsed += i.code == "table_rows_collapsed" && i.table == 0;
  }
  EXPECT_EQ(multiple, 3);
  EXPECT_EQ(collapsed, 1);
  EXPECT_EQ(t.doubts, (std::vector<std::string>{"cell_multiple_values", "table_rows_collapsed"}));
}

TEST(Mapper, ImplausibleAmountIsAWarningAndADoubt) {
  Layout l;
  l.blocks = {Line("2024年部门预算公开"), Line("部门支出总体情况表"),
              Grid({{"科目代码", "", "", "科目名称", "合计", "基本支出", "项目支出"},
                    {"类", "款", "项", "", "", "", ""},
                    {"201", "", "", "一般公共服务支出", "77647852680312132064", "10.00", ""}})};
  model::Document doc;
  MapLayout(l, doc);
  ASSERT_EQ(doc.tables.size(), 1u);
  bool warned = false;
  for (const Issue& i : doc.issues) warned |= i.code == "implausible_value" && i.r == 2 && i.c == 4;
  EXPECT_TRUE(warned);
  EXPECT_EQ(doc.tables[0].doubts, (std::vector<std::string>{"implausible_value"}));
  for (const model::Record& r : doc.tables[0].records) EXPECT_NE(r.c, 4);
}

TEST(Mapper, CleanTableHasNoDoubts) {
  Layout l;
  l.blocks = {Line("2024年部门预算公开"), Line("部门支出总体情况表"), Expenditure(1)};
  model::Document doc;
  MapLayout(l, doc);
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_TRUE(doc.tables[0].doubts.empty());
}

TEST(Mapper, FootnoteMarkKeepsTheRecordAndIsReported) {
  Layout l;
  l.blocks = {Line("2024年部门预算公开"), Line("部门支出总体情况表"),
              Grid({{"科目代码", "", "", "科目名称", "合计", "基本支出", "项目支出"},
                    {"类", "款", "项", "", "", "", ""},
                    {"201", "", "", "一般公共服务支出", "10.00（注1）", "10.00", ""}})};
  model::Document doc;
  MapLayout(l, doc);
  ASSERT_EQ(doc.tables.size(), 1u);
  bool record = false;
  for (const model::Record& r : doc.tables[0].records) record |= r.c == 4 && r.value == "10.00";
  EXPECT_TRUE(record);
  bool reported = false;
  for (const Issue& i : doc.issues)
    reported |= i.code == "value_with_footnote_mark" && i.severity == Severity::kInfo && i.r == 2 && i.c == 4;
  EXPECT_TRUE(reported);
}

// A grid on `page` whose columns are 100 points wide from x = left.
RawTable PlacedGrid(std::vector<std::vector<std::string>> rows, int page, double left) {
  RawTable t = Grid(std::move(rows), page);
  for (RawCell& c : t.cells) c.bbox = BBox{left + 100.0 * c.c, 0, left + 100.0 * (c.c + 1), 10};
  return t;
}

TextLine LineOn(std::string s, int page) {
  TextLine l = Line(std::move(s));
  l.page = page;
  return l;
}

std::vector<Block> SplitTableWith(std::vector<Block> between, double next_left) {
  std::vector<Block> blocks = {
      LineOn("表5：2021年全市收支安排汇总表（单位：亿元）", 19),
      PlacedGrid({{"预算级次", "收入预算数", "增幅"}, {"全市", "799", "4.7%"}, {"市本级", "350.3", "5.0%"}}, 19, 50)};
  blocks.insert(blocks.end(), between.begin(), between.end());
  blocks.push_back(PlacedGrid({{"四城区", "148.3", "4.7%"}, {"五县(市)", "196.9", "3.6%"}}, 20, next_left));
  return blocks;
}

TEST(Mapper, TableGoesOnAfterAFootnoteAndThePageNumber) {
  Layout l;
  l.blocks = SplitTableWith({LineOn("2.收入预算增幅以上年完成数为", 19), LineOn("基数。", 19), LineOn("— 19 —", 19)}, 50);
  model::Document doc;
  MapLayout(l, doc);
  ASSERT_EQ(doc.tables.size(), 1u);
  EXPECT_EQ(doc.tables[0].n_rows, 5);
  EXPECT_EQ(doc.tables[0].pages, std::make_pair(19, 20));
}

TEST(Mapper, TextOnTheNewPageOrColumnsElsewhereStartANewTable) {
  Layout prose;
  prose.blocks = SplitTableWith({LineOn("— 19 —", 19), LineOn("需要说明的是，下表为各区情况。", 20)}, 50);
  model::Document a;
  MapLayout(prose, a);
  EXPECT_EQ(a.tables.size(), 2u);
  Layout shifted;
  shifted.blocks = SplitTableWith({LineOn("— 19 —", 19)}, 80);
  model::Document b;
  MapLayout(shifted, b);
  EXPECT_EQ(b.tables.size(), 2u);
}

}  // namespace
}  // namespace cnbudget
