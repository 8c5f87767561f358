// Test helper: runs the real cnbudget binary as a child under hard limits
// and reports how it ended.
//
// "Bounded time and memory" is asserted without timing anything (machines
// are shared and noisy): the child runs under RLIMIT_CPU (SIGXCPU/SIGKILL
// past the limit) and, outside AddressSanitizer builds, RLIMIT_AS, so a
// runaway input ends as a signal the test sees; its peak RSS is compared
// with a generous bound.
//
// The peak RSS comes from GNU time (/usr/bin/time, installed with the
// build dependencies), which reads it from wait4() on its own child. Our
// own wait4() would not do: a forked child starts with the test process's
// resident set counted in its peak, and the test process may be large.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cnbudget::hostile {

// Generous on purpose: the tests check for runaway behaviour, not speed.
// AddressSanitizer's quarantine of freed memory, redzones and allocation
// stack traces multiply the resident set (a PDF page of 1,000,000 lines
// peaks at 94 MB plain and 760 MB under ASan), hence its larger bound.
constexpr int kCpuLimitSeconds = 120;
constexpr long kAddressSpaceLimitMb = 4096;
#if defined(__SANITIZE_ADDRESS__)
constexpr long kPeakRssLimitMb = 2048;
#else
constexpr long kPeakRssLimitMb = 1024;
#endif

struct CliRun {
  bool exited = false;  // false: killed by a signal
  int exit_status = -1;
  int signal = 0;
  long max_rss_kb = 0;  // peak of cnbudget and of the workers it waited for
  std::string out;      // stdout
  std::string err;      // stderr
};

// Runs CNBUDGET_BINARY with `args` in directory `cwd`; `env` entries
// ("NAME=value") are added to the environment.
CliRun RunCli(const std::vector<std::string>& args, const std::filesystem::path& cwd,
              const std::vector<std::string>& env = {});

// Describes a run for failure messages.
std::string Describe(const CliRun& run);

}  // namespace cnbudget::hostile
