#include "store/csv_export.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <sqlite3.h>

#include "store/sqlite_util.h"

namespace cnbudget::store {
namespace {

namespace fs = std::filesystem;

struct CsvFile {
  const char* name;
  const char* query;
};

constexpr CsvFile kFiles[] = {
    {"documents.csv", "SELECT * FROM documents ORDER BY id"},
    {"tables.csv",
     "SELECT d.id AS document_id, d.path, d.unit AS document_unit, d.year, "
     "d.kind AS document_kind, t.table_index, t.number, t.title, t.standard, t.unit, "
     "t.compiler, t.page_first, t.page_last, t.n_rows, t.n_cols, t.header_rows, t.n_cells, "
     "t.n_records, t.stage, t.verified, t.doubts FROM tables t JOIN documents d ON d.id = t.document_id "
     "WHERE d.superseded = 0 ORDER BY d.id, t.table_index"},
    {"records.csv", "SELECT * FROM records_flat ORDER BY document_id, table_index, r, c"},
    {"issues.csv", "SELECT * FROM issues_flat ORDER BY document_id"},
    {"facts.csv", "SELECT * FROM facts ORDER BY unit_key, year, kind, document_id, fact"},
};

bool WriteQuery(sqlite3* db, const char* query, const fs::path& path, std::string* error) {
  Statement st(db, query);
  if (!st.ok()) {
    if (error) *error = ErrorOf(db, "cannot query for " + path.filename().string());
    return false;
  }
  const fs::path tmp = path.string() + ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) {
    if (error) *error = "cannot open " + tmp.string() + " for writing";
    return false;
  }
  out << "\xEF\xBB\xBF";
  const int n = st.ColumnCount();
  for (int i = 0; i < n; ++i) out << (i ? "," : "") << CsvField(st.ColumnName(i));
  out << "\r\n";
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    for (int i = 0; i < n; ++i) {
      if (i) out << ',';
      if (!st.ColumnIsNull(i)) out << CsvField(st.ColumnText(i));
    }
    out << "\r\n";
  }
  out.close();
  if (rc != SQLITE_DONE || !out) {
    if (error) {
      *error = rc != SQLITE_DONE ? ErrorOf(db, "cannot read rows for " + path.filename().string())
                                 : "cannot write " + tmp.string();
    }
    std::remove(tmp.c_str());
    return false;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    if (error) *error = "cannot rename " + tmp.string() + ": " + ec.message();
    return false;
  }
  return true;
}

}  // namespace

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char ch : text) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  quoted += '"';
  return quoted;
}

bool ExportCsv(sqlite3* db, const std::string& dir, std::string* error) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    if (error) *error = "cannot create " + dir + ": " + ec.message();
    return false;
  }
  // One read transaction: the four files show the same state of the database
  // even while a batch is writing to it.
  if (!Exec(db, "BEGIN", error)) return false;
  bool ok = true;
  for (const CsvFile& f : kFiles) {
    if (!WriteQuery(db, f.query, fs::path(dir) / f.name, error)) {
      ok = false;
      break;
    }
  }
  Exec(db, "COMMIT", nullptr);
  return ok;
}

}  // namespace cnbudget::store
