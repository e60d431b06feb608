#pragma once
// The SQLite schema as numbered migrations (DESIGN.md §8). Each migration is a list of
// statements applied in order, in one transaction, once: `schema_migrations` records the
// version and when it was applied. A migration is never edited after release; a change is
// the next number.

#include "core/store/sqlite_connection.h"
#include "hotline/status.h"

#include <cstdint>
#include <vector>

namespace hotline::store {

struct SqliteMigration {
  int version;
  const char* summary;
  std::vector<const char*> statements;
};

const std::vector<SqliteMigration>& sqliteMigrations();

// Brings the database up to the last migration. A database at a version newer than this
// build knows (written by a later gateway) is refused, FailedPrecondition naming both
// versions: an older build must not write a schema it does not understand.
Status applySqliteMigrations(SqliteConnection& connection, int64_t now_ms);

} // namespace hotline::store
