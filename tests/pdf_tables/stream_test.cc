#include <algorithm>

#include <gtest/gtest.h>

#include "extract/pdf/table_header.h"
#include "extract/pdf/table_stream.h"
#include "page_builder.h"
#include "table_test_util.h"

namespace cnbudget::pdf {
namespace {

using testing::CellAt;
using testing::PageBuilder;
using testing::TextAt;

// Body: label column at x 60, amounts right-aligned at 200, 300 and 400.
void AddBody(PageBuilder* b, double y) {
  b->Text(60, y, "一般公共服务支出").RightText(200, y, "1,229.70").RightText(300, y, "1,000.00")
      .RightText(400, y, "229.70");
  b->Text(60, y + 15, "行政运行").RightText(200, y + 15, "800.00").RightText(300, y + 15, "800.00");
  b->Text(60, y + 30, "合计").RightText(200, y + 30, "2,029.70").RightText(300, y + 30, "1,800.00")
      .RightText(400, y + 30, "229.70");
}

TEST(StreamTest, ThreeLineTableWithWrappedAndMergedHeader) {
  PageBuilder b(3);
  b.HLine(50, 450, 100);
  b.Text(60, 115, "项目");
  b.Text(160, 108, "本年支出").Text(160, 119, "合计");  // one header cell on two lines
  b.Text(290, 104, "财政拨款(补助)").HLine(255, 400, 116);  // merged over two columns
  b.Text(255, 120, "一般公共预算").Text(355, 120, "政府性基金");
  b.HLine(50, 450, 133);
  AddBody(&b, 138);
  b.HLine(50, 450, 182);
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), page.rulings);
  ASSERT_EQ(r.tables.size(), 1u);
  const PageTable& pt = r.tables[0];
  const RawTable& t = pt.table;
  EXPECT_EQ(pt.header_rows, 2);
  EXPECT_EQ(t.n_cols, 4);
  EXPECT_EQ(t.n_rows, 5);
  ASSERT_NE(CellAt(t, 0, 0), nullptr);
  EXPECT_EQ(CellAt(t, 0, 0)->rs, 2);
  EXPECT_EQ(TextAt(t, 0, 1), "本年支出\n合计");
  EXPECT_EQ(CellAt(t, 0, 1)->rs, 2);
  ASSERT_NE(CellAt(t, 0, 2), nullptr);
  EXPECT_EQ(CellAt(t, 0, 2)->raw, "财政拨款(补助)");
  EXPECT_EQ(CellAt(t, 0, 2)->cs, 2);
  EXPECT_EQ(TextAt(t, 1, 2), "一般公共预算");
  EXPECT_EQ(TextAt(t, 1, 3), "政府性基金");
  EXPECT_EQ(TextAt(t, 2, 0), "一般公共服务支出");
  EXPECT_EQ(TextAt(t, 2, 1), "1,229.70");
  EXPECT_EQ(TextAt(t, 3, 3), "");  // empty cell omitted
  EXPECT_EQ(TextAt(t, 4, 3), "229.70");
  EXPECT_EQ(CellAt(t, 4, 3)->page, 3);
}

TEST(StreamTest, UnruledTableWithCaptionsAndWrappedBodyCell) {
  PageBuilder b(1);
  b.Text(50, 40, "表3").Text(50, 55, "编制单位：某单位").Text(380, 55, "单位：万元");
  b.Text(60, 80, "项目").Text(170, 80, "合计");
  b.Text(276, 72, "一般公共预算财政拨款收入");  // spans the gap over two columns
  b.Text(255, 87, "基本支出").Text(355, 87, "项目支出");
  AddBody(&b, 100);
  // A long name wrapped in its column, the amounts centred between its lines.
  b.Text(60, 154.5, "其他一般公共").Text(60, 165.5, "服务支出");
  b.RightText(200, 160, "5.00").RightText(300, 160, "5.00");
  b.Text(60, 175, "住房保障支出").RightText(200, 175, "1.00").RightText(300, 175, "1.00");
  b.Text(50, 300, "说明文字一行，不属于表格。");
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  EXPECT_EQ(r.tables[0].header_rows, 2);
  EXPECT_EQ(t.n_cols, 4);
  EXPECT_EQ(t.n_rows, 2 + 5);
  ASSERT_NE(CellAt(t, 0, 2), nullptr);
  EXPECT_EQ(CellAt(t, 0, 2)->cs, 2);
  EXPECT_EQ(TextAt(t, 1, 2), "基本支出");
  EXPECT_EQ(TextAt(t, 5, 0), "其他一般公共\n服务支出");
  EXPECT_EQ(TextAt(t, 5, 1), "5.00");
  EXPECT_EQ(TextAt(t, 6, 0), "住房保障支出");
  // Captions and the note stay text.
  ASSERT_EQ(r.free_lines.size(), 3u);
  EXPECT_EQ(LineText(r.free_lines[0]), "表3");
  EXPECT_EQ(LineText(r.free_lines[2]), "说明文字一行，不属于表格。");
}

