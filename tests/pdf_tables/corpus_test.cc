// Table counts on the dev corpus PDFs (skipped when ../shared is absent).
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "extract/extract.h"

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

TEST(PdfCorpusTest, TruncatedPdfIsAnError) {
  std::string path = DevFile("bad_truncated.pdf");
  SKIP_IF_ABSENT(path);
  Layout layout = ExtractPdf(path, {});
  EXPECT_TRUE(layout.failed());
  EXPECT_EQ(CountTables(layout), 0);
}

}  // namespace
}  // namespace cnbudget
