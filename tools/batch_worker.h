// The worker side of a batch: one process converts one file.
//
// The batch parent (tools/batch_pool.h) runs `cnbudget batch-worker FILE -o
// OUT.json` for every document, so a crash, hang or memory blow-up inside
// the extractors costs one document, never the batch.
#pragma once

#include <string>

#include "extract/extract.h"

namespace cnbudget {

// Worker exit statuses, read by the parent.
constexpr int kWorkerOk = 0;           // OUT.json written, no error issue
constexpr int kWorkerOutputError = 1;  // OUT.json could not be written
constexpr int kWorkerBadInput = 2;     // OUT.json written, it carries an error issue
constexpr int kWorkerOutOfMemory = 4;  // an allocation failed (RLIMIT_AS reached)

// The worker's side of its time limit, from the flags the pool passes
// (batch_pool.h): the document gets a TimeBudget (extract/time_budget.h)
// whose granted OCR pages are announced on budget_fd, one byte each.
struct WorkerBudget {
  int timeout_seconds = 0;  // 0: no limit, no budget
  double ocr_page_seconds = 0;
  int budget_fd = -1;
};

// Converts input and writes its canonical JSON to output atomically; with
// a review_dir, also its review report there (a report that cannot be
// written is said on stderr; the JSON stays the answer). Honours the test
// hook below first. Returns the exit status.
int RunBatchWorker(const std::string& input, const std::string& output, ExtractOptions options,
                   const WorkerBudget& budget = {}, const std::string& review_dir = "");

// TEST HOOK, for the batch's own tests; honoured only by the worker.
// CNBUDGET_TEST_HOOK holds '|'-separated actions, each applied when the
// input path contains SUBSTRING:
//   crash:SUBSTRING        raise SIGSEGV
//   hang:SUBSTRING         sleep forever (the parent's timeout must fire)
//   oom:SUBSTRING          allocate until allocation fails
//   slow:SUBSTRING:200ms   sleep that long, then convert normally
//   append:SUBSTRING       append a line to the input file (it changed after
//                          the parent hashed it), then convert
// Never set it in production.
void ApplyTestHook(const std::string& input);

}  // namespace cnbudget
