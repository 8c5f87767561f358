// The DOCX extractor on the shared dev corpus, when it is present: every
// bad_*.docx is refused, and the two Word documents give their table counts.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <variant>

#include "extract/extract.h"

namespace cnbudget {
namespace {

namespace fs = std::filesystem;

fs::path DevCorpus() { return fs::path(CNBUDGET_SHARED_DIR) / "corpus" / "dev"; }

int TopLevelTables(const Layout& layout) {
  int n = 0;
  for (const Block& b : layout.blocks)
    if (const auto* t = std::get_if<RawTable>(&b)) n += t->nesting == 0 ? 1 : 0;
  return n;
}

TEST(DocxCorpus, BadDocxFilesAreRefused) {
  if (!fs::is_directory(DevCorpus())) GTEST_SKIP() << "no shared corpus at " << DevCorpus();
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(DevCorpus())) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("bad_", 0) != 0 || entry.path().extension() != ".docx") continue;
    ++seen;
    const Layout layout = ExtractDocx(entry.path().string(), ExtractOptions{});
    EXPECT_TRUE(layout.failed()) << name << " was not refused";
    EXPECT_TRUE(layout.blocks.empty()) << name;
  }
  EXPECT_GE(seen, 4);
}

TEST(DocxCorpus, WordDocumentsGiveAllTheirTables) {
  if (!fs::is_directory(DevCorpus())) GTEST_SKIP() << "no shared corpus at " << DevCorpus();
  const std::pair<const char*, int> cases[] = {{"c000_word.docx", 13}, {"c003_word.docx", 16}};
  for (const auto& [name, tables] : cases) {
    const Layout layout = ExtractDocx((DevCorpus() / name).string(), ExtractOptions{});
    ASSERT_FALSE(layout.failed()) << name;
    EXPECT_EQ(TopLevelTables(layout), tables) << name;
  }
}

}  // namespace
}  // namespace cnbudget
