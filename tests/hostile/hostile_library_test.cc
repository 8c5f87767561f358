// Hostile inputs through the library, where the Layout allows finer asserts
// than the CLI's JSON.
#include <string>
#include <variant>

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "tests/hostile/hostile_files.h"

namespace cnbudget::hostile {
namespace {

TEST(HostileLibrary, NestedTablesUnderTheXmlDepthLimitAreAllRead) {
  // 80 levels use 3 + 80 * 3 element levels, under libxml2's 256: every
  // level is a table, each one deeper, with no stack trouble.
  const auto file =
      WriteFile(FreshDir("nested80") / "n.docx", MakeDocx(DocumentXml(NestedTablesXml(80))));
  const Layout layout = ExtractFile(file.string());
  ASSERT_FALSE(layout.failed()) << layout.issues.front().message;
  int tables = 0, deepest = -1;
  for (const Block& block : layout.blocks) {
    if (const auto* table = std::get_if<RawTable>(&block)) {
      ++tables;
      deepest = std::max(deepest, table->nesting);
    }
  }
  EXPECT_EQ(tables, 80);
  EXPECT_EQ(deepest, 79);
}

TEST(HostileLibrary, ZipBombGeneratorInflatesToWhatItDeclares) {
  // Checks the test's own zip bomb: with the caps lifted, libzip inflates
  // all 16 MiB (CRC included) and the part fails only as XML.
  const auto file = WriteFile(FreshDir("zeros") / "z.docx",
                              MakeZip({{"word/document.xml", "", 16u << 20}}));
  ExtractOptions options;
  options.max_zip_ratio = 1u << 30;
  const Layout layout = ExtractFile(file.string(), options);
  ASSERT_EQ(layout.issues.size(), 1u);
  EXPECT_EQ(layout.issues[0].code, "xml_malformed") << layout.issues[0].message;
}

TEST(HostileLibrary, InflatedBytesAreCountedAgainstTheRatioCap) {
  // 16 MiB of zeros is under the entry cap; the ratio (about 1000:1) is not.
  const auto file = WriteFile(FreshDir("zeros_ratio") / "z.docx",
                              MakeZip({{"word/document.xml", "", 16u << 20}}));
  const Layout layout = ExtractFile(file.string());
  ASSERT_EQ(layout.issues.size(), 1u);
  EXPECT_EQ(layout.issues[0].code, "zip_ratio_too_high") << layout.issues[0].message;
}

}  // namespace
}  // namespace cnbudget::hostile
