#include "tools/batch_progress.h"

#include <cstdio>
#include <string>

#include <gtest/gtest.h>

namespace cnbudget {
namespace {

std::string Contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string text;
  char buf[512];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
  return text;
}

TEST(BatchProgressTest, PlainLinesWhenNotATerminal) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  Progress progress(f, /*terminal=*/false, 10, std::chrono::milliseconds(0));
  progress.Done(5, false);
  progress.Done(0, true);
  progress.Done(3, false);
  progress.Tick();
  progress.Finish();
  const std::string text = Contents(f);
  EXPECT_NE(text.find("progress: 3/10 files"), std::string::npos) << text;
  EXPECT_NE(text.find("1 errors"), std::string::npos) << text;
  EXPECT_EQ(text.find('\r'), std::string::npos) << text;
  EXPECT_EQ(text.back(), '\n');
  std::fclose(f);
}

TEST(BatchProgressTest, TerminalBarIsRedrawnInPlaceAndErased) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  Progress progress(f, /*terminal=*/true, 4, std::chrono::milliseconds(0));
  progress.Done(1, false);
  progress.Tick();
  progress.Done(1, false);
  progress.Tick();
  progress.Finish();
  const std::string text = Contents(f);
  EXPECT_EQ(text.front(), '\r') << text;
  EXPECT_NE(text.find("1/4 files"), std::string::npos) << text;
  EXPECT_NE(text.find("2/4 files"), std::string::npos) << text;
  EXPECT_EQ(text.find('\n'), std::string::npos) << text;
  // Finish erases the bar: the text ends with "\r" + clear-to-end-of-line.
  EXPECT_EQ(text.substr(text.size() - 4), "\r\x1b[K") << text;
  std::fclose(f);
}

// A clock the test moves by hand.
struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  Progress::Clock Get() {
    return [this] { return now; };
  }
};

TEST(BatchProgressTest, EtaCountsDownWhileASlowFileRuns) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  FakeClock clock;
  Progress progress(f, /*terminal=*/false, 4, std::chrono::milliseconds(0), clock.Get());
  clock.now += std::chrono::seconds(10);
  progress.Done(1, false);  // 10 s a file, 3 to go: 0:30
  progress.Tick();
  clock.now += std::chrono::seconds(20);  // a slow file runs: 0:10 left by the average
  progress.Tick();
  clock.now += std::chrono::seconds(40);  // past the estimate: it says it does not know
  progress.Tick();
  const std::string text = Contents(f);
  EXPECT_NE(text.find("1/4 files, 0.1 pages/s, 0 errors, ETA 0:30"), std::string::npos) << text;
  EXPECT_NE(text.find("ETA 0:10"), std::string::npos) << text;
  EXPECT_NE(text.find("ETA ? (none finished for 1:00)"), std::string::npos) << text;
  EXPECT_EQ(text.find("ETA 0:00"), std::string::npos) << text;
  std::fclose(f);
}

TEST(BatchProgressTest, SkippedFilesDoNotMakeTheEtaLookShort) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  FakeClock clock;
  Progress progress(f, /*terminal=*/false, 4, std::chrono::milliseconds(0), clock.Get());
  progress.Skipped(false);  // already done: no worker, no time
  progress.Skipped(false);
  clock.now += std::chrono::seconds(30);
  progress.Done(0, false);  // the one conversion took 30 s; one left
  progress.Tick();
  const std::string text = Contents(f);
  EXPECT_NE(text.find("3/4 files, 0.0 pages/s, 0 errors, ETA 0:30"), std::string::npos) << text;
  std::fclose(f);
}

}  // namespace
}  // namespace cnbudget
