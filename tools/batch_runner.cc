#include "tools/batch_runner.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <system_error>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "store/store.h"
#include "tools/batch_progress.h"
#include "tools/batch_walker.h"
#include "tools/batch_worker.h"
#include "tools/json_writer.h"
#include "tools/limit_flags.h"
#include "tools/pipeline.h"
#include "review/review_index.h"
#include "tools/temp_dirs.h"
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
  // Converted without error but worth a look: no table found, or warnings.
  std::vector<std::string> no_tables, with_warnings;
  std::vector<std::string> renamed_outputs;  // "PATH -> NAME.json" in --json-dir
  std::vector<std::string> changed;          // files that changed while being converted
};

// Prints a count, then at most kListed of the lines.
void PrintList(std::FILE* f, const char* title, const std::vector<std::string>& lines) {
  if (lines.empty()) return;
  constexpr std::size_t kListed = 10;
  std::fprintf(f, "  %-13s %zu\n", title, lines.size());
  for (std::size_t i = 0; i < lines.size() && i < kListed; ++i)
    std::fprintf(f, "    %s\n", lines[i].c_str());
  if (lines.size() > kListed) std::fprintf(f, "    ... and %zu more\n", lines.size() - kListed);
}

// The worker's answer names the bytes it read: the hash and size in its
// JSON "source", which may differ from the parent's if the file changed
// after the parent hashed it.
void TakeWorkerHash(const nlohmann::json& doc, store::ConversionRun* run) {
  const auto source = doc.find("source");
  if (source == doc.end() || !source->is_object()) return;
  const auto sha = source->find("sha256");
  const auto bytes = source->find("bytes");
  if (sha == source->end() || !sha->is_string() || sha->get<std::string>().empty()) return;
  run->sha256 = sha->get<std::string>();
  if (bytes != source->end() && bytes->is_number_unsigned()) run->bytes = bytes->get<std::uint64_t>();
}

bool HasErrorCode(const nlohmann::json& doc, const char* code) {
  const auto issues = doc.find("issues");
  if (issues == doc.end() || !issues->is_array()) return false;
  for (const auto& issue : *issues)
    if (issue.is_object() && issue.value("code", "") == code) return true;
  return false;
}

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
  bool StopForEnvironment(const WorkerResult& result, const Pending& pending,
                          const std::string& stderr_tail);
  bool WriteFailureJson(const Pending& pending, const std::string& code,
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
  std::unordered_set<std::string> json_names_;  // outputs given out in --json-dir
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
  if (!options_.json_dir.empty()) {
    std::error_code ec;
    fs::create_directories(options_.json_dir, ec);
    if (ec || !fs::is_directory(options_.json_dir)) {
      fatal_ = "cannot create --json-dir " + options_.json_dir + ": " +
               (ec ? ec.message() : "not a folder");
      return false;
    }
  }
  if (!MakeOwnTempDir("batch", &temp_dir_, &fatal_)) return false;
  std::vector<std::string> flags = WorkerFlags(options_.extract);
  if (!options_.review_dir.empty()) flags.insert(flags.end(), {"--review-dir", options_.review_dir});
  pool_ = std::make_unique<WorkerPool>(options_.worker_binary, options_.jobs, options_.limits,
                                       flags);
  return true;
}

