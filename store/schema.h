// The database schema of a batch conversion (docs/database.md explains it).
#pragma once

namespace cnbudget::store {

// Bumped when the schema changes incompatibly; stored in meta('schema_version').
constexpr int kSchemaVersion = 2;

// CREATE statements for tables, indexes and views, all IF NOT EXISTS, so
// running them on an existing database of the same version is a no-op.
const char* SchemaSql();

}  // namespace cnbudget::store
