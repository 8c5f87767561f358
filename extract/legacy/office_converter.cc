#include "extract/legacy/office_converter.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

namespace cnbudget::legacy {
namespace {

namespace fs = std::filesystem;

struct Target {
  const char* source_extension;  // the name LibreOffice is shown, so it picks the right import
  const char* extension;
  const char* filter;            // --convert-to argument: extension and export filter
  const char* package;           // the Debian package that brings the right component
};

Target TargetFor(Ole2Kind kind) {
  if (kind == Ole2Kind::kExcel)
    return {"xls", "xlsx", "xlsx:Calc MS Excel 2007 XML", "libreoffice-calc-nogui"};
  return {"doc", "docx", "docx:MS Word 2007 XML", "libreoffice-writer-nogui"};
}

// The profile folder as a file:// URL (UserInstallation wants a URL).
std::string FileUrl(const std::string& path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string url = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '.' || c == '_' || c == '-' || c == '~') {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += kHex[c >> 4];
      url += kHex[c & 15];
    }
  }
  return url;
}

// Runs in the forked child before exec: only async-signal-safe calls.
[[noreturn]] void ExecConverter(const char* binary, char* const argv[], const char* log_path,
                                pid_t parent, rlim_t cpu_seconds) {
  // Its own process group, so that a timeout kills soffice.bin too (the
  // soffice launcher starts it as a child).
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(127);
  // CPU time is counted by the kernel even if this process outlives the
  // worker that waits for it.
  struct rlimit cpu = {cpu_seconds, cpu_seconds + 5};
  setrlimit(RLIMIT_CPU, &cpu);
  const int devnull = open("/dev/null", O_RDWR);
  if (devnull >= 0) {
    dup2(devnull, STDIN_FILENO);
    dup2(devnull, STDOUT_FILENO);
  }
  const int log = open(log_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (log >= 0) dup2(log, STDERR_FILENO);
  execv(binary, argv);
  _exit(127);
}

struct ChildEnd {
  bool timed_out = false;
  int status = 0;  // waitpid status, when it ended by itself
};

// Waits for the converter; kills its whole group at the deadline. The group
// is killed before the launcher is reaped (waitid WNOWAIT leaves it a
// zombie): until then its pid, the group's id, cannot be reused.
ChildEnd WaitOrKill(pid_t pid, double timeout_seconds) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                           std::chrono::duration<double>(timeout_seconds));
  ChildEnd end;
  for (;;) {
    siginfo_t info{};
    const int r = waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT);
    if (r < 0 && errno != EINTR) break;
    if (r == 0 && info.si_pid == pid) break;
    if (Clock::now() >= deadline) {
      end.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(-pid, SIGKILL);  // on timeout, and whatever the launcher left behind
  while (waitpid(pid, &end.status, 0) < 0 && errno == EINTR) {
  }
  return end;
}

// The last non-empty line LibreOffice printed, for the error message.
std::string LastLogLine(const std::string& path) {
  std::ifstream in(path);
  std::string line, last;
  while (std::getline(in, line))
    if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
  if (last.size() > 300) last.resize(300);
  return last;
}

std::string Describe(Ole2Kind kind) { return std::string(Ole2KindName(kind)) + " file"; }

}  // namespace

std::string FindSoffice() {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return "";
  std::string dirs = path;
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t colon = dirs.find(':', start);
    if (colon == std::string::npos) colon = dirs.size();
    const std::string dir = dirs.substr(start, colon - start);
    start = colon + 1;
    if (dir.empty()) continue;
    const std::string candidate = dir + "/soffice";
    struct stat st{};
    if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        access(candidate.c_str(), X_OK) == 0)
      return candidate;
  }
  return "";
}

Conversion ConvertWithLibreOffice(const std::string& input, Ole2Kind kind,
                                  const std::string& work_dir, double timeout_seconds) {
  const Target target = TargetFor(kind);
  Conversion result;
  const std::string soffice = FindSoffice();
  if (soffice.empty()) {
    result.error = MakeError(
        "converter_missing",
        "this is a " + Describe(kind) + "; reading it needs LibreOffice, which is not installed " +
            "(Debian: apt-get install --no-install-recommends " + target.package + ")");
    return result;
  }
  if (timeout_seconds < 1) {
    result.error = MakeError("timeout", "no time was left to convert the " + Describe(kind));
    return result;
  }
  // A fixed, plain name: LibreOffice derives the output name from it, and a
  // name starting with '-' or holding odd bytes cannot reach its command line.
  const fs::path dir = work_dir;
  const fs::path source = dir / (std::string("source.") + target.source_extension);
  std::error_code ec;
  fs::copy_file(input, source, ec);
  if (ec) {
    result.error = MakeError("legacy_conversion_failed",
                             "cannot copy the file for conversion: " + ec.message());
    return result;
  }
  std::vector<std::string> args = {
      soffice, "-env:UserInstallation=" + FileUrl((dir / "profile").string()), "--headless",
      "--invisible", "--nologo", "--norestore", "--nolockcheck", "--convert-to", target.filter,
      "--outdir", (dir / "out").string(), source.string()};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const std::string log = (dir / "soffice.log").string();
  const rlim_t cpu_seconds = static_cast<rlim_t>(std::ceil(timeout_seconds)) + 5;
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid == 0) ExecConverter(soffice.c_str(), argv.data(), log.c_str(), parent, cpu_seconds);
  if (pid < 0) {
    result.error = MakeError("legacy_conversion_failed", "cannot start LibreOffice");
    return result;
  }
  setpgid(pid, pid);  // also from this side: no race with the kill on timeout
  const ChildEnd end = WaitOrKill(pid, timeout_seconds);
  const fs::path output = dir / "out" / (std::string("source.") + target.extension);
  if (end.timed_out) {
    result.error = MakeError("timeout", "LibreOffice did not convert the " + Describe(kind) +
                                            " within " +
                                            std::to_string(static_cast<int>(timeout_seconds)) +
                                            " s");
  } else if (!fs::is_regular_file(output, ec)) {
    // soffice exits 0 even when it could not load the file: the output tells.
    std::string why = LastLogLine(log);
    if (why.empty()) why = "no output";
    result.error = MakeError("legacy_conversion_failed",
                             "LibreOffice could not convert the " + Describe(kind) + ": " + why);
  } else {
    result.output = output.string();
  }
  return result;
}

}  // namespace cnbudget::legacy