// Texts wrapped in narrow neighbouring columns, vertically centred so that
// their lines interleave: each column's lines are read top to bottom as one
// text. A merged header over two texts is not their first line.
TEST(StreamTest, WrappedHeaderTextsAreReadColumnByColumn) {
  PageBuilder b(1);
  b.Text(100, 100, "上级").Text(100, 112, "一般").Text(100, 124, "预算");
  b.Text(122, 106, "单位").Text(122, 118, "资金");
  b.Text(160, 100, "财政拨款");                       // over the two texts below
  b.Text(150, 112, "小计").Text(175, 112, "其他");
  b.Text(20, 150, "这是一行很长的说明文字，不是窄列里的换行文字，");  // paragraph lines
  b.Text(20, 162, "这是一行很长的说明文字");
  PageContent page = b.Build();
  std::vector<Piece> joined = JoinWrappedHeaderTexts(PiecesFromRuns(page));
  std::vector<std::string> texts;
  for (const Piece& p : joined) texts.push_back(p.text);
  std::sort(texts.begin(), texts.end());
  std::vector<std::string> expected = {"上级\n一般\n预算", "单位\n资金", "财政拨款", "小计", "其他",
                                       "这是一行很长的说明文字，不是窄列里的换行文字，",
                                       "这是一行很长的说明文字"};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(texts, expected);
}

// Without rules: a merged header text centred over the columns whose texts
// sit in the rows below it spans them, even when columns with texts of the
// full header height (科目名称, 合计) stand between the merged cells.
TEST(StreamTest, UnruledMergedHeadersSpanTheColumnsCentredUnderThem) {
  PageBuilder b(1);
  b.Text(74, 100, "科目代码").Text(310, 100, "财政拨款");
  b.Text(130, 112, "科目名称").Text(238, 112, "合计");
  b.Text(60, 124, "类").Text(85, 124, "款").Text(105, 124, "项");
  b.Text(297, 124, "基本").Text(357, 124, "项目");
  for (double y : {145.0, 160.0}) {
    b.Text(60, y, "201").Text(85, y, "03").Text(105, y, y < 150 ? "01" : "02");
    b.Text(130, y, y < 150 ? "行政运行" : "一般行政管理事务");
    b.RightText(260, y, "100.00").RightText(320, y, "60.00").RightText(380, y, "40.00");
  }
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  EXPECT_EQ(r.tables[0].header_rows, 2);
  EXPECT_EQ(t.n_cols, 7);
  ASSERT_NE(CellAt(t, 0, 0), nullptr);
  EXPECT_EQ(CellAt(t, 0, 0)->raw, "科目代码");
  EXPECT_EQ(CellAt(t, 0, 0)->cs, 3);
  EXPECT_EQ(TextAt(t, 1, 0), "类");
  EXPECT_EQ(TextAt(t, 1, 2), "项");
  ASSERT_NE(CellAt(t, 0, 3), nullptr);
  EXPECT_EQ(CellAt(t, 0, 3)->rs, 2);
  ASSERT_NE(CellAt(t, 0, 4), nullptr);
  EXPECT_EQ(CellAt(t, 0, 4)->raw, "合计");
  EXPECT_EQ(CellAt(t, 0, 4)->rs, 2);
  ASSERT_NE(CellAt(t, 0, 5), nullptr);
  EXPECT_EQ(CellAt(t, 0, 5)->raw, "财政拨款");
  EXPECT_EQ(CellAt(t, 0, 5)->cs, 2);
  EXPECT_EQ(TextAt(t, 1, 5), "基本");
  EXPECT_EQ(TextAt(t, 1, 6), "项目");
  EXPECT_EQ(TextAt(t, 2, 6), "40.00");
}

