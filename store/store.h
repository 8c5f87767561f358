// The SQLite database of a batch conversion.
//
// One process writes (the batch parent); each document is written in ONE
// transaction, so a crash or kill -9 at any moment leaves every document
// either fully present or absent, never half-written. The schema and the
// identity rules are in store/schema.cc and docs/database.md.
//
// Not thread-safe: use one Store from one thread. Never throws: failures
// return false and set *error.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json_fwd.hpp>

struct sqlite3;

namespace cnbudget::store {

// What the batch knows about one conversion besides the document itself.
struct ConversionRun {
  std::string path;          // the file as converted (absolute)
  std::string sha256;        // content hash; empty when the file was unreadable
  std::uint64_t bytes = 0;
  std::string started_at;    // ISO 8601 UTC, "2026-11-25T20:03:50Z"
  std::int64_t elapsed_ms = 0;
  std::string tool_version;
};

// The document row as written, for the batch summary.
struct WrittenDocument {
  std::int64_t id = 0;
  bool ok = false;            // status 'ok': no issue of severity error
  std::string error_code;     // first error issue's code when failed
  std::string error;          // and its message
  int pages = 0;              // 0 when unknown (DOCX)
  int n_tables = 0, n_records = 0, n_issues = 0, n_warnings = 0;
};

class Store {
 public:
  // Opens (creating when create is true) the database at path, switches it
  // to WAL and creates the schema. Returns null and sets *error on failure,
  // including a database written by an incompatible schema version.
  static std::unique_ptr<Store> Open(const std::string& path, bool create, std::string* error);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // sha256 -> status ("ok" | "failed") of every conversion made by
  // tool_version: what a resumed batch may skip.
  bool Converted(const std::string& tool_version,
                 std::unordered_map<std::string, std::string>* out, std::string* error);

  // Writes doc, a canonical JSON document (spec section 2), as one document
  // in one transaction. An earlier conversion of the same (sha256,
  // tool_version) is replaced (its other known paths are kept); older
  // conversions of the same content or the same path are marked superseded.
  // A document is 'failed' when it has an issue of severity error.
  bool WriteDocument(const ConversionRun& run, const nlohmann::json& doc, WrittenDocument* out,
                     std::string* error);

  // Records a conversion that produced no document (the worker crashed, hung,
  // ran out of memory): a 'failed' row with one error issue (code, message).
  bool WriteFailure(const ConversionRun& run, std::string_view code, std::string_view message,
                    WrittenDocument* out, std::string* error);

  // Notes that the content (sha256, tool_version) was also seen at path.
  // No-op when no such document exists.
  bool AddPath(const std::string& sha256, const std::string& tool_version,
               const std::string& path, std::string* error);

  sqlite3* handle() const { return db_; }

 private:
  struct Statements;
  explicit Store(sqlite3* db);
  bool Prepare(std::string* error);
  bool WriteDocumentInTransaction(const ConversionRun& run, const nlohmann::json& doc,
                                  WrittenDocument* out, std::string* error);

  sqlite3* db_;
  std::unique_ptr<Statements> statements_;
};

}  // namespace cnbudget::store
