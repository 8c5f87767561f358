// Runs `cnbudget convert` / `export` on folders the tests write themselves.
//
// The extractors may answer any valid file with an error while they are
// being written, so these tests assert the batch's behaviour (every input
// answered exactly once, failures recorded with their reason, resume, exit
// status), not extraction quality.
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "tests/batch/batch_test_util.h"

namespace cnbudget::testing_util {
namespace {

constexpr int kAllOk = 0;
constexpr int kSomeFailed = 3;

std::string One(const fs::path& db, const std::string& sql) {
  const auto rows = Query(db, sql);
  return rows.size() == 1 ? rows[0] : "<" + std::to_string(rows.size()) + " rows>";
}

// Good and bad inputs side by side, plus a file that is not a document.
struct MixedFolder {
  fs::path dir, db, log;
  int documents = 0;  // distinct contents among the PDF/DOCX files
};

MixedFolder MakeMixedFolder(const std::string& name) {
  MixedFolder f;
  const fs::path root = FreshDir(name);
  f.dir = root / "in";
  f.db = root / "out.sqlite";
  f.log = root / "log.txt";
  WriteMinimalDocx(f.dir / "good" / "minimal.docx", "one");
  WriteMinimalDocx(f.dir / "good" / "Upper.DOCX", "two");
  WriteBytes(f.dir / "bad" / "zero.pdf", "");
  WriteBytes(f.dir / "bad" / "random.docx", std::string("\x13\x37 random bytes \xff\xfe", 19));
  WriteBytes(f.dir / "bad" / "truncated.pdf", "%PDF-1.7\n1 0 obj\n<< /Type /Cat");
  WriteBytes(f.dir / "hooks" / "crash_me.pdf", "%PDF-1.4 crash\n");
  WriteBytes(f.dir / "hooks" / "hang_me.pdf", "%PDF-1.4 hang\n");
  WriteBytes(f.dir / "notes.txt", "not a document\n");
  f.documents = 7;
  return f;
}

const char kHook[] = "crash:crash_me|hang:hang_me";

std::vector<std::string> ConvertArgs(const MixedFolder& f, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"convert", f.dir.string(), "--db", f.db.string(),
                                   "--jobs", "2", "--timeout", "3"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

TEST(BatchCliTest, RecordsEveryInputOnceWithItsFailureReason) {
  const MixedFolder f = MakeMixedFolder("mixed");
  const fs::path json = f.dir.parent_path() / "json";
  EXPECT_EQ(RunCnbudget(ConvertArgs(f, {"--json-dir", json.string()}), kHook, f.log),
            kSomeFailed)
      << ReadFile(f.log);

  EXPECT_EQ(One(f.db, "SELECT count(*), count(DISTINCT sha256) FROM documents"),
            std::to_string(f.documents) + "|" + std::to_string(f.documents));
  EXPECT_EQ(One(f.db, "SELECT count(*) FROM documents WHERE path LIKE '%notes.txt'"), "0");
  EXPECT_EQ(One(f.db, "SELECT status, error_code, error FROM documents "
                      "WHERE path LIKE '%crash_me.pdf'"),
            "failed|worker_crashed|worker killed by signal 11 (SIGSEGV)");
  EXPECT_EQ(One(f.db, "SELECT status, error_code, error FROM documents "
                      "WHERE path LIKE '%hang_me.pdf'"),
            "failed|timeout|timed out after 3 s");
  // Every bad input is failed with a reason, also recorded as an issue.
  for (const char* bad : {"zero.pdf", "random.docx", "truncated.pdf"}) {
    EXPECT_EQ(One(f.db, std::string("SELECT status, error <> '', n_issues > 0 FROM documents "
                                     "WHERE path LIKE '%/") + bad + "'"),
              "failed|1|1")
        << bad;
  }
  EXPECT_EQ(One(f.db, "SELECT count(*) FROM documents d WHERE status = 'failed' AND NOT EXISTS "
                      "(SELECT 1 FROM issues i WHERE i.document_id = d.id "
                      "AND i.severity = 'error')"),
            "0");
  const std::string log = ReadFile(f.log);
  EXPECT_NE(log.find("notes.txt"), std::string::npos) << log;
  EXPECT_NE(log.find("worker_crashed 1"), std::string::npos) << log;
  EXPECT_NE(log.find("timeout 1"), std::string::npos) << log;
  EXPECT_EQ(One(f.db, "PRAGMA integrity_check"), "ok");
  // --json-dir mirrors the folder, with an answer also for a crashed worker.
  EXPECT_NE(ReadFile(json / "good" / "minimal.docx.json").find("\"schema\""), std::string::npos);
  EXPECT_NE(ReadFile(json / "hooks" / "crash_me.pdf.json").find("worker_crashed"),
            std::string::npos);
  EXPECT_FALSE(fs::exists(json / "notes.txt.json"));
}

TEST(BatchCliTest, ResumeSkipsDoneDocumentsAndNoResumeDoesNotDuplicate) {
  const MixedFolder f = MakeMixedFolder("resume");
  // No hang hook here: this test is about identity, not time limits.
  RunCnbudget(ConvertArgs(f), "crash:crash_me", f.log);
  const auto first = Query(f.db, "SELECT id, sha256 FROM documents ORDER BY id");
  ASSERT_EQ(first.size(), static_cast<size_t>(f.documents));

  const fs::path log2 = f.log.string() + ".2";
  EXPECT_EQ(RunCnbudget(ConvertArgs(f), "crash:crash_me", log2), kSomeFailed);
  EXPECT_EQ(Query(f.db, "SELECT id, sha256 FROM documents ORDER BY id"), first);
  EXPECT_NE(ReadFile(log2).find("already done: 7"), std::string::npos) << ReadFile(log2);

  // --no-resume converts again and replaces, never duplicates; without the
  // hook the crash file now gets the extractor's own answer.
  RunCnbudget(ConvertArgs(f, {"--no-resume"}), "", f.log);
  EXPECT_EQ(One(f.db, "SELECT count(*), count(DISTINCT sha256), sum(superseded) FROM documents"),
            std::to_string(f.documents) + "|" + std::to_string(f.documents) + "|0");
  EXPECT_EQ(One(f.db, "SELECT count(*) FROM documents WHERE error_code = 'worker_crashed'"), "0");
}

TEST(BatchCliTest, ChangedFileIsANewDocumentAndTheOldOneIsSuperseded) {
  const fs::path root = FreshDir("changed");
  const fs::path file = root / "in" / "a.pdf", db = root / "out.sqlite", log = root / "log";
  WriteBytes(file, "%PDF-1.4 first version\n");
  const std::vector<std::string> args = {"convert", file.string(), "--db", db.string()};
  RunCnbudget(args, "", log);
  WriteBytes(file, "%PDF-1.4 second version\n");
  RunCnbudget(args, "", log);
  EXPECT_EQ(Query(db, "SELECT superseded FROM documents ORDER BY id"),
            (std::vector<std::string>{"1", "0"}));
  EXPECT_EQ(One(db, "SELECT count(DISTINCT sha256) FROM documents"), "2");
}

TEST(BatchCliTest, IdenticalCopiesAreOneDocumentWithBothPaths) {
  const fs::path root = FreshDir("copies");
  const fs::path db = root / "out.sqlite", log = root / "log";
  WriteMinimalDocx(root / "in" / "a.docx", "same");
  fs::copy_file(root / "in" / "a.docx", root / "in" / "b.docx");
  RunCnbudget({"convert", (root / "in").string(), "--db", db.string()}, "", log);
  EXPECT_EQ(One(db, "SELECT count(*) FROM documents"), "1");
  EXPECT_EQ(One(db, "SELECT count(*) FROM document_paths"), "2");
}

TEST(BatchCliTest, OutOfMemoryIsRecordedAsSuch) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer builds run workers without an address-space limit";
#endif
  const fs::path root = FreshDir("oom");
  const fs::path file = root / "in" / "big_oom.pdf", db = root / "out.sqlite", log = root / "log";
  WriteBytes(file, "%PDF-1.4 memory\n");
  EXPECT_EQ(RunCnbudget({"convert", file.string(), "--db", db.string(), "--max-memory", "300"},
                        "oom:big_oom", log),
            kSomeFailed)
      << ReadFile(log);
  EXPECT_EQ(One(db, "SELECT error_code, error FROM documents"),
            "out_of_memory|out of memory (limit 300 MB)");
}

TEST(BatchCliTest, MissingInputIsAnsweredAndEmptyRunIsOk) {
  const fs::path root = FreshDir("missing");
  const fs::path db = root / "out.sqlite", log = root / "log";
  EXPECT_EQ(RunCnbudget({"convert", (root / "nope.pdf").string(), "--db", db.string()}, "", log),
            kSomeFailed);
  EXPECT_EQ(One(db, "SELECT status, error_code, error FROM documents"),
            "failed|unreadable_file|no such file");
  fs::create_directories(root / "empty");
  const fs::path db2 = root / "empty.sqlite";
  EXPECT_EQ(RunCnbudget({"convert", (root / "empty").string(), "--db", db2.string()}, "", log),
            kAllOk);
}

TEST(BatchCliTest, KilledBatchResumesToExactlyOnce) {
  const fs::path root = FreshDir("killed");
  const fs::path dir = root / "in", db = root / "out.sqlite", log = root / "log";
  constexpr int kFiles = 40;
  for (int i = 0; i < kFiles; ++i)
    WriteBytes(dir / ("slow_" + std::to_string(i) + ".pdf"), "%PDF-1.4 file " + std::to_string(i));
  const std::vector<std::string> args = {"convert", dir.string(), "--db", db.string(), "--jobs",
                                         "2"};
  const pid_t pid = StartCnbudget(args, "slow:slow_:200ms", log);
  ASSERT_GT(pid, 0);
  // Kill it once some documents are in, whatever the machine's speed.
  for (int waited = 0; waited < 400; ++waited) {
    const auto count = Query(db, "SELECT count(*) FROM documents", /*quiet=*/true);
    if (count.size() == 1 && std::atoi(count[0].c_str()) >= 6) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  kill(pid, SIGKILL);
  EXPECT_EQ(WaitFor(pid), 128 + SIGKILL);
  const int before = std::atoi(One(db, "SELECT count(*) FROM documents").c_str());
  EXPECT_LT(before, kFiles) << "the batch finished before it was killed";

  RunCnbudget(args, "", log);
  EXPECT_EQ(One(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(One(db, "SELECT count(*), count(DISTINCT sha256), count(DISTINCT path) "
                    "FROM documents"),
            "40|40|40");
  EXPECT_EQ(One(db, "SELECT count(*) FROM document_paths"), "40");
}

TEST(BatchCliTest, TerminatedBatchStopsCleanlyAndResumes) {
  const fs::path root = FreshDir("terminated");
  const fs::path dir = root / "in", db = root / "out.sqlite", log = root / "log";
  constexpr int kFiles = 12;
  for (int i = 0; i < kFiles; ++i)
    WriteBytes(dir / ("slow_" + std::to_string(i) + ".pdf"), "%PDF-1.4 term " + std::to_string(i));
  const std::vector<std::string> args = {"convert", dir.string(), "--db", db.string(), "--jobs",
                                         "2"};
  const pid_t pid = StartCnbudget(args, "slow:slow_:300ms", log);
  ASSERT_GT(pid, 0);
  for (int waited = 0; waited < 400; ++waited) {
    const auto count = Query(db, "SELECT count(*) FROM documents", /*quiet=*/true);
    if (count.size() == 1 && std::atoi(count[0].c_str()) >= 2) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  kill(pid, SIGTERM);
  EXPECT_EQ(WaitFor(pid), 130) << ReadFile(log);
  EXPECT_NE(ReadFile(log).find("run again to resume"), std::string::npos) << ReadFile(log);
  // The workers running at the time are not recorded as crashed.
  EXPECT_EQ(One(db, "SELECT count(*) FROM documents WHERE error_code = 'worker_crashed'"), "0");
  RunCnbudget(args, "", log);
  EXPECT_EQ(One(db, "SELECT count(*), count(DISTINCT sha256) FROM documents"), "12|12");
}

TEST(BatchCliTest, ExportWritesBomAndQuotedCsv) {
  const fs::path root = FreshDir("export");
  const fs::path db = root / "out.sqlite", log = root / "log", csv = root / "csv";
  WriteBytes(root / "in" / "a, \"quoted\".pdf", "%PDF-1.4 x\n");
  RunCnbudget({"convert", (root / "in").string(), "--db", db.string()}, "", log);
  ASSERT_EQ(RunCnbudget({"export", "--db", db.string(), "--csv", csv.string()}, "", log), 0)
      << ReadFile(log);
  for (const char* name : {"documents.csv", "tables.csv", "records.csv", "issues.csv"}) {
    const std::string text = ReadFile(csv / name);
    ASSERT_GE(text.size(), 3u) << name;
    EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF") << name;
    EXPECT_NE(text.find("\r\n"), std::string::npos) << name;
  }
  const std::string documents = ReadFile(csv / "documents.csv");
  EXPECT_NE(documents.find("a, \"\"quoted\"\".pdf\""), std::string::npos) << documents;
  EXPECT_EQ(documents.find("\xEF\xBB\xBFid,path,sha256"), 0u) << documents.substr(0, 40);
  EXPECT_NE(ReadFile(csv / "issues.csv").find("document_id,path"), std::string::npos);
  EXPECT_NE(RunCnbudget({"export", "--db", (root / "absent.sqlite").string(), "--csv",
                         csv.string()},
                        "", log),
            0);
}

TEST(BatchCliTest, ExportPerTableWritesEachTablesGrid) {
  const fs::path root = FreshDir("export_per_table");
  const fs::path db = root / "out.sqlite", log = root / "log", csv = root / "csv";
  RunCnbudget({"convert", CNBUDGET_SOURCE_DIR "/fixtures/sample_budget.docx", "--db", db.string()},
              "", log);
  ASSERT_EQ(RunCnbudget({"export", "--db", db.string(), "--csv", csv.string(), "--per-table"},
                        "", log),
            0)
      << ReadFile(log);
  const std::string id = One(db, "SELECT id FROM documents");
  const std::string n_tables = One(db, "SELECT count(*) FROM tables");
  ASSERT_EQ(n_tables, "3");
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(csv / "tables")) files += entry.path().extension() == ".csv";
  EXPECT_EQ(std::to_string(files), n_tables);
  // The summary table as printed: header rows, then the first body row.
  const std::string summary = ReadFile(csv / "tables" / (id + "-0.csv"));
  EXPECT_EQ(summary.find("\xEF\xBB\xBF收入,,支出,\r\n项目,预算数,项目,预算数\r\n"
                         "一、一般公共预算拨款收入,1229.70,一、社会保障和就业支出,180.50\r\n"),
            0u)
      << summary.substr(0, 200);
  // Without the flag no table files are written.
  const fs::path plain = root / "plain";
  ASSERT_EQ(RunCnbudget({"export", "--db", db.string(), "--csv", plain.string()}, "", log), 0);
  EXPECT_FALSE(fs::exists(plain / "tables"));
}

}  // namespace
}  // namespace cnbudget::testing_util
