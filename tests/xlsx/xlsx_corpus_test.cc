// The XLSX extractor on the shared dev corpus, when it is present: every
// workbook is read, with one table per table sheet and the cover's lines.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <variant>

#include "extract/extract.h"

namespace cnbudget {
namespace {

namespace fs = std::filesystem;

fs::path DevCorpus() { return fs::path(CNBUDGET_SHARED_DIR) / "corpus" / "dev"; }

TEST(XlsxCorpus, FinanceWorkbooksGiveAllTheirTables) {
  if (!fs::is_directory(DevCorpus())) GTEST_SKIP() << "no shared corpus at " << DevCorpus();
  const std::pair<const char*, int> cases[] = {{"c000_finance.xlsx", 13},
                                               {"c003_finance.xlsx", 16}};
  for (const auto& [name, expected_tables] : cases) {
    const fs::path path = DevCorpus() / name;
    if (!fs::exists(path)) GTEST_SKIP() << "no " << path;
    const Layout layout = ExtractFile(path.string());
    ASSERT_FALSE(layout.failed()) << name << ": " << layout.issues.back().message;
    EXPECT_EQ(layout.format, "xlsx");
    int tables = 0;
    for (const Block& b : layout.blocks) tables += std::holds_alternative<RawTable>(b) ? 1 : 0;
    EXPECT_EQ(tables, expected_tables) << name;
    ASSERT_FALSE(layout.blocks.empty());
    // The cover sheet comes first, as text.
    EXPECT_TRUE(std::holds_alternative<TextLine>(layout.blocks.front())) << name;
  }
}

}  // namespace
}  // namespace cnbudget
