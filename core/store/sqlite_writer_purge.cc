// Payload retention on the SQLite store (Store::purgePayloads): a cold path, run every so
// often by PayloadRetention, so its statements are prepared per call.
#include "core/store/payload_purge.h"
#include "core/store/sqlite_rows.h"
#include "core/store/sqlite_writer.h"

#include <string>
#include <vector>

namespace hotline::store {
namespace {

constexpr const char* kSelectCursor = "SELECT value FROM state WHERE scope = ?1 AND key = ?2";
constexpr const char* kSelectMessages =
    "SELECT id, received_at, purged_at FROM messages WHERE id > ?1 ORDER BY id LIMIT ?2";
// `latest`: the row is its ticket's newest of kind "ticket" (what latestTicketSnapshot reads).
constexpr const char* kSelectOutbox =
    "SELECT id, state, created_at, purged_at, kind = 'ticket' AND NOT EXISTS (SELECT 1 FROM "
    "outbox AS newer WHERE newer.ticket_id = outbox.ticket_id AND newer.kind = 'ticket' AND "
    "newer.id > outbox.id) FROM outbox WHERE id > ?1 ORDER BY id LIMIT ?2";

struct SweptRow {
  int64_t id = 0;
  SweepStep step = SweepStep::Stop;
};

// Where one sweep ended: the cursor to store and whether it stopped before `limit`.
struct SweepEnd {
  int64_t cursor = 0;
  bool more = false;
};

} // namespace

Result<int64_t> SqliteWriter::readSweepCursor(const char* key) {
  Result<std::unique_ptr<SqliteStatement>> select = connection_->prepare(kSelectCursor);
  if (!select.isOk()) {
    return select.status();
  }
  (*select)->bindText(1, kRetentionScope);
  (*select)->bindText(2, key);
  Result<bool> found = (*select)->step();
  if (!found.isOk()) {
    return found.status();
  }
  return *found ? parseSweepCursor((*select)->columnText(0)) : 0;
}

// Empties the payload of rows `ids` of `table` by taking each row out and putting it back
// without its body. An UPDATE that shrinks a row would leave its page as large as before:
// SQLite merges B-tree pages on delete, not when a row shrinks, so the file would go on
// growing by the payloads' size (measured; RESULTS.md). Deleted rows free pages that later
// inserts reuse. `SELECT *` keeps every column, whatever later migrations add.
Status SqliteWriter::rewriteWithoutBody(const std::string& table, const std::vector<int64_t>& ids,
                                        int64_t now_ms) {
  const auto run = [&](const std::string& sql, std::initializer_list<int64_t> values) -> Status {
    Result<std::unique_ptr<SqliteStatement>> statement = connection_->prepare(sql.c_str());
    if (!statement.isOk()) {
      return statement.status();
    }
    int index = 1;
    for (int64_t value : values) {
      (*statement)->bind(index++, value);
    }
    return (*statement)->run();
  };
  HOTLINE_RETURN_IF_ERROR(run("DROP TABLE IF EXISTS temp.purged_rows", {}));
  HOTLINE_RETURN_IF_ERROR(
      run("CREATE TEMP TABLE purged_rows AS SELECT * FROM main." + table + " WHERE 0", {}));
  for (int64_t id : ids) {
    HOTLINE_RETURN_IF_ERROR(
        run("INSERT INTO temp.purged_rows SELECT * FROM main." + table + " WHERE id = ?1", {id}));
  }
  HOTLINE_RETURN_IF_ERROR(run("UPDATE temp.purged_rows SET body = x'', purged_at = ?1", {now_ms}));
  HOTLINE_RETURN_IF_ERROR(
      run("DELETE FROM main." + table + " WHERE id IN (SELECT id FROM temp.purged_rows)", {}));
  HOTLINE_RETURN_IF_ERROR(run("INSERT INTO main." + table + " SELECT * FROM temp.purged_rows", {}));
  return run("DROP TABLE temp.purged_rows", {});
}

// Reads up to `limit` rows after the cursor (each row's step decided by `decide`), empties
// the Empty ones of `table`, and stores the new cursor. Rows are read first and changed
// after, so that nothing changes under the SELECT that is still stepping over its table.
template <typename Decide>
Result<size_t> SqliteWriter::sweep(const char* cursor_key, const char* select_sql,
                                   const std::string& table, const PurgeRequest& request,
                                   int64_t now_ms, Decide&& decide, int64_t& held_by, bool& more) {
  Result<int64_t> cursor = readSweepCursor(cursor_key);
  if (!cursor.isOk()) {
    return cursor.status();
  }
  Result<std::unique_ptr<SqliteStatement>> select = connection_->prepare(select_sql);
  if (!select.isOk()) {
    return select.status();
  }
  (*select)->bind(1, *cursor);
  (*select)->bind(2, sqlLimit(request.limit));
  std::vector<SweptRow> rows;
  for (;;) {
    Result<bool> row = (*select)->step();
    if (!row.isOk()) {
      return row.status();
    }
    if (!*row) {
      break;
    }
    rows.push_back(SweptRow{(*select)->columnInt64(0), decide(**select)});
  }
  (*select)->reset();
  SweepEnd end{*cursor, rows.size() == request.limit};
  std::vector<int64_t> emptied;
  for (const SweptRow& row : rows) {
    if (row.step == SweepStep::Stop || row.step == SweepStep::Hold) {
      held_by = row.step == SweepStep::Hold ? row.id : 0;
      end.more = false;
      break;
    }
    if (row.step == SweepStep::Empty) {
      emptied.push_back(row.id);
    }
    end.cursor = row.id;
  }
  if (!emptied.empty()) {
    HOTLINE_RETURN_IF_ERROR(rewriteWithoutBody(table, emptied, now_ms));
  }
  more = more || end.more;
  if (end.cursor != *cursor) {
    HOTLINE_RETURN_IF_ERROR(
        putState(kRetentionScope, cursor_key, std::to_string(end.cursor), now_ms));
  }
  return emptied.size();
}

Result<PurgeResult> SqliteWriter::purgePayloads(const PurgeRequest& request) {
  HOTLINE_RETURN_IF_ERROR(checkPurgeRequest(request));
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t now_ms = clock_();
  PurgeResult result;
  const auto decideMessage = [&](const SqliteStatement& row) {
    return messageSweepStep(row.columnInt64(1), row.columnInt64(2), request.before_ms);
  };
  const auto decideOutbox = [&](const SqliteStatement& row) {
    OutboxRow outbox;
    outbox.state = outboxStateFromColumn(row.columnText(1));
    outbox.created_at_ms = row.columnInt64(2);
    outbox.purged_at_ms = row.columnInt64(3);
    return outboxSweepStep(outbox, row.columnInt64(4) != 0, request.before_ms);
  };
  // Outbox rows reference their message, and outbox.message_id has no index: with foreign keys
  // on, taking a message row out scans the whole outbox for its children (90 calls of 200 rows
  // over 50,000 messages had not finished after four minutes). The rows go back with the same
  // ids in the same transaction, so nothing can be left dangling; the pragma is back on before
  // the writer's mutex is released.
  HOTLINE_RETURN_IF_ERROR(setForeignKeys(false));
  Status status = transact([&]() -> Status {
    result = PurgeResult{};
    int64_t no_hold = 0;
    Result<size_t> messages = sweep(kMessagesCursorKey, kSelectMessages, "messages", request,
                                    now_ms, decideMessage, no_hold, result.more);
    if (!messages.isOk()) {
      return messages.status();
    }
    Result<size_t> outbox = sweep(kOutboxCursorKey, kSelectOutbox, "outbox", request, now_ms,
                                  decideOutbox, result.outbox_held_by, result.more);
    if (!outbox.isOk()) {
      return outbox.status();
    }
    result.messages = *messages;
    result.outbox_rows = *outbox;
    if (result.messages + result.outbox_rows == 0) {
      return Status::ok();
    }
    return appendRecord(purgeFact(request, result), now_ms);
  });
  Status restored = setForeignKeys(true);
  HOTLINE_RETURN_IF_ERROR(status);
  HOTLINE_RETURN_IF_ERROR(restored);
  return result;
}

// Outside a transaction only: SQLite ignores the pragma inside one.
Status SqliteWriter::setForeignKeys(bool on) {
  Result<std::unique_ptr<SqliteStatement>> pragma =
      connection_->prepare(on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
  if (!pragma.isOk()) {
    return pragma.status();
  }
  return (*pragma)->run();
}

} // namespace hotline::store
