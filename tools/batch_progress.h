// Progress report of a batch, on stderr.
//
// On a terminal: one line redrawn in place with '\r' (files done/total,
// pages/s, errors so far, ETA). Elsewhere (a log, a pipe): one plain line
// every `interval` (a terminal redraws at least every 100 ms), so logs stay
// readable.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>

namespace cnbudget {

class Progress {
 public:
  Progress(std::FILE* out, bool terminal, std::size_t total,
           std::chrono::milliseconds interval = std::chrono::seconds(2));

  // One document finished (converted, failed or skipped as already done).
  void Done(int pages, bool failed);
  // Redraws when due; cheap to call often.
  void Tick();
  // Erases the bar (terminal) so the summary starts on a clean line.
  void Finish();

 private:
  void Draw(bool final_line);

  std::FILE* out_;
  bool terminal_;
  std::size_t total_, done_ = 0, failed_ = 0;
  long pages_ = 0;
  std::chrono::milliseconds interval_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

}  // namespace cnbudget
