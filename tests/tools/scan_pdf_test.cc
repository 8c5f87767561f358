// The scanned sample (fixtures/sample_final_scan.pdf: pages 2-4 of
// sample_final.pdf rasterized at 150 dpi by tools/make_scan_pdf.py, no text
// layer) through the real binary. With OCR built in, its three tables come
// back through the normal table path; without, the no_text_layer warning.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

nlohmann::json Scan() {
  const fs::path out = fs::path(::testing::TempDir()) / "sample_final_scan.pdf.json";
  const std::string cmd = std::string(CNBUDGET_BINARY) + " extract '" CNBUDGET_SOURCE_DIR
                          "/fixtures/sample_final_scan.pdf' -o '" + out.string() + "'";
  const int status = std::system(cmd.c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd;
  std::ifstream in(out);
  return nlohmann::json::parse(in);
}

bool HasIssue(const nlohmann::json& doc, const std::string& code) {
  for (const auto& issue : doc["issues"])
    if (issue["code"] == code) return true;
  return false;
}

#ifdef CNBUDGET_OCR_ENABLED

const nlohmann::json* FindCell(const nlohmann::json& table, int r, int c) {
  for (const auto& cell : table["cells"])
    if (cell["r"] == r && cell["c"] == c) return &cell;
  return nullptr;
}

std::string ValueAt(const nlohmann::json& table, int r, int c) {
  const nlohmann::json* cell = FindCell(table, r, c);
  return cell && cell->contains("value") && (*cell)["value"].is_string()
             ? (*cell)["value"].get<std::string>()
             : "";
}

// One test (one extraction, a few seconds of OCR) checking the layers in turn.
TEST(ScanPdf, TablesComeBackThroughOcr) {
  const nlohmann::json doc = Scan();
  // The pages were OCR'd, and the output says so.
  EXPECT_TRUE(HasIssue(doc, "ocr_used")) << doc["issues"].dump();
  EXPECT_FALSE(HasIssue(doc, "no_text_layer"));
  ASSERT_EQ(doc["tables"].size(), 3u);
  EXPECT_EQ(doc["tables"][0]["standard"], "final.summary");
  EXPECT_EQ(doc["tables"][1]["standard"], "final.general_public");
  EXPECT_EQ(doc["tables"][2]["standard"], "final.three_public");

  // Captions outside the grid are read.
  const nlohmann::json& summary = doc["tables"][0];
  EXPECT_EQ(summary["title"], "示例县教育局收入支出决算总表");
  EXPECT_EQ(summary["unit"], "万元");

  // The ruled grid, a merged header cell and the amounts.
  EXPECT_EQ(summary["n_rows"], 9);
  EXPECT_EQ(summary["n_cols"], 4);
  const nlohmann::json* income = FindCell(summary, 0, 0);  // 收入 spans two columns
  ASSERT_NE(income, nullptr);
  EXPECT_EQ((*income)["cs"], 2);
  EXPECT_EQ(ValueAt(summary, 2, 1), "1229.70");  // printed "1, 229. 70"
  EXPECT_EQ(ValueAt(summary, 2, 3), "1120.50");
  EXPECT_EQ(ValueAt(summary, 8, 1), "1280.00");
  EXPECT_EQ(ValueAt(summary, 8, 3), "1280.00");

  // A table continued on the next scanned page is one table.
  const nlohmann::json& general = doc["tables"][1];
  EXPECT_EQ(general["pages"], nlohmann::json::array({2, 3}));
  const nlohmann::json* last = FindCell(general, general["n_rows"].get<int>() - 1, 3);
  ASSERT_NE(last, nullptr);
  EXPECT_EQ((*last)["text"], "住房公积金");
  EXPECT_EQ(ValueAt(general, 2, 4), "1229.70");
}

#else

TEST(ScanPdf, WithoutOcrTheScanIsReported) {
  const nlohmann::json doc = Scan();
  EXPECT_TRUE(HasIssue(doc, "no_text_layer")) << doc["issues"].dump();
  EXPECT_TRUE(doc["tables"].empty());
}

#endif

}  // namespace
