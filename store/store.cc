#include "store/store.h"

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "store/analyst_columns.h"
#include "store/db_identity.h"
#include "store/schema.h"
#include "store/sqlite_util.h"

namespace cnbudget::store {
namespace {

using Json = nlohmann::json;

// Lenient readers: a field that is missing, null or of another type reads
// as absent, so a slightly off document is stored rather than rejected.
std::optional<std::string> Text(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<std::int64_t> Int(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<std::int64_t>();
}

const Json& Member(const Json& j, const char* key) {
  static const Json kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

const Json& ArrayMember(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  auto it = j.find(key);
  return (it == j.end() || !it->is_array()) ? kEmpty : *it;
}

// A table's doubts as "code,code", or absent when there are none.
std::optional<std::string> JoinedDoubts(const Json& table) {
  std::string joined;
  for (const Json& code : ArrayMember(table, "doubts")) {
    if (!code.is_string()) continue;
    if (!joined.empty()) joined += ',';
    joined += code.get<std::string>();
  }
  if (joined.empty()) return std::nullopt;
  return joined;
}

std::string JoinColumn(const Json& column) {
  std::string joined;
  for (const Json& part : column) {
    if (!part.is_string()) continue;
    if (!joined.empty()) joined += '/';
    joined += part.get<std::string>();
  }
  return joined;
}

class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {}
  ~Transaction() {
    if (open_) Exec(db_, "ROLLBACK", nullptr);
  }
  bool Begin(std::string* error) {
    // IMMEDIATE: take the write lock now, not halfway through the document.
    open_ = Exec(db_, "BEGIN IMMEDIATE", error);
    return open_;
  }
  bool Commit(std::string* error) {
    if (!Exec(db_, "COMMIT", error)) return false;
    open_ = false;
    return true;
  }

 private:
  sqlite3* db_;
  bool open_ = false;
};

}  // namespace

struct Store::Statements {
  Statement find_identity, find_unreadable, paths_of, delete_document, insert_document,
      supersede, insert_path, add_path, insert_table, insert_cell, insert_record, insert_issue,
      converted;

  // After an exception mid-document, so no stale binding leaks into the next one.
  void ResetAll() {
    for (Statement* st : {&find_identity, &find_unreadable, &paths_of, &delete_document,
                          &insert_document, &supersede, &insert_path, &add_path, &insert_table,
                          &insert_cell, &insert_record, &insert_issue, &converted}) {
      st->Reset();
    }
  }
};

Store::Store(sqlite3* db) : db_(db) {}

Store::~Store() {
  statements_.reset();  // finalize before closing
  sqlite3_close(db_);
}

std::unique_ptr<Store> Store::Open(const std::string& path, bool create, std::string* error) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    if (error) *error = "cannot open database " + path + ": " + sqlite3_errmsg(db);
    sqlite3_close(db);
    return nullptr;
  }
  std::unique_ptr<Store> store(new Store(db));
  sqlite3_busy_timeout(db, 10000);
  // Before the first write (even the WAL switch rewrites the header).
  std::string why;
  if (IdentifyDatabase(db, path, &why) == DbIdentity::kForeign) {
    if (error) *error = why;
    return nullptr;
  }
  // WAL: readers never block the writer; NORMAL sync is safe in WAL mode
  // (a power cut may lose the last commits, never corrupt the file).
  std::string message;
  if (!Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            &message) ||
      !Exec(db, "BEGIN IMMEDIATE", &message)) {
    if (error) *error = "cannot set up database " + path + ": " + message;
    return nullptr;
  }
  if (!Exec(db, SchemaSql(), &message) || !Exec(db, StampIdentitySql(), &message) ||
      !Exec(db,
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', '" +
                std::to_string(kSchemaVersion) + "')",
            &message) ||
      !Exec(db, "COMMIT", &message)) {
    Exec(db, "ROLLBACK", nullptr);
    if (error) *error = "cannot create the schema in " + path + ": " + message;
    return nullptr;
  }
  if (!store->Prepare(error)) return nullptr;
  return store;
}

