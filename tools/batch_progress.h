// Progress report of a batch, on stderr.
//
// On a terminal: one line redrawn in place with '\r' (files done/total,
// pages/s, errors so far, ETA). The ETA comes from the documents converted
// (not those skipped), and while no document has finished for longer than
// it would say, it says that instead of counting down to 0:00. Elsewhere (a log, a pipe): one plain line
// every `interval` (a terminal redraws at least every 100 ms), so logs stay
// readable.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <functional>
#include <string>

namespace cnbudget {

class Progress {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  // now: the clock (tests pass their own).
  Progress(std::FILE* out, bool terminal, std::size_t total,
           std::chrono::milliseconds interval = std::chrono::seconds(2),
           Clock now = &std::chrono::steady_clock::now);

  // One document finished (converted or failed by a worker).
  void Done(int pages, bool failed);
  // One document needed no worker (already done, a duplicate): it counts
  // as done but says nothing about how long the others will take.
  void Skipped(bool failed);
  // Redraws when due; cheap to call often.
  void Tick();
  // Erases the bar (terminal) so the summary starts on a clean line.
  void Finish();

 private:
  void Draw(bool final_line);
  std::string Eta(std::chrono::steady_clock::time_point now) const;

  std::FILE* out_;
  bool terminal_;
  std::size_t total_, done_ = 0, failed_ = 0, converted_ = 0;
  long pages_ = 0;
  std::chrono::milliseconds interval_;
  Clock now_;
  std::chrono::steady_clock::time_point start_, last_draw_, last_done_;
  bool drawn_ = false;
};

}  // namespace cnbudget
