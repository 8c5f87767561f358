// The wall-clock budget of one document that runs under a time limit (a
// batch or `extract` worker).
//
// The budget is the document's own limit (--timeout) plus a per-page budget
// (--ocr-page-seconds) for every scanned page queued for OCR, so a 200-page
// scan gets the time it needs while a hang in a text PDF is still caught
// after --timeout. The parent that kills the worker enforces the same sum: it
// is told of each granted page through `notify`. Work that can stop early
// (OCR of the next page, the legacy converter) stops at the soft deadline, a
// margin before the parent's kill, so that what was done is still mapped and
// written.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <utility>

namespace cnbudget {

// Pages whose budget the parent grants at most: a worker that goes wrong
// cannot extend its own limit forever.
constexpr int kMaxBudgetPages = 1000;

class TimeBudget {
 public:
  using Clock = std::chrono::steady_clock;

  // base_seconds > 0; notify (may be empty) is called once per granted page.
  TimeBudget(Clock::time_point start, double base_seconds, double page_seconds,
             std::function<void()> notify)
      : start_(start), base_seconds_(base_seconds), page_seconds_(std::max(0.0, page_seconds)),
        notify_(std::move(notify)) {}

  // Adds one scanned page's budget. Called before that page is OCR'd.
  void GrantOcrPage() {
    if (page_seconds_ <= 0 || granted_.load() >= kMaxBudgetPages) return;
    granted_.fetch_add(1);
    if (notify_) notify_();
  }

  // The limit the parent enforces, in seconds since start.
  double TotalSeconds() const { return base_seconds_ + page_seconds_ * granted_.load(); }

  // What is left before the soft deadline (0 when past it). Thread-safe.
  double RemainingSeconds() const {
    const double total = TotalSeconds();
    const double soft = total - std::clamp(total * kMarginShare, kMinMargin, kMaxMargin);
    const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
    return std::max(0.0, soft - elapsed);
  }

  bool Expired() const { return RemainingSeconds() <= 0; }

 private:
  // The margin before the parent's kill covers the OCR pages still in
  // flight at the soft deadline, the mapping and the JSON output.
  static constexpr double kMarginShare = 0.1;
  static constexpr double kMinMargin = 10;
  static constexpr double kMaxMargin = 60;

  Clock::time_point start_;
  double base_seconds_;
  double page_seconds_;
  std::function<void()> notify_;
  std::atomic<int> granted_{0};
};

}  // namespace cnbudget
