// The XLSX extractor on the generated fixtures (tools/gen_xlsx_fixtures.py):
// sheet order, caption lines, grids with merges, numbers as their formats
// show them, against the hand-written fixtures/xlsx/*.expected.txt.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "extract/extract.h"
#include "tests/docx/layout_dump.h"

namespace cnbudget {
namespace {

std::string FixturePath(const std::string& name) {
  return std::string(CNBUDGET_SOURCE_DIR) + "/fixtures/xlsx/" + name;
}

bool HasIssue(const Layout& layout, const std::string& code) {
  return std::any_of(layout.issues.begin(), layout.issues.end(),
                     [&](const Issue& i) { return i.code == code; });
}

class XlsxFixtureTest : public ::testing::TestWithParam<const char*> {};

TEST_P(XlsxFixtureTest, BlocksMatchExpectation) {
  const std::string name = GetParam();
  const Layout layout = ExtractXlsx(FixturePath(name + ".xlsx"), ExtractOptions{});
  ASSERT_FALSE(layout.failed()) << layout.issues.front().message;
  EXPECT_EQ(layout.format, "xlsx");
  EXPECT_FALSE(layout.pages.has_value());
  const std::vector<std::string> expected = testing::ReadLines(FixturePath(name + ".expected.txt"));
  ASSERT_FALSE(expected.empty()) << "missing " << name << ".expected.txt";
  const std::vector<std::string> actual = testing::DumpBlocks(layout);
  for (std::size_t i = 0; i < std::max(expected.size(), actual.size()); ++i) {
    const std::string got = i < actual.size() ? actual[i] : "<none>";
    const std::string want = i < expected.size() ? expected[i] : "<none>";
    EXPECT_EQ(got, want) << name << " line " << i + 1;
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, XlsxFixtureTest,
                         ::testing::Values("strings", "numbers", "layout", "hostile"));

TEST(XlsxExtractor, ConcurrentExtractionGivesTheSameBlocks) {
  // The batch converter may extract several files at a time.
  const char* const names[] = {"strings", "numbers", "layout", "hostile"};
  std::vector<std::vector<std::string>> alone, together(std::size(names));
  for (const char* name : names)
    alone.push_back(testing::DumpBlocks(ExtractXlsx(FixturePath(std::string(name) + ".xlsx"), {})));
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < std::size(names); ++i)
    threads.emplace_back([&, i] {
      for (int round = 0; round < 10; ++round)
        together[i] =
            testing::DumpBlocks(ExtractXlsx(FixturePath(std::string(names[i]) + ".xlsx"), {}));
    });
  for (std::thread& t : threads) t.join();
  for (std::size_t i = 0; i < std::size(names); ++i) EXPECT_EQ(together[i], alone[i]) << names[i];
}

TEST(XlsxExtractor, HiddenSheetIsSkippedAndSaidSo) {
  const Layout layout = ExtractXlsx(FixturePath("layout.xlsx"), ExtractOptions{});
  EXPECT_TRUE(HasIssue(layout, "hidden_sheet"));
  for (const std::string& line : testing::DumpBlocks(layout))
    EXPECT_EQ(line.find("不应出现"), std::string::npos) << line;
}

TEST(XlsxExtractor, HostileDimensionIsCappedWithAWarning) {
  const Layout layout = ExtractXlsx(FixturePath("hostile.xlsx"), ExtractOptions{});
  ASSERT_FALSE(layout.failed());
  ASSERT_TRUE(HasIssue(layout, "xlsx_limit"));
  for (const Issue& issue : layout.issues) {
    if (issue.code != "xlsx_limit") continue;
    EXPECT_EQ(issue.severity, Severity::kWarning);
    // The cell at XFD1 passes the column cap, the rows at 1048576 the row cap.
    EXPECT_NE(issue.message.find("rows"), std::string::npos) << issue.message;
    EXPECT_NE(issue.message.find("columns"), std::string::npos) << issue.message;
  }
}

TEST(XlsxExtractor, DetectedByContentNotName) {
  // ExtractFile sniffs a zip and asks the package what it holds.
  const Layout xlsx = ExtractFile(FixturePath("strings.xlsx"));
  EXPECT_EQ(xlsx.format, "xlsx");
  EXPECT_TRUE(IsSpreadsheetPackage(FixturePath("strings.xlsx"), ExtractOptions{}));
  const std::string docx = std::string(CNBUDGET_SOURCE_DIR) + "/fixtures/docx/merges.docx";
  EXPECT_FALSE(IsSpreadsheetPackage(docx, ExtractOptions{}));
  EXPECT_EQ(ExtractFile(docx).format, "docx");
}

TEST(XlsxExtractor, BadInputsAreRefusedWithTheirCode) {
  const std::vector<std::string> lines = testing::ReadLines(FixturePath("bad_inputs.txt"));
  ASSERT_GE(lines.size(), 3u);
  for (const std::string& line : lines) {
    const std::string file = line.substr(0, line.find(' '));
    const std::string code = line.substr(line.find(' ') + 1);
    const Layout layout = ExtractFile(FixturePath(file));
    ASSERT_TRUE(layout.failed()) << file;
    EXPECT_EQ(layout.issues.back().code, code) << file;
    EXPECT_TRUE(layout.blocks.empty()) << file;
  }
}

}  // namespace
}  // namespace cnbudget
