#include "extract/pdf/ocr_threads.h"

#include "core/usable_cores.h"

#include <sys/resource.h>

#include <algorithm>
#include <exception>
#include <system_error>

namespace cnbudget::pdf {
namespace {

// More threads than this gain little on one document (pages wait for the
// table assembly in order) and each costs an engine.
constexpr int kMaxOcrThreads = 16;
// Address space one OCR thread adds (engine with chi_sim and eng, the page
// images, its stack and malloc arena), and what the rest of a worker needs
// (Poppler, the layout, the first engine), measured on a 60-page scan.
constexpr std::uint64_t kBytesPerThread = 256ull << 20;
constexpr std::uint64_t kBytesBesides = 768ull << 20;

}  // namespace

int OcrThreadCount(int requested) {
  int n = requested > 0 ? requested : UsableCores();
  n = std::clamp(n, 1, kMaxOcrThreads);
  struct rlimit limit{};
  if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
    const std::uint64_t bytes = limit.rlim_cur;
    const std::uint64_t room =
        bytes > kBytesBesides ? (bytes - kBytesBesides) / kBytesPerThread : 0;
    n = std::clamp(static_cast<int>(std::min<std::uint64_t>(room, kMaxOcrThreads)), 1, n);
  }
  return n;
}

OcrThreads::OcrThreads(std::unique_ptr<PageOcr> first, int max_threads,
                       std::shared_ptr<const TimeBudget> budget)
    : max_threads_(std::max(1, max_threads)), budget_(std::move(budget)),
      first_(std::move(first)) {}

OcrThreads::~OcrThreads() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    // Only when unwinding (normally every task was waited for): what has
    // not started is dropped.
    for (OcrTask* task : queue_) task->outcome = OcrTask::Outcome::kOutOfTime;
    queue_.clear();
  }
  work_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void OcrThreads::Submit(OcrTask* task) {
  std::unique_lock<std::mutex> lock(mutex_);
  queue_.push_back(task);
  ++unfinished_;
  if (static_cast<std::size_t>(idle_) < queue_.size() &&
      threads_.size() < static_cast<std::size_t>(max_threads_)) {
    try {
      threads_.emplace_back(&OcrThreads::Run, this);
    } catch (const std::system_error&) {
      // No thread could be started: with none running, read it here.
      if (threads_.empty() && first_) {
        queue_.pop_back();
        lock.unlock();
        const OcrTask::Outcome outcome = Read(first_.get(), task);
        lock.lock();
        task->outcome = outcome;
        --unfinished_;
        return;
      }
    }
  }
  lock.unlock();
  work_.notify_one();
}

bool OcrThreads::IsDone(const OcrTask* task) {
  std::lock_guard<std::mutex> lock(mutex_);
  return task->outcome != OcrTask::Outcome::kPending;
}

OcrTask::Outcome OcrThreads::Wait(const OcrTask* task) {
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [task] { return task->outcome != OcrTask::Outcome::kPending; });
  return task->outcome;
}

void OcrThreads::WaitUntilUnfinishedBelow(int limit) {
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [this, limit] { return unfinished_ < limit; });
}

void OcrThreads::Run() {
  PrepareOcrThread();
  std::unique_ptr<PageOcr> ocr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ocr = std::move(first_);  // the first thread takes the caller's engine
  }
  if (!ocr) {
    try {
      ocr = PageOcr::Create();  // this thread's own engine
    } catch (const std::exception&) {
    }
  }
  if (!ocr) return;  // the threads that have an engine do the work
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    ++idle_;
    work_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    --idle_;
    if (queue_.empty()) return;
    OcrTask* task = queue_.front();
    queue_.pop_front();
    lock.unlock();
    const OcrTask::Outcome outcome = Read(ocr.get(), task);
    lock.lock();
    task->outcome = outcome;
    --unfinished_;
    done_.notify_all();
  }
}

OcrTask::Outcome OcrThreads::Read(PageOcr* ocr, OcrTask* task) const {
  if (budget_ && budget_->Expired()) return OcrTask::Outcome::kOutOfTime;
  bool read = false;
  try {
    read = ocr->Read(task->image, task->max_seconds, &task->page);
  } catch (const std::exception&) {
    // An engine failure (even bad_alloc) costs this page, not the process:
    // an exception must not leave a thread.
  }
  task->image = GrayImage();
  return read ? OcrTask::Outcome::kRead : OcrTask::Outcome::kNoText;
}

}  // namespace cnbudget::pdf
