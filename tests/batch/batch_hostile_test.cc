// The batch against an unlucky operator or an attacker (issue 15, items
// 4-7): a database that is not ours, a file rewritten while it is read, an
// output folder that fails, two inputs of one name, and the temporary
// folders a killed run leaves behind.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "tests/batch/batch_test_util.h"

namespace cnbudget::testing_util {
namespace {

constexpr int kAllOk = 0;
constexpr int kFatal = 1;

void Exec(const fs::path& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(handle);
}

struct Folder {
  fs::path root, in, db, log;
};

Folder OneDocument(const std::string& name) {
  Folder f;
  f.root = FreshDir(name);
  f.in = f.root / "in";
  f.db = f.root / "out.sqlite";
  f.log = f.root / "log.txt";
  WriteMinimalDocx(f.in / "a.docx", "a");
  return f;
}

std::vector<std::string> Convert(const Folder& f, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"convert", f.in.string(), "--db", f.db.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

// ---- 4: a database that is not ours is refused untouched ------------------

TEST(BatchHostile, AnotherApplicationsDatabaseIsRefusedUntouched) {
  const Folder f = OneDocument("foreign_db");
  Exec(f.db, "CREATE TABLE documents (id INTEGER PRIMARY KEY, title TEXT);"
             "INSERT INTO documents (title) VALUES ('theirs');");
  const std::string before = ReadFile(f.db);
  EXPECT_EQ(RunCnbudget(Convert(f), "", f.log), kFatal) << ReadFile(f.log);
  EXPECT_EQ(ReadFile(f.db), before) << "the file must not be written to";
  EXPECT_FALSE(fs::exists(f.db.string() + "-wal"));
  EXPECT_NE(ReadFile(f.log).find("is not a cnbudget database"), std::string::npos)
      << ReadFile(f.log);
}

TEST(BatchHostile, DatabaseOfANewerSchemaIsRefusedUntouched) {
  const Folder f = OneDocument("newer_db");
  ASSERT_EQ(RunCnbudget(Convert(f), "", f.log), kAllOk) << ReadFile(f.log);
  Exec(f.db, "PRAGMA journal_mode = DELETE; UPDATE meta SET value = '99' "
             "WHERE key = 'schema_version'; PRAGMA user_version = 99;");
  const std::string before = ReadFile(f.db);
  const fs::path log2 = f.root / "log2.txt";
  EXPECT_EQ(RunCnbudget(Convert(f, {"--no-resume"}), "", log2), kFatal) << ReadFile(log2);
  EXPECT_EQ(ReadFile(f.db), before);
  EXPECT_NE(ReadFile(log2).find("has schema version 99"), std::string::npos) << ReadFile(log2);
}

TEST(BatchHostile, EmptyFileIsInitialisedAsADatabase) {
  const Folder f = OneDocument("empty_db");
  WriteBytes(f.db, "");
  EXPECT_EQ(RunCnbudget(Convert(f), "", f.log), kAllOk) << ReadFile(f.log);
  EXPECT_EQ(Query(f.db, "PRAGMA application_id"), (std::vector<std::string>{"1129202247"}));
  EXPECT_EQ(Query(f.db, "SELECT count(*) FROM documents"), (std::vector<std::string>{"1"}));
}

// ---- 5: a file that changes while the batch runs ---------------------------

TEST(BatchHostile, FileChangedAfterTheParentHashedItIsStoredUnderTheBytesParsed) {
  // The hook appends to the input in the worker, after the parent hashed
  // it: the row must carry the hash of what the worker read, so the next
  // run finds it done instead of trusting a hash of bytes nobody parsed.
  const Folder f = OneDocument("changed_mid_batch");
  ASSERT_EQ(RunCnbudget(Convert(f), "append:a.docx", f.log), kAllOk) << ReadFile(f.log);
  const fs::path log2 = f.root / "log2.txt";
  ASSERT_EQ(RunCnbudget(Convert(f), "", log2), kAllOk) << ReadFile(log2);
  EXPECT_NE(ReadFile(log2).find("already done: 1"), std::string::npos) << ReadFile(log2);
  EXPECT_EQ(Query(f.db, "SELECT count(*), sum(bytes = " +
                            std::to_string(fs::file_size(f.in / "a.docx")) + ") FROM documents"),
            (std::vector<std::string>{"1|1"}));
}

// ---- 6: failures of the batch's own output are not the document's ---------

TEST(BatchHostile, JsonThatCannotBeWrittenStopsTheBatchAndIsNotCachedAsAFailure) {
  const Folder f = OneDocument("json_unwritable");
  const fs::path json = f.root / "json";
  fs::create_directories(json / "a.docx.json");  // a folder where the file must go
  EXPECT_EQ(RunCnbudget(Convert(f, {"--json-dir", json.string()}), "", f.log), kFatal)
      << ReadFile(f.log);
  EXPECT_NE(ReadFile(f.log).find("not of the document"), std::string::npos) << ReadFile(f.log);
  EXPECT_EQ(Query(f.db, "SELECT count(*) FROM documents WHERE status = 'failed'"),
            (std::vector<std::string>{"0"}));
  // Once the output is fixed, the document converts: nothing was cached.
  fs::remove_all(json / "a.docx.json");
  const fs::path log2 = f.root / "log2.txt";
  EXPECT_EQ(RunCnbudget(Convert(f, {"--json-dir", json.string()}), "", log2), kAllOk)
      << ReadFile(log2);
  EXPECT_TRUE(fs::is_regular_file(json / "a.docx.json"));
}

// ---- 7: two inputs of one name; leftovers of a killed run ------------------

TEST(BatchHostile, TwoInputsOfOneNameGetTwoJsonFiles) {
  const Folder f = OneDocument("json_collision");
  WriteMinimalDocx(f.root / "other" / "a.docx", "b");
  const fs::path json = f.root / "json";
  const std::vector<std::string> args = {"convert",    (f.in / "a.docx").string(),
                                         (f.root / "other" / "a.docx").string(),
                                         "--db",       f.db.string(),
                                         "--json-dir", json.string()};
  EXPECT_EQ(RunCnbudget(args, "", f.log), kAllOk) << ReadFile(f.log);
  EXPECT_TRUE(fs::is_regular_file(json / "a.docx.json"));
  EXPECT_TRUE(fs::is_regular_file(json / "a.docx~2.json"));
  EXPECT_NE(ReadFile(json / "a.docx.json"), ReadFile(json / "a.docx~2.json"));
  EXPECT_NE(ReadFile(f.log).find("renamed in --json-dir"), std::string::npos) << ReadFile(f.log);
}

TEST(BatchHostile, FoldersOfKilledRunsAreRemovedAndLiveOnesKept) {
  const Folder f = OneDocument("stale_temp");
  const fs::path tmp = f.log.parent_path();  // the TMPDIR of the runs
  const fs::path stale = tmp / "cnbudget-batch-Ab12Cd", live = tmp / "cnbudget-extract-Ef34Gh",
                 other = tmp / "cnbudget-notes";
  WriteBytes(stale / ".lock", "");
  WriteBytes(stale / "0.json", "{}");
  WriteBytes(live / ".lock", "");
  fs::create_directories(other);
  // This process stands for a run still going: it holds the lock.
  const int fd = ::open((live / ".lock").c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
  EXPECT_EQ(RunCnbudget(Convert(f), "", f.log), kAllOk) << ReadFile(f.log);
  ::close(fd);
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(live / ".lock"));
  EXPECT_TRUE(fs::exists(other));
  // The run's own folder is gone too.
  for (const auto& entry : fs::directory_iterator(tmp)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("cnbudget-batch-", 0) == 0) ADD_FAILURE() << "left behind: " << name;
  }
}

TEST(BatchHostile, FileListNamesTheInputs) {
  const Folder f = OneDocument("files_from");
  WriteMinimalDocx(f.root / "elsewhere" / "b.docx", "b");
  const fs::path list = f.root / "list.txt";
  WriteBytes(list, (f.in / "a.docx").string() + "\r\n\n" +
                       (f.root / "elsewhere" / "b.docx").string() + "\n");
  EXPECT_EQ(RunCnbudget({"convert", "--files-from", list.string(), "--db", f.db.string()}, "",
                        f.log),
            kAllOk)
      << ReadFile(f.log);
  EXPECT_EQ(Query(f.db, "SELECT count(*) FROM documents"), (std::vector<std::string>{"2"}));
}

}  // namespace
}  // namespace cnbudget::testing_util
