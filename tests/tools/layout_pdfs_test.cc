// The layout fixtures of tools/gen_layout_pdfs.py through the real binary:
// layouts that once gave wrong data without a warning (issue 10).
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

Json Extract(const std::string& name) {
  std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::replace(test.begin(), test.end(), '/', '_');  // parameterized tests: "Name/0"
  const fs::path out = fs::path(::testing::TempDir()) / (name + "." + test + ".json");
  const std::string cmd = std::string(CNBUDGET_BINARY) + " extract '" CNBUDGET_SOURCE_DIR
                          "/fixtures/pdf_layouts/" + name + "' -o '" + out.string() + "'";
  const int status = std::system(cmd.c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd;
  std::ifstream in(out);
  return Json::parse(in);
}

std::string TextAt(const Json& table, int r, int c) {
  for (const Json& cell : table["cells"])
    if (cell["r"] == r && cell["c"] == c) return cell["text"];
  return "";
}

TEST(LayoutPdfs, ColumnRulesOnlyTableHasOneRowPerTextLine) {
  const Json doc = Extract("colrules_only.pdf");
  ASSERT_EQ(doc["tables"].size(), 1u);
  const Json& t = doc["tables"][0];
  EXPECT_EQ(t["standard"], "budget.general_public");
  EXPECT_EQ(t["n_rows"], 12);  // a header row and 11 body rows
  EXPECT_EQ(TextAt(t, 1, 2), "776");
  EXPECT_EQ(TextAt(t, 4, 0), "2010301");
  EXPECT_EQ(TextAt(t, 4, 1), "行政运行");
  EXPECT_EQ(TextAt(t, 11, 4), "100");
  EXPECT_EQ(t["records"].size(), 33u);
  // Its sums hold, so nothing is reported and the table is verified.
  EXPECT_EQ(t["verified"], true);
  EXPECT_TRUE(t["doubts"].empty());
  EXPECT_TRUE(doc["issues"].empty()) << doc["issues"].dump();
}

// Labels clipped at their cell's right border: the invisible overflow stays
// with the label, and the amount beside it keeps its value.
TEST(LayoutPdfs, ClippedLabelOverflowNeverJoinsTheAmount) {
  const Json doc = Extract("clipped_labels.pdf");
  ASSERT_EQ(doc["tables"].size(), 1u);
  const Json& t = doc["tables"][0];
  EXPECT_EQ(TextAt(t, 2, 0), "对个人和家庭的补助");
  EXPECT_EQ(TextAt(t, 2, 1), "650");
  int amounts = 0;
  for (const Json& cell : t["cells"]) amounts += cell.contains("value") && cell["c"] == 1;
  EXPECT_EQ(amounts, 5);
  EXPECT_TRUE(doc["issues"].empty()) << doc["issues"].dump();
}

// A government-level report: its tables get government ids and stages, the
// report's government, budget year and units, and checks that hold.
TEST(LayoutPdfs, GovernmentReportIsReadAsOne) {
  const Json doc = Extract("gov_report.pdf");
  const Json& meta = doc["document"];
  EXPECT_EQ(meta["family"], "government");
  EXPECT_EQ(meta["unit"], "示例市");
  EXPECT_EQ(meta["year"], 2024);
  EXPECT_EQ(meta["kind"], "budget");
  ASSERT_EQ(doc["tables"].size(), 2u);
  const Json& execution = doc["tables"][0];
  EXPECT_EQ(execution["standard"], "gov.general_public_revenue");
  EXPECT_EQ(execution["stage"], "execution");
  EXPECT_EQ(execution["coverage"], "whole_area");
  EXPECT_EQ(execution["unit"], "亿元");
  EXPECT_EQ(execution["title"], "2023年全市一般公共预算收入执行情况表");
  EXPECT_EQ(execution["verified"], true);
  bool ratio = false;
  for (const Json& r : execution["records"]) ratio |= r["measure"] == "percent_of_budget" && r["value"] == "102.5";
  EXPECT_TRUE(ratio);
  const Json& budget = doc["tables"][1];
  EXPECT_EQ(budget["standard"], "gov.general_public_expenditure");
  EXPECT_EQ(budget["stage"], "budget");
  EXPECT_EQ(budget["coverage"], "own_level");
  EXPECT_EQ(budget["unit"], "万元");
  EXPECT_EQ(budget["verified"], true);
  EXPECT_TRUE(doc["issues"].empty()) << doc["issues"].dump();
}

// A table continued on the next page without its header, after a footnote
// and the page number, is one table (it was a second, untitled one).
TEST(LayoutPdfs, HeaderlessContinuationJoinsTheOpenTable) {
  const Json doc = Extract("continued.pdf");
  ASSERT_EQ(doc["tables"].size(), 1u);
  const Json& t = doc["tables"][0];
  EXPECT_EQ(t["number"], 5);
  EXPECT_EQ(t["title"], "一般公共预算财政拨款支出决算表");
  EXPECT_EQ(t["standard"], "final.general_public");
  EXPECT_EQ(t["pages"], Json::array({1, 2}));
  EXPECT_EQ(t["n_rows"], 12);
  EXPECT_EQ(TextAt(t, 8, 1), "机关事业单位基本养老保险缴费支出");
  EXPECT_EQ(t["records"].size(), 33u);
  EXPECT_EQ(t["verified"], true);
  EXPECT_TRUE(doc["issues"].empty()) << doc["issues"].dump();
}

// A line "（2023）" between the caption and the table keeps the title,
// so the form is identified.
TEST(LayoutPdfs, YearLineUnderTheCaptionKeepsTheTitle) {
  const Json doc = Extract("year_line.pdf");
  ASSERT_EQ(doc["tables"].size(), 1u);
  const Json& t = doc["tables"][0];
  EXPECT_EQ(t["number"], 9);
  EXPECT_EQ(t["title"], "项目支出绩效目标表");
  EXPECT_EQ(t["standard"], "performance.project_target");
  EXPECT_EQ(t["n_rows"], 4);
}

// Justified paragraphs whose wide gaps line up like columns, with amounts
// among them: prose is not a table.
TEST(LayoutPdfs, LetterSpacedProseIsNoTable) {
  const Json doc = Extract("spaced_prose.pdf");
  EXPECT_TRUE(doc["tables"].empty()) << doc["tables"].dump();
  EXPECT_TRUE(doc["issues"].empty()) << doc["issues"].dump();
}

// Each layout's whole answer (document, tables with cells and records,
// issues; not the source, which names the checkout) against its committed
// expected JSON. CNBUDGET_UPDATE_EXPECTED=1 rewrites the files instead.
class LayoutExpected : public ::testing::TestWithParam<const char*> {};

TEST_P(LayoutExpected, AnswerIsTheCommittedOne) {
  const std::string name = GetParam();
  Json doc = Extract(name);
  doc.erase("source");
  const fs::path expected = fs::path(CNBUDGET_SOURCE_DIR) / "fixtures" / "pdf_layouts" /
                            (fs::path(name).stem().string() + ".expected.json");
  if (std::getenv("CNBUDGET_UPDATE_EXPECTED") != nullptr) {
    std::ofstream(expected) << doc.dump(1) << "\n";
    GTEST_SKIP() << "rewrote " << expected;
  }
  std::ifstream in(expected);
  ASSERT_TRUE(in) << expected << " is missing";
  const Json want = Json::parse(in);
  EXPECT_EQ(doc, want) << "differs from " << expected << ":\n" << Json::diff(want, doc).dump(1);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, LayoutExpected,
                         ::testing::Values("colrules_only.pdf", "clipped_labels.pdf",
                                           "gov_report.pdf", "continued.pdf", "year_line.pdf",
                                           "spaced_prose.pdf"));

}  // namespace
