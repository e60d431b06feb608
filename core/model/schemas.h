#pragma once
// The canonical model's JSON Schemas (draft-04, the draft RapidJSON's validator implements),
// compiled into the library from core/model/schema/. They describe exactly what the codecs
// accept and emit, for peers, docs and mapping tests; the tests check schema and code against
// each other (every property, every enum value, a full document).

#include <optional>
#include <string_view>

#include "hotline/status.h"

namespace hotline::model {

std::string_view ticketSchemaJson();
std::string_view eventSchemaJson();
// One definition per record kind under #/definitions/<kind>.
std::string_view recordsSchemaJson();

enum class SchemaKind {
  Ticket,
  Event,
  CallRecord,
  KnowledgeArticle,
  Contact,
  ListEntry,
  Announcement,
  ChatTranscript,
};

// "ticket", "event", "call_record", … (the records schema's definition names).
std::string_view schemaKindName(SchemaKind kind);
std::optional<SchemaKind> findSchemaKind(std::string_view name);

// Validates `json` against the kind's schema. The schemas are compiled once, on first use,
// and shared (thread-safe). InvalidArgument names the failing document path, the schema
// keyword and where in the schema it sits, e.g. "event fails schema: /type violates 'enum'
// (#/definitions/event_type)".
Status validateWithSchema(SchemaKind kind, std::string_view json);

} // namespace hotline::model
