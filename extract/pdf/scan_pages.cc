#include "extract/pdf/scan_pages.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "extract/pdf/table_assembly.h"

namespace cnbudget::pdf {
namespace {

// Pages held back behind a scan still being read, at most: a long run of
// text pages after a slow scan waits here, so memory stays bounded.
constexpr std::size_t kMaxHeldPages = 32;
static_assert(kMaxOcrPages <= kMaxBudgetPages, "every OCR page gets its time budget");

}  // namespace

ScanPages::ScanPages(int threads, std::shared_ptr<TimeBudget> budget, double page_seconds)
    : max_threads_(threads), page_seconds_(page_seconds), budget_(std::move(budget)) {}

ScanPages::~ScanPages() = default;

GrayImage ScanPages::Render(PdfDocument* doc, const PageContent& page) const {
  // Large pages are rendered at a lower resolution to stay under the cap.
  double area_in2 = page.width * page.height / (72.0 * 72.0);
  double dpi = kOcrDpi;
  if (area_in2 > 0) dpi = std::min(dpi, std::floor(std::sqrt(kMaxOcrPixels / area_in2)));
  if (dpi < kMinOcrDpi) return GrayImage();
  return doc->RenderGray(page.number, dpi, kMaxOcrPixels);
}

bool ScanPages::StartOcr() {
  if (!loaded_) {
    loaded_ = true;
    std::unique_ptr<PageOcr> ocr = PageOcr::Create();
    if (ocr)
      threads_ = std::make_unique<OcrThreads>(std::move(ocr), OcrThreadCount(max_threads_),
                                              budget_);
  }
  return threads_ != nullptr;
}

std::vector<PageContent> ScanPages::Add(PdfDocument* doc, PageContent page) {
  if (IsImageOnly(page) && StartOcr()) {
    Queue(doc, std::move(page));
  } else {
    held_.push_back(Held{std::move(page), nullptr});
  }
  return TakeFinished(/*wait=*/false);
}

std::vector<PageContent> ScanPages::Finish() { return TakeFinished(/*wait=*/true); }

void ScanPages::Queue(PdfDocument* doc, PageContent page) {
  const int number = page.number;
  if (page.image_pixels > kMaxOcrImagePixels) {
    too_large_.push_back(number);
    held_.push_back(Held{std::move(page), nullptr});
    return;
  }
  if (tried_ >= kMaxOcrPages || (budget_ && budget_->Expired())) {
    (tried_ >= kMaxOcrPages ? over_limit_ : out_of_time_).push_back(number);
    held_.push_back(Held{std::move(page), nullptr});
    return;
  }
  ++tried_;
  if (budget_) budget_->GrantOcrPage();
  // One rendered page waiting per thread, plus the one being rendered.
  threads_->WaitUntilUnfinishedBelow(threads_->max_threads() + 1);
  auto task = std::make_unique<OcrTask>();
  task->image = Render(doc, page);
  task->page = std::move(page);
  task->max_seconds = page_seconds_;
  if (task->image.width == 0) {
    held_.push_back(Held{std::move(task->page), nullptr});
    return;
  }
  threads_->Submit(task.get());
  held_.push_back(Held{PageContent{}, std::move(task)});
}

std::vector<PageContent> ScanPages::TakeFinished(bool wait) {
  std::vector<PageContent> finished;
  while (!held_.empty()) {
    Held& front = held_.front();
    if (front.task) {
      const bool must_wait = wait || held_.size() > kMaxHeldPages;
      if (!must_wait && !threads_->IsDone(front.task.get())) break;
      const OcrTask::Outcome outcome = threads_->Wait(front.task.get());
      if (outcome == OcrTask::Outcome::kRead) read_.push_back(front.task->page.number);
      if (front.task->page.ocr_incomplete) incomplete_.push_back(front.task->page.number);
      if (outcome == OcrTask::Outcome::kOutOfTime)
        out_of_time_.push_back(front.task->page.number);
      finished.push_back(std::move(front.task->page));
    } else {
      finished.push_back(std::move(front.page));
    }
    held_.pop_front();
  }
  return finished;
}

void ScanPages::AddIssues(Layout* layout) const {
  if (!read_.empty())
    layout->issues.push_back(MakeWarning(
        "ocr_used", "page(s) " + FormatPageList(read_) +
                        " are images without a text layer and were read by OCR; their text and "
                        "values may be wrong"));
  if (!out_of_time_.empty()) {
    std::vector<int> pages = out_of_time_;
    std::sort(pages.begin(), pages.end());
    layout->issues.push_back(MakeWarning(
        "pages_not_read",
        "page(s) " + FormatPageList(pages) +
            " are images without a text layer and were not read: the document's time limit (" +
            std::to_string(static_cast<int>(budget_ ? budget_->TotalSeconds() : 0)) +
            " s with the OCR pages) ran out; the pages read are kept"));
  }
  if (!too_large_.empty())
    layout->issues.push_back(MakeWarning(
        "pages_not_read",
        "page(s) " + FormatPageList(too_large_) +
            " are images without a text layer and were not read: their images declare more "
            "than " + std::to_string(static_cast<long>(kMaxOcrImagePixels / 1'000'000)) +
            " million pixels, more than a scan needs and too costly to decode"));
  if (!incomplete_.empty())
    layout->issues.push_back(MakeWarning(
        "ocr_page_incomplete",
        "page(s) " + FormatPageList(incomplete_) + " were read by OCR only in part: reading a page "
            "stops after " + std::to_string(static_cast<int>(page_seconds_)) +
            " s; what was not read yet is missing from their tables"));
  if (!over_limit_.empty())
    layout->issues.push_back(MakeWarning(
        "pages_not_read", "page(s) " + FormatPageList(over_limit_) +
                              " are images without a text layer and were not read: at most " +
                              std::to_string(kMaxOcrPages) +
                              " pages of a document are read by OCR"));
}

}  // namespace cnbudget::pdf