bool Store::Prepare(std::string* error) {
  statements_ = std::make_unique<Statements>();
  Statements& s = *statements_;
  s.find_identity = Statement(db_, "SELECT id FROM documents WHERE sha256 = ?1 AND tool_version = ?2");
  s.find_unreadable = Statement(db_, "SELECT id FROM documents WHERE sha256 = '' AND path = ?1");
  s.paths_of = Statement(db_, "SELECT path FROM document_paths WHERE document_id = ?1");
  s.delete_document = Statement(db_, "DELETE FROM documents WHERE id = ?1");
  s.insert_document = Statement(db_,
      "INSERT INTO documents (path, sha256, format, pages, bytes, unit, year, kind, "
      "currency_unit, published, status, error_code, error, n_tables, n_records, n_issues, "
      "n_warnings, started_at, elapsed_ms, tool_version, family, scope, unit_key) VALUES "
      "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
      "?22, ?23)");
  s.supersede = Statement(db_,
      "UPDATE documents SET superseded = 1 WHERE id <> ?1 AND superseded = 0 "
      "AND ((sha256 = ?2 AND sha256 <> '') OR path = ?3)");
  s.insert_path = Statement(db_,
      "INSERT OR IGNORE INTO document_paths (document_id, path) VALUES (?1, ?2)");
  s.add_path = Statement(db_,
      "INSERT OR IGNORE INTO document_paths (document_id, path) "
      "SELECT id, ?3 FROM documents WHERE sha256 = ?1 AND tool_version = ?2");
  s.insert_table = Statement(db_,
      "INSERT INTO tables (document_id, table_index, number, title, standard, unit, compiler, "
      "page_first, page_last, n_rows, n_cols, header_rows, n_cells, n_records, verified, doubts, "
      "stage, coverage) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
      "?18)");
  s.insert_cell = Statement(db_,
      "INSERT INTO cells (table_id, r, c, rs, cs, raw, text, value, page, x0, y0, x1, y1) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  s.insert_record = Statement(db_,
      "INSERT INTO records (table_id, r, c, code, class, kind, item, name, project, label, "
      "column_path, column_joined, measure, value, unit, money_unit, value_fen, label_clean) VALUES "
      "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
  s.insert_issue = Statement(db_,
      "INSERT INTO issues (document_id, severity, code, table_index, r, c, message, expected, "
      "found, page, x0, y0, x1, y1, difference, rounding) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
      "?10, ?11, ?12, ?13, ?14, ?15, ?16)");
  s.converted = Statement(db_,
      "SELECT sha256, status FROM documents WHERE tool_version = ?1 AND sha256 <> ''");
  for (const Statement* st :
       {&s.find_identity, &s.find_unreadable, &s.paths_of, &s.delete_document, &s.insert_document,
        &s.supersede, &s.insert_path, &s.add_path, &s.insert_table, &s.insert_cell,
        &s.insert_record, &s.insert_issue, &s.converted}) {
    if (!st->ok()) {
      if (error) *error = ErrorOf(db_, "cannot prepare statement");
      return false;
    }
  }
  return true;
}

bool Store::Converted(const std::string& tool_version,
                      std::unordered_map<std::string, std::string>* out, std::string* error) {
  Statement& st = statements_->converted;
  st.BindText(1, tool_version);
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) (*out)[st.ColumnText(0)] = st.ColumnText(1);
  st.Reset();
  if (rc != SQLITE_DONE) {
    if (error) *error = ErrorOf(db_, "cannot read converted documents");
    return false;
  }
  return true;
}

