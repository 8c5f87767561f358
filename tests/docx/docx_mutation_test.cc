// Damaged XML never crashes the DOCX reader: the main part of each good
// fixture is mutated (bytes flipped, spans cut or duplicated, merge and field
// markup inserted at random places, deterministic seed) and read again. Each
// result must be either an error issue or well-formed blocks (cells inside
// their table's grid). Most useful under the sanitizer build.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <variant>

#include "extract/docx/document_reader.h"
#include "extract/docx/safe_zip.h"

namespace cnbudget {
namespace {

constexpr int kMutationsPerFixture = 150;

const char* const kSnippets[] = {
    "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:vMerge/>",
    "<w:vMerge w:val=\"restart\"/>", "<w:gridSpan w:val=\"99999\"/>",
    "<w:gridBefore w:val=\"-3\"/>", "<w:hMerge/>", "<w:fldChar w:fldCharType=\"begin\"/>",
    "<w:fldChar w:fldCharType=\"separate\"/>", "<w:fldChar w:fldCharType=\"end\"/>",
    "<w:txbxContent><w:p><w:r><w:t>x</w:t></w:r></w:p></w:txbxContent>", "&amp;", "&#0;",
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
        const std::size_t from = std::uniform_int_distribution<std::size_t>(0, out.size() - 1)(*rng);
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
    for (const RawCell& c : table->cells) {
      ASSERT_GE(c.r, 0);
      ASSERT_GE(c.c, 0);
      ASSERT_GE(c.rs, 1);
      ASSERT_GE(c.cs, 1);
      ASSERT_LE(c.r + c.rs, table->n_rows);
      ASSERT_LE(c.c + c.cs, table->n_cols);
    }
  }
}

TEST(DocxMutation, DamagedDocumentXmlIsRefusedOrRead) {
  std::mt19937 rng(20240101);
  int refused = 0, read = 0;
  for (const char* name : {"merges", "nested", "text_runs", "captions"}) {
    SafeZip zip;
    const std::string path =
        std::string(CNBUDGET_SOURCE_DIR) + "/fixtures/docx/" + name + ".docx";
    ASSERT_FALSE(zip.Open(path, ZipLimits{}));
    std::string xml;
    ASSERT_FALSE(zip.Read("word/document.xml", &xml));
    for (int i = 0; i < kMutationsPerFixture; ++i) {
      std::vector<Block> blocks;
      const std::string damaged = Mutate(xml, &rng);
      if (docx::ReadDocumentXml(damaged, "word/document.xml", docx::ReadContext{}, &blocks)) {
        ++refused;
      } else {
        ++read;
        ExpectWellFormed(blocks);
      }
    }
  }
  // Both outcomes occur: the mutations are neither all fatal nor all harmless.
  EXPECT_GT(refused, 0);
  EXPECT_GT(read, 0);
}

TEST(DocxMutation, HostileSpansStayInsideACappedGrid) {
  const std::string xml =
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:body><w:tbl>"
      "<w:tr><w:trPr><w:gridBefore w:val=\"5000\"/></w:trPr>"
      "<w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr>"
      "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"99999\"/></w:tcPr>"
      "<w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr>"
      "</w:tbl></w:body></w:document>";
  std::vector<Block> blocks;
  ASSERT_FALSE(docx::ReadDocumentXml(xml, "word/document.xml", docx::ReadContext{}, &blocks));
  ASSERT_EQ(blocks.size(), 1u);
  const auto& table = std::get<RawTable>(blocks[0]);
  EXPECT_LE(table.n_cols, 1024);
  ASSERT_EQ(table.cells.size(), 1u);  // "a" and "c" fall beyond the cap
  EXPECT_EQ(table.cells[0].raw, "b");
  ExpectWellFormed(blocks);
}

}  // namespace
}  // namespace cnbudget
