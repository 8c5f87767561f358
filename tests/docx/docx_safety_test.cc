// Refusals: every bad fixture (fixtures/docx/bad_inputs.txt names the error
// code each must give) yields a failed Layout with one error issue and no
// blocks; the size caps of ExtractOptions apply.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "extract/extract.h"
#include "tests/docx/layout_dump.h"

namespace cnbudget {
namespace {

std::string FixturePath(const std::string& name) {
  return std::string(CNBUDGET_SOURCE_DIR) + "/fixtures/docx/" + name;
}

void ExpectRefused(const Layout& layout, const std::string& code, const std::string& what) {
  ASSERT_TRUE(layout.failed()) << what << " was not refused";
  EXPECT_TRUE(layout.blocks.empty()) << what;
  int errors = 0;
  for (const Issue& i : layout.issues) {
    if (i.severity != Severity::kError) continue;
    ++errors;
    EXPECT_EQ(i.code, code) << what << ": " << i.message;
    EXPECT_FALSE(i.message.empty());
  }
  EXPECT_EQ(errors, 1) << what;
}

TEST(DocxSafety, EveryBadFixtureIsRefusedWithItsCode) {
  const std::vector<std::string> lines = testing::ReadLines(FixturePath("bad_inputs.txt"));
  ASSERT_GE(lines.size(), 8u);
  for (const std::string& line : lines) {
    std::istringstream fields(line);
    std::string name, code;
    fields >> name >> code;
    ExpectRefused(ExtractDocx(FixturePath(name), ExtractOptions{}), code, name);
  }
}

TEST(DocxSafety, EntityIsNeverResolved) {
  const Layout layout = ExtractDocx(FixturePath("bad_xxe.docx"), ExtractOptions{});
  ASSERT_TRUE(layout.failed());
  for (const Issue& i : layout.issues) EXPECT_EQ(i.message.find("root:"), std::string::npos);
}

TEST(DocxSafety, EntrySizeCapFromOptions) {
  ExtractOptions options;
  options.max_zip_entry_bytes = 1 << 20;  // the bomb declares 3 MiB
  ExpectRefused(ExtractDocx(FixturePath("bad_zip_bomb.docx"), options), "zip_entry_too_large",
                "bomb with a 1 MiB cap");
}

TEST(DocxSafety, RatioCapFromOptions) {
  ExtractOptions options;
  options.max_zip_ratio = 100000;  // loose ratio: the 3 MiB of XML is then read
  const Layout layout = ExtractDocx(FixturePath("bad_zip_bomb.docx"), options);
  ASSERT_FALSE(layout.failed()) << layout.issues.front().message;
  EXPECT_EQ(testing::DumpBlocks(layout).size(), 2u);  // paragraphs "x" and "y"
}

TEST(DocxSafety, ActualSizeIsCountedWhenTheDirectoryLies) {
  ExtractOptions options;
  options.max_zip_ratio = 100000;
  options.max_zip_entry_bytes = 2 << 20;  // declared 1000 bytes, inflates to 3 MiB
  const Layout layout = ExtractDocx(FixturePath("bad_lying_size.docx"), options);
  ASSERT_TRUE(layout.failed());
  EXPECT_EQ(layout.issues.back().code, "zip_entry_too_large");
}

TEST(DocxSafety, MissingFileIsAnError) {
  const Layout layout = ExtractDocx(FixturePath("no_such_file.docx"), ExtractOptions{});
  ASSERT_TRUE(layout.failed());
}

}  // namespace
}  // namespace cnbudget
