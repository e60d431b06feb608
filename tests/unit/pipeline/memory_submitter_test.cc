#include "core/pipeline/memory_submitter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hotline::pipeline {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

InboundMessage message(std::string kind, std::string body, std::string key = "",
                       std::string source = "intake") {
  InboundMessage m;
  m.source = std::move(source);
  m.connector_type = "example";
  m.kind = std::move(kind);
  m.content_type = "application/json";
  m.body = std::move(body);
  m.idempotency_key = std::move(key);
  return m;
}

const std::string kTicket =
    R"({"refs":[{"system":"shangqiu-12345","number":"SQ2024041000123"}],"channel":"city",)"
    R"("content":"小区门口积水严重","status":"submitted","requester":{"phone":"13812345678"}})";

std::string event(const std::string& ticket_ref, const std::string& type,
                  const std::string& data = "") {
  return R"({"ticket":)" + ticket_ref + R"(,"type":")" + type +
         R"(","at":"2026-11-28T09:00:00+08:00")" + (data.empty() ? "" : ",\"data\":" + data) + "}";
}

TEST(MemorySubmitter, AcceptsATicketAndIssuesAnId) {
  MemorySubmitter submitter;
  auto outcome = submitter.submit(message("ticket", kTicket, "m-1"));
  ASSERT_TRUE(outcome.isOk()) << outcome.status().toString();
  EXPECT_EQ(outcome->http_status, 201);
  EXPECT_FALSE(outcome->duplicate);
  EXPECT_EQ(outcome->ticket_id.size(), 26u);
  EXPECT_THAT(outcome->body, HasSubstr(outcome->ticket_id));
  ASSERT_TRUE(submitter.ticketState(outcome->ticket_id).has_value());
  EXPECT_EQ(submitter.ticketState(outcome->ticket_id)->status, model::TicketStatus::Submitted);
}

TEST(MemorySubmitter, ADuplicateGetsTheFirstAnswerAndCreatesNothing) {
  MemorySubmitter submitter;
  auto first = submitter.submit(message("ticket", kTicket, "m-1"));
  ASSERT_TRUE(first.isOk());
  auto again = submitter.submit(message("ticket", kTicket, "m-1"));
  ASSERT_TRUE(again.isOk()) << again.status().toString();
  EXPECT_EQ(again->http_status, 200);
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->ticket_id, first->ticket_id);
}

TEST(MemorySubmitter, WithoutAMessageIdTheBodyDigestDeduplicates) {
  MemorySubmitter submitter;
  auto first = submitter.submit(message("ticket", kTicket));
  auto again = submitter.submit(message("ticket", kTicket));
  ASSERT_TRUE(first.isOk());
  ASSERT_TRUE(again.isOk());
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->ticket_id, first->ticket_id);
  EXPECT_THAT(dedupeKey(message("ticket", kTicket)), HasSubstr("intake\nsha256:"));
}

TEST(MemorySubmitter, TheSameMessageIdFromAnotherSourceIsNotADuplicate) {
  MemorySubmitter submitter;
  ASSERT_TRUE(submitter.submit(message("ticket", kTicket, "m-1", "a")).isOk());
  auto other = submitter.submit(message("ticket", kTicket, "m-1", "b"));
  ASSERT_FALSE(other.isOk()); // not a duplicate: it is a second copy of a known ticket number
  EXPECT_EQ(other.status().code(), StatusCode::Conflict);
  EXPECT_THAT(other.status().message(), HasSubstr("shangqiu-12345/SQ2024041000123"));
}

TEST(MemorySubmitter, AMalformedTicketIsRefusedWithEveryProblemAndNoPersonalValue) {
  MemorySubmitter submitter;
  auto outcome = submitter.submit(message(
      "ticket", R"({"channel":"fax","status":"submitted","requester":{"phone":13812345678}})"));
  ASSERT_FALSE(outcome.isOk());
  EXPECT_EQ(outcome.status().code(), StatusCode::InvalidArgument);
  EXPECT_THAT(outcome.status().message(), HasSubstr("/channel"));
  EXPECT_THAT(outcome.status().message(), HasSubstr("/requester/phone"));
  EXPECT_THAT(outcome.status().message(), HasSubstr("/content"));
  EXPECT_THAT(outcome.status().message(), Not(HasSubstr("13812345678")));
  // Refused means nothing was kept: the same body, fixed, is not a "duplicate".
}

TEST(MemorySubmitter, EventsFollowTheLifecycleAndFindTicketsByTheirNumber) {
  MemorySubmitter submitter;
  auto created = submitter.submit(message("ticket", kTicket, "m-1"));
  ASSERT_TRUE(created.isOk());
  const std::string by_number = R"({"system":"shangqiu-12345","number":"SQ2024041000123"})";

  auto early = submitter.submit(message("event", event(by_number, "signed"), "e-1"));
  ASSERT_FALSE(early.isOk());
  EXPECT_EQ(early.status().code(), StatusCode::Conflict);
  EXPECT_THAT(early.status().message(), HasSubstr("L-SIGN"));
  EXPECT_EQ(submitter.ticketState(created->ticket_id)->status, model::TicketStatus::Submitted);

  auto accepted = submitter.submit(message("event", event(by_number, "accepted"), "e-2"));
  ASSERT_TRUE(accepted.isOk()) << accepted.status().toString();
  EXPECT_EQ(accepted->ticket_id, created->ticket_id);
  EXPECT_EQ(submitter.ticketState(created->ticket_id)->status, model::TicketStatus::Accepted);
}

TEST(MemorySubmitter, AnEventForAnUnknownTicketIsNotFound) {
  MemorySubmitter submitter;
  auto outcome = submitter.submit(
      message("event", event(R"({"id":"01JDZZZZZZZZZZZZZZZZZZZZZZ"})", "accepted")));
  ASSERT_FALSE(outcome.isOk());
  EXPECT_EQ(outcome.status().code(), StatusCode::NotFound);
  EXPECT_THAT(outcome.status().message(), HasSubstr("01JDZZZZZZZZZZZZZZZZZZZZZZ"));
}

TEST(MemorySubmitter, RefusesWhatItCannotRead) {
  MemorySubmitter submitter;
  InboundMessage xml = message("ticket", "<ticket/>");
  xml.content_type = "application/xml";
  auto refused = submitter.submit(xml);
  ASSERT_FALSE(refused.isOk());
  EXPECT_THAT(refused.status().message(), HasSubstr("application/xml"));
  auto unknown_kind = submitter.submit(message("fax", "{}"));
  ASSERT_FALSE(unknown_kind.isOk());
  EXPECT_THAT(unknown_kind.status().message(), HasSubstr("\"fax\""));
}

} // namespace
} // namespace hotline::pipeline
