// The per-document limits as command-line flags, shared by `extract`,
// `convert` and the hidden `batch-worker` (README "Limits").
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "extract/extract.h"
#include "tools/batch_pool.h"

namespace cnbudget {

// --max-file-mb and --max-pages, written into *options.
void AddInputLimitFlags(CLI::App* app, ExtractOptions* options);

// --ocr-threads, written into options->ocr_threads.
void AddOcrThreadsFlag(CLI::App* app, ExtractOptions* options);

// --timeout, --max-memory and --ocr-page-seconds, written into *limits (enforced on the worker
// process that converts the document).
void AddWorkerLimitFlags(CLI::App* app, WorkerLimits* limits);

// The flags that pass options on to a batch-worker, e.g. {"--max-pages", "5000"}.
std::vector<std::string> WorkerFlags(const ExtractOptions& options);

// The running executable (from /proc/self/exe), which runs again as a worker.
std::string SelfExecutable();

}  // namespace cnbudget
