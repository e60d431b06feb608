// The JSON profile's normalisation of tickets and events, both directions.

#include "exchange_codec.h"

#include <gtest/gtest.h>

#include <rapidjson/document.h>

namespace hotline::connectors::exchange {
namespace {

constexpr const char* kEscalated =
    R"({"id":"01JDQ3ZK9V7Q4W2M8X5N6B3C1D","refs":[{"system":"yucheng-12345","number":"YC20261128-0001"}],)"
    R"("channel":"phone","title":"路灯不亮","content":"文化路路灯不亮","status":"escalated"})";

rapidjson::Document parsed(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  EXPECT_TRUE(document.IsObject()) << text;
  return document;
}

TEST(InboundTicket, CityNormalisesAnEscalation) {
  Result<InboundTicket> ticket = normaliseInboundTicket(kEscalated, "yucheng-12345", Role::City);
  ASSERT_TRUE(ticket.isOk()) << ticket.status().toString();
  EXPECT_EQ(ticket->peer_number, "YC20261128-0001");
  EXPECT_EQ(ticket->body,
            R"({"refs":[{"system":"yucheng-12345","number":"YC20261128-0001"}],"channel":"county",)"
            R"("title":"路灯不亮","content":"文化路路灯不亮","status":"submitted"})");
}

TEST(InboundTicket, ANumberComesThroughExactly) {
  // 17 significant digits: RapidJSON's default parse rounds this one to 137.88454591.
  Result<InboundTicket> ticket = normaliseInboundTicket(
      R"({"refs":[{"system":"shangqiu-12345","number":"SQ-2"}],"content":"c",)"
      R"("location":{"lng":137.88454590999999,"lat":34.1},"status":"assigned"})",
      "shangqiu-12345", Role::County);
  ASSERT_TRUE(ticket.isOk()) << ticket.status().toString();
  EXPECT_NE(ticket->body.find(R"("location":{"lng":137.88454590999999,"lat":34.1})"),
            std::string::npos)
      << ticket->body;
}

TEST(InboundTicket, CountyMarksADispatchAsFromTheCity) {
  Result<InboundTicket> ticket = normaliseInboundTicket(
      R"({"refs":[{"system":"shangqiu-12345","number":"SQ-1"}],"channel":"web","content":"c","status":"assigned"})",
      "shangqiu-12345", Role::County);
  ASSERT_TRUE(ticket.isOk());
  rapidjson::Document body = parsed(ticket->body);
  EXPECT_STREQ(body["channel"].GetString(), "city");
  EXPECT_STREQ(body["status"].GetString(), "submitted");
}

TEST(InboundTicket, WithoutTheSendersRefIsRefusedNamingRefs) {
  Result<InboundTicket> ticket = normaliseInboundTicket(kEscalated, "shangqiu-12345", Role::County);
  ASSERT_FALSE(ticket.isOk());
  EXPECT_EQ(ticket.status().code(), StatusCode::InvalidArgument);
  EXPECT_EQ(ticket.status().message().rfind("refs: no ref of system \"shangqiu-12345\"", 0), 0u)
      << ticket.status().message();
}

TEST(InboundTicket, NotAnObjectIsRefusedNamingBody) {
  Result<InboundTicket> ticket = normaliseInboundTicket("[1]", "x", Role::City);
  ASSERT_FALSE(ticket.isOk());
  EXPECT_EQ(ticket.status().message(), "body: not a JSON object (a canonical ticket)");
}

// Found by fuzz_exchange_payloads: with a repeated "id" only the first was dropped, and with a
// repeated "status" only the first set, so a reader taking the last value saw the peer's.
TEST(InboundTicket, ARepeatedMemberNameIsRefusedAtAnyDepth) {
  Result<InboundTicket> id = normaliseInboundTicket(
      R"({"id":"T-1","id":"T-2","refs":[{"system":"yucheng-12345","number":"YC-1"}]})",
      "yucheng-12345", Role::City);
  EXPECT_EQ(id.status().message(),
            "body: member \"id\" appears more than once (a canonical ticket)");
  EXPECT_FALSE(normaliseInboundTicket(
                   R"({"refs":[{"system":"yucheng-12345","number":"YC-1","number":"YC-2"}]})",
                   "yucheng-12345", Role::City)
                   .isOk());
  EXPECT_FALSE(readEvent(R"({"ticket":{"id":"T-1"},"ticket":{"id":"T-2"}})").isOk());
  EXPECT_TRUE(normaliseInboundTicket(
                  R"({"a":{"id":1},"b":{"id":2},"refs":[{"system":"yucheng-12345","number":"Y"}]})",
                  "yucheng-12345", Role::City)
                  .isOk());
}

TEST(OutboundTicket, KeepsOurExistingRefAndDropsTheId) {
  Result<OutboundTicket> ticket =
      normaliseOutboundTicket(kEscalated, "yucheng-12345", "OTHER", "01JDQ3ZK9V7Q4W2M8X5N6B3C1D");
  ASSERT_TRUE(ticket.isOk());
  EXPECT_EQ(ticket->our_number, "YC20261128-0001");
  rapidjson::Document body = parsed(ticket->body);
  EXPECT_FALSE(body.HasMember("id"));
  EXPECT_EQ(body["refs"].Size(), 1u);
  EXPECT_STREQ(body["status"].GetString(), "escalated"); // the receiver decides its own status
}

TEST(OutboundTicket, AddsOurRefFromTheHostsAttributeOrTheTicketId) {
  const std::string plain = R"({"id":"T1","channel":"phone","content":"c","status":"escalated"})";
  Result<OutboundTicket> known = normaliseOutboundTicket(plain, "yucheng-12345", "YC-9", "T1");
  ASSERT_TRUE(known.isOk());
  EXPECT_EQ(known->our_number, "YC-9");
  EXPECT_EQ(known->body, R"({"channel":"phone","content":"c","status":"escalated",)"
                         R"("refs":[{"system":"yucheng-12345","number":"YC-9"}]})");
  Result<OutboundTicket> fallback = normaliseOutboundTicket(plain, "yucheng-12345", "", "T1");
  ASSERT_TRUE(fallback.isOk());
  EXPECT_EQ(fallback->our_number, "T1");
}

TEST(OutboundEvent, NamesTheTicketByOurRefAndKeepsTheEventId) {
  Result<std::string> event = normaliseOutboundEvent(
      R"({"event_id":"EV-1","ticket":{"id":"01JDQ3ZK9V7Q4W2M8X5N6B3C1D"},"type":"urged","at":"2026-11-28T10:00:00+08:00"})",
      "yucheng-12345", "YC-9");
  ASSERT_TRUE(event.isOk());
  EXPECT_EQ(*event, R"({"event_id":"EV-1","ticket":{"system":"yucheng-12345","number":"YC-9"},)"
                    R"("type":"urged","at":"2026-11-28T10:00:00+08:00"})");
}

TEST(ReadEvent, ReadsTheTicketRefIdAndSource) {
  Result<EventFacts> facts = readEvent(
      R"({"event_id":"E1","ticket":{"system":"shangqiu-12345","number":"SQ-1"},"source":"shangqiu-12345","type":"signed","at":"2026-11-28T10:00:00+08:00"})");
  ASSERT_TRUE(facts.isOk());
  EXPECT_EQ(facts->ref_system, "shangqiu-12345");
  EXPECT_EQ(facts->ref_number, "SQ-1");
  EXPECT_EQ(facts->event_id, "E1");
  EXPECT_EQ(facts->source, "shangqiu-12345");
  Result<EventFacts> by_id = readEvent(R"({"ticket":{"id":"T1"},"type":"signed"})");
  ASSERT_TRUE(by_id.isOk());
  EXPECT_EQ(by_id->ticket_id, "T1");
}

TEST(ReadEvent, AnEventNamingNoTicketIsRefused) {
  Result<EventFacts> facts = readEvent(R"({"type":"signed"})");
  ASSERT_FALSE(facts.isOk());
  EXPECT_EQ(facts.status().message().rfind("ticket: the event names no ticket", 0), 0u);
}

TEST(ReadArticle, ReadsTheIdAndSource) {
  Result<ArticleFacts> article =
      readArticle(R"({"id":"KB-1","title":"t","content":"c","source":"shangqiu-12345"})");
  ASSERT_TRUE(article.isOk()) << article.status().toString();
  EXPECT_EQ(article->id, "KB-1");
  EXPECT_EQ(article->source, "shangqiu-12345");
  EXPECT_EQ(readArticle(R"({"id":""})").status().message(),
            "id: the article has no id (a non-empty string is required)");
  EXPECT_EQ(readArticle(R"({"id":7})").status().code(), StatusCode::InvalidArgument);
  EXPECT_EQ(readArticle("x").status().message(),
            "body: not a JSON object (a canonical knowledge article)");
}

TEST(ContentType, XmlIsRecognisedWhateverItsSpelling) {
  EXPECT_TRUE(isXml("application/xml"));
  EXPECT_TRUE(isXml("text/xml; charset=utf-8"));
  EXPECT_TRUE(isXml("application/soap+XML"));
  EXPECT_FALSE(isXml("application/json"));
  EXPECT_FALSE(isXml(""));
}

} // namespace
} // namespace hotline::connectors::exchange
