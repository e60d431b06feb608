#pragma once
// One connection to the store's SQLite file: a POCO Data session (open, pragmas, migrations
// and the cold queries) and its raw sqlite3 handle (the prepared hot statements). Both
// views share one connection, so a raw statement and a POCO statement see the same
// transaction.
//
// Thread safety: none; its owner (SqliteWriter, SqliteReader) serialises every use.

#include "core/store/sqlite_statement.h"
#include "hotline/status.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;

namespace Poco {
class Exception;
namespace Data {
class Session;
}
} // namespace Poco

namespace hotline::store {

class SqliteConnection {
public:
  enum class Role {
    Writer, // journal_mode=WAL, synchronous FULL (or NORMAL), foreign_keys=ON
    Reader, // query_only: a read connection that cannot write by mistake
  };

  // Opens (creating) the database file; the parent directory must exist. Errors read
  // "store <path>: cannot open: <reason>".
  static Result<std::unique_ptr<SqliteConnection>> open(const std::string& path, Role role,
                                                        bool synchronous_full);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // "store <path>", the start of every error this connection reports.
  const std::string& context() const { return context_; }
  Poco::Data::Session& session() { return *session_; }
  sqlite3* handle() { return db_; }

  // The rowid of this connection's last successful INSERT.
  int64_t lastInsertId() const;
  // Raw sqlite3_exec, for transaction control: BEGIN IMMEDIATE / COMMIT / ROLLBACK.
  Status exec(const char* sql);
  Result<std::unique_ptr<SqliteStatement>> prepare(const char* sql);
  // The current value of PRAGMA `name` as text ("wal", "2").
  Result<std::string> pragma(const std::string& name);
  // A POCO exception from `doing` as a Status naming this file.
  Status pocoError(std::string_view doing, const Poco::Exception& error) const;

private:
  SqliteConnection(std::unique_ptr<Poco::Data::Session> session, std::string context);
  Status configure(Role role, bool synchronous_full);

  std::unique_ptr<Poco::Data::Session> session_;
  sqlite3* db_;
  std::string context_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless committed. IMMEDIATE takes the write lock
// at the start, so a transaction never fails half-way for want of it.
class SqliteTransaction {
public:
  explicit SqliteTransaction(SqliteConnection& connection) : connection_(connection) {}
  ~SqliteTransaction();
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;

  Status begin();
  Status commit();

private:
  SqliteConnection& connection_;
  bool open_ = false;
};

} // namespace hotline::store
