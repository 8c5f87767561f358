#include "tools/temp_dirs.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <system_error>

namespace cnbudget {
namespace {

namespace fs = std::filesystem;

constexpr char kPrefix[] = "cnbudget-";
constexpr char kLockName[] = ".lock";
constexpr auto kUnlockedMaxAge = std::chrono::hours(24);

bool IsOurFolderName(const std::string& name) {
  for (const char* kind : {"batch-", "extract-"})
    if (name.rfind(std::string(kPrefix) + kind, 0) == 0) return true;
  return false;
}

// True when nobody holds the folder's lock (its run is gone); a folder
// without a lock file is stale once old.
bool IsStale(const fs::path& folder) {
  const fs::path lock = folder / kLockName;
  const int fd = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    std::error_code ec;
    const auto modified = fs::last_write_time(folder, ec);
    return errno == ENOENT && !ec && fs::file_time_type::clock::now() - modified > kUnlockedMaxAge;
  }
  const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  ::close(fd);  // releases the lock just taken
  return free;
}

}  // namespace

int RemoveStaleTempDirs(const fs::path& parent) {
  int removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_symlink(type_ec) || !it->is_directory(type_ec)) continue;
    if (!IsOurFolderName(it->path().filename().string()) || !IsStale(it->path())) continue;
    std::error_code remove_ec;
    if (fs::remove_all(it->path(), remove_ec) > 0 && !remove_ec) ++removed;
  }
  return removed;
}

bool MakeOwnTempDir(const std::string& kind, fs::path* dir, std::string* error) {
  std::error_code ec;
  const fs::path parent = fs::temp_directory_path(ec);
  if (ec) {
    *error = "no temporary folder: " + ec.message();
    return false;
  }
  RemoveStaleTempDirs(parent);
  std::string pattern = (parent / (kPrefix + kind + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    *error = "cannot create a temporary folder in " + parent.string() + ": " + std::strerror(errno);
    return false;
  }
  // Locked under another name, then renamed: a sweep by another run never
  // sees an unlocked `.lock`. Kept open (and locked) until the process
  // ends: never closed on purpose.
  const fs::path unlocked = fs::path(pattern) / ".lock-new";
  const int fd = ::open(unlocked.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) != 0 ||
      ::rename(unlocked.c_str(), (fs::path(pattern) / kLockName).c_str()) != 0) {
    *error = "cannot lock the temporary folder " + pattern + ": " + std::strerror(errno);
    if (fd >= 0) ::close(fd);
    fs::remove_all(pattern, ec);
    return false;
  }
  *dir = pattern;
  return true;
}

}  // namespace cnbudget
