#include "tools/extract_command.h"

#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>

#include "tools/batch_worker.h"
#include "tools/json_writer.h"
#include "tools/limit_flags.h"
#include "tools/pipeline.h"
#include "tools/temp_dirs.h"
#include "tools/worker_outcome.h"

namespace cnbudget {
namespace {

namespace fs = std::filesystem;

struct ExtractArgs {
  std::string input, output;
  ExtractOptions options;
  WorkerLimits limits;
};

bool ToStdout(const ExtractArgs& args) { return args.output.empty() || args.output == "-"; }

// Writes doc where the user asked; prints its errors on stderr.
int Answer(const ExtractArgs& args, const model::Document& doc) {
  if (ToStdout(args)) {
    std::cout << ToJson(doc);
  } else if (std::string error; !WriteJsonFile(doc, args.output, &error)) {
    std::cerr << "cnbudget: " << error << "\n";
    return kExtractOutputError;
  }
  if (!HasError(doc)) return kExtractOk;
  for (const Issue& i : doc.issues)
    if (i.severity == Severity::kError)
      std::cerr << "cnbudget: " << args.input << ": " << i.message << "\n";
  return kExtractBadInput;
}

int RunInProcess(const ExtractArgs& args) {
  return Answer(args, ConvertFile(args.input, args.options));
}

// Copies a file's bytes to out. (Streaming an empty file's rdbuf would set
// failbit on out, hence the check.)
void CopyFile(const std::string& path, std::ostream& out) {
  std::ifstream in(path, std::ios::binary);
  if (in && in.peek() != std::ifstream::traits_type::eof()) out << in.rdbuf();
}

// The worker's JSON is the answer (copied to stdout when asked) and its
// stderr holds the error messages the in-process run would print. The JSON
// is not parsed again here: it may be tens of megabytes.
int RelayWorker(const ExtractArgs& args, const WorkerJob& job, int worker_status) {
  if (ToStdout(args)) CopyFile(job.output_json, std::cout);
  CopyFile(job.stderr_path, std::cerr);
  return worker_status == kWorkerOk ? kExtractOk : kExtractBadInput;
}

WorkerResult RunOneWorker(const ExtractArgs& args, const WorkerJob& job) {
  WorkerPool pool(SelfExecutable(), 1, args.limits, WorkerFlags(args.options));
  pool.Start(job);
  for (;;)
    for (const WorkerResult& result : pool.Poll(100)) return result;
}

int RunIsolated(const ExtractArgs& args) {
  fs::path temp_dir;
  if (std::string error; !MakeOwnTempDir("extract", &temp_dir, &error)) {
    std::cerr << "cnbudget: " << error << "\n";
    return kExtractOutputError;
  }
  WorkerJob job;
  job.input = args.input;
  job.output_json = ToStdout(args) ? (temp_dir / "out.json").string() : args.output;
  job.stderr_path = (temp_dir / "stderr").string();
  const WorkerResult result = RunOneWorker(args, job);
  const std::string stderr_tail = LastLine(job.stderr_path);

  int status;
  if (result.outcome == WorkerResult::Outcome::kExited &&
      result.exit_status == kWorkerOutputError) {
    std::cerr << stderr_tail << "\n";
    status = kExtractOutputError;
  } else if (auto failure = ClassifyWorkerResult(result, args.limits, stderr_tail)) {
    // The worker left no answer: the canonical error document stands in.
    model::Document doc;
    doc.source.path = args.input;
    doc.source.sha256 = Sha256OfFile(args.input, &doc.source.bytes);
    doc.issues.push_back(MakeError(failure->code, failure->message));
    status = Answer(args, doc);
  } else {
    status = RelayWorker(args, job, result.exit_status);
  }
  std::error_code ec;
  fs::remove_all(temp_dir, ec);
  return status;
}

}  // namespace

void AddExtractCommand(CLI::App& app, std::vector<Subcommand>* commands) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* extract = app.add_subcommand("extract", "Convert one file to canonical JSON");
  extract->add_option("FILE", args->input, "PDF, DOCX or XLSX file (DOC, XLS through LibreOffice)")->required();
  extract->add_option("-o,--output", args->output, "output JSON file (default: stdout)");
  AddWorkerLimitFlags(extract, &args->limits);
  AddInputLimitFlags(extract, &args->options);
  AddOcrThreadsFlag(extract, &args->options);
  commands->push_back({extract, [args] {
                         const bool isolated =
                             args->limits.timeout_seconds > 0 || args->limits.max_memory_mb > 0;
                         return isolated ? RunIsolated(*args) : RunInProcess(*args);
                       }});
}

}  // namespace cnbudget
