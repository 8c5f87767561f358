// OCR under a time budget: the budget grows with the scanned pages, and a
// document whose budget has run out keeps what it read and lists the pages
// it did not read (pages_not_read), instead of failing as a whole.
#include <chrono>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "extract/time_budget.h"

namespace cnbudget {
namespace {

using Clock = TimeBudget::Clock;

const std::string kScan = std::string(CNBUDGET_SOURCE_DIR) + "/fixtures/sample_final_scan.pdf";

const Issue* FindIssue(const Layout& layout, const std::string& code) {
  for (const Issue& i : layout.issues)
    if (i.code == code) return &i;
  return nullptr;
}

TEST(TimeBudget, EachScannedPageAddsItsSecondsAndTellsTheParent) {
  int told = 0;
  TimeBudget budget(Clock::now(), 100, 8, [&told] { ++told; });
  EXPECT_DOUBLE_EQ(budget.TotalSeconds(), 100);
  budget.GrantOcrPage();
  budget.GrantOcrPage();
  EXPECT_DOUBLE_EQ(budget.TotalSeconds(), 116);
  EXPECT_EQ(told, 2);
  EXPECT_FALSE(budget.Expired());
}

TEST(TimeBudget, GrantsStopAtTheCapSoAWorkerCannotExtendItsLimitForever) {
  int told = 0;
  TimeBudget budget(Clock::now(), 10, 1, [&told] { ++told; });
  for (int i = 0; i < kMaxBudgetPages + 50; ++i) budget.GrantOcrPage();
  EXPECT_EQ(told, kMaxBudgetPages);
  EXPECT_DOUBLE_EQ(budget.TotalSeconds(), 10 + kMaxBudgetPages);
}

TEST(TimeBudget, ExpiresAMarginBeforeTheParentsKill) {
  // 100 s allowed, 95 s gone: the soft deadline (10 s margin) has passed.
  TimeBudget late(Clock::now() - std::chrono::seconds(95), 100, 0, nullptr);
  EXPECT_TRUE(late.Expired());
  TimeBudget early(Clock::now() - std::chrono::seconds(50), 100, 0, nullptr);
  EXPECT_FALSE(early.Expired());
  EXPECT_GT(early.RemainingSeconds(), 30);
}

TEST(ScanBudget, PagesLeftWhenTheBudgetIsSpentAreListedAndTheDocumentIsNotFailed) {
  ExtractOptions options;
  options.budget =
      std::make_shared<TimeBudget>(Clock::now() - std::chrono::hours(1), 60, 0, nullptr);
  const Layout layout = ExtractPdf(kScan, options);
  ASSERT_FALSE(layout.failed());
  EXPECT_EQ(layout.pages, 3);
  const Issue* not_read = FindIssue(layout, "pages_not_read");
  ASSERT_NE(not_read, nullptr);
  EXPECT_EQ(not_read->severity, Severity::kWarning);
  EXPECT_NE(not_read->message.find("1, 2, 3"), std::string::npos) << not_read->message;
  EXPECT_EQ(FindIssue(layout, "ocr_used"), nullptr);
}

#ifdef CNBUDGET_OCR_ENABLED
TEST(ScanBudget, TwoThreadsReadTheSameTablesAsOne) {
  ExtractOptions one, two;
  one.ocr_threads = 1;
  two.ocr_threads = 2;
  const Layout a = ExtractPdf(kScan, one), b = ExtractPdf(kScan, two);
  ASSERT_NE(FindIssue(a, "ocr_used"), nullptr);
  EXPECT_EQ(FindIssue(a, "pages_not_read"), nullptr);
  ASSERT_EQ(a.blocks.size(), b.blocks.size());
  for (std::size_t i = 0; i < a.blocks.size(); ++i) {
    const RawTable* ta = std::get_if<RawTable>(&a.blocks[i]);
    const RawTable* tb = std::get_if<RawTable>(&b.blocks[i]);
    ASSERT_EQ(ta == nullptr, tb == nullptr) << "block " << i;
    if (!ta) continue;
    ASSERT_EQ(ta->cells.size(), tb->cells.size()) << "table " << i;
    for (std::size_t c = 0; c < ta->cells.size(); ++c)
      EXPECT_EQ(ta->cells[c].raw, tb->cells[c].raw) << "table " << i << " cell " << c;
  }
}
#endif

}  // namespace
}  // namespace cnbudget
