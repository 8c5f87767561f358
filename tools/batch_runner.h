// `cnbudget convert`: a batch of documents into one SQLite database.
//
// The parent walks the inputs, hashes each file, skips contents already
// converted by this tool version (resume), runs one worker process per
// remaining document (tools/batch_pool.h) and writes each finished document
// into the database in one transaction (store/store.h). Only the parent
// writes, one document in memory at a time.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "tools/batch_pool.h"

namespace cnbudget {

struct BatchOptions {
  std::vector<std::string> inputs;  // files and folders
  std::string files_from;           // also the paths listed in this file, one a line ("-": stdin)
  std::string db_path;
  std::string json_dir;             // keep every document's JSON here when set
  std::string review_dir;           // write every converted document's review report here
  int jobs = 1;
  WorkerLimits limits;
  ExtractOptions extract;           // passed on to every worker
  bool resume = true;               // skip contents already converted
  bool retry_failed = false;        // ...but convert again those that failed
  std::string worker_binary;        // the cnbudget executable
  std::string tool_version;
};

// Exit statuses of `cnbudget convert`.
constexpr int kBatchAllOk = 0;
constexpr int kBatchFatal = 1;       // database or output error: the batch stopped
constexpr int kBatchSomeFailed = 3;  // every document is recorded; some failed
constexpr int kBatchInterrupted = 130;  // SIGINT/SIGTERM: stopped cleanly, resumable

// Appends the non-empty lines of `from` (a file, or "-" for standard input)
// to paths. False with *error (and the OS reason) when it cannot be read.
bool ReadFileList(const std::string& from, std::vector<std::string>* paths, std::string* error);

// Runs the batch, reporting progress and the summary on log.
int RunBatch(const BatchOptions& options, std::FILE* log);

}  // namespace cnbudget
