// The private temporary folders of `extract` and `convert`.
//
// Each is TMPDIR/cnbudget-KIND-XXXXXX holding a `.lock` file that its
// process keeps locked (flock) for as long as it runs. A run killed with
// SIGKILL cannot remove its own folder, but the kernel drops its lock: the
// next run removes every such folder whose lock it can take. Unlike a PID
// check this holds across PID namespaces sharing one /tmp, and a reused PID
// cannot keep a dead run's folder alive. Folders without a lock file (made
// by older versions) are removed once untouched for a day.
#pragma once

#include <filesystem>
#include <string>

namespace cnbudget {

// Removes the stale folders, then creates this process's own, locked.
// Returns false and sets *error (with the OS reason) when it cannot.
bool MakeOwnTempDir(const std::string& kind, std::filesystem::path* dir, std::string* error);

// The stale-folder sweep alone, over `parent`. Returns how many were removed.
int RemoveStaleTempDirs(const std::filesystem::path& parent);

}  // namespace cnbudget
