// (d) Invalid documents are rejected by the schema validator and by the decoder alike, and
// the schema's string patterns accept exactly what the decoder's format rules accept.
#include <gtest/gtest.h>

#include "core/model/event_codec.h"
#include "core/model/record_codec.h"
#include "core/model/schemas.h"
#include "core/model/ticket_codec.h"

namespace hotline::model {
namespace {

constexpr std::string_view kTicketBase =
    R"("channel":"phone","content":"路灯不亮","status":"submitted")";

std::string ticketWith(std::string_view extra) {
  return "{" + std::string(kTicketBase) + (extra.empty() ? "" : ",") + std::string(extra) + "}";
}

TEST(ModelSchemaRejects, InvalidTicketsFailSchemaAndDecoder) {
  const std::vector<std::string> invalid = {
      R"({"channel":"phone","status":"submitted"})",
      ticketWith(R"("colour":"red")"),
      ticketWith(R"("urgency":"asap")"),
      ticketWith(R"("title":"")"),
      ticketWith(R"("refs":[])"),
      ticketWith(R"("requester":{})"),
      ticketWith(R"("requester":{"phone":13812345678})"),
      ticketWith(R"("created_at":"2024/04/10 09:30")"),
      ticketWith(R"("region":{"county":"4114"})"),
      ticketWith(R"("address":{"lng":200})"),
      ticketWith(R"("assignments":[{"seq":0}])"),
      ticketWith(R"("assignments":[{"at":"2024-04-10T09:30:00+08:00"}])"),
      ticketWith(R"("attachments":[{"sha256":"XYZ"}])"),
      ticketWith(R"("attachments":[{"size":1.5}])"),
      ticketWith(R"("id":"01hv3k8z5q9w2x7y4t6r1m0nbc")"),
      ticketWith(R"("title":null)"),
      ticketWith(R"("refs":[{"system":"a"}])"),
      ticketWith(R"("revisits":[{"seq":1,"method":"letter"}])"),
      ticketWith(R"("extension_reviews":[{"seq":1,"status":"maybe"}])"),
      R"(["not","an","object"])",
  };
  for (const std::string& json : invalid) {
    EXPECT_FALSE(validateWithSchema(SchemaKind::Ticket, json).isOk()) << "schema took " << json;
    EXPECT_FALSE(decodeTicket(json).isOk()) << "decoder took " << json;
  }
  EXPECT_TRUE(validateWithSchema(SchemaKind::Ticket, ticketWith("")).isOk());
}

TEST(ModelSchemaRejects, InvalidEventsFailSchemaAndDecoder) {
  const std::string tail = R"("type":"signed","at":"2024-04-11T08:00:00+08:00")";
  const std::vector<std::string> invalid = {
      R"({"ticket":{"id":"01HV3K8Z5Q9W2X7Y4T6R1M0NBC","system":"a","number":"b"},)" + tail + "}",
      R"({"ticket":{"system":"a"},)" + tail + "}",
      R"({"ticket":{},)" + tail + "}",
      R"({"ticket":{"id":"01HV3K8Z5Q9W2X7Y4T6R1M0NBC"},)" + tail + R"(,"data":[]})",
      R"({"ticket":{"id":"01HV3K8Z5Q9W2X7Y4T6R1M0NBC"},)" + tail + R"(,"data":{}})",
      R"({"ticket":{"id":"01HV3K8Z5Q9W2X7Y4T6R1M0NBC"},"type":"done","at":"2024-04-11T08:00:00"})",
      R"({"ticket":{"id":"01HV3K8Z5Q9W2X7Y4T6R1M0NBC"},"type":"signed"})",
      R"({"ticket":{"id":"01HV3K8Z5Q9W2X7Y4T6R1M0NBC"},)" + tail + R"(,"actor":{"x":"y"}})",
  };
  for (const std::string& json : invalid) {
    EXPECT_FALSE(validateWithSchema(SchemaKind::Event, json).isOk()) << "schema took " << json;
    EXPECT_FALSE(decodeEvent(json).isOk()) << "decoder took " << json;
  }
}

TEST(ModelSchemaRejects, InvalidRecordsFailSchemaAndDecoder) {
  const std::string call = R"({"id":"C1","direction":"inbound"})";
  EXPECT_FALSE(validateWithSchema(SchemaKind::CallRecord, call).isOk());
  EXPECT_FALSE(decodeCallRecord(call).isOk());
  const std::string entry = R"({"list":"grey","phone":"13900000000"})";
  EXPECT_FALSE(validateWithSchema(SchemaKind::ListEntry, entry).isOk());
  EXPECT_FALSE(decodeListEntry(entry).isOk());
  const std::string chat = R"({"id":"c","channel":"wechat","messages":[]})";
  EXPECT_FALSE(validateWithSchema(SchemaKind::ChatTranscript, chat).isOk());
  EXPECT_FALSE(decodeChatTranscript(chat).isOk());
  const std::string article = R"({"id":"K","title":"t","content":"c","tags":[""]})";
  EXPECT_FALSE(validateWithSchema(SchemaKind::KnowledgeArticle, article).isOk());
  EXPECT_FALSE(decodeKnowledgeArticle(article).isOk());
  // A record of one kind is not valid as another.
  const std::string contact = R"({"name":"县信访局"})";
  EXPECT_TRUE(validateWithSchema(SchemaKind::Contact, contact).isOk());
  EXPECT_FALSE(validateWithSchema(SchemaKind::Announcement, contact).isOk());
}

TEST(ModelSchemaRejects, ErrorsNameThePathAndKeyword) {
  const Status status = validateWithSchema(SchemaKind::Ticket, ticketWith(R"("urgency":"asap")"));
  EXPECT_EQ(status.code(), StatusCode::InvalidArgument);
  EXPECT_EQ(status.message(),
            "ticket fails schema: /urgency violates 'enum' (#/definitions/urgency)");
  EXPECT_NE(validateWithSchema(SchemaKind::Ticket, "{").message().find("malformed JSON"),
            std::string::npos);
  EXPECT_EQ(findSchemaKind("list_entry"), SchemaKind::ListEntry);
  EXPECT_FALSE(findSchemaKind("ticket_event").has_value());
}

// For each candidate value, schema and decoder must agree on acceptance.
void expectAgreement(const std::string& member_json_prefix, const std::vector<std::string>& values,
                     const std::string& member_json_suffix = "") {
  for (const std::string& value : values) {
    const std::string json =
        ticketWith(member_json_prefix + "\"" + value + "\"" + member_json_suffix);
    EXPECT_EQ(validateWithSchema(SchemaKind::Ticket, json).isOk(), decodeTicket(json).isOk())
        << json;
  }
}

TEST(ModelSchemaRejects, PatternsAgreeWithTheDecodersFormatRules) {
  expectAgreement(R"("region":{"county":)",
                  {"411425", "41142", "4114250", "41142a", "411425100", "４１１４２５"}, "}");
  expectAgreement(R"("address":{"region_code":)",
                  {"411425", "411425100", "411425100001", "4114251", "41142510000", "x"}, "}");
  expectAgreement(R"("id":)", {"01HV3K8Z5Q9W2X7Y4T6R1M0NBC", "7ZZZZZZZZZZZZZZZZZZZZZZZZZ",
                               "8ZZZZZZZZZZZZZZZZZZZZZZZZZ", "01HV3K8Z5Q9W2X7Y4T6R1M0NBI",
                               "01HV3K8Z5Q9W2X7Y4T6R1M0NB", "01hv3k8z5q9w2x7y4t6r1m0nbc"});
  expectAgreement(
      R"("attachments":[{"sha256":)",
      {std::string(64, 'a'), std::string(64, 'A'), std::string(63, 'a'), std::string(64, 'g')},
      "}]");
  expectAgreement(R"("created_at":)",
                  {"2024-04-10T09:30:00", "2024-04-10T09:30:00Z", "2024-04-10T09:30:00+0800",
                   "2024-04-10T09:30:00-03:30", "2024-04-10T09:30:00.123456789+08:00",
                   "2024-04-10 09:30:00", "2024-04-10T09:30:00.1234567890+08:00",
                   "2024-04-10T09:30:00+08", "2024-04-10T09:30:00z", "2024-04-10T09:30"});
}

TEST(ModelSchemaRejects, OnlyTheDecoderKnowsTheCalendar) {
  // The schema's pattern checks the syntax; impossible dates are the decoder's to reject.
  const std::string json = ticketWith(R"("created_at":"2024-02-30T09:30:00+08:00")");
  EXPECT_TRUE(validateWithSchema(SchemaKind::Ticket, json).isOk());
  EXPECT_FALSE(decodeTicket(json).isOk());
}

} // namespace
} // namespace hotline::model
