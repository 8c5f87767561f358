#include <gtest/gtest.h>

#include "extract/pdf/table_lattice.h"
#include "page_builder.h"
#include "table_test_util.h"

namespace cnbudget::pdf {
namespace {

using testing::CellAt;
using testing::PageBuilder;
using testing::TextAt;

// Columns at x = 50 | 150 | 250 | 350, rows at y = 100 | 120 | 140 | 160 | 180.
// Row 0: "项目" rowspan 2 at c0; "财政拨款" colspan 2 over c1..c2.
// Row 1: "一般公共预算", "政府性基金".
PageContent RuledPage() {
  PageBuilder b(7);
  b.HLine(50, 350, 100).HLine(150, 350, 120).HLine(50, 350, 140).HLine(50, 350, 160)
      .HLine(50, 350, 180);
  b.VLine(50, 100, 180).VLine(150, 100, 180).VLine(250, 120, 180).VLine(350, 100, 180);
  b.Text(60, 115, "项目").Text(170, 105, "财政拨款");
  b.Text(155, 125, "一般公共预算").Text(255, 125, "政府性基金");
  b.Text(60, 145, "合计").RightText(245, 145, "1,229.70").RightText(345, 145, "3.00");
  return b.Build();
}

TEST(LatticeTest, GridWithRowspanAndColspan) {
  PageContent page = RuledPage();
  LatticeResult r = FindLatticeTables(page, PiecesFromRuns(page));
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  EXPECT_EQ(t.n_rows, 4);  // the blank last row counts
  EXPECT_EQ(t.n_cols, 3);
  const RawCell* item = CellAt(t, 0, 0);
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->raw, "项目");
  EXPECT_EQ(item->rs, 2);
  EXPECT_EQ(item->cs, 1);
  const RawCell* fiscal = CellAt(t, 0, 1);
  ASSERT_NE(fiscal, nullptr);
  EXPECT_EQ(fiscal->raw, "财政拨款");
  EXPECT_EQ(fiscal->cs, 2);
  EXPECT_EQ(fiscal->rs, 1);
  EXPECT_EQ(TextAt(t, 1, 1), "一般公共预算");
  EXPECT_EQ(TextAt(t, 1, 2), "政府性基金");
  EXPECT_EQ(TextAt(t, 2, 1), "1,229.70");
  EXPECT_EQ(CellAt(t, 2, 1)->page, 7);
  ASSERT_TRUE(CellAt(t, 2, 1)->bbox.has_value());
  EXPECT_DOUBLE_EQ(CellAt(t, 2, 1)->bbox->x0, 150);
  EXPECT_TRUE(r.free_pieces.empty());
}

TEST(LatticeTest, TextOutsideTheGridStaysFree) {
  PageBuilder b(1);
  b.Grid({50, 150, 250}, {100, 120, 140}).Text(60, 105, "a").Text(160, 125, "b");
  b.Text(60, 60, "表1 标题");
  PageContent page = b.Build();
  LatticeResult r = FindLatticeTables(page, PiecesFromRuns(page));
  ASSERT_EQ(r.tables.size(), 1u);
  ASSERT_EQ(r.free_pieces.size(), 1u);
  EXPECT_EQ(r.free_pieces[0].text, "表1 标题");
}

TEST(LatticeTest, MultiLineCellJoinedWithNewline) {
  PageBuilder b(1);
  b.Grid({50, 150, 250}, {100, 130, 150}).Text(60, 102, "上级一般").Text(60, 115, "公共预算");
  b.Text(160, 135, "1.00");
  PageContent page = b.Build();
  LatticeResult r = FindLatticeTables(page, PiecesFromRuns(page));
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(TextAt(r.tables[0].table, 0, 0), "上级一般\n公共预算");
}

TEST(LatticeTest, RunCrossingACellBoundaryIsCut) {
  PageBuilder b(1);
  b.Grid({50, 100, 150}, {100, 120, 140});
  b.Text(75, 105, "12.00 3.00");  // one run drawn over two cells: 75..120
  b.Text(60, 125, "x");
  PageContent page = b.Build();
  LatticeResult r = FindLatticeTables(page, PiecesFromRuns(page));
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(TextAt(r.tables[0].table, 0, 0), "12.00");
  EXPECT_EQ(TextAt(r.tables[0].table, 0, 1), "3.00");
}

TEST(LatticeTest, ClusterPositionsMergesNearValues) {
  std::vector<double> v = ClusterPositions({10, 10.5, 11, 50, 51}, 2);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_NEAR(v[0], 10.5, 1e-9);
  EXPECT_NEAR(v[1], 50.5, 1e-9);
}

// A ruled frame with column rules but no row rules under the header: the
// body rows are told apart by their text lines only.
PageContent ColumnRulesOnlyPage(bool wrapped_label) {
  PageBuilder b(2);
  b.HLine(50, 350, 100).HLine(50, 350, 120).HLine(50, 350, 200);
  b.VLine(50, 100, 200).VLine(150, 100, 200).VLine(250, 100, 200).VLine(350, 100, 200);
  b.Text(60, 105, "项目").Text(160, 105, "合计").Text(260, 105, "基本支出");
  b.Text(60, 125, "合计").RightText(245, 125, "776").RightText(345, 125, "478");
  b.Text(60, 145, "一般公共服务支出").RightText(245, 145, "526").RightText(345, 145, "403");
  if (wrapped_label) {
    // A label on two lines, its amounts level with the first line.
    b.Text(60, 165, "社会保障和").RightText(245, 165, "250").RightText(345, 165, "75");
    b.Text(60, 177, "就业支出");
  } else {
    b.Text(60, 165, "社会保障和就业支出").RightText(245, 165, "250").RightText(345, 165, "75");
  }
  return b.Build();
}

TEST(LatticeTest, BodyWithoutRowRulesIsCutIntoRowsAtItsTextLines) {
  PageContent page = ColumnRulesOnlyPage(false);
  LatticeResult r = FindLatticeTables(page, PiecesFromRuns(page));
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  EXPECT_EQ(t.n_rows, 4);
  EXPECT_EQ(TextAt(t, 1, 1), "776");
  EXPECT_EQ(TextAt(t, 2, 0), "一般公共服务支出");
  EXPECT_EQ(TextAt(t, 2, 2), "403");
  EXPECT_EQ(TextAt(t, 3, 1), "250");
  for (const RawCell& c : t.cells) EXPECT_EQ(c.raw.find('\n'), std::string::npos) << c.raw;
}

TEST(LatticeTest, WrappedLabelStaysWithItsRowWhenRowsAreCut) {
  PageContent page = ColumnRulesOnlyPage(true);
  LatticeResult r = FindLatticeTables(page, PiecesFromRuns(page));
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  EXPECT_EQ(t.n_rows, 4);
  EXPECT_EQ(TextAt(t, 3, 0), "社会保障和\n就业支出");
  EXPECT_EQ(TextAt(t, 3, 2), "75");
}

// One ruled row holding a label on two lines and a single amount is one row.
TEST(LatticeTest, OneRowWithAWrappedLabelIsNotCut) {
  PageBuilder b(1);
  b.HLine(50, 250, 80).HLine(50, 250, 100).HLine(50, 250, 140);
  b.VLine(50, 80, 140).VLine(150, 80, 140).VLine(250, 80, 140);
  b.Text(60, 85, "项目").Text(160, 85, "金额");
  b.Text(60, 105, "机关事业单位基本").Text(60, 120, "养老保险缴费支出").RightText(245, 112, "12.00");
  PageContent page = b.Build();
  LatticeResult r = FindLatticeTables(page, PiecesFromRuns(page));
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].table.n_rows, 2);
}

// Some producers print a row's codes a little above its name (two baselines
// in one ruled row): the codes on one line, the name and the other side's
// codes on the next. That is one row, not two.
TEST(LatticeTest, StaggeredCodesAndNamesInOneRuledRowAreNotCut) {
  PageBuilder b(1);
  b.HLine(50, 350, 80).HLine(50, 350, 100).HLine(50, 350, 130).HLine(50, 350, 160);
  for (double x : {50, 90, 170, 210, 350}) b.VLine(x, 80, 160);
  b.Text(55, 85, "类").Text(95, 85, "名称").Text(175, 85, "类").Text(215, 85, "名称");
  for (double y : {100.0, 130.0}) {
    b.Text(55, y + 4, "301").Text(175, y + 4, "302");
    b.Text(95, y + 16, "工资福利支出").Text(215, y + 16, "商品和服务支出").RightText(345, y + 16, "01");
  }
  PageContent page = b.Build();
  LatticeResult r = FindLatticeTables(page, PiecesFromRuns(page));
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].table.n_rows, 3);
}

}  // namespace
}  // namespace cnbudget::pdf
