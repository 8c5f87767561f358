// ClassifyOle2 on the committed legacy fixtures and on damaged copies of
// them: Word and Excel are told apart by their top-level streams, and a
// broken directory is refused without reading past the file.
#include "extract/legacy/ole2_directory.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;
using cnbudget::legacy::ClassifyOle2;
using cnbudget::legacy::Ole2Kind;

std::string Fixture(const std::string& name) {
  return std::string(CNBUDGET_SOURCE_DIR) + "/fixtures/" + name;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  const fs::path p = fs::path(::testing::TempDir()) / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

// Replaces every UTF-16LE occurrence of `from` by `to` (same length).
std::string ReplaceUtf16(std::string bytes, const std::string& from, const std::string& to) {
  auto wide = [](const std::string& s) {
    std::string w;
    for (char c : s) w += std::string{c, '\0'};
    return w;
  };
  const std::string f = wide(from), t = wide(to);
  for (std::size_t at = bytes.find(f); at != std::string::npos; at = bytes.find(f, at + 1))
    bytes.replace(at, f.size(), t);
  return bytes;
}

TEST(Ole2Directory, WordAndExcelByTheirStreams) {
  EXPECT_EQ(ClassifyOle2(Fixture("legacy/sample_budget.doc")), Ole2Kind::kWord);
  EXPECT_EQ(ClassifyOle2(Fixture("legacy/captions.doc")), Ole2Kind::kWord);
  EXPECT_EQ(ClassifyOle2(Fixture("legacy/numbers.xls")), Ole2Kind::kExcel);
  EXPECT_EQ(ClassifyOle2(Fixture("legacy/layout.xls")), Ole2Kind::kExcel);
}

TEST(Ole2Directory, TheNameDoesNotCount) {
  const std::string doc = ReadBytes(Fixture("legacy/numbers.xls"));
  EXPECT_EQ(ClassifyOle2(WriteTemp("spreadsheet_named.docx", doc)), Ole2Kind::kExcel);
}

TEST(Ole2Directory, NeitherWordNorExcelIsOther) {
  // The same container with its main stream renamed, as in a PowerPoint file.
  const std::string doc = ReadBytes(Fixture("legacy/captions.doc"));
  const std::string renamed = ReplaceUtf16(doc, "WordDocument", "PowerPoint D");
  ASSERT_NE(renamed, doc);
  EXPECT_EQ(ClassifyOle2(WriteTemp("other.ppt", renamed)), Ole2Kind::kOther);
}

TEST(Ole2Directory, NotACompoundFileIsDamaged) {
  EXPECT_EQ(ClassifyOle2(Fixture("sample_budget.docx")), Ole2Kind::kDamaged);
  EXPECT_EQ(ClassifyOle2(Fixture("legacy/missing.doc")), Ole2Kind::kDamaged);
}

TEST(Ole2Directory, TruncatedOrCorruptedDirectoryIsDamaged) {
  const std::string doc = ReadBytes(Fixture("legacy/sample_budget.doc"));
  ASSERT_GT(doc.size(), 4096u);
  // Only the header: its sectors lie past the end.
  EXPECT_EQ(ClassifyOle2(WriteTemp("header_only.doc", doc.substr(0, 512))), Ole2Kind::kDamaged);
  // The first directory sector points far past the end of the file.
  std::string far = doc;
  far[0x30] = far[0x31] = far[0x32] = '\x7F';
  EXPECT_EQ(ClassifyOle2(WriteTemp("far_directory.doc", far)), Ole2Kind::kDamaged);
  // A sector size the format does not have.
  std::string shift = doc;
  shift[0x1E] = 30;
  EXPECT_EQ(ClassifyOle2(WriteTemp("bad_shift.doc", shift)), Ole2Kind::kDamaged);
  // A FAT claiming more sectors than the file has.
  std::string fat = doc;
  fat[0x2C] = fat[0x2D] = fat[0x2E] = '\x7F';
  EXPECT_EQ(ClassifyOle2(WriteTemp("huge_fat.doc", fat)), Ole2Kind::kDamaged);
}

TEST(Ole2Directory, DirectoryChainLoopingOnItselfEnds) {
  // Point the directory's first sector at itself in the FAT: the walk must
  // stop rather than loop forever.
  std::string doc = ReadBytes(Fixture("legacy/captions.doc"));
  auto u32 = [&](std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(doc[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(doc[at + 1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(doc[at + 2])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(doc[at + 3])) << 24;
  };
  const std::uint32_t dir = u32(0x30), fat_sector = u32(0x4C);
  ASSERT_EQ(doc[0x1E], 9);  // 512-byte sectors
  const std::size_t entry = (fat_sector + 1) * 512 + 4 * dir;
  ASSERT_LT(entry + 4, doc.size());
  for (int i = 0; i < 4; ++i) doc[entry + i] = static_cast<char>((dir >> (8 * i)) & 0xFF);
  EXPECT_EQ(ClassifyOle2(WriteTemp("looping.doc", doc)), Ole2Kind::kDamaged);
}

}  // namespace
