// Helpers for tests that run the real cnbudget binary and read its database.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace cnbudget::testing_util {

namespace fs = std::filesystem;

// A fresh empty folder under the test temp dir.
fs::path FreshDir(const std::string& name);

void WriteBytes(const fs::path& path, const std::string& bytes);

// Starts `cnbudget ARGS...` with CNBUDGET_TEST_HOOK=hook (unset when empty),
// stdout and stderr appended to log, TMPDIR set to log's folder. Returns the
// child's pid.
pid_t StartCnbudget(const std::vector<std::string>& args, const std::string& hook,
                    const fs::path& log);

// Waits for pid; returns its exit status, or 128 + signal.
int WaitFor(pid_t pid);

// StartCnbudget + WaitFor.
int RunCnbudget(const std::vector<std::string>& args, const std::string& hook,
                const fs::path& log);

std::string ReadFile(const fs::path& path);

// Runs a query on the database (read-only), returning rows of '|'-joined
// columns (NULL as "NULL"). An error fails the test unless quiet.
std::vector<std::string> Query(const fs::path& db, const std::string& sql, bool quiet = false);

// A minimal but valid DOCX: one paragraph and a 2x2 table holding a number.
void WriteMinimalDocx(const fs::path& path, const std::string& marker);

}  // namespace cnbudget::testing_util
