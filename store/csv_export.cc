#include "store/csv_export.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <vector>

#include <sqlite3.h>

#include "store/sqlite_util.h"

namespace cnbudget::store {
namespace {

namespace fs = std::filesystem;

// Renames a finished temporary file over path: readers never see half a file.
bool MoveIntoPlace(const fs::path& tmp, const fs::path& path, std::string* error) {
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (!ec) return true;
  if (error) *error = "cannot rename " + tmp.string() + ": " + ec.message();
  return false;
}

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
    {"facts.csv",
     "SELECT f.*, s.same_as FROM facts f LEFT JOIN same_as s USING (document_id) "
     "ORDER BY f.unit_key, f.year, f.kind, f.document_id, f.fact"},
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
  return MoveIntoPlace(tmp, path, error);
}

using Grid = std::vector<std::vector<std::string>>;

// Writes rows to path through a temporary sibling, with the byte-order mark
// and CRLF line ends of every export file.
bool WriteGrid(const Grid& rows, const fs::path& path, std::string* error) {
  const fs::path tmp = path.string() + ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) {
    if (error) *error = "cannot open " + tmp.string() + " for writing";
    return false;
  }
  out << "\xEF\xBB\xBF";
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << CsvTextField(row[i]);
    out << "\r\n";
  }
  out.close();
  if (!out) {
    if (error) *error = "cannot write " + tmp.string();
    std::remove(tmp.c_str());
    return false;
  }
  return MoveIntoPlace(tmp, path, error);
}

// The printed grid of one table: each cell's text at its top-left position.
bool ReadGrid(sqlite3* db, std::int64_t table_id, int n_rows, int n_cols, Grid* grid,
              std::string* error) {
  grid->assign(static_cast<std::size_t>(n_rows), std::vector<std::string>(n_cols));
  Statement st(db, "SELECT r, c, text FROM cells WHERE table_id = ? ORDER BY r, c");
  if (!st.ok()) {
    if (error) *error = ErrorOf(db, "cannot query cells");
    return false;
  }
  st.BindInt(1, table_id);
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    const std::int64_t r = st.ColumnInt(0), c = st.ColumnInt(1);
    if (r < 0 || c < 0 || r >= n_rows || c >= n_cols) continue;  // outside the declared size
    (*grid)[r][c] = st.ColumnText(2);
  }
  if (rc != SQLITE_DONE) {
    if (error) *error = ErrorOf(db, "cannot read cells");
    return false;
  }
  return true;
}

bool WriteTables(sqlite3* db, const fs::path& dir, std::string* error) {
  Statement st(db,
               "SELECT t.id, d.id, t.table_index, t.n_rows, t.n_cols FROM tables t "
               "JOIN documents d ON d.id = t.document_id WHERE d.superseded = 0 "
               "ORDER BY d.id, t.table_index");
  if (!st.ok()) {
    if (error) *error = ErrorOf(db, "cannot query tables");
    return false;
  }
  int rc;
  Grid grid;
  while ((rc = st.Step()) == SQLITE_ROW) {
    const std::string name =
        std::to_string(st.ColumnInt(1)) + "-" + std::to_string(st.ColumnInt(2)) + ".csv";
    if (!ReadGrid(db, st.ColumnInt(0), static_cast<int>(st.ColumnInt(3)),
                  static_cast<int>(st.ColumnInt(4)), &grid, error) ||
        !WriteGrid(grid, dir / name, error)) {
      return false;
    }
  }
  if (rc != SQLITE_DONE) {
    if (error) *error = ErrorOf(db, "cannot read tables");
    return false;
  }
  return true;
}

}  // namespace

std::string CsvTextField(const std::string& text) {
  const bool leading_zero_digits =
      text.size() > 1 && text[0] == '0' &&
      text.find_first_not_of("0123456789") == std::string::npos;
  return leading_zero_digits ? "=\"" + text + "\"" : CsvField(text);
}

bool ExportPerTableCsv(sqlite3* db, const std::string& dir, std::string* error) {
  const fs::path tables_dir = fs::path(dir) / "tables";
  std::error_code ec;
  fs::create_directories(tables_dir, ec);
  if (ec) {
    if (error) *error = "cannot create " + tables_dir.string() + ": " + ec.message();
    return false;
  }
  if (!Exec(db, "BEGIN", error)) return false;
  const bool ok = WriteTables(db, tables_dir, error);
  Exec(db, "COMMIT", nullptr);
  return ok;
}

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
