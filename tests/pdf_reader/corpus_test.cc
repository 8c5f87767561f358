// PdfDocument on the shared dev corpus (skipped when it is absent).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "extract/pdf/pdf_document.h"

namespace cnbudget::pdf {
namespace {

std::string CorpusFile(const std::string& name) {
  return std::string(CNBUDGET_SHARED_DIR) + "/corpus/dev/" + name;
}

#define SKIP_WITHOUT_CORPUS(name)                                                \
  if (!std::filesystem::exists(CorpusFile(name))) {                              \
    GTEST_SKIP() << "shared corpus not found at " << CorpusFile(name);           \
  }

TEST(PdfCorpusTest, BadFilesGiveTheRightErrors) {
  struct Case {
    const char* file;
    const char* code;
  } cases[] = {{"bad_zero_bytes.pdf", "pdf_damaged"},
               {"bad_truncated.pdf", "pdf_damaged"},
               {"bad_user_password.pdf", "pdf_encrypted"}};
  for (const Case& c : cases) {
    SKIP_WITHOUT_CORPUS(c.file);
    Issue error;
    EXPECT_EQ(PdfDocument::Open(CorpusFile(c.file), &error), nullptr) << c.file;
    EXPECT_EQ(error.code, c.code) << c.file;
    EXPECT_EQ(error.severity, Severity::kError);
  }
}

TEST(PdfCorpusTest, OwnerPasswordOnlyFileOpens) {
  SKIP_WITHOUT_CORPUS("edge_owner_password_only.pdf");
  Issue error;
  auto doc = PdfDocument::Open(CorpusFile("edge_owner_password_only.pdf"), &error);
  ASSERT_NE(doc, nullptr) << error.code << ": " << error.message;
  EXPECT_GT(doc->page_count(), 1);
  EXPECT_FALSE(doc->ReadPage(1, nullptr).runs.empty());
}

TEST(PdfCorpusTest, WriterTablePageHasRulingsAndCjkRuns) {
  SKIP_WITHOUT_CORPUS("c000_writer.pdf");
  Issue error;
  auto doc = PdfDocument::Open(CorpusFile("c000_writer.pdf"), &error);
  ASSERT_NE(doc, nullptr);
  std::vector<Issue> warnings;
  PageContent page = doc->ReadPage(4, &warnings);  // 表1 收支总体情况表
  EXPECT_TRUE(warnings.empty());
  int horizontal = 0, vertical = 0;
  for (const Ruling& r : page.rulings) (r.horizontal() ? horizontal : vertical)++;
  EXPECT_GE(horizontal, 10);
  EXPECT_GE(vertical, 4);
  bool found_label = false, found_code_label = false, found_amount = false;
  for (const TextRun& run : page.runs) {
    found_label = found_label || run.text == "1.一般公共预算拨款";  // no space added
    found_code_label = found_code_label || run.text == "201 一般公共服务支出";  // drawn space kept
    found_amount = found_amount || run.text == "1,858.41";
  }
  EXPECT_TRUE(found_label);
  EXPECT_TRUE(found_code_label);
  EXPECT_TRUE(found_amount);
}

TEST(PdfCorpusTest, ScannedPagesAreImagesWithoutText) {
  SKIP_WITHOUT_CORPUS("c003_scan.pdf");
  Issue error;
  auto doc = PdfDocument::Open(CorpusFile("c003_scan.pdf"), &error);
  ASSERT_NE(doc, nullptr);
  for (int n = 1; n <= std::min(3, doc->page_count()); ++n) {
    PageContent page = doc->ReadPage(n, nullptr);
    EXPECT_GT(page.image_coverage, 0.9) << "page " << n;
    EXPECT_TRUE(page.glyphs.empty()) << "page " << n;
  }
}

TEST(PdfCorpusTest, LandscapePageIsWiderThanTall) {
  SKIP_WITHOUT_CORPUS("c000_calc.pdf");
  Issue error;
  auto doc = PdfDocument::Open(CorpusFile("c000_calc.pdf"), &error);
  ASSERT_NE(doc, nullptr);
  PageContent page = doc->ReadPage(3, nullptr);
  EXPECT_GT(page.width, page.height);
  ASSERT_FALSE(page.runs.empty());
  for (const TextRun& run : page.runs) {
    EXPECT_GE(run.box.x0, 0);
    EXPECT_LE(run.box.x1, page.width);
  }
}

}  // namespace
}  // namespace cnbudget::pdf
