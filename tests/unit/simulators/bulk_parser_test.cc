#include "simulators/core_platform/src/bulk_parser.h"

#include <gtest/gtest.h>

#include "tests/unit/simulators/sim_payloads.h"

namespace hotline::sim::core_platform {
namespace {

using testing::bulkLine;
using testing::eventJson;
using testing::ticketJson;

const std::string kTicket = "01HV3K8Z5Q9W2X7Y4T6R1M0NBC";

TEST(SimBulkParser, ReadsTicketAndEventLines) {
  const std::string body =
      bulkLine("k1", kTicket, 1, "ticket", ticketJson(kTicket)) + "\n" +
      bulkLine("k2", kTicket, 2, "event", eventJson(kTicket, model::EventType::Assigned)) + "\n";
  std::vector<BulkLine> lines = parseBulkBody(body);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].status, 0) << lines[0].message;
  EXPECT_EQ(lines[0].item.idempotency_key, "k1");
  EXPECT_EQ(lines[0].item.ticket_id, kTicket);
  EXPECT_EQ(lines[0].item.sequence, 1);
  EXPECT_EQ(lines[0].item.kind, ItemKind::Ticket);
  EXPECT_EQ(lines[1].status, 0) << lines[1].message;
  EXPECT_EQ(lines[1].item.kind, ItemKind::Event);
  EXPECT_EQ(lines[1].item.event_type, model::EventType::Assigned);
  EXPECT_EQ(lines[1].line_number, 2u);
}

TEST(SimBulkParser, BlankLinesGetNoResultAndCrLfIsAccepted) {
  const std::string line = bulkLine("k1", kTicket, 1, "ticket", ticketJson(kTicket));
  std::vector<BulkLine> lines = parseBulkBody("\n" + line + "\r\n  \r\n" + line + "\r\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].status, 0) << lines[0].message;
  EXPECT_EQ(lines[0].line_number, 2u);
  EXPECT_EQ(lines[1].line_number, 4u);
  EXPECT_TRUE(parseBulkBody("").empty());
}

TEST(SimBulkParser, MalformedJsonIs400NamingTheLine) {
  std::vector<BulkLine> lines =
      parseBulkBody(bulkLine("k1", kTicket, 1, "ticket", ticketJson(kTicket)) + "\n{oops\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].status, 0);
  EXPECT_EQ(lines[1].status, 400);
  EXPECT_NE(lines[1].message.find("line 2: not JSON"), std::string::npos) << lines[1].message;
  EXPECT_EQ(parseBulkLine("[1,2]", 1).status, 400);
}

TEST(SimBulkParser, ListsEveryStructuralProblemAndKeepsAReadableKey) {
  BulkLine line = parseBulkLine(
      R"({"idempotency_key":"k9","sequence":0,"kind":"note","payload":[],"extra":1})", 7);
  EXPECT_EQ(line.status, 400);
  EXPECT_EQ(line.item.idempotency_key, "k9");
  for (const char* expected :
       {"line 7", "ticket_id", "sequence", "kind", "payload", "unknown member \"extra\""}) {
    EXPECT_NE(line.message.find(expected), std::string::npos) << expected << " in " << line.message;
  }
}

TEST(SimBulkParser, SequenceMustBeAPositiveInteger) {
  for (const char* sequence : {"0", "-1", "1.5", "\"2\"", "null"}) {
    std::string text = R"({"idempotency_key":"k","ticket_id":"T","sequence":)" +
                       std::string(sequence) + R"(,"kind":"ticket","payload":)" +
                       ticketJson(kTicket) + "}";
    EXPECT_EQ(parseBulkLine(text, 1).status, 400) << sequence;
  }
}

TEST(SimBulkParser, MissingOrOverlongKeyIs400) {
  EXPECT_EQ(parseBulkLine(bulkLine("", kTicket, 1, "ticket", ticketJson(kTicket)), 1).status, 400);
  const std::string long_key(kMaxKeyLength + 1, 'k');
  BulkLine line = parseBulkLine(bulkLine(long_key, kTicket, 1, "ticket", ticketJson(kTicket)), 1);
  EXPECT_EQ(line.status, 400);
  EXPECT_NE(line.message.find("longer than"), std::string::npos);
}

TEST(SimBulkParser, InvalidPayloadIs422WithTheDecodersMessage) {
  BulkLine line =
      parseBulkLine(bulkLine("k1", kTicket, 1, "event", testing::invalidEventJson()), 3);
  EXPECT_EQ(line.status, 422);
  EXPECT_EQ(line.item.idempotency_key, "k1");
  EXPECT_NE(line.message.find("/ticket"), std::string::npos) << line.message;
  EXPECT_NE(line.message.find("line 3"), std::string::npos) << line.message;
}

TEST(SimBulkParser, PayloadIsDecodedAsTheDeclaredKind) {
  BulkLine line = parseBulkLine(
      bulkLine("k1", kTicket, 1, "ticket", eventJson(kTicket, model::EventType::Closed)), 1);
  EXPECT_EQ(line.status, 422) << line.message;
}

TEST(SimBulkParser, KnowledgeLinesAreDecodedAsArticlesUnderKbKeys) {
  BulkLine line =
      parseBulkLine(bulkLine("k1", "kb:KB-1", 4, "knowledge", testing::knowledgeJson("KB-1")), 1);
  EXPECT_EQ(line.status, 0) << line.message;
  EXPECT_EQ(line.item.kind, ItemKind::Knowledge);
  EXPECT_EQ(line.item.ticket_id, "kb:KB-1");
  EXPECT_EQ(line.item.sequence, 4);

  BulkLine ticket = parseBulkLine(bulkLine("k2", "kb:X", 1, "knowledge", ticketJson(kTicket)), 2);
  EXPECT_EQ(ticket.status, 422);
  EXPECT_NE(ticket.message.find("line 2: invalid knowledge article"), std::string::npos)
      << ticket.message;
  BulkLine other =
      parseBulkLine(bulkLine("k3", "KB-1", 1, "knowledge", testing::knowledgeJson("KB-1")), 3);
  EXPECT_EQ(other.status, 400);
  EXPECT_EQ(other.message, R"(line 3: ticket_id: expected "kb:KB-1" ("kb:" + the article's id))");
}

} // namespace
} // namespace hotline::sim::core_platform
