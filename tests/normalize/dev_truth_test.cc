// The dev truth texts are already normalized: normalizing them again must
// change nothing, and numeric cells must get exactly the truth value. This
// catches rules that would damage correct text.
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "normalize/normalize.h"

namespace cnbudget {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> TruthFiles() {
  std::vector<fs::path> files;
  const fs::path dir = fs::path(CNBUDGET_SHARED_DIR) / "corpus" / "dev";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.size() > 11 && name.ends_with(".truth.json")) files.push_back(e.path());
  }
  return files;
}

TEST(DevTruth, TruthCellsAreFixedPointsWithTheirValues) {
  const std::vector<fs::path> files = TruthFiles();
  if (files.empty()) GTEST_SKIP() << "dev corpus not found under " << CNBUDGET_SHARED_DIR;
  int checked = 0;
  for (const fs::path& path : files) {
    std::ifstream in(path);
    const nlohmann::json truth = nlohmann::json::parse(in, nullptr, false);
    ASSERT_FALSE(truth.is_discarded()) << path;
    if (!truth.contains("tables")) continue;
    for (const nlohmann::json& table : truth["tables"]) {
      std::set<int> code_cols;
      for (const nlohmann::json& c : table.value("code_cols", nlohmann::json::array())) {
        code_cols.insert(c.get<int>());
      }
      const int header_rows = table.value("header_rows", 0);
      for (const nlohmann::json& cell : table["cells"]) {
        const std::string text = cell["text"].get<std::string>();
        const int r = cell["r"].get<int>();
        const int c = cell["c"].get<int>();
        const std::string where =
            path.filename().string() + " r" + std::to_string(r) + " c" + std::to_string(c);
        EXPECT_EQ(NormalizeText(text), text) << where;
        const NormalizedCell n = NormalizeCell(text);
        ++checked;
        if (code_cols.count(c) != 0) continue;
        if (cell.contains("value")) {
          EXPECT_EQ(n.value.value_or("<none>"), cell["value"].get<std::string>()) << where;
          EXPECT_EQ(n.text, text) << where;
        } else if (r >= header_rows) {
          // Outside header rows and code columns the truth values every number.
          EXPECT_FALSE(n.value.has_value()) << where << " text " << text;
        }
      }
    }
  }
  EXPECT_GT(checked, 1000);
}

}  // namespace
}  // namespace cnbudget
