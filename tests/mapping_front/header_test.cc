#include <gtest/gtest.h>

#include "tests/mapping_front/cells.h"

#include "mapping/header.h"

namespace cnbudget::mapping {
namespace {

RawTable Table(int rows, int cols, const std::vector<testing::CellSpec>& cells) {
  RawTable t;
  t.n_rows = rows;
  t.n_cols = cols;
  t.cells = testing::Cells(cells);
  return t;
}

TEST(Header, ThreeLevelHeaderWithRowspans) {
  RawTable t = Table(5, 7,
                     {{0, 0, 1, 4, "项目"}, {0, 4, 1, 3, "一般公共预算支出"},
                      {1, 0, 1, 3, "功能分类科目编码"}, {1, 3, 2, 1, "功能分类科目名称"},
                      {1, 4, 2, 1, "合计"}, {1, 5, 2, 1, "基本支出"}, {1, 6, 2, 1, "项目支出"},
                      {2, 0, 1, 1, "类"}, {2, 1, 1, 1, "款"}, {2, 2, 1, 1, "项"},
                      {3, 0, 1, 1, "201"}, {3, 3, 1, 1, "一般公共服务支出"}, {3, 4, 1, 1, "1528.75"},
                      {4, 3, 1, 1, "合计"}, {4, 4, 1, 1, "1528.75"}});
  EXPECT_EQ(CountHeaderRows(t, 0), 3);
  std::vector<bool> code = CodeColumns(t, 3);
  EXPECT_EQ(code, (std::vector<bool>{true, true, true, false, false, false, false}));
}

TEST(Header, EmptyTableStopsAtTotalRow) {
  RawTable t = Table(4, 5,
                     {{0, 0, 2, 1, "项目名称"}, {0, 1, 2, 1, "合计"}, {0, 2, 1, 3, "资金来源"},
                      {1, 2, 1, 1, "一般公共预算"}, {1, 3, 1, 1, "政府性基金"}, {1, 4, 1, 1, "国有资本经营预算"},
                      {2, 0, 1, 1, "总计"}});
  EXPECT_EQ(CountHeaderRows(t, 0), 2);
}

TEST(Header, BlankRowsEndTheHeader) {
  RawTable t = Table(6, 3, {{0, 0, 1, 1, "项目"}, {0, 1, 1, 1, "合计"}, {0, 2, 1, 1, "基本支出"},
                            {5, 0, 1, 1, "合计"}});
  EXPECT_EQ(CountHeaderRows(t, 0), 1);
}

TEST(Header, ColumnNumberRowBelongsToHeader) {
  RawTable t = Table(4, 4,
                     {{0, 0, 1, 1, "项目"}, {0, 1, 1, 1, "年初预算数"}, {0, 2, 1, 1, "决算数"}, {0, 3, 1, 1, "行次"},
                      {1, 0, 1, 1, "栏次"}, {1, 1, 1, 1, "1"}, {1, 2, 1, 1, "2"},
                      {2, 0, 1, 1, "一、一般公共预算财政拨款收入"}, {2, 1, 1, 1, "12.00"}});
  EXPECT_EQ(CountHeaderRows(t, 0), 2);
}

TEST(Header, CaptionRowsCountAsHeader) {
  RawTable t = Table(4, 2, {{0, 0, 1, 2, "收入决算表"}, {1, 0, 1, 1, "项目"}, {1, 1, 1, 1, "金额"},
                            {2, 0, 1, 1, "合计"}, {2, 1, 1, 1, "3.00"}});
  EXPECT_EQ(CountHeaderRows(t, 1), 2);
}

TEST(Header, MarkedHeaderRowsAreAHint) {
  RawTable t = Table(4, 2, {{0, 0, 1, 1, "项目"}, {0, 1, 1, 1, "金额"}, {1, 0, 1, 1, "(说明)"},
                            {2, 0, 1, 1, "合计"}, {2, 1, 1, 1, "3.00"}});
  EXPECT_EQ(CountHeaderRows(t, 0), 1);
  t.marked_header_rows = 2;
  EXPECT_EQ(CountHeaderRows(t, 0), 2);
  t.marked_header_rows = 3;  // would cover an amount: ignored
  EXPECT_EQ(CountHeaderRows(t, 0), 1);
}

TEST(Header, CodeHeaderSpanningColumns) {
  RawTable t = Table(3, 3, {{0, 0, 1, 2, "科目代码"}, {0, 2, 1, 1, "科目名称"}, {2, 0, 1, 1, "301"}});
  EXPECT_EQ(CodeColumns(t, 1), (std::vector<bool>{true, true, false}));
}

}  // namespace
}  // namespace cnbudget::mapping

namespace cnbudget::mapping {
namespace {

TEST(Header, FinalThreePublicWithGroupRowAndCoveredEmptyRow) {
  RawTable t = Table(6, 6,
                     {{0, 0, 1, 6, "财政拨款“三公”经费"},
                      {1, 0, 2, 2, "合计"}, {1, 2, 3, 2, "因公出国(境)费"}, {1, 4, 1, 2, "公务接待费"},
                      {2, 4, 2, 2, "小计"},
                      {4, 0, 1, 1, "预算数"}, {4, 1, 1, 1, "决算数"}, {4, 2, 1, 1, "预算数"},
                      {4, 3, 1, 1, "决算数"}, {4, 4, 1, 1, "预算数"}, {4, 5, 1, 1, "决算数"},
                      {5, 0, 1, 1, "0.95"}});
  EXPECT_EQ(CountHeaderRows(t, 0), 5);
}

TEST(Header, EmptyTemplateRowsWithEnumeratedLabels) {
  RawTable t = Table(5, 4,
                     {{0, 0, 1, 2, "收入"}, {0, 2, 1, 2, "支出"},
                      {1, 0, 1, 1, "项目"}, {1, 1, 1, 1, "决算数"}, {1, 2, 1, 1, "项目"}, {1, 3, 1, 1, "决算数"},
                      {2, 0, 1, 1, "一、一般公共预算财政拨款收入"}, {2, 2, 1, 1, "一、一般公共服务支出"},
                      {3, 0, 1, 1, "二、政府性基金预算财政拨款收入"}, {3, 2, 1, 1, "二、外交支出"},
                      {4, 0, 1, 1, "总计"}, {4, 2, 1, 1, "总计"}});
  EXPECT_EQ(CountHeaderRows(t, 0), 2);
}

}  // namespace
}  // namespace cnbudget::mapping
