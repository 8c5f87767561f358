// Runs the real binary on malformed inputs the tests write themselves.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_status = -1;
  std::string json;
};

RunResult RunExtract(const fs::path& input) {
  const fs::path out = fs::path(::testing::TempDir()) / (input.filename().string() + ".json");
  fs::remove(out);
  const std::string cmd = std::string(CNBUDGET_BINARY) + " extract '" + input.string() +
                          "' -o '" + out.string() + "' 2>/dev/null";
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(out);
  std::stringstream ss;
  ss << in.rdbuf();
  r.json = ss.str();
  return r;
}

fs::path WriteFile(const std::string& name, const std::string& bytes) {
  const fs::path p = fs::path(::testing::TempDir()) / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

void ExpectErrorAnswer(const RunResult& r) {
  EXPECT_EQ(r.exit_status, 2);
  EXPECT_NE(r.json.find("\"severity\": \"error\""), std::string::npos) << r.json;
  EXPECT_NE(r.json.find("\"tables\": []"), std::string::npos) << r.json;
}

TEST(CliTest, ZeroByteFileGetsErrorJson) { ExpectErrorAnswer(RunExtract(WriteFile("zero.pdf", ""))); }

TEST(CliTest, TextFileNamedDocxGetsErrorJson) {
  ExpectErrorAnswer(RunExtract(WriteFile("text.docx", "this is not a zip package\n")));
}

TEST(CliTest, MissingFileGetsErrorJson) {
  ExpectErrorAnswer(RunExtract(fs::path(::testing::TempDir()) / "does-not-exist.pdf"));
}

TEST(CliTest, TruncatedPdfHeaderGetsErrorJson) {
  ExpectErrorAnswer(RunExtract(WriteFile("trunc.pdf", "%PDF-1.7\n1 0 obj\n<< /Type /Cat")));
}

TEST(CliTest, XlsxWorkbookIsExtractedAndMapped) {
  // A workbook renamed .docx is still read as a workbook: the content decides.
  const fs::path source = fs::path(CNBUDGET_SOURCE_DIR) / "fixtures" / "xlsx" / "layout.xlsx";
  const fs::path renamed = fs::path(::testing::TempDir()) / "workbook_named.docx";
  fs::copy_file(source, renamed, fs::copy_options::overwrite_existing);
  for (const fs::path& input : {source, renamed}) {
    const RunResult r = RunExtract(input);
    EXPECT_EQ(r.exit_status, 0) << input;
    EXPECT_NE(r.json.find("\"format\": \"xlsx\""), std::string::npos) << r.json;
    EXPECT_NE(r.json.find("\"title\": \"示例单位收支总体情况表\""), std::string::npos) << r.json;
  }
}

}  // namespace
