// `cnbudget review` through the real binary: the report's structure on a
// PDF and a DOCX fixture, and the report opened in headless Chromium
// (skipped with a message when /usr/bin/chromium is absent; the project's
// install script installs it, so CI runs it).
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;

constexpr char kChromium[] = "/usr/bin/chromium";

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Runs a shell command; returns its exit status.
int RunShell(const std::string& cmd) {
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

fs::path Review(const std::string& fixture, const std::string& flags = "") {
  const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  const fs::path dir = fs::path(::testing::TempDir()) / ("review-" + test);
  fs::remove_all(dir);
  const std::string cmd = std::string(CNBUDGET_BINARY) + " review '" CNBUDGET_SOURCE_DIR
                          "/fixtures/" + fixture + "' -o '" + dir.string() + "' " + flags;
  EXPECT_EQ(RunShell(cmd), 0) << cmd;
  return dir;
}

TEST(ReviewReport, PdfReportHasPagesTablesAndNothingExternal) {
  const fs::path dir = Review("sample_final.pdf");
  const std::string html = Read(dir / "index.html");
  // One section per table, each with its standard id and verified state.
  EXPECT_EQ(Count(html, "<section class=\"table "), 3u) << html.substr(0, 2000);
  for (const char* id : {"final.summary", "final.general_public", "final.three_public"})
    EXPECT_NE(html.find(id), std::string::npos) << id;
  EXPECT_NE(html.find("rowspan="), std::string::npos);  // merged header cells
  // The pages holding tables, as PNG files beside the report.
  for (int page : {2, 3, 4}) {
    const std::string png = Read(dir / ("page-" + std::to_string(page) + ".png"));
    ASSERT_GT(png.size(), 1000u) << page;
    EXPECT_EQ(png.substr(1, 3), "PNG") << page;
    EXPECT_NE(html.find("page-" + std::to_string(page) + ".png"), std::string::npos);
  }
  // Self-contained: no script, style or image from anywhere else.
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
}

TEST(ReviewReport, DocxReportHasTheGridAndNoPageImages) {
  const fs::path dir = Review("sample_budget.docx");
  const std::string html = Read(dir / "index.html");
  EXPECT_EQ(Count(html, "<section class=\"table "), 3u);
  for (const char* id : {"budget.summary", "budget.general_public", "budget.three_public"})
    EXPECT_NE(html.find(id), std::string::npos) << id;
  for (const auto& entry : fs::directory_iterator(dir))
    EXPECT_NE(entry.path().extension(), ".png") << entry.path();
}

TEST(ReviewReport, OpensInChromiumWithoutScriptErrors) {
  if (!fs::exists(kChromium))
    GTEST_SKIP() << kChromium << " is absent (apt-get install chromium; scripts/install-deps.sh "
                                 "installs it)";
  const fs::path dir = Review("sample_final.pdf");
  const fs::path profile = dir.parent_path() / "review-chromium-profile";
  fs::remove_all(profile);
  // Without the background-networking flags Chromium tries to reach Google
  // on start, which this sandbox refuses.
  const std::string chromium =
      std::string(kChromium) +
      " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
      " --disable-background-networking --disable-component-update --disable-sync"
      " --user-data-dir='" + profile.string() + "' --virtual-time-budget=5000 ";
  const std::string url = "'file://" + (dir / "index.html").string() + "'";
  const fs::path dom = dir / "dom.html", log = dir / "chromium.log", shot = dir / "shot.png";
  ASSERT_EQ(RunShell("timeout 90 " + chromium + "--enable-logging=stderr --v=0 --dump-dom " + url +
                " > '" + dom.string() + "' 2> '" + log.string() + "'"),
            0)
      << Read(log);
  const std::string after = Read(dom);
  // The report's script marks the page ready once its images loaded, or
  // says which error it met.
  EXPECT_NE(after.find("data-state=\"ready\""), std::string::npos) << after.substr(0, 3000);
  EXPECT_EQ(after.find("data-review-error="), std::string::npos);
  EXPECT_EQ(Read(log).find("Uncaught"), std::string::npos) << Read(log);
  ASSERT_EQ(RunShell("timeout 90 " + chromium + "--window-size=1400,1000 --screenshot='" +
                shot.string() + "' " + url + " > /dev/null 2>&1"),
            0);
  const std::string png = Read(shot);
  EXPECT_GT(png.size(), 20000u) << "a blank page is a few KB";
  EXPECT_EQ(png.substr(1, 3), "PNG");
}

}  // namespace
