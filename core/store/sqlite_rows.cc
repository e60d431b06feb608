#include "core/store/sqlite_rows.h"

#include "core/store/outbox_transitions.h"

#include <limits>

namespace hotline::store {

int64_t sqlLimit(size_t limit) {
  return limit > static_cast<size_t>(std::numeric_limits<int64_t>::max())
             ? std::numeric_limits<int64_t>::max()
             : static_cast<int64_t>(limit);
}

OutboxState outboxStateFromColumn(const std::string& name) {
  return parseOutboxState(name).value_or(OutboxState::Pending);
}

OutboxRow readOutboxRow(const SqliteStatement& statement) {
  OutboxRow row;
  row.id = statement.columnInt64(0);
  row.target = statement.columnText(1);
  row.ticket_id = statement.columnText(2);
  row.kind = statement.columnText(3);
  row.content_type = statement.columnText(4);
  row.body = statement.columnText(5);
  row.idempotency_key = statement.columnText(6);
  row.state = outboxStateFromColumn(statement.columnText(7));
  row.attempts = static_cast<int>(statement.columnInt64(8));
  row.next_attempt_at_ms = statement.columnInt64(9);
  row.created_at_ms = statement.columnInt64(10);
  row.finished_at_ms = statement.columnInt64(11);
  row.last_error = statement.columnText(12);
  row.purged_at_ms = statement.columnInt64(13);
  return row;
}

std::string PocoColumns::text() {
  Poco::Data::BLOB blob;
  if (!extractor_->extract(pos_++, blob) || blob.size() == 0) {
    return std::string();
  }
  return std::string(reinterpret_cast<const char*>(blob.rawContent()), blob.size());
}

int64_t PocoColumns::integer() {
  Poco::Int64 value = 0;
  if (!extractor_->extract(pos_++, value)) {
    return 0;
  }
  return value;
}

void PocoColumns::prepare(std::size_t pos, std::size_t count, const char* kinds,
                          Poco::Data::AbstractPreparator::Ptr preparator) {
  for (std::size_t i = 0; i < count; ++i) {
    if (kinds[i] == 'i') {
      Poco::Int64 value = 0;
      preparator->prepare(pos + i, value);
    } else {
      Poco::Data::BLOB blob;
      preparator->prepare(pos + i, blob);
    }
  }
}

} // namespace hotline::store

namespace Poco::Data {

using hotline::store::PocoColumns;

void TypeHandler<hotline::store::OutboxRow>::extract(std::size_t pos,
                                                     hotline::store::OutboxRow& row,
                                                     const hotline::store::OutboxRow&,
                                                     AbstractExtractor::Ptr extractor) {
  PocoColumns columns(pos, std::move(extractor));
  row.id = columns.integer();
  row.target = columns.text();
  row.ticket_id = columns.text();
  row.kind = columns.text();
  row.content_type = columns.text();
  row.body = columns.text();
  row.idempotency_key = columns.text();
  row.state = hotline::store::outboxStateFromColumn(columns.text());
  row.attempts = static_cast<int>(columns.integer());
  row.next_attempt_at_ms = columns.integer();
  row.created_at_ms = columns.integer();
  row.finished_at_ms = columns.integer();
  row.last_error = columns.text();
  row.purged_at_ms = columns.integer();
}

void TypeHandler<hotline::store::AuditRecord>::extract(std::size_t pos,
                                                       hotline::store::AuditRecord& record,
                                                       const hotline::store::AuditRecord&,
                                                       AbstractExtractor::Ptr extractor) {
  PocoColumns columns(pos, std::move(extractor));
  record.seq = columns.integer();
  record.at_ms = columns.integer();
  record.action = columns.text();
  record.actor = columns.text();
  record.ticket_id = columns.text();
  record.message_id = columns.integer();
  record.outbox_id = columns.integer();
  record.target = columns.text();
  record.detail = columns.text();
  record.prev_hash = columns.text();
  record.hash = columns.text();
  record.algorithm = columns.text();
}

void TypeHandler<hotline::store::MessageRow>::extract(std::size_t pos,
                                                      hotline::store::MessageRow& row,
                                                      const hotline::store::MessageRow&,
                                                      AbstractExtractor::Ptr extractor) {
  PocoColumns columns(pos, std::move(extractor));
  row.id = columns.integer();
  row.received_at_ms = columns.integer();
  row.source = columns.text();
  row.kind = columns.text();
  row.content_type = columns.text();
  row.ticket_id = columns.text();
  row.answer_status = static_cast<int>(columns.integer());
  row.purged_at_ms = columns.integer();
}

void TypeHandler<hotline::store::LinkRow>::extract(std::size_t pos, hotline::store::LinkRow& row,
                                                   const hotline::store::LinkRow&,
                                                   AbstractExtractor::Ptr extractor) {
  PocoColumns columns(pos, std::move(extractor));
  row.ticket_id = columns.text();
  row.system = columns.text();
  row.number = columns.text();
}

} // namespace Poco::Data
