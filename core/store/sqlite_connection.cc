#include "core/store/sqlite_connection.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <sqlite3.h>

#include <mutex>

namespace hotline::store {
namespace {

using namespace Poco::Data::Keywords;

// Long enough to ride out a checkpoint or an operator's `sqlite3` shell holding a lock,
// short enough that a stuck writer surfaces as Unavailable instead of a hung request.
constexpr int kBusyTimeoutMs = 5000;

void registerSqliteConnector() {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
}

// POCO prefixes sqlite's own reason with its wording; the reason is what helps.
std::string reasonOf(const Poco::Exception& error) {
  std::string message = error.message();
  constexpr std::string_view kPrefix = "Can't open DB file: ";
  if (message.compare(0, kPrefix.size(), kPrefix) == 0) {
    message.erase(0, kPrefix.size());
  }
  return message.empty() ? error.displayText() : message;
}

// POCO's SQLite connector keeps retrying a failed open until its login timeout (60 s) runs
// out, so an unopenable path would hang start-up for a minute; sqlite3_open_v2 answers at
// once, with the reason. Same flags as POCO's open.
Status probeOpen(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, nullptr);
  const std::string reason = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  sqlite3_close(db);
  if (rc != SQLITE_OK) {
    return unavailable("cannot open: " + reason);
  }
  return Status::ok();
}

StatusCode codeOf(const Poco::Exception& error) {
  namespace sqlite = Poco::Data::SQLite;
  if (dynamic_cast<const sqlite::ConstraintViolationException*>(&error) != nullptr) {
    return StatusCode::AlreadyExists;
  }
  if (dynamic_cast<const sqlite::DatabaseFullException*>(&error) != nullptr) {
    return StatusCode::ResourceExhausted;
  }
  if (dynamic_cast<const sqlite::DBLockedException*>(&error) != nullptr ||
      dynamic_cast<const sqlite::TableLockedException*>(&error) != nullptr ||
      dynamic_cast<const sqlite::IOErrorException*>(&error) != nullptr ||
      dynamic_cast<const sqlite::ReadOnlyException*>(&error) != nullptr ||
      dynamic_cast<const sqlite::CantOpenDBFileException*>(&error) != nullptr) {
    return StatusCode::Unavailable;
  }
  return StatusCode::Internal;
}

} // namespace

SqliteConnection::SqliteConnection(std::unique_ptr<Poco::Data::Session> session,
                                   std::string context)
    : session_(std::move(session)), db_(Poco::Data::SQLite::Utility::dbHandle(*session_)),
      context_(std::move(context)) {}

SqliteConnection::~SqliteConnection() = default;

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path, Role role,
                                                                 bool synchronous_full) {
  registerSqliteConnector();
  const std::string context = "store " + path;
  Status probe = probeOpen(path);
  if (!probe.isOk()) {
    return probe.withContext(context);
  }
  std::unique_ptr<Poco::Data::Session> session;
  try {
    session = std::make_unique<Poco::Data::Session>("SQLite", path);
  } catch (const Poco::Exception& error) {
    return unavailable("cannot open: " + reasonOf(error)).withContext(context);
  }
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(std::move(session), context));
  HOTLINE_RETURN_IF_ERROR(connection->configure(role, synchronous_full));
  return connection;
}

Status SqliteConnection::configure(Role role, bool synchronous_full) {
  try {
    *session_ << "PRAGMA busy_timeout=" + std::to_string(kBusyTimeoutMs), now;
    if (role == Role::Reader) {
      *session_ << "PRAGMA query_only=ON", now;
      return Status::ok();
    }
    // 4 KiB pages (SQLite's default; no effect on an existing file). Every transaction
    // writes each page it dirtied whole to the WAL, and a commit of the pipeline's usual
    // size (10-30 messages) dirties about one page per index and table whatever its size:
    // at 16 KiB that was ~300 KiB of WAL per commit, a quarter of the gateway's CPU in
    // pwrite and WAL checksums. 16 KiB only wins at batches of 100+ (tests/bench/RESULTS.md).
    *session_ << "PRAGMA page_size=4096", now;
    std::string mode;
    *session_ << "PRAGMA journal_mode=WAL", into(mode), now;
    if (mode != "wal") {
      // WAL needs shared memory: it is refused on some network file systems.
      return failedPrecondition("cannot switch to WAL (journal_mode is " + mode +
                                "): put the store on a local file system")
          .withContext(context_);
    }
    // FULL: a commit is on disk before the peer is answered, power loss included. NORMAL
    // (tests, benchmarks of the CPU side) may lose the last commits on power loss.
    *session_ << (synchronous_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"), now;
    *session_ << "PRAGMA foreign_keys=ON", now;
    // 48 MiB of page cache (SQLite's default is 2 MiB): the upper levels and hot leaves of
    // the unique indexes stay in memory, and a batch's pages are not evicted and re-read
    // before its COMMIT writes them. Bounded so the gateway stays under 100 MiB RSS.
    *session_ << "PRAGMA cache_size=-49152", now;
  } catch (const Poco::Exception& error) {
    return pocoError("cannot configure", error);
  }
  return Status::ok();
}

int64_t SqliteConnection::lastInsertId() const {
  return sqlite3_last_insert_rowid(db_);
}

Status SqliteConnection::exec(const char* sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
  if (rc == SQLITE_OK) {
    return Status::ok();
  }
  std::string text = std::string(sql) + ": " + (message != nullptr ? message : sqlite3_errstr(rc));
  sqlite3_free(message);
  return sqliteStatus(sqlite3_extended_errcode(db_), text).withContext(context_);
}

Result<std::unique_ptr<SqliteStatement>> SqliteConnection::prepare(const char* sql) {
  sqlite3_stmt* statement = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(statement);
    return internalError("cannot prepare \"" + std::string(sql) + "\": " + sqlite3_errmsg(db_))
        .withContext(context_);
  }
  return std::make_unique<SqliteStatement>(db_, statement, context_);
}

Result<std::string> SqliteConnection::pragma(const std::string& name) {
  std::string value;
  try {
    *session_ << "PRAGMA " + name, into(value), now;
  } catch (const Poco::Exception& error) {
    return pocoError("PRAGMA " + name, error);
  }
  return value;
}

Status SqliteConnection::pocoError(std::string_view doing, const Poco::Exception& error) const {
  return Status(codeOf(error), std::string(doing) + ": " + reasonOf(error)).withContext(context_);
}

SqliteTransaction::~SqliteTransaction() {
  if (open_) {
    // If even ROLLBACK fails the connection is broken; the next BEGIN will report it.
    (void)connection_.exec("ROLLBACK");
  }
}

Status SqliteTransaction::begin() {
  HOTLINE_RETURN_IF_ERROR(connection_.exec("BEGIN IMMEDIATE"));
  open_ = true;
  return Status::ok();
}

Status SqliteTransaction::commit() {
  HOTLINE_RETURN_IF_ERROR(connection_.exec("COMMIT"));
  open_ = false;
  return Status::ok();
}

} // namespace hotline::store
