#include "tools/batch_runner.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <system_error>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "tools/batch_progress.h"
#include "tools/batch_walker.h"
#include "tools/batch_worker.h"
#include "tools/json_writer.h"
#include "tools/limit_flags.h"
#include "tools/pipeline.h"
#include "tools/worker_outcome.h"

namespace cnbudget {
namespace {

namespace fs = std::filesystem;

// Set by SIGINT/SIGTERM: the batch stops starting workers, kills the running
// ones and exits; the database holds every document finished so far.
volatile std::sig_atomic_t g_interrupted = 0;

void OnInterrupt(int) { g_interrupted = 1; }

void CatchInterrupts() {
  struct sigaction action{};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

// Counts for the summary.
struct Tally {
  std::size_t converted = 0, converted_ok = 0, already_done = 0, already_failed = 0,
              duplicates = 0, failed = 0;
  long pages = 0, warnings = 0;
  std::map<std::string, std::size_t> failures_by_reason;
};

class Batch {
 public:
  Batch(const BatchOptions& options, std::FILE* log) : options_(options), log_(log) {}
  int Run();

 private:
  struct Pending {
    store::ConversionRun run;
    std::string json_path;
    std::string stderr_path;
  };

  bool Setup();
  // Hashes a file and either records it at once (unreadable, already done,
  // duplicate) or starts a worker. Returns false on a fatal database error.
  bool Dispatch(const BatchInput& input);
  bool Finish(const WorkerResult& result);
  void WriteFailureJson(const Pending& pending, const std::string& code,
                        const std::string& message);
  bool Record(const store::ConversionRun& run, const nlohmann::json* doc,
              const std::string& code, const std::string& message);
  std::string OutputPathFor(const BatchInput& input, std::size_t id);
  void PrintSummary(const BatchInputs& inputs, double seconds);

  const BatchOptions& options_;
  std::FILE* log_;
  std::unique_ptr<store::Store> store_;
  std::unordered_map<std::string, std::string> converted_;  // sha256 -> status
  std::unordered_map<std::string, std::string> batch_seen_;  // sha256 -> first path
  std::vector<std::pair<std::string, std::string>> duplicate_paths_;  // sha256, path
  std::unique_ptr<WorkerPool> pool_;
  std::unique_ptr<Progress> progress_;
  std::map<std::size_t, Pending> pending_;
  std::size_t next_id_ = 0;
  fs::path temp_dir_;
  Tally tally_;
  std::string fatal_;
};

bool Batch::Setup() {
  store_ = store::Store::Open(options_.db_path, /*create=*/true, &fatal_);
  if (!store_) return false;
  if (options_.resume && !store_->Converted(options_.tool_version, &converted_, &fatal_))
    return false;
  std::string pattern = (fs::temp_directory_path() / "cnbudget-batch-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    fatal_ = "cannot create a temporary folder in " + fs::temp_directory_path().string();
    return false;
  }
  temp_dir_ = pattern;
  pool_ = std::make_unique<WorkerPool>(options_.worker_binary, options_.jobs, options_.limits,
                                       WorkerFlags(options_.extract));
  return true;
}

std::string Batch::OutputPathFor(const BatchInput& input, std::size_t id) {
  if (options_.json_dir.empty()) return (temp_dir_ / (std::to_string(id) + ".json")).string();
  const fs::path out = fs::path(options_.json_dir) / (input.relative + ".json");
  std::error_code ec;
  fs::create_directories(out.parent_path(), ec);
  return out.string();
}

bool Batch::Record(const store::ConversionRun& run, const nlohmann::json* doc,
                   const std::string& code, const std::string& message) {
  store::WrittenDocument written;
  const bool stored = doc ? store_->WriteDocument(run, *doc, &written, &fatal_)
                          : store_->WriteFailure(run, code, message, &written, &fatal_);
  if (!stored) {
    fatal_ = run.path + ": " + fatal_;
    return false;
  }
  ++tally_.converted;
  tally_.pages += written.pages;
  tally_.warnings += written.n_warnings;
  if (written.ok) {
    ++tally_.converted_ok;
  } else {
    ++tally_.failed;
    ++tally_.failures_by_reason[written.error_code.empty() ? "error" : written.error_code];
  }
  progress_->Done(written.pages, !written.ok);
  return true;
}

bool Batch::Dispatch(const BatchInput& input) {
  store::ConversionRun run;
  run.path = input.path;
  run.tool_version = options_.tool_version;
  run.started_at = NowIso8601();
  run.sha256 = Sha256OfFile(input.path, &run.bytes);
  if (run.sha256.empty()) {
    std::error_code ec;
    const bool exists = fs::exists(input.path, ec);
    return Record(run, nullptr, "unreadable_file",
                  exists ? "cannot read the file" : "no such file");
  }
  if (auto seen = batch_seen_.find(run.sha256); seen != batch_seen_.end()) {
    duplicate_paths_.emplace_back(run.sha256, input.path);
    ++tally_.duplicates;
    progress_->Done(0, false);
    return true;
  }
  batch_seen_.emplace(run.sha256, input.path);
  if (auto done = converted_.find(run.sha256); done != converted_.end()) {
    const bool failed = done->second == "failed";
    if (!(failed && options_.retry_failed)) {
      ++tally_.already_done;
      if (failed) ++tally_.already_failed;
      progress_->Done(0, failed);
      return store_->AddPath(run.sha256, run.tool_version, run.path, &fatal_);
    }
  }
  const std::size_t id = next_id_++;
  WorkerJob job;
  job.id = id;
  job.input = input.path;
  job.output_json = OutputPathFor(input, id);
  job.stderr_path = (temp_dir_ / (std::to_string(id) + ".err")).string();
  pending_[id] = Pending{run, job.output_json, job.stderr_path};
  pool_->Start(job);
  return true;
}

// In --json-dir every input gets an answer, also when its worker left none:
// the canonical error document (no tables, one error issue).
void Batch::WriteFailureJson(const Pending& pending, const std::string& code,
                             const std::string& message) {
  model::Document doc;
  doc.source.path = pending.run.path;
  doc.source.sha256 = pending.run.sha256;
  doc.source.bytes = pending.run.bytes;
  doc.issues.push_back(MakeError(code, message));
  std::string ignored;  // the database row is the record; this file is a convenience
  WriteJsonFile(doc, pending.json_path, &ignored);
}

bool Batch::Finish(const WorkerResult& result) {
  auto it = pending_.find(result.id);
  if (it == pending_.end()) return true;
  Pending pending = std::move(it->second);
  pending_.erase(it);
  pending.run.started_at = result.started_at;
  pending.run.elapsed_ms = result.elapsed_ms;
  const std::string stderr_tail = LastLine(pending.stderr_path);
  std::error_code ec;
  fs::remove(pending.stderr_path, ec);

  std::string code, message;
  nlohmann::json doc;
  bool have_doc = false;
  if (auto failure = ClassifyWorkerResult(result, options_.limits, stderr_tail)) {
    code = failure->code;
    message = failure->message;
  } else {
    std::ifstream in(pending.json_path, std::ios::binary);
    doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    have_doc = doc.is_object();
    if (!have_doc) {
      code = "worker_failed";
      message = "the worker's JSON output is missing or invalid";
      if (!stderr_tail.empty()) message += ": " + stderr_tail;
    }
  }
  if (options_.json_dir.empty()) {
    fs::remove(pending.json_path, ec);
  } else if (!have_doc) {
    WriteFailureJson(pending, code, message);
  }
  return Record(pending.run, have_doc ? &doc : nullptr, code, message);
}

void Batch::PrintSummary(const BatchInputs& inputs, double seconds) {
  std::FILE* f = log_;
  std::fprintf(f, "cnbudget convert: %zu documents in %.1f s -> %s\n",
               inputs.files.size() + inputs.missing.size(), seconds, options_.db_path.c_str());
  std::fprintf(f, "  converted:    %zu (%zu ok, %zu failed), %ld pages, %.1f pages/s\n",
               tally_.converted, tally_.converted_ok, tally_.failed, tally_.pages,
               seconds > 0 ? tally_.pages / seconds : 0.0);
  std::fprintf(f, "  already done: %zu (same content and tool version; %zu of them failed)\n",
               tally_.already_done, tally_.already_failed);
  if (tally_.duplicates)
    std::fprintf(f, "  duplicates:   %zu (same content as another file of this batch)\n",
                 tally_.duplicates);
  if (!tally_.failures_by_reason.empty()) {
    std::string reasons;
    for (const auto& [reason, n] : tally_.failures_by_reason)
      reasons += (reasons.empty() ? "" : ", ") + reason + " " + std::to_string(n);
    std::fprintf(f, "  failed by reason: %s\n", reasons.c_str());
  }
  std::fprintf(f, "  warnings:     %ld\n", tally_.warnings);
  // The parent's own peak stays flat however long the batch; the largest
  // worker shows what one document cost.
  struct rusage self{}, children{};
  getrusage(RUSAGE_SELF, &self);
  getrusage(RUSAGE_CHILDREN, &children);
  std::fprintf(f, "  memory:       parent peak RSS %.1f MB, largest worker %.1f MB\n",
               self.ru_maxrss / 1024.0, children.ru_maxrss / 1024.0);
  if (!inputs.skipped.empty()) {
    std::map<std::string, std::size_t> by_extension;
    for (const std::string& path : inputs.skipped) {
      const std::string ext = fs::path(path).extension().string();
      ++by_extension[ext.empty() ? "(none)" : ext];
    }
    std::string kinds;
    for (const auto& [ext, n] : by_extension)
      kinds += (kinds.empty() ? "" : ", ") + ext + " " + std::to_string(n);
    std::fprintf(f, "  skipped:      %zu (not PDF, DOCX or XLSX: %s)\n", inputs.skipped.size(),
                 kinds.c_str());
    constexpr std::size_t kListed = 10;
    for (std::size_t i = 0; i < inputs.skipped.size() && i < kListed; ++i)
      std::fprintf(f, "    %s\n", inputs.skipped[i].c_str());
    if (inputs.skipped.size() > kListed)
      std::fprintf(f, "    ... and %zu more\n", inputs.skipped.size() - kListed);
  }
}

int Batch::Run() {
  const auto start = std::chrono::steady_clock::now();
  const BatchInputs inputs = FindBatchInputs(options_.inputs);
  if (!Setup()) {
    std::fprintf(log_, "cnbudget convert: %s\n", fatal_.c_str());
    return kBatchFatal;
  }
  progress_ = std::make_unique<Progress>(log_, isatty(fileno(log_)) == 1,
                                         inputs.files.size() + inputs.missing.size());
  CatchInterrupts();
  bool ok = true;
  for (const BatchInput& missing : inputs.missing) ok = ok && Dispatch(missing);
  std::size_t next = 0;
  while (ok && !g_interrupted && (next < inputs.files.size() || pool_->running() > 0)) {
    while (ok && pool_->HasFreeSlot() && next < inputs.files.size())
      ok = Dispatch(inputs.files[next++]);
    for (const WorkerResult& result : pool_->Poll(50)) ok = ok && Finish(result);
    progress_->Tick();
  }
  for (const auto& [sha256, path] : duplicate_paths_)
    ok = ok && store_->AddPath(sha256, options_.tool_version, path, &fatal_);
  pool_.reset();  // kills workers left when the batch stopped early
  progress_->Finish();
  std::error_code ec;
  fs::remove_all(temp_dir_, ec);
  if (!ok) {
    std::fprintf(log_, "cnbudget convert: stopped: %s\n", fatal_.c_str());
    return kBatchFatal;
  }
  if (g_interrupted) {
    std::fprintf(log_, "cnbudget convert: interrupted after %zu documents; run again to resume\n",
                 tally_.converted + tally_.already_done);
    return kBatchInterrupted;
  }
  PrintSummary(inputs, std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                           .count());
  return tally_.failed + tally_.already_failed > 0 ? kBatchSomeFailed : kBatchAllOk;
}

}  // namespace

int RunBatch(const BatchOptions& options, std::FILE* log) { return Batch(options, log).Run(); }

}  // namespace cnbudget
