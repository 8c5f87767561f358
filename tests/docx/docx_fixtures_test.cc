// The DOCX extractor on the generated fixtures (tools/gen_docx_fixtures.py):
// block order, grids with merges, cell text and bold, against the hand-written
// expectations in fixtures/docx/*.expected.txt.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <variant>

#include "extract/extract.h"
#include "tests/docx/layout_dump.h"

namespace cnbudget {
namespace {

std::string FixturePath(const std::string& name) {
  return std::string(CNBUDGET_SOURCE_DIR) + "/fixtures/docx/" + name;
}

class DocxFixtureTest : public ::testing::TestWithParam<const char*> {};

TEST_P(DocxFixtureTest, BlocksMatchExpectation) {
  const std::string name = GetParam();
  const Layout layout = ExtractDocx(FixturePath(name + ".docx"), ExtractOptions{});
  ASSERT_FALSE(layout.failed()) << layout.issues.front().message;
  EXPECT_EQ(layout.format, "docx");
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

INSTANTIATE_TEST_SUITE_P(Fixtures, DocxFixtureTest,
                         ::testing::Values("merges", "nested", "text_runs", "captions",
                                           "renamed_part", "numbered"));

TEST(DocxExtractor, SampleBudgetHasCaptionedTables) {
  const std::string path = std::string(CNBUDGET_SOURCE_DIR) + "/fixtures/sample_budget.docx";
  const Layout layout = ExtractDocx(path, ExtractOptions{});
  ASSERT_FALSE(layout.failed());
  int tables = 0;
  std::string previous_lines;  // the text lines since the last table
  for (const Block& b : layout.blocks) {
    if (const auto* line = std::get_if<TextLine>(&b)) {
      previous_lines += line->text + "|";
      continue;
    }
    ++tables;
    EXPECT_NE(previous_lines.find("表" + std::to_string(tables)), std::string::npos)
        << "no 表" << tables << " caption before table " << tables << ": " << previous_lines;
    EXPECT_NE(previous_lines.find("单位："), std::string::npos) << previous_lines;
    EXPECT_GT(std::get<RawTable>(b).marked_header_rows, 0);
    previous_lines.clear();
  }
  EXPECT_EQ(tables, 3);
}

TEST(DocxExtractor, ConcurrentExtractionGivesTheSameBlocks) {
  // The batch converter runs extractions in parallel threads.
  const char* const names[] = {"merges", "nested", "text_runs", "captions", "renamed_part"};
  std::vector<std::vector<std::string>> alone, together(std::size(names));
  for (const char* name : names)
    alone.push_back(testing::DumpBlocks(ExtractDocx(FixturePath(std::string(name) + ".docx"), {})));
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < std::size(names); ++i)
    threads.emplace_back([&, i] {
      for (int round = 0; round < 20; ++round)
        together[i] =
            testing::DumpBlocks(ExtractDocx(FixturePath(std::string(names[i]) + ".docx"), {}));
    });
  for (std::thread& t : threads) t.join();
  for (std::size_t i = 0; i < std::size(names); ++i) EXPECT_EQ(together[i], alone[i]) << names[i];
}

}  // namespace
}  // namespace cnbudget
