// The JSON Schemas checked against the code: (a) full encodings validate, (b) every declared
// property occurs in them and every member the code describes is filled in the samples, (c)
// every enum lists the code's values, (d) invalid documents are rejected by schema and decoder
// alike, and the string formats agree.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <sstream>

#include "core/model/event_codec.h"
#include "core/model/event_fields.h"
#include "core/model/record_codec.h"
#include "core/model/record_fields.h"
#include "core/model/schemas.h"
#include "core/model/ticket_codec.h"
#include "core/model/ticket_fields.h"
#include "tests/unit/model/sample_model.h"
#include "tests/unit/model/schema_walk.h"

namespace hotline::model {
namespace {

using namespace samples;

rapidjson::Document parsed(std::string_view json) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseFullPrecisionFlag>(json.data(), json.size());
  EXPECT_FALSE(document.HasParseError()) << json.substr(0, 200);
  return document;
}

void expectValid(SchemaKind kind, const std::string& json) {
  const Status status = validateWithSchema(kind, json);
  EXPECT_TRUE(status.isOk()) << status.toString() << "\n" << json;
}

// Per record kind, encodings that together fill every member.
struct RecordSample {
  SchemaKind kind;
  std::vector<std::string> jsons;
};

std::vector<RecordSample> recordSamples() {
  return {{SchemaKind::CallRecord,
           {encodeRecord(fullCallRecord()), encodeRecord(callRecordForTicketId())}},
          {SchemaKind::KnowledgeArticle, {encodeRecord(fullKnowledgeArticle())}},
          {SchemaKind::Contact, {encodeRecord(fullContact())}},
          {SchemaKind::ListEntry, {encodeRecord(fullListEntry())}},
          {SchemaKind::Announcement, {encodeRecord(fullAnnouncement())}},
          {SchemaKind::ChatTranscript, {encodeRecord(fullChatTranscript())}}};
}

TEST(ModelSchema, EmbeddedSchemasAreTheFilesInTheTree) {
  const std::map<std::string, std::string_view> embedded = {{"ticket", ticketSchemaJson()},
                                                            {"event", eventSchemaJson()},
                                                            {"records", recordsSchemaJson()}};
  for (const auto& [name, text] : embedded) {
    std::ifstream file(std::string(HOTLINE_SOURCE_DIR) + "/core/model/schema/" + name +
                       ".schema.json");
    std::stringstream contents;
    contents << file.rdbuf();
    EXPECT_EQ(contents.str(), text) << name;
    EXPECT_EQ(std::string(parsed(text)["$schema"].GetString()),
              "http://json-schema.org/draft-04/schema#");
  }
}

TEST(ModelSchema, FullEncodingsValidate) { // (a)
  expectValid(SchemaKind::Ticket, encodeTicket(fullTicket()));
  expectValid(SchemaKind::Ticket, encodeTicket(minimalTicket()));
  expectValid(SchemaKind::Event, encodeEvent(eventById()));
  expectValid(SchemaKind::Event, encodeEvent(eventByNumber()));
  for (const RecordSample& sample : recordSamples()) {
    for (const std::string& json : sample.jsons) {
      expectValid(sample.kind, json);
    }
  }
}

TEST(ModelSchema, EveryDeclaredPropertyOccursInTheFullEncodings) { // (b), schema side
  const rapidjson::Document ticket_schema = parsed(ticketSchemaJson());
  const rapidjson::Document ticket = parsed(encodeTicket(fullTicket()));
  EXPECT_EQ(propertiesMissingFrom(ticket_schema, ticket_schema, {&ticket}),
            std::vector<std::string>{});

  const rapidjson::Document event_schema = parsed(eventSchemaJson());
  const rapidjson::Document by_id = parsed(encodeEvent(eventById()));
  const rapidjson::Document by_number = parsed(encodeEvent(eventByNumber()));
  EXPECT_EQ(propertiesMissingFrom(event_schema, event_schema, {&by_id, &by_number}),
            std::vector<std::string>{});

  const rapidjson::Document records_schema = parsed(recordsSchemaJson());
  for (const RecordSample& sample : recordSamples()) {
    std::vector<rapidjson::Document> documents;
    for (const std::string& json : sample.jsons) {
      documents.push_back(parsed(json));
    }
    std::vector<const rapidjson::Value*> instances;
    for (const rapidjson::Document& document : documents) {
      instances.push_back(&document);
    }
    const std::string name(schemaKindName(sample.kind));
    ASSERT_TRUE(records_schema["definitions"].HasMember(name.c_str())) << name;
    const rapidjson::Value& definition = records_schema["definitions"][name.c_str()];
    EXPECT_EQ(propertiesMissingFrom(records_schema, definition, instances),
              std::vector<std::string>{})
        << schemaKindName(sample.kind);
  }
  EXPECT_EQ(recordSamples().size(), 6U); // every record kind was walked
}

// Walks describe() like the codecs do and notes, per member path, whether any sample filled it.
class CoverageVisitor {
public:
  std::map<std::string, bool> filled;