// Three header levels without rules: 财政拨款 over 小计/基本支出/项目支出,
// 基本支出 over 人员经费/公用经费, both centred on the same x. Texts centred
// in the whole header height (项目, 合计) or in the two rows under a merged
// text (小计) are not under the text above them.
TEST(StreamTest, UnruledThreeLevelHeader) {
  PageBuilder b(1);
  b.Text(220, 100, "财政拨款");
  b.Text(60, 116, "项目").Text(110, 116, "合计").Text(221.5, 116, "基本支出");
  b.Text(160, 124, "小计").Text(296, 124, "项目支出");
  b.Text(200, 132, "人员经费").Text(248, 132, "公用经费");
  for (double y : {155.0, 170.0}) {
    b.Text(60, y, y < 160 ? "总计" : "其他");
    for (double x : {128.0, 178.0, 236.0, 284.0, 332.0}) b.RightText(x, y, "9.00");
  }
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  EXPECT_EQ(r.tables[0].header_rows, 3);
  EXPECT_EQ(t.n_cols, 6);
  auto span = [&](int row, int col) {
    const RawCell* c = CellAt(t, row, col);
    return c == nullptr ? std::string("-") : c->raw + " " + std::to_string(c->rs) + "x" + std::to_string(c->cs);
  };
  EXPECT_EQ(span(0, 0), "项目 3x1");
  EXPECT_EQ(span(0, 1), "合计 3x1");
  EXPECT_EQ(span(0, 2), "财政拨款 1x4");
  EXPECT_EQ(span(1, 2), "小计 2x1");
  EXPECT_EQ(span(1, 3), "基本支出 1x2");
  EXPECT_EQ(span(1, 5), "项目支出 2x1");
  EXPECT_EQ(span(2, 3), "人员经费 1x1");
  EXPECT_EQ(span(2, 4), "公用经费 1x1");
}

// Without rules, a name column whose texts touch the long labels of the
// column before (a label running over its column) is still a column: its
// header text stands apart on the header row. A narrow column's text ends
// on a wider last line ("设）").
TEST(StreamTest, UnruledColumnNextToOverflowingLabels) {
  PageBuilder b(1);
  const double fs = 8.5;
  b.Text(300, 100, "资", fs).Text(300, 111.5, "本", fs).Text(300, 123, "建", fs)
      .Text(295.75, 134.5, "设）", fs);
  b.Text(143, 117, "科目名称", fs).Text(198, 117, "项目名称", fs).Text(245, 117, "合计", fs);
  const char* labels[] = {"政府办公厅（室）", "其他政府办公厅", "其他政府办公厅", "其他政府办公厅"};
  const char* names[] = {"", "电子政务", "运行补助", "化债工作"};
  double y = 150;
  for (int i = 0; i < 4; ++i, y += 26) {
    b.Text(130, y, labels[i], fs).Text(130, y + 11.5, "及相关机构", fs);
    if (names[i][0] != '\0') b.Text(196.6, y + 5.7, names[i], fs);
    b.RightText(262, y + 5.7, "87.74", fs).RightText(306, y + 5.7, "1.00", fs);
  }
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  EXPECT_EQ(t.n_cols, 4);
  int h = r.tables[0].header_rows;
  EXPECT_EQ(TextAt(t, 0, 1), "项目名称");
  EXPECT_EQ(TextAt(t, 0, 3), "资\n本\n建\n设）");
  EXPECT_EQ(TextAt(t, h + 1, 0), "其他政府办公厅\n及相关机构");
  EXPECT_EQ(TextAt(t, h + 1, 1), "电子政务");
  EXPECT_EQ(TextAt(t, h + 1, 2), "87.74");
}

// Three-line tables one after the other: the bottom rule of the first, the
// title of the second and its top rule line up, but the title between them
// separates the two frames; the year line centred under the title is caption.
TEST(StreamTest, TitleBetweenRulesSeparatesThreeLineTables) {
  PageBuilder b(1);
  b.HLine(50, 450, 50).Text(60, 53, "项目").Text(160, 53, "金额").HLine(50, 450, 65);
  b.Text(60, 70, "甲").RightText(200, 70, "1.00").Text(60, 85, "乙").RightText(200, 85, "2.00");
  b.HLine(50, 450, 100);
  b.Text(186, 110, "项目支出情况表", 15);
  b.Text(231, 130, "(2023年)");
  b.HLine(50, 450, 145).Text(60, 148, "科目").Text(160, 148, "预算数").HLine(50, 450, 160);
  b.Text(60, 165, "丙").RightText(200, 165, "3.00").Text(60, 180, "丁").RightText(200, 180, "4.00");
  b.HLine(50, 450, 195);
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), page.rulings);
  ASSERT_EQ(r.tables.size(), 2u);
  const RawTable& t = r.tables[1].table;
  EXPECT_EQ(r.tables[1].header_rows, 1);
  EXPECT_EQ(TextAt(t, 0, 0), "科目");
  EXPECT_EQ(TextAt(t, 2, 1), "4.00");
  ASSERT_EQ(r.free_lines.size(), 2u);
  EXPECT_EQ(LineText(r.free_lines[0]), "项目支出情况表");
}

