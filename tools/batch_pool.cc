#include "tools/batch_pool.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <thread>

#include "extract/time_budget.h"

namespace cnbudget {
namespace {

// AddressSanitizer reserves terabytes of address space for its shadow
// memory: an RLIMIT_AS would stop every worker, so a sanitized build runs
// its workers without one.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif

// The worker's end of the OCR page pipe (see WorkerLimits::ocr_page_seconds).
constexpr int kBudgetFd = 3;

WorkerEntry worker_entry = nullptr;

// Runs in the forked child before exec: only async-signal-safe calls (but
// for the worker itself when it runs without exec, see SetWorkerEntry).
[[noreturn]] void ExecWorker(const char* binary, char* const argv[], const char* stderr_path,
                             pid_t parent, rlim_t max_bytes, int budget_fd) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(127);  // the parent died before prctl
  if (budget_fd == kBudgetFd) {
    fcntl(kBudgetFd, F_SETFD, 0);  // dup2 onto itself would keep close-on-exec
  } else if (budget_fd >= 0) {
    dup2(budget_fd, kBudgetFd);
  }
  // Its own process group: a Ctrl-C on the terminal reaches only the parent,
  // so no worker is recorded as "killed by SIGINT"; the parent's death then
  // takes the workers down through PDEATHSIG.
  setpgid(0, 0);
  if (max_bytes > 0 && !kAddressSanitizer) {
    struct rlimit limit = {max_bytes, max_bytes};
    setrlimit(RLIMIT_AS, &limit);
  }
  const int devnull = open("/dev/null", O_RDWR);
  if (devnull >= 0) {
    dup2(devnull, STDIN_FILENO);
    dup2(devnull, STDOUT_FILENO);
  }
  const int err = open(stderr_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (err >= 0) dup2(err, STDERR_FILENO);
  if (worker_entry != nullptr) {
    int argc = 0;
    while (argv[argc] != nullptr) ++argc;
    const int status = worker_entry(argc, const_cast<char**>(argv));
    std::fflush(nullptr);
    _exit(status);  // no atexit handlers or destructors of the parent's state
  }
  execv(binary, argv);
  _exit(127);
}

std::int64_t MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               start)
      .count();
}

}  // namespace

std::string SignalName(int signal) {
  switch (signal) {
    case SIGSEGV: return "SIGSEGV";
    case SIGABRT: return "SIGABRT";
    case SIGKILL: return "SIGKILL";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGILL: return "SIGILL";
    case SIGTERM: return "SIGTERM";
    case SIGINT: return "SIGINT";
    case SIGXCPU: return "SIGXCPU";
    case SIGPIPE: return "SIGPIPE";
    default: return "signal " + std::to_string(signal);
  }
}

std::string NowIso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void SetWorkerEntry(WorkerEntry entry) { worker_entry = entry; }

WorkerPool::WorkerPool(std::string binary, int jobs, WorkerLimits limits,
                       std::vector<std::string> flags)
    : binary_(std::move(binary)), flags_(std::move(flags)), jobs_(jobs < 1 ? 1 : jobs),
      limits_(limits) {}

WorkerPool::~WorkerPool() {
  for (Running& worker : running_) {
    kill(worker.pid, SIGKILL);
    waitpid(worker.pid, nullptr, 0);
    if (worker.budget_fd >= 0) close(worker.budget_fd);
  }
}

