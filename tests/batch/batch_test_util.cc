#include "tests/batch/batch_test_util.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <zip.h>

extern char** environ;

namespace cnbudget::testing_util {

namespace {

void RemoveTestDirs();

std::vector<fs::path>& TestDirs() {
  static std::vector<fs::path> dirs;
  if (dirs.empty()) std::atexit(RemoveTestDirs);
  return dirs;
}

void RemoveTestDirs() {
  std::error_code ec;
  for (const fs::path& dir : TestDirs()) fs::remove_all(dir, ec);
}

}  // namespace

fs::path FreshDir(const std::string& name) {
  // The pid keeps concurrent test runs (other build trees) apart.
  const fs::path dir = fs::path(::testing::TempDir()) /
                       ("cnbudget_batch_" + std::to_string(getpid()) + "_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  TestDirs().push_back(dir);
  return dir;
}

void WriteBytes(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

pid_t StartCnbudget(const std::vector<std::string>& args, const std::string& hook,
                    const fs::path& log) {
  std::vector<std::string> argv_strings = {CNBUDGET_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    const std::string entry(*e);
    if (entry.rfind("CNBUDGET_TEST_HOOK=", 0) != 0 && entry.rfind("TMPDIR=", 0) != 0)
      env_strings.push_back(entry);
  }
  // The batch's work folder goes beside the log, inside the test's folder, so
  // a batch the test kills leaves nothing behind in /tmp.
  env_strings.push_back("TMPDIR=" + log.parent_path().string());
  if (!hook.empty()) env_strings.push_back("CNBUDGET_TEST_HOOK=" + hook);
  std::vector<char*> envp;
  for (std::string& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

int WaitFor(pid_t pid) {
  int status = 0;
  if (pid <= 0 || waitpid(pid, &status, 0) != pid) return -1;
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

int RunCnbudget(const std::vector<std::string>& args, const std::string& hook,
                const fs::path& log) {
  return WaitFor(StartCnbudget(args, hook, log));
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Query(const fs::path& db, const std::string& sql, bool quiet) {
  std::vector<std::string> rows;
  sqlite3* handle = nullptr;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    if (!quiet) ADD_FAILURE() << "cannot open " << db << ": " << sqlite3_errmsg(handle);
    sqlite3_close(handle);
    return rows;
  }
  sqlite3_busy_timeout(handle, 5000);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    if (!quiet) ADD_FAILURE() << "bad query " << sql << ": " << sqlite3_errmsg(handle);
  } else {
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        if (i) row += '|';
        const unsigned char* text = sqlite3_column_text(stmt, i);
        row += text ? reinterpret_cast<const char*>(text) : "NULL";
      }
      rows.push_back(row);
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
  return rows;
}

namespace {

void AddEntry(zip_t* zip, const char* name, const std::string& text) {
  // libzip keeps the buffer until zip_close: give it a heap copy it frees.
  char* copy = static_cast<char*>(malloc(text.size()));
  std::copy(text.begin(), text.end(), copy);
  zip_source_t* source = zip_source_buffer(zip, copy, text.size(), 1);
  zip_file_add(zip, name, source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
}

}  // namespace

void WriteMinimalDocx(const fs::path& path, const std::string& marker) {
  fs::create_directories(path.parent_path());
  fs::remove(path);
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(zip, nullptr);
  AddEntry(zip, "[Content_Types].xml",
           R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
           R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
           R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
           R"(<Default Extension="xml" ContentType="application/xml"/>)"
           R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
           R"(</Types>)");
  AddEntry(zip, "_rels/.rels",
           R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
           R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
           R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
           R"(</Relationships>)");
  auto tc = [](const std::string& text) {
    return "<w:tc><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:tc>";
  };
  AddEntry(zip, "word/document.xml",
           R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
           R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)"
           "<w:p><w:r><w:t>测试单位2024年部门预算 " + marker + "</w:t></w:r></w:p>"
           "<w:p><w:r><w:t>表1 收支总体情况表</w:t></w:r></w:p>"
           "<w:tbl><w:tr>" + tc("项目") + tc("预算数") + "</w:tr><w:tr>" + tc("合计") +
           tc("12.50") + "</w:tr></w:tbl></w:body></w:document>");
  ASSERT_EQ(zip_close(zip), 0);
}

}  // namespace cnbudget::testing_util
