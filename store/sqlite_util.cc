#include "store/sqlite_util.h"

#include <utility>

namespace cnbudget::store {

Statement::Statement(sqlite3* db, std::string_view sql) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

void Statement::BindNull(int i) { sqlite3_bind_null(stmt_, i); }

void Statement::BindInt(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }

void Statement::BindText(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

void Statement::BindOptionalText(int i, const std::optional<std::string>& v) {
  if (v) {
    BindText(i, std::string_view(*v));
  } else {
    BindNull(i);
  }
}

void Statement::BindOptionalInt(int i, const std::optional<std::int64_t>& v) {
  if (v) {
    BindInt(i, *v);
  } else {
    BindNull(i);
  }
}

int Statement::Step() { return sqlite3_step(stmt_); }

bool Statement::Run() {
  const int rc = sqlite3_step(stmt_);
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  return rc == SQLITE_DONE;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::ColumnInt(int i) const { return sqlite3_column_int64(stmt_, i); }

std::string Statement::ColumnText(int i) const {
  const unsigned char* p = sqlite3_column_text(stmt_, i);
  if (p == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)));
}

bool Statement::ColumnIsNull(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }

std::string Statement::ColumnName(int i) const {
  const char* name = sqlite3_column_name(stmt_, i);
  return name ? name : "";
}

bool Exec(sqlite3* db, std::string_view sql, std::string* error) {
  char* message = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    if (error) *error = message ? message : "sqlite error";
    sqlite3_free(message);
    return false;
  }
  return true;
}

std::string ErrorOf(sqlite3* db, std::string_view what) {
  return std::string(what) + ": " + sqlite3_errmsg(db);
}

}  // namespace cnbudget::store
