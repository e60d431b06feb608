#pragma once
// One SQL statement prepared once on a raw sqlite3 handle and re-executed with new bindings:
// the hot path of the SQLite store (see sqlite_writer.h for why not POCO Data here).
//
// Bindings are SQLITE_STATIC: the bound strings must outlive the step, which holds for the
// way the store uses it (bind from the caller's records, step, reset, all in one call).
// A Reset guard puts the statement back after every use; an un-reset SELECT would keep its
// read transaction, and with it an old snapshot of the WAL database, open.
//
// Thread safety: none; the owning connection's lock covers it.

#include "hotline/status.h"

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace hotline::store {

class SqliteStatement {
public:
  // `context` starts every error message: "store var/gateway.db".
  SqliteStatement(sqlite3* db, sqlite3_stmt* statement, std::string context);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Parameters count from 1, as in SQL.
  void bind(int index, int64_t value);
  void bindText(int index, std::string_view value);
  void bindBlob(int index, std::string_view value);
  void bindNull(int index);

  // true: a row is available; false: done. Errors are mapped to Status codes by
  // sqliteStatus().
  Result<bool> step();
  // Steps a statement that returns no rows.
  Status run();

  int64_t columnInt64(int index) const;
  std::string columnText(int index) const; // TEXT or BLOB, byte for byte; NULL = ""

  void reset();

  // Resets the statement when the scope ends, whatever path leaves it.
  class Reset {
  public:
    explicit Reset(SqliteStatement& statement) : statement_(statement) {}
    ~Reset() { statement_.reset(); }
    Reset(const Reset&) = delete;
    Reset& operator=(const Reset&) = delete;

  private:
    SqliteStatement& statement_;
  };

private:
  sqlite3* db_;
  sqlite3_stmt* statement_;
  std::string context_;
};

// Maps an SQLite result code (extended codes included) to a Status: a UNIQUE or PRIMARY KEY
// violation is AlreadyExists, a busy or locked database, an I/O error or a read-only file
// Unavailable (retrying later may work), a full disk ResourceExhausted, the rest Internal.
Status sqliteStatus(int extended_code, const std::string& message);

} // namespace hotline::store
