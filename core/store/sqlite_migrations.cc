#include "core/store/sqlite_migrations.h"

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

#include <string>

namespace hotline::store {
namespace {

using namespace Poco::Data::Keywords;

// Columns are NOT NULL with "" / 0 for "none", exactly as the records of store.h hold them:
// the audit hash covers those values, and reading back what was hashed must be exact.
const SqliteMigration kInitialSchema{
    1,
    "messages, tickets, links, outbox, audit, state",
    {
        // dedupe_key UNIQUE *is* the dedupe-key table (DESIGN.md §8): one index serves
        // findAnswer and the uniqueness check, and a message cannot exist without its key.
        "CREATE TABLE messages ("
        " id INTEGER PRIMARY KEY,"
        " received_at INTEGER NOT NULL,"
        " source TEXT NOT NULL,"
        " kind TEXT NOT NULL,"
        " content_type TEXT NOT NULL,"
        " dedupe_key TEXT NOT NULL UNIQUE,"
        " ticket_id TEXT NOT NULL,"
        " body BLOB NOT NULL,"
        " canonical TEXT NOT NULL,"
        " answer_status INTEGER NOT NULL,"
        " answer_body TEXT NOT NULL)",
        "CREATE INDEX messages_by_ticket ON messages (ticket_id)",
        "CREATE TABLE tickets ("
        " ticket_id TEXT PRIMARY KEY,"
        " status TEXT NOT NULL,"
        " extension_pending INTEGER NOT NULL,"
        " updated_at INTEGER NOT NULL) WITHOUT ROWID",
        "CREATE TABLE links ("
        " system TEXT NOT NULL,"
        " number TEXT NOT NULL,"
        " ticket_id TEXT NOT NULL,"
        " PRIMARY KEY (system, number)) WITHOUT ROWID",
        "CREATE INDEX links_by_ticket ON links (ticket_id)",
        // AUTOINCREMENT: an id is never handed out twice, even after the highest row is
        // deleted, so a dispatcher's "after id" cursor can never skip a reused id.
        "CREATE TABLE outbox ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " target TEXT NOT NULL,"
        " ticket_id TEXT NOT NULL,"
        " message_id INTEGER NOT NULL REFERENCES messages (id),"
        " kind TEXT NOT NULL,"
        " content_type TEXT NOT NULL,"
        " body BLOB NOT NULL,"
        " idempotency_key TEXT NOT NULL UNIQUE,"
        // An OR chain, not IN (...): SQLite builds an ephemeral table for an IN list on every
        // INSERT, which cost ~2 µs a commit (measured).
        " state TEXT NOT NULL CHECK (state = 'pending' OR state = 'delivered' OR"
        "  state = 'dead' OR state = 'discarded'),"
        " attempts INTEGER NOT NULL,"
        " next_attempt_at INTEGER NOT NULL,"
        " created_at INTEGER NOT NULL,"
        " finished_at INTEGER NOT NULL,"
        " last_error TEXT NOT NULL,"
        " last_status INTEGER NOT NULL)",
        "CREATE INDEX outbox_by_state ON outbox (state, id)",
        "CREATE INDEX outbox_by_ticket ON outbox (ticket_id)",
        // seq is assigned by the store (the chain's own counter), not by SQLite.
        "CREATE TABLE audit ("
        " seq INTEGER PRIMARY KEY,"
        " at INTEGER NOT NULL,"
        " action TEXT NOT NULL,"
        " actor TEXT NOT NULL,"
        " ticket_id TEXT NOT NULL,"
        " message_id INTEGER NOT NULL,"
        " outbox_id INTEGER NOT NULL,"
        " target TEXT NOT NULL,"
        " detail TEXT NOT NULL,"
        " prev_hash TEXT NOT NULL,"
        " hash TEXT NOT NULL,"
        " algorithm TEXT NOT NULL)",
        "CREATE INDEX audit_by_ticket ON audit (ticket_id)",
        "CREATE TABLE state ("
        " scope TEXT NOT NULL,"
        " key TEXT NOT NULL,"
        " value BLOB NOT NULL,"
        " updated_at INTEGER NOT NULL,"
        " PRIMARY KEY (scope, key)) WITHOUT ROWID",
    }};

// The connector instances that hold each ticket now (a department's instance after an
// assignment, the exchange after an escalation): who may act on it, and who hears of it.
const SqliteMigration kTicketHolders{
    2,
    "tickets.holders",
    {
        "ALTER TABLE tickets ADD COLUMN holders TEXT NOT NULL DEFAULT ''",
    }};

// Payload retention (store.keep_payloads_days) empties old payloads and says when; 0 = held.
const SqliteMigration kPayloadRetention{
    3,
    "messages.purged_at, outbox.purged_at",
    {
        "ALTER TABLE messages ADD COLUMN purged_at INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE outbox ADD COLUMN purged_at INTEGER NOT NULL DEFAULT 0",
    }};

Status createVersionTable(SqliteConnection& connection) {
  try {
    connection.session() << "CREATE TABLE IF NOT EXISTS schema_migrations ("
                            " version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)",
        now;
  } catch (const Poco::Exception& error) {
    return connection.pocoError("cannot create schema_migrations", error);
  }
  return Status::ok();
}

Result<int> currentVersion(SqliteConnection& connection) {
  int version = 0;
  try {
    connection.session() << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
        into(version), now;
  } catch (const Poco::Exception& error) {
    return connection.pocoError("cannot read the schema version", error);
  }
  return version;
}

// The version is read again inside the write transaction: of two gateways opening a fresh
// file at once, the second finds the migration applied and skips it.
Status applyOne(SqliteConnection& connection, const SqliteMigration& migration, int64_t now_ms) {
  SqliteTransaction transaction(connection);
  HOTLINE_RETURN_IF_ERROR(transaction.begin());
  Result<int> version = currentVersion(connection);
  if (!version.isOk()) {
    return version.status();
  }
  if (*version >= migration.version) {
    return Status::ok();
  }
  try {
    Poco::Data::Session& session = connection.session();
    for (const char* statement : migration.statements) {
      session << statement, now;
    }
    int applied_version = migration.version;
    Poco::Int64 applied_at = now_ms;
    session << "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
        use(applied_version), use(applied_at), now;
  } catch (const Poco::Exception& error) {
    return connection.pocoError(
        "migration " + std::to_string(migration.version) + " (" + migration.summary + ")", error);
  }
  return transaction.commit();
}

} // namespace

const std::vector<SqliteMigration>& sqliteMigrations() {
  static const std::vector<SqliteMigration> migrations{kInitialSchema, kTicketHolders,
                                                       kPayloadRetention};
  return migrations;
}

Status applySqliteMigrations(SqliteConnection& connection, int64_t now_ms) {
  HOTLINE_RETURN_IF_ERROR(createVersionTable(connection));
  Result<int> version = currentVersion(connection);
  if (!version.isOk()) {
    return version.status();
  }
  const int latest = sqliteMigrations().back().version;
  if (*version > latest) {
    return failedPrecondition("the schema is at version " + std::to_string(*version) +
                              " but this gateway knows versions up to " + std::to_string(latest) +
                              ": it was written by a newer gateway; run that one or restore "
                              "a backup")
        .withContext(connection.context());
  }
  for (const SqliteMigration& migration : sqliteMigrations()) {
    if (migration.version > *version) {
      HOTLINE_RETURN_IF_ERROR(applyOne(connection, migration, now_ms));
    }
  }
  return Status::ok();
}

} // namespace hotline::store
