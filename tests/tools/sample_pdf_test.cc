// The committed sample PDF (tools/gen_sample_pdf.py) through the real binary:
// the PDF path end to end, from ruled pages to records.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

nlohmann::json ExtractSample() {
  const fs::path out = fs::path(::testing::TempDir()) / "sample_final.pdf.json";
  const std::string cmd = std::string(CNBUDGET_BINARY) + " extract '" CNBUDGET_SOURCE_DIR
                          "/fixtures/sample_final.pdf' -o '" + out.string() + "'";
  const int status = std::system(cmd.c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd;
  std::ifstream in(out);
  return nlohmann::json::parse(in);
}

const nlohmann::json* FindCell(const nlohmann::json& table, int r, int c) {
  for (const auto& cell : table["cells"])
    if (cell["r"] == r && cell["c"] == c) return &cell;
  return nullptr;
}

TEST(SamplePdf, DocumentAndTables) {
  const nlohmann::json doc = ExtractSample();
  EXPECT_EQ(doc["document"]["unit"], "示例县教育局");
  EXPECT_EQ(doc["document"]["year"], 2023);
  EXPECT_EQ(doc["document"]["kind"], "final");
  EXPECT_EQ(doc["document"]["published"], "2024-09-01");
  EXPECT_TRUE(doc["issues"].empty()) << doc["issues"].dump();
  ASSERT_EQ(doc["tables"].size(), 3u);
  EXPECT_EQ(doc["tables"][0]["standard"], "final.summary");
  EXPECT_EQ(doc["tables"][1]["standard"], "final.general_public");
  EXPECT_EQ(doc["tables"][2]["standard"], "final.three_public");
}

TEST(SamplePdf, TableContinuedOnTheNextPageIsOneTable) {
  const nlohmann::json t = ExtractSample()["tables"][1];
  EXPECT_EQ(t["pages"], nlohmann::json::array({3, 4}));
  EXPECT_EQ(t["header_rows"], 2);
  EXPECT_EQ(t["n_rows"], 20);  // 2 header rows, the repeated header not counted again
  const nlohmann::json* last = FindCell(t, 19, 3);
  ASSERT_NE(last, nullptr);
  EXPECT_EQ((*last)["text"], "住房公积金");
  EXPECT_EQ((*last)["page"], 4);
}

TEST(SamplePdf, PrintingDefectsAreRepaired) {
  const nlohmann::json t = ExtractSample()["tables"][0];
  const nlohmann::json* spaced = FindCell(t, 2, 1);  // printed "1, 229. 70"
  ASSERT_NE(spaced, nullptr);
  EXPECT_EQ((*spaced)["value"], "1229.70");
  const nlohmann::json* ideographic_stop = FindCell(t, 5, 3);  // printed "19。60"
  ASSERT_NE(ideographic_stop, nullptr);
  EXPECT_EQ((*ideographic_stop)["value"], "19.60");
}

}  // namespace
