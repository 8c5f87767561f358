#include "tools/worker_outcome.h"

#include <algorithm>
#include <fstream>

#include "tools/batch_worker.h"

namespace cnbudget {
namespace {

bool Contains(const std::string& text, const char* word) {
  return text.find(word) != std::string::npos;
}

WorkerFailure Classify(const WorkerResult& result, const WorkerLimits& limits,
                       const std::string& stderr_tail) {
  using Outcome = WorkerResult::Outcome;
  const std::string limit_text = std::to_string(limits.max_memory_mb) + " MB";
  if (result.outcome == Outcome::kSpawnFailed) return {"worker_failed", result.spawn_error};
  if (result.outcome == Outcome::kTimedOut) {
    // The limit in force: --timeout plus the OCR pages the worker announced.
    const double limit = std::max(result.limit_seconds, double(limits.timeout_seconds));
    return {"timeout", "timed out after " + std::to_string(static_cast<int>(limit)) + " s"};
  }
  if (result.outcome == Outcome::kSignaled) {
    const std::string killed = "worker killed by signal " + std::to_string(result.signal) +
                               " (" + SignalName(result.signal) + ")";
    // Poppler and the C++ runtime abort on some allocation failures.
    if (Contains(stderr_tail, "memory") || Contains(stderr_tail, "bad_alloc"))
      return {"out_of_memory", "out of memory (limit " + limit_text + "): " + killed};
    return {"worker_crashed", killed};
  }
  if (result.exit_status == kWorkerOutOfMemory)
    return {"out_of_memory", "out of memory (limit " + limit_text + ")"};
  return {"worker_failed", "worker exited with status " + std::to_string(result.exit_status)};
}

}  // namespace

std::optional<WorkerFailure> ClassifyWorkerResult(const WorkerResult& result,
                                                  const WorkerLimits& limits,
                                                  const std::string& stderr_tail) {
  if (result.outcome == WorkerResult::Outcome::kExited &&
      (result.exit_status == kWorkerOk || result.exit_status == kWorkerBadInput))
    return std::nullopt;
  WorkerFailure failure = Classify(result, limits, stderr_tail);
  // A crash's last words often say why (an assertion, an abort message).
  const bool quote = failure.code == "worker_crashed" || failure.code == "worker_failed";
  if (quote && !stderr_tail.empty()) failure.message += ": " + stderr_tail;
  return failure;
}

std::string LastLine(const std::string& path) {
  std::ifstream in(path);
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty()) last = line;
  if (last.size() > 300) last.resize(300);
  return last;
}

}  // namespace cnbudget