bool Store::WriteDocument(const ConversionRun& run, const Json& doc, WrittenDocument* out,
                          std::string* error) {
  if (!doc.is_object()) {
    if (error) *error = "document JSON is not an object";
    return false;
  }
  Transaction transaction(db_);
  if (!transaction.Begin(error)) return false;
  try {
    if (!WriteDocumentInTransaction(run, doc, out, error)) return false;
  } catch (const Json::exception& e) {
    statements_->ResetAll();
    if (error) *error = std::string("malformed document JSON: ") + e.what();
    return false;
  }
  return transaction.Commit(error);
}

bool Store::WriteFailure(const ConversionRun& run, std::string_view code, std::string_view message,
                         WrittenDocument* out, std::string* error) {
  Json issue = {{"severity", "error"}, {"code", code}, {"message", message}};
  Json doc = {{"source", {{"path", run.path}, {"sha256", run.sha256}, {"bytes", run.bytes}}},
              {"document", Json::object()},
              {"tables", Json::array()},
              {"issues", Json::array({issue})}};
  return WriteDocument(run, doc, out, error);
}

bool Store::AddPath(const std::string& sha256, const std::string& tool_version,
                    const std::string& path, std::string* error) {
  Statement& st = statements_->add_path;
  st.BindText(1, sha256);
  st.BindText(2, tool_version);
  st.BindText(3, path);
  if (!st.Run()) {
    if (error) *error = ErrorOf(db_, "cannot record path");
    return false;
  }
  return true;
}

namespace {

// Counts of a document's content, computed before the row is inserted.
struct Summary {
  std::int64_t n_tables = 0, n_records = 0, n_issues = 0, n_warnings = 0;
  const Json* first_error = nullptr;
};

Summary Summarize(const Json& doc) {
  Summary s;
  const Json& tables = ArrayMember(doc, "tables");
  s.n_tables = static_cast<std::int64_t>(tables.size());
  for (const Json& t : tables) s.n_records += static_cast<std::int64_t>(ArrayMember(t, "records").size());
  for (const Json& i : ArrayMember(doc, "issues")) {
    ++s.n_issues;
    const auto severity = Text(i, "severity");
    if (severity == "warning") ++s.n_warnings;
    if (severity == "error" && s.first_error == nullptr) s.first_error = &i;
  }
  return s;
}

}  // namespace

