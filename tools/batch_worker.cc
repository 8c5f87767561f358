#include "tools/batch_worker.h"

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <new>
#include <string_view>
#include <vector>

#include "tools/json_writer.h"
#include "tools/pipeline.h"
#include "tools/review_command.h"

namespace cnbudget {
namespace {

constexpr char kHookVariable[] = "CNBUDGET_TEST_HOOK";

// Allocates 64 MiB blocks without touching them, so the address-space limit
// (not the machine's RAM) is what stops it. Gives up after 64 GiB.
[[noreturn]] void AllocateUntilFailure() {
  std::vector<std::unique_ptr<char[]>> blocks;
  for (int i = 0; i < 1024; ++i) blocks.emplace_back(new char[64u << 20]);
  std::_Exit(kWorkerOk);
}

void ApplyAction(std::string_view action, const std::string& input) {
  const std::size_t colon = action.find(':');
  if (colon == std::string_view::npos) return;
  const std::string_view verb = action.substr(0, colon);
  std::string_view rest = action.substr(colon + 1);
  std::string_view argument;
  if (verb == "slow") {
    const std::size_t last = rest.rfind(':');
    if (last == std::string_view::npos) return;
    argument = rest.substr(last + 1);
    rest = rest.substr(0, last);
  }
  if (input.find(rest) == std::string::npos) return;
  if (verb == "crash") {
    std::signal(SIGSEGV, SIG_DFL);  // a real crash, even under a sanitizer's handler
    std::raise(SIGSEGV);
  } else if (verb == "hang") {
    for (;;) pause();
  } else if (verb == "oom") {
    AllocateUntilFailure();
  } else if (verb == "append") {
    // Another program changing the file after the parent hashed it.
    std::ofstream(input, std::ios::binary | std::ios::app) << "\n%changed by the test hook\n";
  } else if (verb == "slow") {
    const long ms = std::strtol(std::string(argument).c_str(), nullptr, 10);
    if (ms > 0) usleep(static_cast<useconds_t>(ms) * 1000);
  }
}

std::shared_ptr<TimeBudget> MakeBudget(const WorkerBudget& limits) {
  if (limits.timeout_seconds <= 0) return nullptr;
  const int fd = limits.budget_fd;
  std::function<void()> notify;
  if (fd >= 0) {
    fcntl(fd, F_SETFD, FD_CLOEXEC);  // not for LibreOffice or other children
    std::signal(SIGPIPE, SIG_IGN);   // a parent gone away is not this worker's error
    notify = [fd] {
      const char page = 'p';
      (void)!write(fd, &page, 1);
    };
  }
  return std::make_shared<TimeBudget>(TimeBudget::Clock::now(), limits.timeout_seconds,
                                      fd >= 0 ? limits.ocr_page_seconds : 0, std::move(notify));
}

}  // namespace

void ApplyTestHook(const std::string& input) {
  const char* hook = std::getenv(kHookVariable);
  if (hook == nullptr) return;
  std::string_view actions(hook);
  while (!actions.empty()) {
    const std::size_t bar = actions.find('|');
    ApplyAction(actions.substr(0, bar), input);
    if (bar == std::string_view::npos) break;
    actions.remove_prefix(bar + 1);
  }
}

int RunBatchWorker(const std::string& input, const std::string& output, ExtractOptions options,
                   const WorkerBudget& budget, const std::string& review_dir) {
  try {
    options.budget = MakeBudget(budget);
    ApplyTestHook(input);
    std::vector<TextLine> lines;
    const model::Document doc =
        ConvertFile(input, options, review_dir.empty() ? nullptr : &lines);
    std::string error;
    if (!WriteJsonFile(doc, output, &error)) {
      std::cerr << "cnbudget batch-worker: " << error << "\n";
      return kWorkerOutputError;
    }
    if (!review_dir.empty() && !WriteBatchReview(doc, lines, input, review_dir, &error))
      std::cerr << "cnbudget batch-worker: review: " << error << "\n";
    if (!HasError(doc)) return kWorkerOk;
    // Said on stderr too, for `extract`, which relays it (a batch ignores it).
    for (const Issue& i : doc.issues)
      if (i.severity == Severity::kError)
        std::cerr << "cnbudget: " << input << ": " << i.message << "\n";
    return kWorkerBadInput;
  } catch (const std::bad_alloc&) {
    std::cerr << "cnbudget batch-worker: out of memory\n";
    return kWorkerOutOfMemory;
  }
}

}  // namespace cnbudget
