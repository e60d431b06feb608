#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <array>
#include <memory>
#include <string>

#include "core/model/json_document.h"
#include "core/model/schemas.h"

namespace hotline::model {
namespace {

constexpr std::array<std::string_view, 8> kKindNames = {
    "ticket",  "event",      "call_record",  "knowledge_article",
    "contact", "list_entry", "announcement", "chat_transcript"};
static_assert(static_cast<size_t>(SchemaKind::ChatTranscript) + 1 == kKindNames.size(),
              "one name per SchemaKind, in the enum's order");

// A compiled schema together with the document it was compiled from (kept alive because
// RapidJSON's SchemaDocument may refer into it).
struct CompiledSchema {
  rapidjson::Document source;
  std::unique_ptr<rapidjson::SchemaDocument> schema;
};

// The records schema holds one definition per kind; a kind's schema is that document with a
// root "$ref" to its definition, so the shared definitions still resolve.
std::unique_ptr<CompiledSchema> compile(SchemaKind kind) {
  auto compiled = std::make_unique<CompiledSchema>();
  const bool is_record = kind != SchemaKind::Ticket && kind != SchemaKind::Event;
  const std::string_view text = kind == SchemaKind::Ticket  ? ticketSchemaJson()
                                : kind == SchemaKind::Event ? eventSchemaJson()
                                                            : recordsSchemaJson();
  compiled->source.Parse(text.data(), text.size());
  if (compiled->source.HasParseError()) {
    return nullptr; // a broken embedded schema; the schema tests rule it out
  }
  if (is_record) {
    const std::string ref = "#/definitions/" + std::string(schemaKindName(kind));
    auto& allocator = compiled->source.GetAllocator();
    compiled->source.AddMember("$ref", rapidjson::Value(ref.c_str(), allocator), allocator);
  }
  compiled->schema = std::make_unique<rapidjson::SchemaDocument>(compiled->source);
  return compiled;
}

const CompiledSchema* compiledSchema(SchemaKind kind) {
  // Compiled on first use; function-local statics make that thread-safe.
  static const auto kAll = [] {
    std::array<std::unique_ptr<CompiledSchema>, kKindNames.size()> all;
    for (size_t i = 0; i < all.size(); ++i) {
      all[i] = compile(static_cast<SchemaKind>(i));
    }
    return all;
  }();
  return kAll[static_cast<size_t>(kind)].get();
}

std::string pointerText(const rapidjson::Pointer& pointer) {
  rapidjson::StringBuffer buffer;
  pointer.Stringify(buffer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace

std::string_view schemaKindName(SchemaKind kind) {
  return kKindNames[static_cast<size_t>(kind)];
}

std::optional<SchemaKind> findSchemaKind(std::string_view name) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == name) {
      return static_cast<SchemaKind>(i);
    }
  }
  return std::nullopt;
}

Status validateWithSchema(SchemaKind kind, std::string_view json) {
  const std::string what(schemaKindName(kind));
  const CompiledSchema* compiled = compiledSchema(kind);
  if (compiled == nullptr) {
    return internalError("the embedded " + what + " schema does not parse");
  }
  rapidjson::Document document;
  HOTLINE_RETURN_IF_ERROR(parseJsonDocument(json, what, document));
  rapidjson::SchemaValidator validator(*compiled->schema);
  if (document.Accept(validator)) {
    return Status::ok();
  }
  std::string path = pointerText(validator.GetInvalidDocumentPointer());
  return invalidArgument(what + " fails schema: " + (path.empty() ? "(document)" : path) +
                         " violates '" + validator.GetInvalidSchemaKeyword() + "' (#" +
                         pointerText(validator.GetInvalidSchemaPointer()) + ")");
}

} // namespace hotline::model
