// What a worker process's end means for its document, shared by `convert`
// (one worker per document) and `extract` (one worker for its one file).
#pragma once

#include <optional>
#include <string>

#include "tools/batch_pool.h"

namespace cnbudget {

struct WorkerFailure {
  std::string code;     // "timeout", "out_of_memory", "worker_crashed", "worker_failed"
  std::string message;
};

// nullopt when the worker exited normally (kWorkerOk or kWorkerBadInput):
// its JSON output is then the document's answer. Otherwise the error to
// record; stderr_tail (the worker's last stderr line) tells an abort on
// allocation failure from a crash, and is quoted for crashes.
std::optional<WorkerFailure> ClassifyWorkerResult(const WorkerResult& result,
                                                  const WorkerLimits& limits,
                                                  const std::string& stderr_tail);

// The last non-empty line of a file (a worker's stderr), at most 300 bytes.
std::string LastLine(const std::string& path);

}  // namespace cnbudget
