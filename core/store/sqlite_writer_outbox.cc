// SqliteWriter: the outbox state machine (delivery attempts, replay, discard) and connector
// state. The transitions themselves live in outbox_transitions.h, shared with MemoryStore.

#include "core/store/outbox_transitions.h"
#include "core/store/sqlite_rows.h"
#include "core/store/sqlite_writer.h"
#include "core/store/store_checks.h"

namespace hotline::store {

Result<OutboxRow> SqliteWriter::selectOutbox(int64_t id) {
  SqliteStatement& select = *statements_.select_outbox;
  SqliteStatement::Reset reset(select);
  select.bind(1, id);
  Result<bool> found = select.step();
  if (!found.isOk()) {
    return found.status();
  }
  if (!*found) {
    return outboxRowMissing(id);
  }
  OutboxRow row;
  row.id = select.columnInt64(0);
  row.target = select.columnText(1);
  row.ticket_id = select.columnText(2);
  row.state = outboxStateFromColumn(select.columnText(3));
  row.attempts = static_cast<int>(select.columnInt64(4));
  row.next_attempt_at_ms = select.columnInt64(5);
  row.finished_at_ms = select.columnInt64(6);
  row.last_error = select.columnText(7);
  return row;
}

Status SqliteWriter::updateOutbox(const OutboxRow& row, std::optional<int> last_status) {
  SqliteStatement& update = *statements_.update_outbox;
  SqliteStatement::Reset reset(update);
  update.bind(1, row.id);
  update.bindText(2, outboxStateName(row.state));
  update.bind(3, row.attempts);
  update.bind(4, row.next_attempt_at_ms);
  update.bind(5, row.finished_at_ms);
  update.bindText(6, row.last_error);
  if (last_status) {
    update.bind(7, *last_status);
  } else {
    update.bindNull(7);
  }
  return update.run();
}

Status SqliteWriter::applyDeliveryRecord(const DeliveryRecord& record, int64_t now_ms) {
  Result<OutboxRow> row = selectOutbox(record.outbox_id);
  if (!row.isOk()) {
    return row.status();
  }
  Result<AuditInsert> fact = applyDelivery(*row, record);
  if (!fact.isOk()) {
    return fact.status();
  }
  HOTLINE_RETURN_IF_ERROR(updateOutbox(*row, record.http_status));
  return appendRecord(*fact, now_ms);
}

Status SqliteWriter::recordDeliveries(std::span<const DeliveryRecord> records) {
  if (records.empty()) {
    return Status::ok();
  }
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t now_ms = clock_();
  return transact([&]() -> Status {
    for (const DeliveryRecord& record : records) {
      HOTLINE_RETURN_IF_ERROR(applyDeliveryRecord(record, now_ms));
    }
    return Status::ok();
  });
}

template <typename Change>
Status SqliteWriter::changeOutbox(int64_t id, Change&& change) {
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t now_ms = clock_();
  return transact([&]() -> Status {
    Result<OutboxRow> row = selectOutbox(id);
    if (!row.isOk()) {
      return row.status();
    }
    Result<AuditInsert> fact = change(*row, now_ms);
    if (!fact.isOk()) {
      return fact.status();
    }
    HOTLINE_RETURN_IF_ERROR(updateOutbox(*row, std::nullopt));
    return appendRecord(*fact, now_ms);
  });
}

Status SqliteWriter::replayDead(int64_t id, const std::string& actor) {
  return changeOutbox(
      id, [&](OutboxRow& row, int64_t now_ms) { return applyReplay(row, actor, now_ms); });
}

Status SqliteWriter::discardDead(int64_t id, const std::string& actor, const std::string& reason) {
  return changeOutbox(
      id, [&](OutboxRow& row, int64_t now_ms) { return applyDiscard(row, actor, reason, now_ms); });
}

// Connector state is a cold path, but it shares the prepared upsert with the head anchor
// rather than going through POCO Data: POCO binds an empty BLOB as NULL, and "" is a value a
// connector may well store.
Status SqliteWriter::put(const std::string& scope, const std::string& key,
                         const std::string& value) {
  HOTLINE_RETURN_IF_ERROR(checkStateScope(scope));
  std::lock_guard<std::mutex> lock(mutex_);
  return putState(scope, key, value, clock_());
}

} // namespace hotline::store
