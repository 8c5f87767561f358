// Threads that OCR rendered pages of one document in parallel.
//
// Tesseract's engine is not thread-safe: every thread owns its PageOcr. The
// first engine is loaded by the caller (it proves OCR works); further threads
// are started, each loading its own, only while there is queued work for
// them, up to max_threads. A task taken after the document's time budget ran
// out is not read (kOutOfTime): the pages done are kept.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "extract/pdf/gray_image.h"
#include "extract/pdf/page_content.h"
#include "extract/pdf/page_ocr.h"
#include "extract/time_budget.h"

namespace cnbudget::pdf {

struct OcrTask {
  enum class Outcome { kPending, kRead, kNoText, kOutOfTime };
  GrayImage image;    // freed once read
  PageContent page;   // filled by PageOcr::Read
  double max_seconds = 0;  // OCR time limit of this page (0: none)
  Outcome outcome = Outcome::kPending;  // guarded by the pool's mutex
};

class OcrThreads {
 public:
  // budget may be null (no time limit).
  OcrThreads(std::unique_ptr<PageOcr> first, int max_threads,
             std::shared_ptr<const TimeBudget> budget);
  // Lets the threads finish the tasks already queued, then joins them.
  ~OcrThreads();
  OcrThreads(const OcrThreads&) = delete;
  OcrThreads& operator=(const OcrThreads&) = delete;

  // Queues *task; it must stay alive until its outcome is set.
  void Submit(OcrTask* task);
  // True when *task has an outcome.
  bool IsDone(const OcrTask* task);
  // Blocks until *task has an outcome, and returns it.
  OcrTask::Outcome Wait(const OcrTask* task);
  // Blocks until fewer than `limit` submitted tasks are unfinished.
  void WaitUntilUnfinishedBelow(int limit);

  int max_threads() const { return max_threads_; }

 private:
  void Run();
  OcrTask::Outcome Read(PageOcr* ocr, OcrTask* task) const;

  const int max_threads_;
  std::shared_ptr<const TimeBudget> budget_;
  std::mutex mutex_;
  std::condition_variable work_;  // a task was queued, or stopping
  std::condition_variable done_;  // a task got its outcome
  std::deque<OcrTask*> queue_;
  int idle_ = 0;                  // threads waiting for work
  int unfinished_ = 0;            // submitted tasks without an outcome
  bool stopping_ = false;
  std::unique_ptr<PageOcr> first_;  // until the first thread to run takes it
  std::vector<std::thread> threads_;
};

// Threads for a document: `requested` when > 0, else one per core; at most
// what the address-space limit (RLIMIT_AS) leaves room for, since every
// thread loads its own engine.
int OcrThreadCount(int requested);

}  // namespace cnbudget::pdf
