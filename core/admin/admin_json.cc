#include "core/admin/admin_json.h"

namespace hotline::admin {

void writeString(JsonWriter& out, const char* key, const std::string& value) {
  out.Key(key);
  out.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void writeInt(JsonWriter& out, const char* key, int64_t value) {
  out.Key(key);
  out.Int64(value);
}

void writeOutboxRow(JsonWriter& out, const store::OutboxRow& row, bool with_body) {
  out.StartObject();
  writeInt(out, "id", row.id);
  writeString(out, "target", row.target);
  writeString(out, "ticket_id", row.ticket_id);
  writeString(out, "kind", row.kind);
  writeString(out, "state", store::outboxStateName(row.state));
  writeInt(out, "attempts", row.attempts);
  writeString(out, "idempotency_key", row.idempotency_key);
  writeInt(out, "created_at_ms", row.created_at_ms);
  writeInt(out, "next_attempt_at_ms", row.next_attempt_at_ms);
  writeInt(out, "finished_at_ms", row.finished_at_ms);
  writeString(out, "last_error", row.last_error);
  writeInt(out, "purged_at_ms", row.purged_at_ms); // 0: the body is held
  if (with_body) {
    writeString(out, "content_type", row.content_type);
    writeString(out, "body", row.body);
  }
  out.EndObject();
}

void writeAuditRecord(JsonWriter& out, const store::AuditRecord& record) {
  out.StartObject();
  writeInt(out, "seq", record.seq);
  writeInt(out, "at_ms", record.at_ms);
  writeString(out, "action", record.action);
  writeString(out, "actor", record.actor);
  writeString(out, "ticket_id", record.ticket_id);
  writeInt(out, "message_id", record.message_id);
  writeInt(out, "outbox_id", record.outbox_id);
  writeString(out, "target", record.target);
  writeString(out, "detail", record.detail);
  writeString(out, "hash", record.hash);
  out.EndObject();
}

void writeMessageRow(JsonWriter& out, const store::MessageRow& row) {
  out.StartObject();
  writeInt(out, "id", row.id);
  writeInt(out, "received_at_ms", row.received_at_ms);
  writeString(out, "source", row.source);
  writeString(out, "kind", row.kind);
  writeString(out, "content_type", row.content_type);
  writeInt(out, "answer_status", row.answer_status);
  writeInt(out, "purged_at_ms", row.purged_at_ms); // 0: the raw payload is held
  out.EndObject();
}

void writeLinkRow(JsonWriter& out, const store::LinkRow& row) {
  out.StartObject();
  writeString(out, "system", row.system);
  writeString(out, "number", row.number);
  out.EndObject();
}

std::string outboxPage(const std::vector<store::OutboxRow>& rows) {
  rapidjson::StringBuffer buffer;
  JsonWriter out(buffer);
  out.StartObject();
  out.Key("items");
  out.StartArray();
  for (const auto& row : rows) {
    writeOutboxRow(out, row, false);
  }
  out.EndArray();
  writeInt(out, "next_after", rows.empty() ? 0 : rows.back().id);
  out.EndObject();
  return buffer.GetString();
}

std::string auditPage(const std::vector<store::AuditRecord>& records) {
  rapidjson::StringBuffer buffer;
  JsonWriter out(buffer);
  out.StartObject();
  out.Key("items");
  out.StartArray();
  for (const auto& record : records) {
    writeAuditRecord(out, record);
  }
  out.EndArray();
  writeInt(out, "next_after", records.empty() ? 0 : records.back().seq);
  out.EndObject();
  return buffer.GetString();
}

} // namespace hotline::admin
