// A pool of worker processes for the batch: one process per document, at
// most `jobs` at a time, each under a wall-clock and an address-space limit.
//
// Each worker is `BINARY batch-worker INPUT -o OUTPUT FLAGS...` (fork + exec), with
// its stdout discarded and its stderr sent to a file the parent can quote.
// With a time limit, the worker also gets --timeout, --ocr-page-seconds and
// --budget-fd 3: a pipe on which it announces each page it will OCR, each
// adding ocr_page_seconds to its limit.
// Workers die with the parent (PR_SET_PDEATHSIG), so a killed batch leaves
// no orphans. Not thread-safe; use from one thread.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cnbudget {

struct WorkerLimits {
  int timeout_seconds = 120;  // wall clock; SIGKILL when exceeded; 0 = none
  int max_memory_mb = 2048;   // RLIMIT_AS of the worker; 0 = none
  // Added to timeout_seconds for every scanned page the worker queues for
  // OCR (it says so through a pipe, one byte a page; at most
  // kMaxBudgetPages); 0 = none. See extract/time_budget.h.
  double ocr_page_seconds = 8;
};

struct WorkerJob {
  std::size_t id = 0;        // the caller's handle, returned in the result
  std::string input;
  std::string output_json;
  std::string stderr_path;
};

struct WorkerResult {
  enum class Outcome { kExited, kSignaled, kTimedOut, kSpawnFailed };
  std::size_t id = 0;
  Outcome outcome = Outcome::kSpawnFailed;
  int exit_status = 0;       // kExited
  int signal = 0;            // kSignaled
  std::int64_t elapsed_ms = 0;
  double limit_seconds = 0;  // the time limit in force at the end (timeout + OCR pages)
  long max_rss_kb = 0;       // the worker's peak resident set
  std::string started_at;    // ISO 8601 UTC
  std::string spawn_error;   // kSpawnFailed
};

// The program's own command-line entry point. When set, a worker is the
// forked child calling it with the worker's arguments, without exec: the
// libraries are already loaded, which saves about 0.05 s of CPU a document
// (half of a small PDF's cost). Unset, the child execs the binary. Set only
// by the CLI's main: a child that does not exec is only safe when the
// parent has no other threads, as in `extract` and `convert`.
using WorkerEntry = int (*)(int argc, char** argv);
void SetWorkerEntry(WorkerEntry entry);

class WorkerPool {
 public:
  // binary: the cnbudget executable to run (usually /proc/self/exe);
  // flags: extra arguments for every worker (see WorkerFlags).
  WorkerPool(std::string binary, int jobs, WorkerLimits limits,
             std::vector<std::string> flags = {});
  // Kills and reaps the workers still running.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  bool HasFreeSlot() const { return running_.size() < static_cast<std::size_t>(jobs_); }
  std::size_t running() const { return running_.size(); }

  // Starts a worker for job. A failure to fork is reported by the next Poll
  // as a kSpawnFailed result, so every Start yields exactly one result.
  void Start(const WorkerJob& job);

  // Reaps finished workers and kills those past the time limit; waits up to
  // wait_ms when none has finished. Returns the results of this call.
  std::vector<WorkerResult> Poll(int wait_ms);

 private:
  struct Running {
    pid_t pid;
    WorkerResult result;
    std::chrono::steady_clock::time_point start;
    int budget_fd = -1;     // read end of the worker's OCR page pipe, or -1
    int granted_pages = 0;  // OCR pages announced on it
    bool killed_for_time = false;
  };

  bool Reap(Running& worker, std::vector<WorkerResult>* done);
  void ReadGrantedPages(Running& worker);
  double LimitSeconds(const Running& worker) const;
  void EnforceTimeLimit(Running& worker);

  std::string binary_;
  std::vector<std::string> flags_;
  int jobs_;
  WorkerLimits limits_;
  std::vector<Running> running_;
  std::vector<WorkerResult> failed_spawns_;
};

// "SIGSEGV" for 11, "signal 42" when unnamed.
std::string SignalName(int signal);

// Current time as ISO 8601 UTC, "2026-11-25T20:03:50Z".
std::string NowIso8601();

}  // namespace cnbudget
