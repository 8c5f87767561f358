#include <gtest/gtest.h>

#include "extract/pdf/table_assembly.h"
#include "extract/pdf/table_merge.h"
#include "page_builder.h"
#include "table_test_util.h"

namespace cnbudget::pdf {
namespace {

using testing::PageBuilder;
using testing::TextAt;

// A ruled table: header row + `rows` body rows, starting at y.
void AddRuledTable(PageBuilder* b, double y, int rows, int first_value) {
  std::vector<double> ys;
  for (int i = 0; i <= rows + 1; ++i) ys.push_back(y + 20 * i);
  b->Grid({50, 200, 350}, ys);
  b->Text(60, y + 5, "项目").Text(210, y + 5, "金额");
  for (int i = 0; i < rows; ++i) {
    b->Text(60, y + 25 + 20 * i, "科目" + std::to_string(first_value + i));
    b->RightText(340, y + 25 + 20 * i, std::to_string(first_value + i) + ".00");
  }
}

std::vector<const RawTable*> Tables(const Layout& layout) {
  std::vector<const RawTable*> out;
  for (const Block& b : layout.blocks)
    if (auto* t = std::get_if<RawTable>(&b)) out.push_back(t);
  return out;
}

TEST(AssemblyTest, TableContinuedWithRepeatedHeaderIsOneTable) {
  Layout layout;
  DocumentAssembler assembler(&layout);
  PageBuilder p1(1);
  p1.Text(50, 500, "表1").Text(200, 520, "收支总体情况表", 14).Text(50, 545, "单位：万元");
  AddRuledTable(&p1, 560, 12, 1);  // runs to the bottom of the page
  p1.Text(280, 820, "- 1 -");
  PageBuilder p2(2);
  p2.Text(50, 40, "续表");
  AddRuledTable(&p2, 60, 3, 13);
  p2.Text(280, 820, "- 2 -");
  assembler.AddPage(p1.Build());
  assembler.AddPage(p2.Build());
  assembler.Finish();
  std::vector<const RawTable*> tables = Tables(layout);
  ASSERT_EQ(tables.size(), 1u);
  const RawTable& t = *tables[0];
  EXPECT_EQ(t.first_page, 1);
  EXPECT_EQ(t.last_page, 2);
  EXPECT_EQ(t.n_rows, 1 + 12 + 3);
  EXPECT_EQ(TextAt(t, 0, 0), "项目");
  EXPECT_EQ(TextAt(t, 13, 0), "科目13");
  int header_copies = 0;
  for (const RawCell& c : t.cells) header_copies += c.raw == "项目";
  EXPECT_EQ(header_copies, 1);
  for (const RawCell& c : t.cells)
    if (c.r >= 13) {
      EXPECT_EQ(c.page, 2);
    }
  // Captions come right before the table; page numbers are gone.
  ASSERT_EQ(layout.blocks.size(), 4u);
  EXPECT_EQ(std::get<TextLine>(layout.blocks[0]).text, "表1");
  EXPECT_EQ(std::get<TextLine>(layout.blocks[1]).text, "收支总体情况表");
  EXPECT_EQ(std::get<TextLine>(layout.blocks[2]).text, "单位：万元");
  EXPECT_TRUE(std::holds_alternative<RawTable>(layout.blocks[3]));
}

// An unruled table: header line + `rows` amount rows from y.
void AddUnruledTable(PageBuilder* b, double y, int rows, int first_value) {
  b->Text(60, y, "科目名称").Text(200, y, "合计").Text(300, y, "基本支出");
  for (int i = 0; i < rows; ++i) {
    double row_y = y + 20 + 15 * i;
    b->Text(60, row_y, "科目" + std::to_string(first_value + i));
    b->RightText(230, row_y, std::to_string(first_value + i) + ".00");
    b->RightText(340, row_y, "1.00");
  }
}

TEST(AssemblyTest, UnruledTableContinuedUnderRepeatedHeader) {
  Layout layout;
  DocumentAssembler assembler(&layout);
  PageBuilder p1(4);
  p1.Text(50, 540, "表3").Text(50, 560, "单位：万元");
  AddUnruledTable(&p1, 580, 14, 1);
  p1.Text(280, 820, "- 4 -");
  PageBuilder p2(5);
  AddUnruledTable(&p2, 60, 3, 15);
  p2.Text(50, 200, "表4").Text(50, 220, "单位：万元");
  assembler.AddPage(p1.Build());
  assembler.AddPage(p2.Build());
  std::vector<const RawTable*> tables = Tables(layout);
  ASSERT_EQ(tables.size(), 1u);
  const RawTable& t = *tables[0];
  EXPECT_EQ(t.first_page, 4);
  EXPECT_EQ(t.last_page, 5);
  EXPECT_EQ(t.n_rows, 1 + 14 + 3);
  EXPECT_EQ(TextAt(t, 15, 0), "科目15");
  EXPECT_EQ(TextAt(t, 15, 1), "15.00");
  int header_copies = 0;
  for (const RawCell& c : t.cells) header_copies += c.raw == "合计";
  EXPECT_EQ(header_copies, 1);
  // The lines after the table on page 5 follow it.
  ASSERT_TRUE(std::holds_alternative<TextLine>(layout.blocks.back()));
  EXPECT_EQ(std::get<TextLine>(layout.blocks.back()).text, "单位：万元");
}

// An unruled continuation's left-aligned column goes to one column of the
// open table, also its short texts whose centre falls before the edge.
TEST(AssemblyTest, LeftAlignedContinuationColumnStaysTogether) {
  OpenTable open;
  open.col_edges = {0, 100, 200, 300};
  RawTable table;
  table.n_rows = 1;
  table.n_cols = 3;
  PageTable next;
  next.table.n_rows = 4;
  next.table.n_cols = 2;
  const char* texts[] = {"/", "5批次", "/", "10次"};
  double widths[] = {4.5, 22, 4.5, 18};
  for (int r = 0; r < 4; ++r) {
    RawCell label;
    label.r = r;
    label.c = 0;
    label.raw = "指标" + std::to_string(r);
    label.bbox = BBox{20, 10.0 * r, 60, 10.0 * r + 9};
    next.table.cells.push_back(label);
    RawCell value;
    value.r = r;
    value.c = 1;
    value.raw = texts[r];
    value.bbox = BBox{194, 10.0 * r, 194 + widths[r], 10.0 * r + 9};
    next.table.cells.push_back(value);
  }
  std::optional<ColumnPlan> plan = MatchColumns(open, next);
  ASSERT_TRUE(plan.has_value());
  AppendContinuation(*plan, next, &open, &table);
  for (const RawCell& c : table.cells)
    EXPECT_EQ(c.c, c.raw.rfind("指标", 0) == 0 ? 0 : 2) << c.raw;
}

TEST(AssemblyTest, NewTitleStartsANewTable) {
  Layout layout;
  DocumentAssembler assembler(&layout);
  PageBuilder p1(1);
  AddRuledTable(&p1, 560, 12, 1);
  PageBuilder p2(2);
  p2.Text(50, 40, "表2").Text(200, 60, "另一张表", 14);
  AddRuledTable(&p2, 90, 3, 13);
  assembler.AddPage(p1.Build());
  assembler.AddPage(p2.Build());
  EXPECT_EQ(Tables(layout).size(), 2u);
}

// A page that opens with a new table's caption printed small in the top
// margin (表N, title, 单位 line): a caption always starts a new table, even
// where a running header would not stop a continuation.
TEST(AssemblyTest, CaptionInTheTopMarginStartsANewTable) {
  Layout layout;
  DocumentAssembler assembler(&layout);
  PageBuilder p1(1);
  AddRuledTable(&p1, 560, 12, 1);
  PageBuilder p2(2);
  p2.Text(50, 20, "表2", 9).Text(200, 40, "部门支出总体情况表", 9).Text(50, 62, "单位：万元", 9);
  AddRuledTable(&p2, 90, 3, 13);
  assembler.AddPage(p1.Build());
  assembler.AddPage(p2.Build());
  EXPECT_EQ(Tables(layout).size(), 2u);
}

TEST(AssemblyTest, ImageOnlyPagesGiveOneWarning) {
  Layout layout;
  DocumentAssembler assembler(&layout);
  PageContent scan;
  scan.number = 1;
  scan.image_coverage = 0.95;
  PageContent scan2 = scan;
  scan2.number = 2;
  assembler.AddPage(scan);
  assembler.AddPage(scan2);
  assembler.Finish();
  EXPECT_TRUE(layout.blocks.empty());
  ASSERT_EQ(layout.issues.size(), 1u);
  EXPECT_EQ(layout.issues[0].code, "no_text_layer");
  EXPECT_EQ(layout.issues[0].severity, Severity::kWarning);
  EXPECT_NE(layout.issues[0].message.find("1, 2"), std::string::npos);
}

}  // namespace
}  // namespace cnbudget::pdf
