#include "core/store/sqlite_statement.h"

#include <sqlite3.h>

#include <cassert>

namespace hotline::store {
namespace {

// SQLITE_STATIC without its old-style cast (warnings are errors here).
const sqlite3_destructor_type kStaticBinding = nullptr;

} // namespace

SqliteStatement::SqliteStatement(sqlite3* db, sqlite3_stmt* statement, std::string context)
    : db_(db), statement_(statement), context_(std::move(context)) {}

SqliteStatement::~SqliteStatement() {
  sqlite3_finalize(statement_);
}

// A bind fails only for an index out of range or a value over SQLite's size limit (1 GB by
// default, far above the ingress body limit): both are programming errors.
void SqliteStatement::bind(int index, int64_t value) {
  [[maybe_unused]] const int rc = sqlite3_bind_int64(statement_, index, value);
  assert(rc == SQLITE_OK);
}

void SqliteStatement::bindText(int index, std::string_view value) {
  [[maybe_unused]] const int rc = sqlite3_bind_text64(statement_, index, value.data(), value.size(),
                                                      kStaticBinding, SQLITE_UTF8);
  assert(rc == SQLITE_OK);
}

void SqliteStatement::bindBlob(int index, std::string_view value) {
  [[maybe_unused]] const int rc =
      sqlite3_bind_blob64(statement_, index, value.data(), value.size(), kStaticBinding);
  assert(rc == SQLITE_OK);
}

void SqliteStatement::bindNull(int index) {
  [[maybe_unused]] const int rc = sqlite3_bind_null(statement_, index);
  assert(rc == SQLITE_OK);
}

Result<bool> SqliteStatement::step() {
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  return sqliteStatus(sqlite3_extended_errcode(db_), sqlite3_errmsg(db_)).withContext(context_);
}

Status SqliteStatement::run() {
  Result<bool> row = step();
  if (!row.isOk()) {
    return row.status();
  }
  return Status::ok();
}

int64_t SqliteStatement::columnInt64(int index) const {
  return sqlite3_column_int64(statement_, index);
}

std::string SqliteStatement::columnText(int index) const {
  // sqlite3_column_blob before sqlite3_column_bytes, as SQLite documents, and no conversion
  // to text: the bytes come back exactly as bound (NULs included).
  const void* data = sqlite3_column_blob(statement_, index);
  const int size = sqlite3_column_bytes(statement_, index);
  if (data == nullptr || size <= 0) {
    return std::string();
  }
  return std::string(static_cast<const char*>(data), static_cast<size_t>(size));
}

void SqliteStatement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

Status sqliteStatus(int extended_code, const std::string& message) {
  switch (extended_code) {
  case SQLITE_CONSTRAINT_UNIQUE:
  case SQLITE_CONSTRAINT_PRIMARYKEY:
    return Status(StatusCode::AlreadyExists, message);
  case SQLITE_FULL:
    return Status(StatusCode::ResourceExhausted, message + " (disk full?)");
  default:
    break;
  }
  switch (extended_code & 0xff) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
  case SQLITE_IOERR:
  case SQLITE_READONLY:
  case SQLITE_CANTOPEN:
  case SQLITE_NOMEM:
    return unavailable(message);
  default:
    return internalError(message);
  }
}

} // namespace hotline::store
