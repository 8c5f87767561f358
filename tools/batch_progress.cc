#include "tools/batch_progress.h"

#include <algorithm>
#include <string>

namespace cnbudget {
namespace {

std::string FormatDuration(double seconds) {
  if (seconds < 0) seconds = 0;
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

}  // namespace

Progress::Progress(std::FILE* out, bool terminal, std::size_t total,
                   std::chrono::milliseconds interval, Clock now)
    : out_(out),
      terminal_(terminal),
      total_(total),
      interval_(terminal ? std::min(interval, std::chrono::milliseconds(100)) : interval),
      now_(std::move(now)),
      start_(now_()),
      last_draw_(start_),
      last_done_(start_) {}

void Progress::Done(int pages, bool failed) {
  ++done_;
  ++converted_;
  if (failed) ++failed_;
  if (pages > 0) pages_ += pages;
  last_done_ = now_();
}

void Progress::Skipped(bool failed) {
  ++done_;
  if (failed) ++failed_;
}

std::string Progress::Eta(std::chrono::steady_clock::time_point now) const {
  using Seconds = std::chrono::duration<double>;
  if (converted_ == 0 || done_ >= total_) return converted_ == 0 && done_ < total_ ? "?" : "0:00";
  const double eta = Seconds(last_done_ - start_).count() / static_cast<double>(converted_) *
                     static_cast<double>(total_ - done_);
  const double waiting = Seconds(now - last_done_).count();
  // A slow document is running: the average no longer tells.
  if (waiting > eta) return "? (none finished for " + FormatDuration(waiting) + ")";
  return FormatDuration(eta - waiting);
}

void Progress::Tick() {
  const auto now = now_();
  if (now - last_draw_ < interval_) return;
  last_draw_ = now;
  Draw(false);
}

void Progress::Draw(bool final_line) {
  const auto now = now_();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double pages_per_s = elapsed > 0 ? pages_ / elapsed : 0;
  const std::string eta = Eta(now);
  char line[320];
  if (terminal_) {
    constexpr int kWidth = 24;
    const int filled = total_ ? static_cast<int>(kWidth * done_ / total_) : kWidth;
    const std::string bar = std::string(filled, '#') + std::string(kWidth - filled, '.');
    std::snprintf(line, sizeof line, "\r[%s] %zu/%zu files  %.1f pages/s  %zu errors  ETA %s\x1b[K",
                  bar.c_str(), done_, total_, pages_per_s, failed_, eta.c_str());
  } else {
    std::snprintf(line, sizeof line, "progress: %zu/%zu files, %.1f pages/s, %zu errors, ETA %s\n",
                  done_, total_, pages_per_s, failed_, eta.c_str());
  }
  std::fputs(line, out_);
  std::fflush(out_);
  drawn_ = !final_line;
}

void Progress::Finish() {
  if (terminal_ && drawn_) {
    std::fputs("\r\x1b[K", out_);
    std::fflush(out_);
  }
  drawn_ = false;
}

}  // namespace cnbudget