// Without rules, a one-piece line centred under the title (a year line) is
// not the table's first header row.
TEST(StreamTest, YearLineUnderTitleIsNotHeader) {
  PageBuilder b(1);
  b.Text(186, 100, "部门收支总体情况表", 15);
  b.Text(231, 120, "(2023年)");
  b.Text(60, 140, "项目").Text(160, 140, "预算数").Text(260, 140, "决算数");
  b.Text(60, 155, "甲").RightText(200, 155, "1.00").RightText(300, 155, "1.00");
  b.Text(60, 170, "乙").RightText(200, 170, "2.00").RightText(300, 170, "2.00");
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].header_rows, 1);
  EXPECT_EQ(TextAt(r.tables[0].table, 0, 0), "项目");
  EXPECT_EQ(r.free_lines.size(), 2u);
}

// A form under a title (绩效目标表): label/value rows above the first
// amount are rows, not a header; a value or paragraph reaching over several
// columns of the indicator grid does not hide the columns under it; values
// above the grid fill the columns up to the next text of their row.
TEST(StreamTest, FormUnderTitleHasNoHeader) {
  PageBuilder b(1);
  b.Text(186, 80, "项目支出绩效目标表", 15);
  b.Text(60, 110, "预算单位").Text(120, 110, "某某单位办公室综合保障中心");
  b.Text(60, 125, "项目名称").Text(120, 125, "运行经费").Text(300, 125, "负责人").Text(360, 125, "张三");
  b.Text(60, 140, "项目资金").Text(120, 140, "年度预算").RightText(225, 140, "600")
      .Text(240, 140, "其中：财政").RightText(340, 140, "600");
  b.Text(60, 155, "总体目标").Text(120, 155, "做好日常事务的服务保障工作，为各项工作的顺利开展提供资金保障");
  b.Text(60, 170, "一级指标").Text(120, 170, "二级指标").Text(180, 170, "三级指标")
      .Text(240, 170, "指标值").Text(300, 170, "分值").Text(360, 170, "佐证资料");
  b.Text(60, 185, "产出指标").Text(120, 185, "数量指标").Text(180, 185, "督查频次")
      .Text(240, 185, "=3次").RightText(320, 185, "3").Text(360, 185, "工作资料");
  b.Text(120, 200, "质量指标").Text(180, 200, "合格率").Text(240, 200, "=100%")
      .RightText(320, 200, "4").Text(360, 200, "原始凭证");
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  EXPECT_EQ(r.tables[0].header_rows, 0);
  EXPECT_EQ(t.n_cols, 6);
  EXPECT_EQ(t.n_rows, 7);
  EXPECT_EQ(TextAt(t, 0, 0), "预算单位");
  // Values above the grid fill the columns up to the next text or the edge.
  ASSERT_NE(CellAt(t, 0, 1), nullptr);
  EXPECT_EQ(CellAt(t, 0, 1)->cs, 5);
  ASSERT_NE(CellAt(t, 1, 1), nullptr);
  EXPECT_EQ(CellAt(t, 1, 1)->cs, 3);
  EXPECT_EQ(TextAt(t, 1, 5), "张三");
  ASSERT_NE(CellAt(t, 3, 1), nullptr);
  EXPECT_EQ(CellAt(t, 3, 1)->cs, 5);
  EXPECT_EQ(TextAt(t, 4, 4), "分值");
  EXPECT_EQ(TextAt(t, 6, 4), "4");
}

// In a form without rules one column holds left-aligned texts, a centred
// grid header and right-aligned amounts that never overlap: bands that no
// row has separate texts in both are one column.
TEST(StreamTest, FormColumnWithMixedAlignments) {
  PageBuilder b(1);
  b.Text(186, 80, "项目支出绩效目标表", 15);
  b.Text(60, 110, "预算单位").Text(120, 110, "某某单位办公室综合保障中心");
  b.Text(60, 125, "项目资金").RightText(228, 125, "67.78").Text(240, 125, "其中")
      .RightText(368, 125, "67.78");
  b.Text(60, 140, "一级指标").Text(155, 140, "指标值").Text(255, 140, "依据").Text(320, 140, "分值");
  b.Text(60, 155, "产出指标").Text(120, 155, "≥1次").Text(240, 155, "计划标准").RightText(368, 155, "3");
  b.Text(60, 170, "质量指标").Text(120, 170, "=100%").Text(240, 170, "计划标准").RightText(368, 170, "4");
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  EXPECT_EQ(t.n_cols, 4);
  EXPECT_EQ(TextAt(t, 1, 1), "67.78");
  EXPECT_EQ(TextAt(t, 2, 1), "指标值");
  EXPECT_EQ(TextAt(t, 3, 1), "≥1次");
  EXPECT_EQ(TextAt(t, 4, 3), "4");
}

