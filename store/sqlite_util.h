// Small RAII helpers over the SQLite C API, internal to store/.
//
// Errors are returned, never thrown: every call that can fail returns false
// (or SQLITE_* codes) and the message is read from the connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

namespace cnbudget::store {

// A prepared statement, finalized on destruction. Bind indexes are 1-based.
class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;

  bool ok() const { return stmt_ != nullptr; }
  sqlite3_stmt* get() const { return stmt_; }

  void BindNull(int i);
  void BindInt(int i, std::int64_t v);
  void BindText(int i, std::string_view v);
  void BindOptionalText(int i, const std::optional<std::string>& v);  // null when absent
  void BindOptionalInt(int i, const std::optional<std::int64_t>& v);  // null when absent

  // Steps once; returns SQLITE_ROW, SQLITE_DONE or an error code.
  int Step();
  // Steps to completion and resets (for INSERT/UPDATE/DELETE).
  // Returns true on SQLITE_DONE.
  bool Run();
  void Reset();

  std::int64_t ColumnInt(int i) const;
  std::string ColumnText(int i) const;
  bool ColumnIsNull(int i) const;
  int ColumnCount() const;
  std::string ColumnName(int i) const;

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs SQL that returns no rows (may hold several statements).
bool Exec(sqlite3* db, std::string_view sql, std::string* error);

// The connection's last error message, prefixed with what was being done.
std::string ErrorOf(sqlite3* db, std::string_view what);

}  // namespace cnbudget::store
