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
constexpr const char* kEmptyMessage =
    "UPDATE messages SET body = x'', purged_at = ?2 WHERE id = ?1";
// `latest`: the row is its ticket's newest of kind "ticket" (what latestTicketSnapshot reads).
constexpr const char* kSelectOutbox =
    "SELECT id, state, created_at, purged_at, kind = 'ticket' AND NOT EXISTS (SELECT 1 FROM "
    "outbox AS newer WHERE newer.ticket_id = outbox.ticket_id AND newer.kind = 'ticket' AND "
    "newer.id > outbox.id) FROM outbox WHERE id > ?1 ORDER BY id LIMIT ?2";
constexpr const char* kEmptyOutbox = "UPDATE outbox SET body = x'', purged_at = ?2 WHERE id = ?1";

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

// Reads up to `limit` rows after the cursor (each row's step decided by `decide`), empties
// the Empty ones with `empty_sql`, and stores the new cursor. Rows are read first and changed
// after, so that no UPDATE runs under the SELECT that is still stepping over its table.
template <typename Decide>
Result<size_t> SqliteWriter::sweep(const char* cursor_key, const char* select_sql,
                                   const char* empty_sql, const PurgeRequest& request,
                                   int64_t now_ms, Decide&& decide, int64_t& held_by, bool& more) {
  Result<int64_t> cursor = readSweepCursor(cursor_key);
  Result<std::unique_ptr<SqliteStatement>> select = connection_->prepare(select_sql);
  Result<std::unique_ptr<SqliteStatement>> empty = connection_->prepare(empty_sql);
  for (const Status* status : {&cursor.status(), &select.status(), &empty.status()}) {
    HOTLINE_RETURN_IF_ERROR(*status);
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
  size_t emptied = 0;
  for (const SweptRow& row : rows) {
    if (row.step == SweepStep::Stop || row.step == SweepStep::Hold) {
      held_by = row.step == SweepStep::Hold ? row.id : 0;
      end.more = false;
      break;
    }
    if (row.step == SweepStep::Empty) {
      (*empty)->bind(1, row.id);
      (*empty)->bind(2, now_ms);
      HOTLINE_RETURN_IF_ERROR((*empty)->run());
      (*empty)->reset();
      ++emptied;
    }
    end.cursor = row.id;
  }
  more = more || end.more;
  if (end.cursor != *cursor) {
    HOTLINE_RETURN_IF_ERROR(
        putState(kRetentionScope, cursor_key, std::to_string(end.cursor), now_ms));
  }
  return emptied;
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
  Status status = transact([&]() -> Status {
    result = PurgeResult{};
    int64_t no_hold = 0;
    Result<size_t> messages = sweep(kMessagesCursorKey, kSelectMessages, kEmptyMessage, request,
                                    now_ms, decideMessage, no_hold, result.more);
    if (!messages.isOk()) {
      return messages.status();
    }
    Result<size_t> outbox = sweep(kOutboxCursorKey, kSelectOutbox, kEmptyOutbox, request, now_ms,
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
  if (!status.isOk()) {
    return status;
  }
  return result;
}

} // namespace hotline::store