// A run the reader did not break between two cells is cut where, after a
// gap, a glyph starts at the left edge of a column.
TEST(StreamTest, RunOverTwoCellsIsCutAtTheColumnStart) {
  PageBuilder b(1);
  b.Text(186, 80, "项目支出绩效目标表", 15);
  b.Text(60, 110, "预算单位").Text(120, 110, "某某单位办公室综合保障中心");
  b.Text(60, 125, "项目资金").RightText(228, 125, "60").Text(240, 125, "其中").RightText(368, 125, "60");
  b.Text(60, 140, "一级指标").Text(120, 140, "二级指标").Text(180, 140, "三级指标")
      .Text(240, 140, "指标值").Text(320, 140, "分值");
  b.Text(60, 155, "产出指标").Text(120, 155, "数量指标").Text(180, 155, "督查频次")
      .Text(240, 155, "=3次").RightText(368, 155, "3");
  b.Text(60, 170, "产出指标").Text(120, 170, "质量指标").Text(180, 170, "合格率（%）")
      .Text(240, 170, "=100%").RightText(368, 170, "4");
  PageContent page = b.Build();
  // Join the runs of 合格率（%） and =100% as a reader may.
  size_t k = 0;
  while (page.runs[k].text != "合格率（%）") ++k;
  TextRun& joined = page.runs[k];
  const TextRun& next = page.runs[k + 1];
  joined.text += next.text;
  joined.box = Union(joined.box, next.box);
  joined.glyphs.insert(joined.glyphs.end(), next.glyphs.begin(), next.glyphs.end());
  page.runs.erase(page.runs.begin() + static_cast<long>(k) + 1);
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  EXPECT_EQ(t.n_cols, 5);
  EXPECT_EQ(TextAt(t, 4, 2), "合格率（%）");
  EXPECT_EQ(TextAt(t, 4, 3), "=100%");
}

// Group labels of a form's indicator grid are centred over the rows they
// span: 产出指标 over four rows (between rows), 数量指标 over three (on the
// middle row), 质量指标 over one.
TEST(StreamTest, FormGroupLabelsSpanTheRowsTheyAreCentredOn) {
  PageBuilder b(1);
  b.Text(186, 80, "项目支出绩效目标表", 15);
  b.Text(60, 110, "预算单位").Text(120, 110, "某某单位办公室综合保障中心");
  b.Text(60, 125, "项目资金").RightText(228, 125, "60").Text(240, 125, "其中").RightText(368, 125, "60");
  b.Text(60, 140, "一级指标").Text(120, 140, "二级指标").Text(180, 140, "三级指标")
      .Text(240, 140, "指标值").Text(320, 140, "分值");
  const char* names[] = {"督查频次", "会议次数", "公文数量", "合格率"};
  for (int i = 0; i < 4; ++i) {
    double y = 155 + 15 * i;
    b.Text(180, y, names[i]).Text(240, y, "=3次").RightText(368, y, "3");
  }
  b.Text(60, 177.5, "产出指标").Text(120, 170, "数量指标").Text(120, 200, "质量指标");
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  ASSERT_EQ(t.n_rows, 7);
  ASSERT_NE(CellAt(t, 3, 0), nullptr);
  EXPECT_EQ(CellAt(t, 3, 0)->raw, "产出指标");
  EXPECT_EQ(CellAt(t, 3, 0)->rs, 4);
  ASSERT_NE(CellAt(t, 3, 1), nullptr);
  EXPECT_EQ(CellAt(t, 3, 1)->raw, "数量指标");
  EXPECT_EQ(CellAt(t, 3, 1)->rs, 3);
  ASSERT_NE(CellAt(t, 6, 1), nullptr);
  EXPECT_EQ(CellAt(t, 6, 1)->rs, 1);
  EXPECT_EQ(TextAt(t, 6, 2), "合格率");
}

