#pragma once
// JSON renderings of store records for the admin API. Admin callers are authenticated
// operators, so message bodies are shown as stored; logs never carry them.

#include "core/store/store.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <vector>

namespace hotline::admin {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void writeOutboxRow(JsonWriter& out, const store::OutboxRow& row, bool with_body);
void writeAuditRecord(JsonWriter& out, const store::AuditRecord& record);
void writeMessageRow(JsonWriter& out, const store::MessageRow& row);
void writeLinkRow(JsonWriter& out, const store::LinkRow& row);
void writeString(JsonWriter& out, const char* key, const std::string& value);
void writeInt(JsonWriter& out, const char* key, int64_t value);

// {"items":[...],"next_after":N} for a page of outbox rows / audit records.
std::string outboxPage(const std::vector<store::OutboxRow>& rows);
std::string auditPage(const std::vector<store::AuditRecord>& records);

} // namespace hotline::admin