bool Store::WriteDocumentInTransaction(const ConversionRun& run, const Json& doc,
                                       WrittenDocument* out, std::string* error) {
  Statements& s = *statements_;
  auto fail = [&](const char* what) {
    if (error) *error = ErrorOf(db_, what);
    return false;
  };

  // 1. Replace an earlier conversion of the same identity, keeping its paths.
  std::vector<std::string> known_paths;
  Statement& find = run.sha256.empty() ? s.find_unreadable : s.find_identity;
  if (run.sha256.empty()) {
    find.BindText(1, run.path);
  } else {
    find.BindText(1, run.sha256);
    find.BindText(2, run.tool_version);
  }
  std::vector<std::int64_t> old_ids;
  while (find.Step() == SQLITE_ROW) old_ids.push_back(find.ColumnInt(0));
  find.Reset();
  for (std::int64_t old_id : old_ids) {
    s.paths_of.BindInt(1, old_id);
    while (s.paths_of.Step() == SQLITE_ROW) known_paths.push_back(s.paths_of.ColumnText(0));
    s.paths_of.Reset();
    s.delete_document.BindInt(1, old_id);
    if (!s.delete_document.Run()) return fail("cannot replace document");
  }

  // 2. The document row.
  const Json& source = Member(doc, "source");
  const Json& meta = Member(doc, "document");
  const Summary summary = Summarize(doc);
  const bool ok = summary.first_error == nullptr;
  Statement& ins = s.insert_document;
  ins.BindText(1, run.path);
  ins.BindText(2, run.sha256);
  ins.BindOptionalText(3, Text(source, "format"));
  ins.BindOptionalInt(4, Int(source, "pages"));
  ins.BindInt(5, static_cast<std::int64_t>(run.bytes));
  ins.BindOptionalText(6, Text(meta, "unit"));
  ins.BindOptionalInt(7, Int(meta, "year"));
  ins.BindOptionalText(8, Text(meta, "kind"));
  ins.BindOptionalText(9, Text(meta, "currency_unit"));
  ins.BindOptionalText(10, Text(meta, "published"));
  ins.BindText(11, ok ? "ok" : "failed");
  if (!ok) {
    ins.BindOptionalText(12, Text(*summary.first_error, "code"));
    ins.BindOptionalText(13, Text(*summary.first_error, "message"));
  }
  ins.BindInt(14, summary.n_tables);
  ins.BindInt(15, summary.n_records);
  ins.BindInt(16, summary.n_issues);
  ins.BindInt(17, summary.n_warnings);
  ins.BindText(18, run.started_at);
  ins.BindInt(19, run.elapsed_ms);
  ins.BindText(20, run.tool_version);
  ins.BindOptionalText(21, Text(meta, "family"));
  ins.BindOptionalText(22, Text(meta, "scope"));
  if (std::optional<std::string> unit = Text(meta, "unit")) ins.BindText(23, UnitKey(*unit));
  if (!ins.Run()) return fail("cannot insert document");
  const std::int64_t id = sqlite3_last_insert_rowid(db_);

  s.supersede.BindInt(1, id);
  s.supersede.BindText(2, run.sha256);
  s.supersede.BindText(3, run.path);
  if (!s.supersede.Run()) return fail("cannot mark superseded documents");

  known_paths.push_back(run.path);
  for (const std::string& path : known_paths) {
    s.insert_path.BindInt(1, id);
    s.insert_path.BindText(2, path);
    if (!s.insert_path.Run()) return fail("cannot insert document path");
  }

  // 3. Tables with their cells and records.
  for (const Json& t : ArrayMember(doc, "tables")) {
    const Json& cells = ArrayMember(t, "cells");
    const Json& records = ArrayMember(t, "records");
    const Json& pages = Member(t, "pages");
    Statement& st = s.insert_table;
    st.BindInt(1, id);
    st.BindInt(2, Int(t, "index").value_or(0));
    st.BindOptionalInt(3, Int(t, "number"));
    st.BindOptionalText(4, Text(t, "title"));
    st.BindOptionalText(5, Text(t, "standard"));
    st.BindOptionalText(6, Text(t, "unit"));
    st.BindOptionalText(7, Text(t, "compiler"));
    if (pages.is_array() && pages.size() == 2 && pages[0].is_number_integer() &&
        pages[1].is_number_integer()) {
      st.BindInt(8, pages[0].get<std::int64_t>());
      st.BindInt(9, pages[1].get<std::int64_t>());
    }
    st.BindInt(10, Int(t, "n_rows").value_or(0));
    st.BindInt(11, Int(t, "n_cols").value_or(0));
    st.BindInt(12, Int(t, "header_rows").value_or(0));
    st.BindInt(13, static_cast<std::int64_t>(cells.size()));
    st.BindInt(14, static_cast<std::int64_t>(records.size()));
    const Json& verified = Member(t, "verified");
    if (verified.is_boolean()) st.BindInt(15, verified.get<bool>() ? 1 : 0);
    st.BindOptionalText(16, JoinedDoubts(t));
    st.BindOptionalText(17, Text(t, "stage"));
    st.BindOptionalText(18, Text(t, "coverage"));
    if (!st.Run()) return fail("cannot insert table");
    const std::int64_t table_id = sqlite3_last_insert_rowid(db_);

    for (const Json& c : cells) {
      Statement& sc = s.insert_cell;
      sc.BindInt(1, table_id);
      sc.BindInt(2, Int(c, "r").value_or(0));
      sc.BindInt(3, Int(c, "c").value_or(0));
      sc.BindInt(4, Int(c, "rs").value_or(1));
      sc.BindInt(5, Int(c, "cs").value_or(1));
      sc.BindText(6, Text(c, "raw").value_or(std::string()));
      sc.BindText(7, Text(c, "text").value_or(std::string()));
      sc.BindOptionalText(8, Text(c, "value"));
      sc.BindOptionalInt(9, Int(c, "page"));
      const Json& bbox = Member(c, "bbox");
      if (bbox.is_array() && bbox.size() == 4) {
        for (int k = 0; k < 4; ++k) {
          if (bbox[k].is_number()) sqlite3_bind_double(sc.get(), 10 + k, bbox[k].get<double>());
        }
      }
      if (!sc.Run()) return fail("cannot insert cell");
    }

    for (const Json& r : records) {
      const Json& row = Member(r, "row");
      const Json& column = ArrayMember(r, "column");
      Statement& sr = s.insert_record;
      sr.BindInt(1, table_id);
      sr.BindInt(2, Int(r, "r").value_or(0));
      sr.BindInt(3, Int(r, "c").value_or(0));
      int k = 4;
      for (const char* key : {"code", "class", "kind", "item", "name", "project", "label"}) {
        sr.BindOptionalText(k++, Text(row, key));
      }
      sr.BindText(11, column.dump(-1, ' ', false, Json::error_handler_t::replace));
      sr.BindText(12, JoinColumn(column));
      sr.BindOptionalText(13, Text(r, "measure"));
      sr.BindText(14, Text(r, "value").value_or(std::string()));
      sr.BindOptionalText(15, Text(r, "unit"));
      std::optional<std::string> money_unit = Text(r, "unit");
      if (!money_unit) money_unit = Text(t, "unit");
      if (!money_unit) money_unit = Text(meta, "currency_unit");
      sr.BindOptionalText(16, money_unit);
      if (money_unit)
        sr.BindOptionalInt(17, ValueInFen(Text(r, "value").value_or(std::string()), *money_unit));
      sr.BindOptionalText(18, Text(row, "label_clean"));
      if (!sr.Run()) return fail("cannot insert record");
    }
  }

  // 4. Issues.
  for (const Json& i : ArrayMember(doc, "issues")) {
    Statement& si = s.insert_issue;
    si.BindInt(1, id);
    si.BindText(2, Text(i, "severity").value_or("info"));
    si.BindText(3, Text(i, "code").value_or(std::string()));
    si.BindOptionalInt(4, Int(i, "table"));
    si.BindOptionalInt(5, Int(i, "r"));
    si.BindOptionalInt(6, Int(i, "c"));
    si.BindText(7, Text(i, "message").value_or(std::string()));
    si.BindOptionalText(8, Text(i, "expected"));
    si.BindOptionalText(9, Text(i, "found"));
    si.BindOptionalInt(10, Int(i, "page"));
    const Json& bbox = Member(i, "bbox");
    if (bbox.is_array() && bbox.size() == 4)
      for (int k = 0; k < 4; ++k)
        if (bbox[k].is_number()) sqlite3_bind_double(si.get(), 11 + k, bbox[k].get<double>());
    si.BindOptionalText(15, Text(i, "difference"));
    if (const Json& rounding = Member(i, "rounding"); rounding.is_boolean()) si.BindInt(16, rounding.get<bool>());
    if (!si.Run()) return fail("cannot insert issue");
  }

  if (out) {
    out->id = id;
    out->ok = ok;
    out->error_code = ok ? "" : Text(*summary.first_error, "code").value_or("");
    out->error = ok ? "" : Text(*summary.first_error, "message").value_or("");
    out->pages = static_cast<int>(Int(source, "pages").value_or(0));
    out->n_tables = static_cast<int>(summary.n_tables);
    out->n_records = static_cast<int>(summary.n_records);
    out->n_issues = static_cast<int>(summary.n_issues);
    out->n_warnings = static_cast<int>(summary.n_warnings);
  }
  return true;
}

}  // namespace cnbudget::store
