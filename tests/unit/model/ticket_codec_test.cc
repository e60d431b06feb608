#include "core/model/ticket_codec.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>

#include "tests/unit/model/sample_model.h"

namespace hotline::model {
namespace {

using samples::fullTicket;
using samples::minimalTicket;

Ticket decodedOk(std::string_view json) {
  Result<Ticket> decoded = decodeTicket(json);
  EXPECT_TRUE(decoded.isOk()) << decoded.status().toString();
  return decoded.isOk() ? *decoded : Ticket{};
}

std::string pretty(const std::string& compact) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseFullPrecisionFlag>(compact.data(), compact.size());
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  document.Accept(writer);
  return buffer.GetString();
}

TEST(ModelTicketCodec, FullTicketRoundTripsBothWays) {
  const Ticket ticket = fullTicket();
  const std::string json = encodeTicket(ticket);
  const Ticket decoded = decodedOk(json);
  EXPECT_EQ(decoded, ticket);
  EXPECT_EQ(encodeTicket(decoded), json); // byte for byte
}

TEST(ModelTicketCodec, EncodingIsCompactOrderedAndKeepsChineseText) {
  const std::string json = encodeTicket(fullTicket());
  EXPECT_EQ(
      json.rfind(R"({"id":"01HV3K8Z5Q9W2X7Y4T6R1M0NBC","refs":[{"system":"yucheng-12345",)", 0),
      0U);
  EXPECT_NE(json.find(R"("region":{"county":"411425","city":"411400","province":"410000"})"),
            std::string::npos);
  EXPECT_NE(json.find(R"("lng":115.863748,"lat":34.400837)"), std::string::npos);
  EXPECT_NE(json.find(R"("handled_at":"2024-04-12T16:20:00.250+08:00")"), std::string::npos);
  EXPECT_NE(json.find(R"("closed_at":"2024-04-13T02:05:00+00:00")"), std::string::npos);
  EXPECT_NE(json.find("“幸福家园”小区门口"), std::string::npos); // UTF-8, not \u escapes
  EXPECT_NE(json.find(R"(三天。\n市民反映：\"希望尽快疏通排水管道\"\\谢谢)"), std::string::npos);
  EXPECT_EQ(json.find("\": "), std::string::npos); // compact: no insignificant whitespace
  EXPECT_EQ(json.find(", \""), std::string::npos);
  EXPECT_EQ(json.find('\n'), std::string::npos); // newlines in values are escaped
  // History sections in the fixed order, after the times.
  const size_t closed = json.find("\"closed_at\"");
  const size_t assignments = json.find("\"assignments\"");
  const size_t flow = json.find("\"flow\"");
  EXPECT_LT(closed, assignments);
  EXPECT_LT(assignments, flow);
  EXPECT_EQ(json.back(), '}');
}

TEST(ModelTicketCodec, MinimalTicketHasExactlyTheRequiredMembers) {
  const std::string json = encodeTicket(minimalTicket());
  EXPECT_EQ(
      json,
      R"({"channel":"wechat","content":"建议在县人民公园增设公共厕所。","status":"submitted"})");
  EXPECT_EQ(decodedOk(json), minimalTicket());
}

TEST(ModelTicketCodec, AbsentMeansOmittedNeverEmpty) {
  Ticket ticket = minimalTicket();
  ticket.requester.phone = "13812345678"; // only one member of the object
  ticket.address.lat = 0.0;               // zero is a value, not absence
  ticket.assignments.push_back(Assignment{1, {}, {}, {}, {}, {}, {}});
  const std::string json = encodeTicket(ticket);
  EXPECT_NE(json.find(R"("requester":{"phone":"13812345678"})"), std::string::npos);
  EXPECT_NE(json.find(R"("address":{"lat":0.0})"), std::string::npos);
  EXPECT_NE(json.find(R"("assignments":[{"seq":1}])"), std::string::npos);
  EXPECT_EQ(json.find("\"title\""), std::string::npos);
  EXPECT_EQ(json.find("\"category\""), std::string::npos);
  EXPECT_EQ(json.find("\"refs\""), std::string::npos);
  EXPECT_EQ(decodedOk(json), ticket);
}

TEST(ModelTicketCodec, NonCanonicalInputDecodesAndReencodesCanonically) {
  const std::string canonical = encodeTicket(fullTicket());
  EXPECT_EQ(encodeTicket(decodedOk(pretty(canonical))), canonical);

  const Ticket t = decodedOk(R"({"status":"accepted","content":"路灯不亮","channel":"app",
      "created_at":"2024-04-10T01:30:00Z","submitted_at":"2024-04-10T09:30:00",
      "accepted_at":"2024-04-10T09:30:00.5+0800","address":{"lng":116}})");
  EXPECT_EQ(
      encodeTicket(t),
      R"({"channel":"app","content":"路灯不亮","address":{"lng":116.0},"status":"accepted",)"
      R"("created_at":"2024-04-10T01:30:00+00:00","submitted_at":"2024-04-10T09:30:00+08:00",)"
      R"("accepted_at":"2024-04-10T09:30:00.500+08:00"})");
}

TEST(ModelTicketCodec, CoordinatesKeepEveryDigit) {
  Ticket ticket = minimalTicket();
  ticket.address.lng = 115.86374812345678;
  ticket.address.lat = -0.1;
  const Ticket decoded = decodedOk(encodeTicket(ticket));
  EXPECT_EQ(decoded.address.lng, ticket.address.lng);
  EXPECT_EQ(decoded.address.lat, ticket.address.lat);
}

TEST(ModelTicketCodec, WritesIntoALargerDocumentAndDecodesFromAValue) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("tickets");
  writer.StartArray();
  writeTicket(writer, fullTicket());
  writeTicket(writer, minimalTicket());
  writer.EndArray();
  writer.EndObject();

  rapidjson::Document envelope;
  envelope.Parse<rapidjson::kParseFullPrecisionFlag>(buffer.GetString());
  ASSERT_FALSE(envelope.HasParseError());
  Result<Ticket> first = decodeTicket(envelope["tickets"][0]);
  Result<Ticket> second = decodeTicket(envelope["tickets"][1]);
  ASSERT_TRUE(first.isOk()) << first.status().toString();
  ASSERT_TRUE(second.isOk()) << second.status().toString();
  EXPECT_EQ(*first, fullTicket());
  EXPECT_EQ(*second, minimalTicket());
}

TEST(ModelTicketCodec, EveryHistorySectionSurvivesOnItsOwn) {
  const Ticket full = fullTicket();
  Ticket ticket = minimalTicket();
  ticket.revisits = full.revisits;
  ticket.return_reviews = full.return_reviews;
  const Ticket decoded = decodedOk(encodeTicket(ticket));
  ASSERT_EQ(decoded.revisits.size(), 1U);
  EXPECT_EQ(decoded.revisits[0].method, RevisitMethod::Phone);
  EXPECT_EQ(decoded.revisits[0].satisfaction, Satisfaction::Satisfied);
  ASSERT_EQ(decoded.return_reviews.size(), 1U);
  EXPECT_EQ(decoded.return_reviews[0].status, ReviewStatus::Rejected);
  EXPECT_EQ(decoded, ticket);
}

} // namespace
} // namespace hotline::model
