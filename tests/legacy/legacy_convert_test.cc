// Legacy Word/Excel files through the whole pipeline: the .doc and .xls that
// LibreOffice wrote from the project's own DOCX/XLSX fixtures
// (tools/gen_legacy_fixtures.py) give the same tables, metadata and issues
// as their sources, plus one info issue saying they were converted.
// Without LibreOffice: a converter_missing error naming the package (always
// tested), and the conversion tests skip with a message.
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "extract/legacy/office_converter.h"
#include "tools/json_writer.h"
#include "tools/pipeline.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string Fixture(const std::string& name) {
  return std::string(CNBUDGET_SOURCE_DIR) + "/fixtures/" + name;
}

json Convert(const std::string& path) {
  return json::parse(cnbudget::ToJson(cnbudget::ConvertFile(path)));
}

// Everything but the source (path, hash, format) and the conversion notice.
json Comparable(json doc) {
  json issues = json::array();
  for (const json& issue : doc["issues"])
    if (issue["code"] != "legacy_converted") issues.push_back(issue);
  return json{{"document", doc["document"]}, {"tables", doc["tables"]}, {"issues", issues}};
}

bool HasIssue(const json& doc, const std::string& code) {
  for (const json& issue : doc["issues"])
    if (issue["code"] == code) return true;
  return false;
}

#define SKIP_WITHOUT_LIBREOFFICE()                                                      \
  if (cnbudget::legacy::FindSoffice().empty())                                          \
  GTEST_SKIP() << "LibreOffice (soffice) is not installed: apt-get install "            \
                  "libreoffice-writer-nogui libreoffice-calc-nogui"

struct Pair {
  const char* source;
  const char* legacy;
  const char* format;
};

class LegacyConversion : public ::testing::TestWithParam<Pair> {};

TEST_P(LegacyConversion, SameTablesAsTheSource) {
  SKIP_WITHOUT_LIBREOFFICE();
  const json source = Convert(Fixture(GetParam().source));
  const json legacy = Convert(Fixture(GetParam().legacy));
  ASSERT_FALSE(source["tables"].empty());
  EXPECT_EQ(legacy["source"]["format"], GetParam().format);
  EXPECT_TRUE(HasIssue(legacy, "legacy_converted")) << legacy["issues"].dump();
  EXPECT_EQ(Comparable(legacy), Comparable(source));
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, LegacyConversion,
    ::testing::Values(Pair{"sample_budget.docx", "legacy/sample_budget.doc", "doc"},
                      Pair{"docx/captions.docx", "legacy/captions.doc", "doc"},
                      Pair{"docx/nested.docx", "legacy/nested.doc", "doc"},
                      Pair{"xlsx/numbers.xlsx", "legacy/numbers.xls", "xls"},
                      Pair{"xlsx/layout.xlsx", "legacy/layout.xls", "xls"}),
    [](const ::testing::TestParamInfo<Pair>& info) {
      std::string name = fs::path(info.param.legacy).filename().string();
      for (char& c : name)
        if (c == '.') c = '_';
      return name;
    });

// A .doc saved under a .docx name, through the real binary: the worker runs
// LibreOffice under its default time and memory limits.
TEST(LegacyCli, WordFileNamedDocxConvertsInTheWorker) {
  SKIP_WITHOUT_LIBREOFFICE();
  const fs::path named = fs::path(::testing::TempDir()) / "saved_as.docx";
  fs::copy_file(Fixture("legacy/sample_budget.doc"), named,
                fs::copy_options::overwrite_existing);
  const fs::path out = fs::path(::testing::TempDir()) / "saved_as.docx.json";
  const std::string cmd = std::string(CNBUDGET_BINARY) + " extract '" + named.string() +
                          "' -o '" + out.string() + "'";
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd;
  std::ifstream in(out);
  const json doc = json::parse(in);
  EXPECT_EQ(doc["source"]["format"], "doc");
  EXPECT_EQ(Comparable(doc), Comparable(Convert(Fixture("sample_budget.docx"))));
}

// PATH without soffice for the duration of one test.
class WithoutLibreOffice : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* path = std::getenv("PATH");
    saved_ = path ? path : "";
    const fs::path empty = fs::path(::testing::TempDir()) / "empty_path";
    fs::create_directories(empty);
    setenv("PATH", empty.c_str(), 1);
  }
  void TearDown() override { setenv("PATH", saved_.c_str(), 1); }

 private:
  std::string saved_;
};

TEST_F(WithoutLibreOffice, WordFileNamesTheWriterPackage) {
  const json doc = Convert(Fixture("legacy/captions.doc"));
  ASSERT_EQ(doc["issues"].size(), 1u) << doc["issues"].dump();
  EXPECT_EQ(doc["issues"][0]["code"], "converter_missing");
  EXPECT_EQ(doc["issues"][0]["severity"], "error");
  const std::string message = doc["issues"][0]["message"];
  EXPECT_NE(message.find("libreoffice-writer-nogui"), std::string::npos) << message;
  EXPECT_TRUE(doc["tables"].empty());
  EXPECT_EQ(doc["source"]["format"], "doc");
}

TEST_F(WithoutLibreOffice, ExcelFileNamesTheCalcPackage) {
  const json doc = Convert(Fixture("legacy/numbers.xls"));
  ASSERT_EQ(doc["issues"].size(), 1u) << doc["issues"].dump();
  EXPECT_EQ(doc["issues"][0]["code"], "converter_missing");
  const std::string message = doc["issues"][0]["message"];
  EXPECT_NE(message.find("libreoffice-calc-nogui"), std::string::npos) << message;
}

TEST(LegacyRefusals, CompoundFileOfAnotherKindIsUnsupported) {
  // captions.doc with its WordDocument stream renamed: a valid container
  // holding neither Word nor Excel (LibreOffice is never started).
  std::ifstream in(Fixture("legacy/captions.doc"), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  const std::string from("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24);
  const std::string to("P\0o\0w\0e\0r\0P\0o\0i\0n\0t\0 \0D\0", 24);
  for (std::size_t at = bytes.find(from); at != std::string::npos; at = bytes.find(from, at))
    bytes.replace(at, from.size(), to);
  const fs::path path = fs::path(::testing::TempDir()) / "slides.doc";
  std::ofstream(path, std::ios::binary) << bytes;
  const json doc = Convert(path.string());
  ASSERT_EQ(doc["issues"].size(), 1u);
  EXPECT_EQ(doc["issues"][0]["code"], "unsupported_format");
}

TEST(LegacyRefusals, DamagedCompoundFileIsAnError) {
  std::ifstream in(Fixture("legacy/captions.doc"), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  bytes.resize(600);  // the header survives, its sectors do not
  const fs::path path = fs::path(::testing::TempDir()) / "cut.doc";
  std::ofstream(path, std::ios::binary) << bytes;
  const json doc = Convert(path.string());
  ASSERT_EQ(doc["issues"].size(), 1u);
  EXPECT_EQ(doc["issues"][0]["code"], "ole2_damaged");
}

}  // namespace
