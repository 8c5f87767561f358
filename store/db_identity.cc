#include "store/db_identity.h"

#include <set>

#include <sqlite3.h>

#include "store/schema.h"
#include "store/sqlite_util.h"

namespace cnbudget::store {
namespace {

// One integer PRAGMA; false when the file cannot be read as a database.
bool ReadPragma(sqlite3* db, const char* pragma, long long* value, std::string* error) {
  Statement st(db, std::string("PRAGMA ") + pragma);
  if (!st.ok() || st.Step() != SQLITE_ROW) {
    *error = sqlite3_errmsg(db);
    return false;
  }
  *value = st.ColumnInt(0);
  return true;
}

std::string Joined(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (out.size() > 200) return out + ", ...";
    out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

}  // namespace

DbIdentity IdentifyDatabase(sqlite3* db, const std::string& path, std::string* why) {
  long long application_id = 0, user_version = 0;
  std::string error;
  if (!ReadPragma(db, "application_id", &application_id, &error) ||
      !ReadPragma(db, "user_version", &user_version, &error)) {
    *why = path + " is not an SQLite database (" + error + "); refused, left untouched";
    return DbIdentity::kForeign;
  }
  std::set<std::string> tables;
  Statement list(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
  while (list.ok() && list.Step() == SQLITE_ROW) tables.insert(list.ColumnText(0));
  if (application_id == 0 && user_version == 0 && tables.empty()) return DbIdentity::kEmpty;

  std::string version;
  if (tables.count("meta")) {
    Statement meta(db, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (meta.ok() && meta.Step() == SQLITE_ROW) version = meta.ColumnText(0);
  }
  const std::string ours = std::to_string(kSchemaVersion);
  // Databases written before the application_id was set carry only the
  // meta table's version next to a documents table.
  const bool stamped = application_id == kApplicationId;
  const bool unstamped_ours = application_id == 0 && user_version == 0 && !version.empty() &&
                              tables.count("documents");
  if (stamped || unstamped_ours) {
    if (version == ours && (user_version == 0 || user_version == kSchemaVersion))
      return DbIdentity::kOurs;
    *why = "database " + path + " has schema version " +
           (version.empty() ? std::to_string(user_version) : version) + ", this cnbudget uses " +
           ours + "; refused, left untouched";
    return DbIdentity::kForeign;
  }
  *why = path + " is not a cnbudget database (application_id " + std::to_string(application_id) +
         ", user_version " + std::to_string(user_version) + ", tables: " +
         (tables.empty() ? "none" : Joined(tables)) + "); refused, left untouched";
  return DbIdentity::kForeign;
}

std::string StampIdentitySql() {
  return "PRAGMA application_id = " + std::to_string(kApplicationId) +
         "; PRAGMA user_version = " + std::to_string(kSchemaVersion) + ";";
}

}  // namespace cnbudget::store