std::string Batch::OutputPathFor(const BatchInput& input, std::size_t id) {
  if (options_.json_dir.empty()) return (temp_dir_ / (std::to_string(id) + ".json")).string();
  // Two inputs of one name (a/x.pdf and b/x.pdf named directly, or the same
  // relative path under two folders): the second gets x.pdf~2.json, and the
  // summary says so, instead of overwriting the first.
  std::string name = input.relative + ".json";
  for (int n = 2; !json_names_.insert(name).second; ++n)
    name = input.relative + "~" + std::to_string(n) + ".json";
  if (name != input.relative + ".json") tally_.renamed_outputs.push_back(input.path + " -> " + name);
  const fs::path out = fs::path(options_.json_dir) / name;
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
    if (written.n_tables == 0) tally_.no_tables.push_back(run.path);
    if (written.n_warnings > 0)
      tally_.with_warnings.push_back(run.path + " (" + std::to_string(written.n_warnings) +
                                     " warnings)");
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
    progress_->Skipped(false);
    return true;
  }
  batch_seen_.emplace(run.sha256, input.path);
  if (auto done = converted_.find(run.sha256); done != converted_.end()) {
    const bool failed = done->second == "failed";
    if (!(failed && options_.retry_failed)) {
      ++tally_.already_done;
      if (failed) ++tally_.already_failed;
      progress_->Skipped(failed);
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
bool Batch::WriteFailureJson(const Pending& pending, const std::string& code,
                             const std::string& message) {
  model::Document doc;
  doc.source.path = pending.run.path;
  doc.source.sha256 = pending.run.sha256;
  doc.source.bytes = pending.run.bytes;
  doc.issues.push_back(MakeError(code, message));
  std::string error;
  if (WriteJsonFile(doc, pending.json_path, &error)) return true;
  fatal_ = "--json-dir: " + error;  // the batch's own output: not the document's fault
  return false;
}

// A worker that could not write its JSON (a full or unwritable --json-dir
// or TMPDIR) or could not be started failed for the batch's environment,
// not for its document: recording that would make every later run skip the
// document as failed. The batch stops instead (exit 1), nothing recorded.
bool Batch::StopForEnvironment(const WorkerResult& result, const Pending& pending,
                               const std::string& stderr_tail) {
  using Outcome = WorkerResult::Outcome;
  std::string reason;
  if (result.outcome == Outcome::kSpawnFailed) {
    reason = result.spawn_error;
  } else if (result.outcome == Outcome::kExited && result.exit_status == kWorkerOutputError) {
    reason = stderr_tail.empty() ? "the worker could not write its JSON" : stderr_tail;
  } else {
    return false;
  }
  fatal_ = pending.run.path + ": " + reason +
           " (an error of the batch's output or system, not of the document: it is not "
           "recorded; fix it and run again)";
  return true;
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

  if (StopForEnvironment(result, pending, stderr_tail)) return false;
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
  } else if (!have_doc && !WriteFailureJson(pending, code, message)) {
    return false;
  }
  if (have_doc) {
    TakeWorkerHash(doc, &pending.run);
    // Its bytes changed while it was read: no content to record under any
    // hash; the next run converts what the file then holds.
    if (HasErrorCode(doc, "file_changed")) {
      tally_.changed.push_back(pending.run.path);
      progress_->Done(0, true);
      return true;
    }
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
  PrintList(f, "no tables:", tally_.no_tables);
  PrintList(f, "with warnings:", tally_.with_warnings);
  PrintList(f, "changed while converted (not recorded, run again):", tally_.changed);
  PrintList(f, "renamed in --json-dir (same name as another input):", tally_.renamed_outputs);
  if (tally_.failed + tally_.already_failed > 0)
    std::fprintf(f,
                 "  failed documents are recorded and skipped by later runs; convert them again "
                 "with --retry-failed\n");
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
    std::fprintf(f, "  skipped:      %zu (not PDF, DOCX, XLSX, DOC or XLS: %s)\n", inputs.skipped.size(),
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
  std::vector<std::string> named = options_.inputs;
  if (!options_.files_from.empty() && !ReadFileList(options_.files_from, &named, &fatal_)) {
    std::fprintf(log_, "cnbudget convert: %s\n", fatal_.c_str());
    return kBatchFatal;
  }
  const BatchInputs inputs = FindBatchInputs(named);
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
  if (std::string error;
      !options_.review_dir.empty() && !review::WriteReviewIndex(options_.review_dir, &error))
    std::fprintf(log_, "cnbudget convert: %s\n", error.c_str());
  return tally_.failed + tally_.already_failed + tally_.changed.size() > 0 ? kBatchSomeFailed
                                                                           : kBatchAllOk;
}

}  // namespace

bool ReadFileList(const std::string& from, std::vector<std::string>* paths, std::string* error) {
  std::ifstream file;
  if (from != "-") {
    file.open(from);
    if (!file) {
      *error = "cannot read --files-from " + from + ": " + std::strerror(errno);
      return false;
    }
  }
  std::istream& in = from == "-" ? std::cin : file;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();  // a list saved on Windows
    if (!line.empty()) paths->push_back(line);
  }
  if (in.bad()) {
    *error = "cannot read --files-from " + from + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

int RunBatch(const BatchOptions& options, std::FILE* log) { return Batch(options, log).Run(); }

}  // namespace cnbudget