void WorkerPool::Start(const WorkerJob& job) {
  WorkerResult result;
  result.id = job.id;
  result.started_at = NowIso8601();
  // Everything the child needs is built before fork: after fork it may only
  // make async-signal-safe calls.
  std::vector<std::string> args = {binary_, "batch-worker", job.input, "-o", job.output_json};
  args.insert(args.end(), flags_.begin(), flags_.end());
  // The pipe on which the worker announces its OCR pages (close-on-exec
  // everywhere but in this worker, where it becomes kBudgetFd).
  int budget[2] = {-1, -1};
  if (limits_.timeout_seconds > 0) {
    const bool piped = limits_.ocr_page_seconds > 0 && pipe2(budget, O_CLOEXEC) == 0;
    if (piped) fcntl(budget[0], F_SETFL, O_NONBLOCK);
    args.insert(args.end(), {"--timeout", std::to_string(limits_.timeout_seconds),
                             "--ocr-page-seconds",
                             piped ? std::to_string(limits_.ocr_page_seconds) : "0"});
    if (piped) args.insert(args.end(), {"--budget-fd", std::to_string(kBudgetFd)});
  }
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const rlim_t max_bytes = static_cast<rlim_t>(limits_.max_memory_mb) << 20;
  const pid_t parent = getpid();
  const auto start = std::chrono::steady_clock::now();
  std::fflush(nullptr);  // a child that does not exec would write the parent's buffers again
  const pid_t pid = fork();
  if (pid == 0)
    ExecWorker(binary_.c_str(), argv.data(), job.stderr_path.c_str(), parent, max_bytes,
               budget[1]);
  if (budget[1] >= 0) close(budget[1]);
  if (pid < 0) {
    if (budget[0] >= 0) close(budget[0]);
    result.outcome = WorkerResult::Outcome::kSpawnFailed;
    result.spawn_error = std::string("cannot start a worker: ") + std::strerror(errno);
    failed_spawns_.push_back(std::move(result));
    return;
  }
  running_.push_back(Running{pid, std::move(result), start, budget[0]});
}

void WorkerPool::ReadGrantedPages(Running& worker) {
  if (worker.budget_fd < 0) return;
  char buf[256];
  ssize_t n;
  while ((n = read(worker.budget_fd, buf, sizeof buf)) > 0)
    worker.granted_pages = std::min(kMaxBudgetPages, worker.granted_pages + static_cast<int>(n));
}

double WorkerPool::LimitSeconds(const Running& worker) const {
  return limits_.timeout_seconds + limits_.ocr_page_seconds * worker.granted_pages;
}

bool WorkerPool::Reap(Running& worker, std::vector<WorkerResult>* done) {
  int status = 0;
  struct rusage usage{};
  const pid_t pid = wait4(worker.pid, &status, WNOHANG, &usage);
  if (pid == 0) return false;
  ReadGrantedPages(worker);
  if (worker.budget_fd >= 0) close(worker.budget_fd);
  worker.budget_fd = -1;
  WorkerResult& result = worker.result;
  result.limit_seconds = limits_.timeout_seconds > 0 ? LimitSeconds(worker) : 0;
  result.elapsed_ms = MillisecondsSince(worker.start);
  result.max_rss_kb = usage.ru_maxrss;
  if (pid < 0) {  // cannot happen for our own child; report rather than loop
    result.outcome = WorkerResult::Outcome::kSpawnFailed;
    result.spawn_error = std::string("lost the worker: ") + std::strerror(errno);
  } else if (worker.killed_for_time) {
    result.outcome = WorkerResult::Outcome::kTimedOut;
  } else if (WIFSIGNALED(status)) {
    result.outcome = WorkerResult::Outcome::kSignaled;
    result.signal = WTERMSIG(status);
  } else {
    result.outcome = WorkerResult::Outcome::kExited;
    result.exit_status = WEXITSTATUS(status);
  }
  done->push_back(std::move(result));
  return true;
}

void WorkerPool::EnforceTimeLimit(Running& worker) {
  if (limits_.timeout_seconds <= 0 || worker.killed_for_time) return;
  ReadGrantedPages(worker);
  if (MillisecondsSince(worker.start) >= LimitSeconds(worker) * 1000) {
    kill(worker.pid, SIGKILL);
    worker.killed_for_time = true;
  }
}

std::vector<WorkerResult> WorkerPool::Poll(int wait_ms) {
  std::vector<WorkerResult> done = std::move(failed_spawns_);
  failed_spawns_.clear();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  for (;;) {
    for (std::size_t i = 0; i < running_.size();) {
      if (Reap(running_[i], &done)) {
        running_.erase(running_.begin() + static_cast<std::ptrdiff_t>(i));
      } else {
        EnforceTimeLimit(running_[i]);
        ++i;
      }
    }
    if (!done.empty() || running_.empty() || std::chrono::steady_clock::now() >= deadline) break;
    // Polling at 10 ms costs nothing next to a conversion and needs no
    // SIGCHLD handler (which would interrupt SQLite's system calls).
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done;
}

}  // namespace cnbudget