// The last line of a table part may be a long label without amounts in a
// column on the right (a row); a long line at the left edge is a note.
TEST(StreamTest, TrailingLongLabelOnTheRightIsARow) {
  PageBuilder b(1);
  b.Text(60, 100, "项目").Text(120, 100, "合计").Text(230, 100, "功能分类").Text(400, 100, "合计");
  b.Text(60, 115, "一般公共预算").RightText(180, 115, "9.00").Text(230, 115, "201 一般公共服务支出")
      .RightText(440, 115, "9.00");
  b.Text(60, 130, "政府性基金").RightText(180, 130, "1.00").Text(230, 130, "202 外交支出")
      .RightText(440, 130, "1.00");
  b.Text(230, 145, "207 文化旅游体育与传媒支出");
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].table.n_rows, 4);
  EXPECT_EQ(TextAt(r.tables[0].table, 3, 2), "207 文化旅游体育与传媒支出");

  PageBuilder n(1);
  n.Text(60, 100, "项目").Text(120, 100, "合计").Text(230, 100, "功能分类").Text(400, 100, "合计");
  n.Text(60, 115, "一般公共预算").RightText(180, 115, "9.00").Text(230, 115, "201 一般公共服务支出")
      .RightText(440, 115, "9.00");
  n.Text(60, 130, "政府性基金").RightText(180, 130, "1.00").Text(230, 130, "202 外交支出")
      .RightText(440, 130, "1.00");
  n.Text(60, 145, "以上金额均为年初预算数，按功能分类科目列示。");
  page = n.Build();
  r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].table.n_rows, 3);
}

// A closing bracket cannot start a line, so the last line of a wrapped text
// may be one character wider than the line above it.
TEST(StreamTest, WrappedHeaderLastLineKeepsItsClosingBracket) {
  PageBuilder b(1);
  b.Text(100, 100, "资本").Text(100, 112, "性支").Text(100, 124, "出（").Text(100, 136, "基本")
      .Text(95.5, 148, "建设）");
  PageContent page = b.Build();
  std::vector<Piece> joined = JoinWrappedHeaderTexts(PiecesFromRuns(page));
  ASSERT_EQ(joined.size(), 1u);
  EXPECT_EQ(joined[0].text, "资本\n性支\n出（\n基本\n建设）");
}

// The paragraph heading right after an unruled table, in a larger font, is
// not its last row.
TEST(StreamTest, LargerHeadingAfterTableIsNotARow) {
  PageBuilder b(1);
  b.Text(60, 100, "项目").Text(160, 100, "预算数").Text(260, 100, "决算数");
  b.Text(60, 115, "甲").RightText(200, 115, "1.00").RightText(300, 115, "1.00");
  b.Text(60, 130, "乙").RightText(200, 130, "2.00").RightText(300, 130, "2.00");
  b.Text(80, 142, "（五）其他需说明的事项", 11);
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].table.n_rows, 3);
  ASSERT_EQ(r.free_lines.size(), 1u);
}

// Above a form's grid, an amount (right-aligned) fills the empty columns
// back to the text before it.
TEST(StreamTest, FormAmountAtRightEdgeFillsColumnsBeforeIt) {
  PageBuilder b(1);
  b.Text(186, 80, "部门整体绩效目标表", 15);
  b.Text(60, 110, "部门名称").Text(120, 110, "某某单位");
  b.Text(60, 125, "联系人").Text(120, 125, "张三").Text(180, 125, "联系电话").RightText(396, 125, "2596896");
  b.Text(60, 140, "预算资金").RightText(267, 140, "45");  // right-aligned, columns before it empty
  b.Text(60, 155, "一级指标").Text(120, 155, "二级指标").Text(180, 155, "三级指标")
      .Text(240, 155, "指标值").Text(300, 155, "依据").Text(360, 155, "分值");
  b.Text(60, 170, "履职效能").Text(120, 170, "数量指标").Text(180, 170, "信息数量")
      .Text(240, 170, "≥700条").Text(300, 170, "工作小结").RightText(396, 170, "18");
  b.Text(60, 185, "履职效能").Text(120, 185, "质量指标").Text(180, 185, "公开率")
      .Text(240, 185, "=100%").Text(300, 185, "工作方案").RightText(396, 185, "20");
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  ASSERT_EQ(t.n_cols, 6);
  ASSERT_NE(CellAt(t, 1, 2), nullptr);
  EXPECT_EQ(CellAt(t, 1, 2)->raw, "联系电话");
  EXPECT_EQ(CellAt(t, 1, 2)->cs, 1);
  ASSERT_NE(CellAt(t, 1, 3), nullptr);
  EXPECT_EQ(CellAt(t, 1, 3)->raw, "2596896");
  EXPECT_EQ(CellAt(t, 1, 3)->cs, 3);
  ASSERT_NE(CellAt(t, 2, 1), nullptr);
  EXPECT_EQ(CellAt(t, 2, 1)->raw, "45");
  EXPECT_EQ(CellAt(t, 2, 1)->cs, 3);
  EXPECT_EQ(TextAt(t, 4, 5), "18");
}

