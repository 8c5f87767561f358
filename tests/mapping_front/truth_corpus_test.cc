// Every dev truth file, turned into a Layout, must map back to its truth:
// identification, captions, header rows and document metadata.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "mapping/mapper.h"
#include "tests/mapping_front/truth_layout.h"

namespace cnbudget {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> OptStr(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return j[key].get<std::string>();
}
std::optional<int> OptInt(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return j[key].get<int>();
}

TEST(TruthCorpus, MapsBackToTruth) {
  fs::path dir = fs::path(CNBUDGET_SHARED_DIR) / "corpus" / "dev";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "shared dev corpus not found at " << dir;
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.size() < 11 || name.substr(name.size() - 11) != ".truth.json") continue;
    std::ifstream in(e.path());
    nlohmann::json truth = nlohmann::json::parse(in);
    if (!truth.contains("tables")) continue;  // bad-input truth
    ++files;
    SCOPED_TRACE(name);
    model::Document doc;
    MapLayout(testing::LayoutFromTruth(truth), doc);
    const auto& td = truth["document"];
    EXPECT_EQ(doc.document.unit, OptStr(td, "unit"));
    EXPECT_EQ(doc.document.year, OptInt(td, "year"));
    EXPECT_EQ(doc.document.kind, OptStr(td, "kind"));
    EXPECT_EQ(doc.document.currency_unit, OptStr(td, "currency_unit"));
    ASSERT_EQ(doc.tables.size(), truth["tables"].size());
    for (size_t i = 0; i < doc.tables.size(); ++i) {
      const auto& tt = truth["tables"][i];
      const model::Table& t = doc.tables[i];
      SCOPED_TRACE("table " + std::to_string(i));
      EXPECT_EQ(t.standard, OptStr(tt, "standard"));
      EXPECT_EQ(t.number, OptInt(tt, "number"));
      EXPECT_EQ(t.title, OptStr(tt, "title"));
      EXPECT_EQ(t.compiler, OptStr(tt, "compiler"));
      EXPECT_EQ(t.unit, OptStr(tt, "unit"));
      EXPECT_EQ(t.header_rows, tt["header_rows"].get<int>());
      EXPECT_EQ(t.n_rows, tt["n_rows"].get<int>());
      // Values: present exactly where the truth has them (normalizer permitting).
      std::map<std::pair<int, int>, bool> truth_has_value;
      for (const auto& c : tt["cells"]) truth_has_value[{c["r"].get<int>(), c["c"].get<int>()}] = c.contains("value");
      for (const model::Cell& c : t.cells)
        if (c.value) {
          EXPECT_TRUE((truth_has_value[{c.r, c.c}])) << "unexpected value at " << c.r << "," << c.c;
        }
    }
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace cnbudget