  void text(const char* k, const std::string& v, detail::Need = {},
            const detail::StringRule* = {}) {
    mark(k, !v.empty());
  }
  void textList(const char* k, const std::vector<std::string>& v) { mark(k, !v.empty()); }
  void time(const char* k, const Timestamp&) { mark(k, true); }
  void time(const char* k, const std::optional<Timestamp>& v) { mark(k, v.has_value()); }
  void integer(const char* k, int, int64_t) { mark(k, true); }
  void integer(const char* k, const std::optional<int64_t>& v, int64_t) { mark(k, v.has_value()); }
  void number(const char* k, const std::optional<double>& v, detail::NumberRange) {
    mark(k, v.has_value());
  }
  void rawObject(const char* k, const std::string& v) { mark(k, !v.empty()); }
  template <ModelEnum E>
  void choice(const char* k, E) {
    mark(k, true);
  }
  template <ModelEnum E>
  void choice(const char* k, const std::optional<E>& v) {
    mark(k, v.has_value());
  }
  template <typename T>
  void object(const char* k, const T& v, detail::Need = {}) {
    mark(k, !(v == T{}));
    descend(k, v);
  }
  template <typename T>
  void list(const char* k, const std::vector<T>& v, detail::Need = {}) {
    mark(k, !v.empty());
    for (const T& element : v) {
      descend(k, element);
    }
  }
  template <typename T>
  void visit(const T& value) {
    describe(value, *this);
  }

  std::vector<std::string> unfilled() const {
    std::vector<std::string> out;
    for (const auto& [path, was_filled] : filled) {
      if (!was_filled) {
        out.push_back(path);
      }
    }
    return out;
  }

private:
  void mark(const char* key, bool present) {
    bool& slot = filled[prefix_ + "/" + key];
    slot = slot || present;
  }
  template <typename T>
  void descend(const char* key, const T& value) {
    const std::string saved = prefix_;
    prefix_ += std::string("/") + key;
    describe(value, *this);
    prefix_ = saved;
  }
  std::string prefix_;
};

TEST(ModelSchema, SamplesFillEveryMemberTheCodeDescribes) { // (b), code side
  CoverageVisitor ticket;
  ticket.visit(fullTicket());
  EXPECT_EQ(ticket.unfilled(), std::vector<std::string>{});
  EXPECT_GT(ticket.filled.size(), 100U);

  CoverageVisitor event;
  event.visit(eventById());
  event.visit(eventByNumber());
  EXPECT_EQ(event.unfilled(), std::vector<std::string>{});

  CoverageVisitor records;
  records.visit(fullCallRecord());
  records.visit(callRecordForTicketId());
  records.visit(fullKnowledgeArticle());
  records.visit(fullContact());
  records.visit(fullListEntry());
  records.visit(fullAnnouncement());
  records.visit(fullChatTranscript());
  EXPECT_EQ(records.unfilled(), std::vector<std::string>{});
}

template <ModelEnum E>
void expectSchemaEnum(const rapidjson::Value& schema, const char* schema_name) {
  const std::string definition(EnumTraits<E>::kTypeName);
  std::vector<std::string> code;
  for (std::string_view name : enumNames<E>()) {
    code.emplace_back(name);
  }
  EXPECT_EQ(enumValuesOf(schema, definition.c_str()), code)
      << schema_name << " #/definitions/" << definition;
}

TEST(ModelSchema, EnumsListExactlyTheCodesValues) { // (c)
  const rapidjson::Document ticket = parsed(ticketSchemaJson());
  expectSchemaEnum<Channel>(ticket, "ticket");
  expectSchemaEnum<CategoryType>(ticket, "ticket");
  expectSchemaEnum<Urgency>(ticket, "ticket");
  expectSchemaEnum<Confidentiality>(ticket, "ticket");
  expectSchemaEnum<HandlingMode>(ticket, "ticket");
  expectSchemaEnum<Satisfaction>(ticket, "ticket");
  expectSchemaEnum<TicketStatus>(ticket, "ticket");
  expectSchemaEnum<ReviewStatus>(ticket, "ticket");
  expectSchemaEnum<RevisitMethod>(ticket, "ticket");
  const rapidjson::Document event = parsed(eventSchemaJson());
  expectSchemaEnum<EventType>(event, "event");
  const rapidjson::Document records = parsed(recordsSchemaJson());
  expectSchemaEnum<Channel>(records, "records");
  expectSchemaEnum<CallDirection>(records, "records");
  expectSchemaEnum<ListKind>(records, "records");
  expectSchemaEnum<ArticleStatus>(records, "records");
}

} // namespace
} // namespace hotline::model