TEST(StreamTest, LongWrappedLabelStaysOneRow) {
  PageBuilder b(1);
  const double fs = 8.5;
  b.Text(60, 100, "科目", fs).Text(130, 100, "名称", fs).Text(220, 100, "合计", fs).Text(280, 100, "基本", fs);
  b.Text(60, 115, "201", fs).Text(130, 115, "事业运行", fs).RightText(240, 115.4, "192.29", fs)
      .RightText(300, 115.4, "192.29", fs);
  b.Text(130, 129.7, "其他政府办公", fs).Text(130, 141.2, "厅（室）及相", fs);
  b.Text(60, 146.9, "201", fs).RightText(240, 147.3, "160.52", fs).RightText(300, 147.3, "160.52", fs);
  b.Text(130, 152.7, "关机构事务支", fs).Text(130, 164.1, "出", fs);
  b.Text(60, 184.3, "208", fs).Text(130, 178.6, "社会保障和就", fs).Text(130, 190.1, "业支出", fs)
      .RightText(240, 184.7, "128.43", fs).RightText(300, 184.7, "128.43", fs);
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  EXPECT_EQ(t.n_rows, 4);
  EXPECT_EQ(TextAt(t, 2, 1), "其他政府办公\n厅（室）及相\n关机构事务支\n出");
  EXPECT_EQ(TextAt(t, 2, 2), "160.52");
}

// The rest of a form's indicator grid at the top of the next page: its
// group labels still span the rows they are centred on.
TEST(StreamTest, GridContinuationGroupLabelsSpanRows) {
  PageBuilder b(2);
  const char* names[] = {"督查频次", "会议次数", "公文数量", "合格率"};
  for (int i = 0; i < 4; ++i) {
    double y = 60 + 15 * i;
    b.Text(180, y, names[i]).Text(240, y, "=3次").Text(300, y, "计划标准").RightText(368, y, "3");
  }
  b.Text(60, 82.5, "产出指标").Text(120, 75, "数量指标").Text(120, 105, "质量指标");
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  ASSERT_EQ(t.n_rows, 4);
  ASSERT_NE(CellAt(t, 0, 0), nullptr);
  EXPECT_EQ(CellAt(t, 0, 0)->raw, "产出指标");
  EXPECT_EQ(CellAt(t, 0, 0)->rs, 4);
  ASSERT_NE(CellAt(t, 0, 1), nullptr);
  EXPECT_EQ(CellAt(t, 0, 1)->rs, 3);
  EXPECT_EQ(TextAt(t, 3, 1), "质量指标");
}

// An empty table (header and 总计 only): the columns come from the header;
// a merged text centred over the gap between its two parts below
// (基本支出 over 人员经费 | 公用经费) is not a column of its own.
TEST(StreamTest, EmptyTableColumnsComeFromTheHeader) {
  PageBuilder b(1);
  const double fs = 8.5;
  b.Text(62, 109, "编制部门：某单位", 10).Text(488, 109, "单位：万元", 10);
  b.Text(123.92, 127.36, "科目", fs).Text(332.28, 127.36, "政府性基金预算支出", fs);
  b.Text(73.41, 142.36, "科目代码", fs).Text(353.53, 142.36, "基本支出", fs);
  b.Text(143.47, 149.59, "科目名称", fs).Text(236, 149.59, "合计", fs).Text(479.57, 149.59, "项目支出", fs);
  b.Text(67.46, 157.09, "类", fs).Text(86.16, 157.09, "款", fs).Text(104.86, 157.09, "项", fs)
      .Text(311.52, 157.09, "人员经费", fs).Text(395.55, 157.09, "公用经费", fs);
  b.Text(120.96, 171.83, "总计", fs);
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  EXPECT_EQ(t.n_cols, 8);
  auto span = [&](int row, int col) {
    const RawCell* c = CellAt(t, row, col);
    return c == nullptr ? std::string("-") : c->raw + " " + std::to_string(c->rs) + "x" + std::to_string(c->cs);
  };
  EXPECT_EQ(span(0, 0), "科目 1x4");
  EXPECT_EQ(span(0, 4), "政府性基金预算支出 1x4");
  EXPECT_EQ(span(1, 0), "科目代码 1x3");
  EXPECT_EQ(span(1, 5), "基本支出 1x2");
  EXPECT_EQ(span(2, 6), "公用经费 1x1");
  EXPECT_EQ(span(3, 3), "总计 1x1");
}

