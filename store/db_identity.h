// Is a database file one of ours? Checked before anything is written to it,
// so that a foreign SQLite file passed as --db (another application's, or a
// newer cnbudget schema) is refused untouched: not switched to WAL, no table
// created, no transaction run.
#pragma once

#include <string>

struct sqlite3;

namespace cnbudget::store {

// PRAGMA application_id of every cnbudget database ("CNBG").
constexpr int kApplicationId = 0x434E4247;

enum class DbIdentity {
  kEmpty,     // no table at all (a new or 0-byte file): may be initialised
  kOurs,      // our application_id (or a cnbudget database made before it) at our schema version
  kForeign,   // anything else: refused, *why says what it is
};

// Reads the application_id, user_version, tables and meta('schema_version')
// of the open database `db` (at `path`, for messages) without writing.
DbIdentity IdentifyDatabase(sqlite3* db, const std::string& path, std::string* why);

// Stamps application_id and user_version; run inside the schema transaction.
std::string StampIdentitySql();

}  // namespace cnbudget::store
