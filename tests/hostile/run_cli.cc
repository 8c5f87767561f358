#include "tests/hostile/run_cli.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "tests/hostile/hostile_files.h"

extern char** environ;

namespace cnbudget::hostile {
namespace {

// AddressSanitizer reserves terabytes of address space for its shadow
// memory, so RLIMIT_AS cannot be used there; RLIMIT_CPU and the RSS check
// still bound the run.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif

// Runs in the forked child: only async-signal-safe calls.
[[noreturn]] void ExecChild(char* const argv[], char* const envp[], const char* cwd,
                            const char* out_path, const char* err_path) {
  if (chdir(cwd) != 0) _exit(126);
  struct rlimit cpu = {kCpuLimitSeconds, kCpuLimitSeconds + 5};
  setrlimit(RLIMIT_CPU, &cpu);
  if (!kAddressSanitizer) {
    const rlim_t bytes = static_cast<rlim_t>(kAddressSpaceLimitMb) << 20;
    struct rlimit as = {bytes, bytes};
    setrlimit(RLIMIT_AS, &as);
  }
  const int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (out < 0 || err < 0) _exit(126);
  dup2(out, STDOUT_FILENO);
  dup2(err, STDERR_FILENO);
  execve(argv[0], argv, envp);
  _exit(127);
}

constexpr char kGnuTime[] = "/usr/bin/time";

// GNU time's report: "Command terminated by signal N" when the command was
// killed, then the %M line (peak RSS in KiB).
void ReadTimeReport(const std::string& report, CliRun* run) {
  std::istringstream lines(report);
  std::string line;
  static constexpr char kSignaled[] = "Command terminated by signal ";
  while (std::getline(lines, line)) {
    if (line.rfind(kSignaled, 0) == 0) {
      run->exited = false;
      run->exit_status = -1;
      run->signal = std::atoi(line.c_str() + sizeof kSignaled - 1);
    } else if (!line.empty() && line.find_first_not_of("0123456789") == std::string::npos) {
      run->max_rss_kb = std::atol(line.c_str());
    }
  }
}

}  // namespace

CliRun RunCli(const std::vector<std::string>& args, const std::filesystem::path& cwd,
              const std::vector<std::string>& env) {
  // Per process and run: ctest runs the tests of this file in parallel.
  static int runs = 0;
  const std::filesystem::path io =
      FreshDir("io-" + std::to_string(getpid()) + "-" + std::to_string(runs++));
  const std::string out_path = (io / "stdout").string(), err_path = (io / "stderr").string();
  const std::string report_path = (io / "time").string();
  std::vector<std::string> strings = {kGnuTime, "-f", "%M", "-o", report_path, CNBUDGET_BINARY};
  strings.insert(strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings(env);
  for (char** e = environ; *e != nullptr; ++e) env_strings.emplace_back(*e);
  std::vector<char*> envp;
  for (std::string& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  const std::string dir = cwd.string();

  CliRun run;
  const pid_t pid = fork();
  if (pid == 0) ExecChild(argv.data(), envp.data(), dir.c_str(), out_path.c_str(), err_path.c_str());
  if (pid < 0) return run;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return run;
  run.exited = WIFEXITED(status);
  run.exit_status = run.exited ? WEXITSTATUS(status) : -1;
  run.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  ReadTimeReport(ReadFile(report_path), &run);
  if (run.exited && run.exit_status == 127) run.err += "\n(could not run " + std::string(kGnuTime) + ")";
  run.out = ReadFile(out_path);
  run.err = ReadFile(err_path);
  return run;
}

std::string Describe(const CliRun& run) {
  std::string s = run.exited ? "exit " + std::to_string(run.exit_status)
                             : "killed by signal " + std::to_string(run.signal);
  s += ", peak RSS " + std::to_string(run.max_rss_kb / 1024) + " MiB\nstderr: " +
       run.err.substr(0, 2000) + "\nstdout: " + run.out.substr(0, 2000);
  return s;
}

}  // namespace cnbudget::hostile