// Rows without amounts right above the first amount row start where the
// labels start, a row pitch apart: they are rows, not header lines.
TEST(StreamTest, LeadingRowsWithoutAmountsAreNotHeader) {
  PageBuilder b(1);
  b.Text(180, 100, "支出内容").Text(300, 100, "合计").Text(360, 100, "一般公共预算");
  b.Text(60, 115, "因公出国（境）费用");
  b.Text(60, 130, "公务接待费");
  b.Text(60, 145, "公务用车购置及运行维护费").RightText(320, 145, "64.00").RightText(400, 145, "64.00");
  b.Text(60, 160, "其中：公务用车购置");
  b.Text(60, 175, "公务用车运行维护费").RightText(320, 175, "64.00").RightText(400, 175, "64.00");
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  EXPECT_EQ(r.tables[0].header_rows, 1);
  EXPECT_EQ(t.n_rows, 6);
  EXPECT_EQ(TextAt(t, 1, 0), "因公出国（境）费用");
  EXPECT_EQ(TextAt(t, 2, 0), "公务接待费");
}

TEST(StreamTest, SpacedNumbersBecomeOneCell) {
  PageBuilder b(1);
  b.Text(60, 100, "合计").SpacedNumber(160, 100, "1,858.41").SpacedNumber(260, 100, "3.00");
  b.Text(60, 115, "其他").SpacedNumber(160, 115, "2,000.00").SpacedNumber(260, 115, "1.00");
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  EXPECT_EQ(t.n_cols, 3);
  EXPECT_EQ(TextAt(t, 0, 1), "1, 858. 41");
  EXPECT_EQ(TextAt(t, 1, 2), "1. 00");
}

TEST(StreamTest, EmptyTableUnderCaptionIsATable) {
  PageBuilder b(9);
  b.Text(50, 40, "表8").Text(50, 55, "编制部门：某单位").Text(380, 55, "单位：万元");
  b.Text(60, 75, "科目名称").Text(170, 75, "合计").Text(260, 75, "基本支出").Text(360, 75, "项目支出");
  b.Text(60, 92, "总计");
  b.Text(50, 130, "注：本单位无政府性基金预算支出，此表为空表。");
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  ASSERT_EQ(r.tables.size(), 1u);
  const RawTable& t = r.tables[0].table;
  EXPECT_EQ(r.tables[0].header_rows, 1);
  EXPECT_EQ(t.n_rows, 2);
  EXPECT_EQ(t.n_cols, 4);
  EXPECT_EQ(TextAt(t, 0, 3), "项目支出");
  EXPECT_EQ(TextAt(t, 1, 0), "总计");
  EXPECT_EQ(r.free_lines.size(), 3u);  // 表8, the 编制/单位 line, the note
}

// Regression: a lone amount row with a wrapped text just above it once made
// the region search loop forever.
TEST(StreamTest, LoneAmountRowUnderWrappedTextTerminates) {
  PageBuilder b(1);
  b.Text(60, 94.5, "其他一般公共");
  b.Text(160, 100, "合计").RightText(260, 100, "5.00").RightText(360, 100, "5.00");
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  EXPECT_TRUE(r.tables.empty());
  EXPECT_EQ(r.free_lines.size(), 2u);
}

TEST(StreamTest, ParagraphsAreNotTables) {
  PageBuilder b(1);
  b.Text(50, 100, "一、部门主要职责").Text(50, 120, "本部门2023年预算收入1229.70万元。");
  // A justified list line split into runs at its numbers.
  b.Text(70, 140, "1.").Text(85, 140, "一般公共服务支出（类）963.77").Text(260, 140, "万元，占")
      .Text(310, 140, "78.37%。");
  b.Text(70, 160, "2.").Text(85, 160, "社会保障和就业支出（类）128.43").Text(270, 160, "万元，占")
      .Text(320, 160, "10.44%。");
  PageContent page = b.Build();
  StreamResult r = FindStreamTables(page, PiecesFromRuns(page), {});
  EXPECT_TRUE(r.tables.empty());
  EXPECT_EQ(r.free_lines.size(), 4u);
}

}  // namespace
}  // namespace cnbudget::pdf
