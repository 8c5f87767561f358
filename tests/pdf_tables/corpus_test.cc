// Table counts on the dev corpus PDFs (skipped when ../shared is absent).
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "extract/pdf/pdf_document.h"
#include "extract/pdf/scan_pages.h"
#include "extract/pdf/table_assembly.h"

namespace cnbudget {
namespace {

std::string DevFile(const std::string& name) {
  return std::string(CNBUDGET_SHARED_DIR) + "/corpus/dev/" + name;
}

int CountTables(const Layout& layout) {
  int n = 0;
  for (const Block& b : layout.blocks) n += std::holds_alternative<RawTable>(b);
  return n;
}

#define SKIP_IF_ABSENT(path) \
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "dev corpus not found at " << path

TEST(PdfCorpusTest, WriterPdfHasThirteenTables) {
  std::string path = DevFile("c000_writer.pdf");
  SKIP_IF_ABSENT(path);
  Layout layout = ExtractPdf(path, {});
  ASSERT_FALSE(layout.failed());
  EXPECT_EQ(layout.format, "pdf");
  EXPECT_EQ(layout.pages, 25);
  EXPECT_EQ(CountTables(layout), 13);
}

TEST(PdfCorpusTest, CalcPdfHasSixteenTables) {
  std::string path = DevFile("c003_calc.pdf");
  SKIP_IF_ABSENT(path);
  Layout layout = ExtractPdf(path, {});
  ASSERT_FALSE(layout.failed());
  EXPECT_EQ(CountTables(layout), 16);
  // 表1 spans two pages and stays one table.
  for (const Block& b : layout.blocks) {
    if (const RawTable* t = std::get_if<RawTable>(&b)) {
      EXPECT_LE(t->first_page, t->last_page);
      for (const RawCell& c : t->cells) {
        EXPECT_GE(c.page, t->first_page);
        EXPECT_LE(c.page, t->last_page);
      }
    }
  }
}

// A real report whose justified, letter-spaced paragraphs were read as
// tables (issue 10): no table of it may be mostly sentences.
TEST(PdfCorpusTest, LetterSpacedProseOfARealReportIsNoTable) {
  std::string path = std::string(CNBUDGET_SHARED_DIR) + "/corpus/external/real-cities/杭州市2023年预算.pdf";
  SKIP_IF_ABSENT(path);
  Layout layout = ExtractPdf(path, {});
  ASSERT_FALSE(layout.failed());
  int prose_tables = 0;
  for (const Block& b : layout.blocks) {
    const RawTable* t = std::get_if<RawTable>(&b);
    if (!t) continue;
    int sentences = 0, cells = 0;
    for (const RawCell& c : t->cells) {
      ++cells;
      size_t code_points = 0;
      for (unsigned char ch : c.raw) code_points += (ch & 0xC0) != 0x80;
      sentences += c.raw.find("。") != std::string::npos || code_points > 30;
    }
    prose_tables += cells > 0 && sentences * 3 >= cells;
  }
  EXPECT_EQ(prose_tables, 0);
}

#ifdef CNBUDGET_OCR_ENABLED

// OCR costs seconds per page: two pages of the scan, read the way ExtractPdf
// reads them. Page 5 ends 表2 and holds 表3 (22 x 7); page 6 holds 表4.
TEST(PdfCorpusTest, ScanPagesAreReadByOcr) {
  std::string path = DevFile("c003_scan.pdf");
  SKIP_IF_ABSENT(path);
  Issue error;
  std::unique_ptr<pdf::PdfDocument> doc = pdf::PdfDocument::Open(path, &error);
  ASSERT_TRUE(doc) << error.message;
  Layout layout;
  pdf::DocumentAssembler assembler(&layout);
  pdf::ScanPages scans(2);
  for (int number = 5; number <= 6; ++number)
    for (const pdf::PageContent& page : scans.Add(doc.get(), doc->ReadPage(number, nullptr)))
      assembler.AddPage(page);
  for (const pdf::PageContent& page : scans.Finish()) assembler.AddPage(page);
  assembler.Finish();
  scans.AddIssues(&layout);
  EXPECT_GE(CountTables(layout), 3);
  bool found = false;
  for (const Block& b : layout.blocks) {
    const RawTable* t = std::get_if<RawTable>(&b);
    if (!t || t->n_rows != 22 || t->n_cols != 7) continue;
    for (const RawCell& c : t->cells) found = found || c.raw == "610.96";
  }
  EXPECT_TRUE(found) << "表3 (22 x 7) with 行政运行 610.96";
  ASSERT_FALSE(layout.issues.empty());
  EXPECT_EQ(layout.issues.back().code, "ocr_used");
  for (const Issue& i : layout.issues) EXPECT_NE(i.code, "no_text_layer");
}

#else

TEST(PdfCorpusTest, ScanHasNoTablesAndOneWarning) {
  std::string path = DevFile("c003_scan.pdf");
  SKIP_IF_ABSENT(path);
  Layout layout = ExtractPdf(path, {});
  EXPECT_FALSE(layout.failed());
  EXPECT_EQ(CountTables(layout), 0);
  int warnings = 0;
  for (const Issue& i : layout.issues) warnings += i.code == "no_text_layer";
  EXPECT_EQ(warnings, 1);
}

#endif

TEST(PdfCorpusTest, TruncatedPdfIsAnError) {
  std::string path = DevFile("bad_truncated.pdf");
  SKIP_IF_ABSENT(path);
  Layout layout = ExtractPdf(path, {});
  EXPECT_TRUE(layout.failed());
  EXPECT_EQ(CountTables(layout), 0);
}

}  // namespace
}  // namespace cnbudget
