#include "tools/batch_walker.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace cnbudget {
namespace {

namespace fs = std::filesystem;

TEST(BatchWalkerTest, ConvertibleNamesIgnoreCase) {
  EXPECT_TRUE(IsConvertibleName("a/b.pdf"));
  EXPECT_TRUE(IsConvertibleName("B.PDF"));
  EXPECT_TRUE(IsConvertibleName("c.DocX"));
  EXPECT_TRUE(IsConvertibleName("d.doc"));  // legacy Word, converted by LibreOffice
  EXPECT_TRUE(IsConvertibleName("e.XLSX"));
  EXPECT_TRUE(IsConvertibleName("e.xls"));
  EXPECT_FALSE(IsConvertibleName("f.txt"));
  EXPECT_FALSE(IsConvertibleName("pdf"));
}

TEST(BatchWalkerTest, WalksFoldersRecursivelyAndSortsWithoutRepeats) {
  const fs::path root =
      fs::path(::testing::TempDir()) / ("cnbudget_walker_" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "x" / "y");
  for (const char* name : {"x/y/b.pdf", "x/a.DOCX", "x/notes.txt", "c.pdf"})
    std::ofstream(root / name) << "x";
  const BatchInputs found =
      FindBatchInputs({root.string(), (root / "c.pdf").string(), (root / "gone.pdf").string()});
  ASSERT_EQ(found.files.size(), 3u);
  EXPECT_EQ(found.files[0].relative, "c.pdf");
  EXPECT_EQ(found.files[1].relative, "x/a.DOCX");
  EXPECT_EQ(found.files[2].relative, "x/y/b.pdf");
  EXPECT_TRUE(fs::path(found.files[0].path).is_absolute());
  ASSERT_EQ(found.skipped.size(), 1u);
  EXPECT_NE(found.skipped[0].find("notes.txt"), std::string::npos);
  ASSERT_EQ(found.missing.size(), 1u);
  EXPECT_NE(found.missing[0].path.find("gone.pdf"), std::string::npos);
}

}  // namespace
}  // namespace cnbudget
