#include "tools/convert_command.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

#include "core/usable_cores.h"
#include "tools/batch_runner.h"
#include "tools/batch_worker.h"
#include "tools/limit_flags.h"

#ifndef CNBUDGET_VERSION
#define CNBUDGET_VERSION "unknown"
#endif

namespace cnbudget {
namespace {

void AddWorker(CLI::App& app, std::vector<Subcommand>* commands) {
  struct Args {
    std::string input, output, review_dir;
    ExtractOptions options;
    WorkerBudget budget;
  };
  auto args = std::make_shared<Args>();
  CLI::App* worker = app.add_subcommand("batch-worker", "internal: one document of a batch");
  worker->group("");  // hidden from --help
  worker->add_option("FILE", args->input)->required();
  worker->add_option("-o,--output", args->output)->required();
  AddInputLimitFlags(worker, &args->options);
  AddOcrThreadsFlag(worker, &args->options);
  worker->add_option("--timeout", args->budget.timeout_seconds);
  worker->add_option("--ocr-page-seconds", args->budget.ocr_page_seconds);
  worker->add_option("--budget-fd", args->budget.budget_fd);
  worker->add_option("--review-dir", args->review_dir);
  commands->push_back({worker, [args] {
                         return RunBatchWorker(args->input, args->output, args->options,
                                               args->budget, args->review_dir);
                       }});
}

}  // namespace

void AddConvertCommand(CLI::App& app, std::vector<Subcommand>* commands) {
  auto options = std::make_shared<BatchOptions>();
  // One worker per core: conversion is CPU-bound and the parent mostly waits.
  options->jobs = UsableCores();
  auto no_resume = std::make_shared<bool>(false);
  CLI::App* convert = app.add_subcommand(
      "convert", "Convert files and folders (PDF, DOCX, XLSX; DOC, XLS through LibreOffice) into an SQLite database");
  convert->add_option("INPUT", options->inputs, "files or folders (walked recursively)");
  convert->add_option("--files-from", options->files_from,
                      "also convert the paths listed in this file, one a line (- for stdin)");
  convert->add_option("--db", options->db_path, "SQLite database to create or extend")->required();
  convert->add_option("--json-dir", options->json_dir,
                      "also keep each document's canonical JSON here (FILE.json)");
  convert->add_option("--review-dir", options->review_dir,
                      "also write each document's HTML review report here (DIR/index.html "
                      "lists them)");
  convert->add_option("-j,--jobs", options->jobs, "worker processes at a time")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  AddWorkerLimitFlags(convert, &options->limits);
  AddInputLimitFlags(convert, &options->extract);
  convert->add_flag("--no-resume", *no_resume,
                    "convert again documents already in the database");
  convert->add_flag("--retry-failed", options->retry_failed,
                    "convert again documents that failed before (resume otherwise)");
  commands->push_back({convert, [options, no_resume] {
                         if (options->inputs.empty() && options->files_from.empty()) {
                           std::fprintf(stderr, "cnbudget convert: name INPUT files or folders, "
                                                "or --files-from\n");
                           return kBatchFatal;
                         }
                         options->resume = !*no_resume;
                         // OCR threads share the cores with the other jobs.
                         const int cores = UsableCores();
                         options->extract.ocr_threads = std::max(1, cores / options->jobs);
                         options->worker_binary = SelfExecutable();
                         options->tool_version = CNBUDGET_VERSION;
                         return RunBatch(*options, stderr);
                       }});
  AddWorker(app, commands);
}

}  // namespace cnbudget
