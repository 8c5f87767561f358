// Damaged worksheets never crash the XLSX reader: each fixture sheet is
// mutated (bytes flipped, spans cut or duplicated, cell, row and merge markup
// inserted at random places, deterministic seed) and read again. Each result
// must be an error issue or well-formed blocks: cells inside their table's
// grid and no two cells covering one position. Most useful under the
// sanitizer build.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <utility>
#include <variant>

#include "extract/docx/safe_zip.h"
#include "extract/xlsx/sheet_layout.h"
#include "extract/xlsx/sheet_reader.h"

namespace cnbudget {
namespace {

constexpr int kMutationsPerSheet = 150;

const char* const kSnippets[] = {
    "<row>", "</row>", "<row r=\"0\">", "<row r=\"99999999\">", "<c r=\"A1\">", "</c>",
    "<c r=\"IV3\" t=\"s\"><v>7</v></c>", "<c t=\"inlineStr\"><is><t>x</t></is></c>",
    "<c r=\"B2\"><v>1E+999</v></c>", "<c r=\"C2\" s=\"99999\"><v>-0.5</v></c>",
    "<mergeCell ref=\"A1:IV50000\"/>", "<mergeCell ref=\"B2:A1\"/>", "<mergeCell ref=\"A1:C3\"/>",
    "<mergeCell ref=\"B2:D4\"/>", "<mergeCells>", "</mergeCells>", "&amp;", "&#0;",
    "<![CDATA[x]]>", "<!DOCTYPE x>",
};

std::string Mutate(const std::string& xml, std::mt19937* rng) {
  std::string out = xml;
  std::uniform_int_distribution<int> edits(1, 6);
  for (int n = edits(*rng); n > 0 && !out.empty(); --n) {
    const std::size_t pos = std::uniform_int_distribution<std::size_t>(0, out.size() - 1)(*rng);
    switch (std::uniform_int_distribution<int>(0, 3)(*rng)) {
      case 0:
        out[pos] = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(*rng));
        break;
      case 1:
        out.erase(pos, std::uniform_int_distribution<std::size_t>(1, 60)(*rng));
        break;
      case 2: {
        const std::size_t k = std::uniform_int_distribution<std::size_t>(
            0, sizeof kSnippets / sizeof kSnippets[0] - 1)(*rng);
        out.insert(pos, kSnippets[k]);
        break;
      }
      default: {
        const std::size_t from =
            std::uniform_int_distribution<std::size_t>(0, out.size() - 1)(*rng);
        out.insert(pos, out.substr(from, 300));
        break;
      }
    }
  }
  return out;
}

void ExpectWellFormed(const std::vector<Block>& blocks) {
  for (const Block& b : blocks) {
    const auto* table = std::get_if<RawTable>(&b);
    if (table == nullptr) continue;
    std::set<std::pair<int, int>> taken;
    for (const RawCell& c : table->cells) {
      ASSERT_GE(c.r, 0);
      ASSERT_GE(c.c, 0);
      ASSERT_GE(c.rs, 1);
      ASSERT_GE(c.cs, 1);
      ASSERT_LE(c.r + c.rs, table->n_rows);
      ASSERT_LE(c.c + c.cs, table->n_cols);
      for (int r = c.r; r < c.r + c.rs; ++r)
        for (int col = c.c; col < c.c + c.cs; ++col)
          ASSERT_TRUE(taken.insert({r, col}).second) << "two cells cover " << r << "," << col;
    }
  }
}

TEST(XlsxMutation, DamagedSheetsAreRefusedOrRead) {
  std::mt19937 rng(20240101);
  const xlsx::XlsxLimits limits;
  const xlsx::StyleSheet styles;
  const std::vector<std::string> strings = {"a", "b", "c", "d", "e", "f", "g", "h"};
  int refused = 0, read = 0;
  for (const char* name : {"strings", "numbers", "layout"}) {
    SafeZip zip;
    const std::string path = std::string(CNBUDGET_SOURCE_DIR) + "/fixtures/xlsx/" + name + ".xlsx";
    ASSERT_FALSE(zip.Open(path, ZipLimits{}));
    for (int sheet = 1; zip.Has("xl/worksheets/sheet" + std::to_string(sheet) + ".xml"); ++sheet) {
      const std::string part = "xl/worksheets/sheet" + std::to_string(sheet) + ".xml";
      std::string xml;
      ASSERT_FALSE(zip.Read(part, &xml));
      for (int i = 0; i < kMutationsPerSheet; ++i) {
        std::size_t cells_left = limits.max_cells_total;
        const xlsx::WorkbookContext context{&styles, &strings, &limits, &cells_left};
        xlsx::SheetData data;
        std::vector<Issue> warnings;
        if (xlsx::ReadSheet(Mutate(xml, &rng), part, "s", context, &data, &warnings)) {
          ++refused;
          continue;
        }
        ++read;
        std::vector<Block> blocks;
        xlsx::AppendSheetBlocks({"s", &data, {}}, &blocks);
        ExpectWellFormed(blocks);
      }
    }
  }
  // Both outcomes happen: the mutations are neither all fatal nor all harmless.
  EXPECT_GT(refused, 0);
  EXPECT_GT(read, 0);
}

TEST(XlsxMutation, OverlappingMergesAndRepeatedCellsNeverOverlap) {
  // Spreadsheets refuse to save overlapping ranges, but a hostile file has
  // them: the later range is ignored and a repeated cell reference keeps its
  // first cell, so no grid position is covered twice.
  xlsx::SheetData data;
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 4; ++c)
      data.cells.push_back({r, c, std::to_string(r) + "," + std::to_string(c), false});
  data.cells.push_back({1, 1, "again", false});
  data.merges = {{0, 0, 1, 1}, {1, 1, 2, 2}, {3, 0, 3, 3}, {2, 3, 3, 3}};
  for (int r = 0; r < 4; ++r) data.bordered_per_row[r] = 4;
  std::vector<Block> blocks;
  xlsx::AppendSheetBlocks({"s", &data, {}}, &blocks);
  ASSERT_EQ(blocks.size(), 2u);  // the sheet name, then the table
  ExpectWellFormed(blocks);
  const auto& table = std::get<RawTable>(blocks[1]);
  EXPECT_EQ(table.n_rows, 4);
  EXPECT_EQ(table.n_cols, 4);
  for (const RawCell& c : table.cells) EXPECT_NE(c.raw, "again");
}

}  // namespace
}  // namespace cnbudget
