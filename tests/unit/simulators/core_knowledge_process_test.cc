// Knowledge articles at the core platform simulator (`hotline-sim core`): POST
// /api/v1/knowledge and "kind":"knowledge" bulk lines, through the real binary.

#include <gtest/gtest.h>

#include "tests/unit/simulators/sim_client.h"
#include "tests/unit/simulators/sim_payloads.h"
#include "tests/unit/simulators/sim_process.h"

namespace hotline::sim::testing {
namespace {

class SimCoreKnowledge : public ::testing::Test {
protected:
  void SetUp() override {
    core_ = startCore();
    ASSERT_GT(core_.port, 0);
    client_ = std::make_unique<SimClient>(core_.port);
  }

  static Delivery article(const std::string& key, const std::string& id, int sequence) {
    return Delivery{key, "kb:" + id, std::to_string(sequence), knowledgeJson(id)};
  }

  RunningCore core_;
  std::unique_ptr<SimClient> client_;
};

TEST_F(SimCoreKnowledge, AnArticleIsAcceptedOnceAndListedUnderItsOrderingKey) {
  Reply created = client_->postKnowledge(article("kb-1", "KB-0001", 1));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(std::string(created.json()["data"]["platform_id"].GetString()).substr(0, 2), "CP");
  Reply again = client_->postKnowledge(article("kb-1", "KB-0001", 1));
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, created.body);
  ASSERT_EQ(client_->postKnowledge(article("kb-2", "KB-0001", 2)).status, 201); // an update

  Reply listed = client_->get("/sim/tickets/kb:KB-0001");
  ASSERT_EQ(listed.status, 200) << listed.body;
  rapidjson::Document track = listed.json();
  EXPECT_STREQ(track["ticket_id"].GetString(), "kb:KB-0001");
  ASSERT_EQ(track["items"].Size(), 2u);
  EXPECT_STREQ(track["items"][0]["kind"].GetString(), "knowledge");
  EXPECT_STREQ(track["items"][0]["idempotency_key"].GetString(), "kb-1");
  EXPECT_FALSE(track["items"][0].HasMember("type"));
  EXPECT_EQ(track["items"][1]["sequence"].GetInt(), 2);
  auto stats = client_->stats();
  EXPECT_EQ(stats["received"], 3u);
  EXPECT_EQ(stats["accepted"], 2u);
  EXPECT_EQ(stats["duplicates"], 1u);
  EXPECT_EQ(stats["knowledge"], 2u);
  EXPECT_EQ(stats["tickets"], 0u) << "an article is not a ticket";
  EXPECT_EQ(stats["order_violations"], 0u);
}

TEST_F(SimCoreKnowledge, HeadersFollowTheTicketRules) {
  const std::string body = knowledgeJson("KB-7");
  Reply no_key = client_->postKnowledge(Delivery{"", "kb:KB-7", "1", body});
  EXPECT_EQ(no_key.status, 400);
  EXPECT_NE(no_key.body.find("missing Idempotency-Key header"), std::string::npos) << no_key.body;
  Reply no_ticket = client_->postKnowledge(Delivery{"k", "", "1", body});
  EXPECT_EQ(no_ticket.status, 400);
  EXPECT_NE(no_ticket.body.find("X-Hotline-Ticket"), std::string::npos) << no_ticket.body;
  EXPECT_EQ(client_->postKnowledge(Delivery{"k", "kb:KB-7", "0", body}).status, 400);
  EXPECT_EQ(client_->postKnowledge(Delivery{"k", "kb:KB-7", "", body}).status, 400);
  Reply other_key = client_->postKnowledge(Delivery{"k", "kb:KB-8", "1", body});
  EXPECT_EQ(other_key.status, 400);
  EXPECT_NE(other_key.body.find(R"(X-Hotline-Ticket: expected \"kb:KB-7\")"), std::string::npos)
      << other_key.body;
  auto stats = client_->stats();
  EXPECT_EQ(stats["accepted"], 0u);
  EXPECT_EQ(stats["rejected"], 5u);
}

TEST_F(SimCoreKnowledge, AnInvalidArticleIs422WithTheDecodersMessage) {
  Reply no_title = client_->postKnowledge(
      Delivery{"k1", "kb:KB-9", "1", R"({"id":"KB-9","content":"没有标题"})"});
  EXPECT_EQ(no_title.status, 422);
  EXPECT_NE(no_title.body.find("invalid knowledge article"), std::string::npos) << no_title.body;
  EXPECT_NE(no_title.body.find("/title"), std::string::npos) << no_title.body;
  // A ticket is not an article.
  Reply ticket = client_->postKnowledge(Delivery{"k2", "kb:X", "1", ticketJson(newTicket())});
  EXPECT_EQ(ticket.status, 422) << ticket.body;
  EXPECT_EQ(client_->postKnowledge(Delivery{"k3", "kb:X", "1", "not json"}).status, 422);
  EXPECT_EQ(client_->stats()["rejected"], 3u);
  EXPECT_EQ(client_->get("/sim/tickets/kb:KB-9").status, 404);
}

TEST_F(SimCoreKnowledge, BulkLinesOfKindKnowledge) {
  const std::string id = newTicket();
  const std::string body = bulkLine("b1", "kb:KB-1", 1, "knowledge", knowledgeJson("KB-1")) + "\n" +
                           bulkLine("b2", id, 2, "ticket", ticketJson(id)) + "\n" +
                           bulkLine("b1", "kb:KB-1", 1, "knowledge", knowledgeJson("KB-1")) + "\n" +
                           bulkLine("b4", "kb:KB-2", 4, "knowledge", R"({"id":"KB-2"})") + "\n" +
                           bulkLine("b5", "kb:KB-9", 5, "knowledge", knowledgeJson("KB-5")) + "\n" +
                           bulkLine("b6", "kb:KB-6", 6, "article", knowledgeJson("KB-6")) + "\n";
  Reply reply = client_->postBulk(body);
  ASSERT_EQ(reply.status, 200) << reply.body;
  rapidjson::Document answer = reply.json();
  const auto& results = answer["results"];
  ASSERT_EQ(results.Size(), 6u);
  const int expected_status[] = {201, 201, 200, 422, 400, 400};
  for (rapidjson::SizeType i = 0; i < results.Size(); ++i) {
    EXPECT_EQ(results[i]["status"].GetInt(), expected_status[i]) << "line " << i + 1;
  }
  EXPECT_STREQ(results[2]["message"].GetString(), "duplicate");
  EXPECT_NE(
      std::string(results[3]["message"].GetString()).find("line 4: invalid knowledge article"),
      std::string::npos)
      << results[3]["message"].GetString();
  EXPECT_NE(std::string(results[4]["message"].GetString())
                .find(R"(line 5: ticket_id: expected "kb:KB-5")"),
            std::string::npos)
      << results[4]["message"].GetString();
  EXPECT_NE(std::string(results[5]["message"].GetString())
                .find(R"(kind: expected "ticket", "event" or "knowledge")"),
            std::string::npos)
      << results[5]["message"].GetString();

  rapidjson::Document track = client_->get("/sim/tickets/kb:KB-1").json();
  ASSERT_EQ(track["items"].Size(), 1u);
  EXPECT_STREQ(track["items"][0]["kind"].GetString(), "knowledge");
  auto stats = client_->stats();
  EXPECT_EQ(stats["received"], 6u);
  EXPECT_EQ(stats["accepted"], 2u);
  EXPECT_EQ(stats["knowledge"], 1u);
  EXPECT_EQ(stats["tickets"], 1u);
  EXPECT_EQ(stats["duplicates"], 1u);
  EXPECT_EQ(stats["rejected"], 3u);
}

TEST_F(SimCoreKnowledge, ArticlesAreFaultedAndOrderCheckedLikeTickets) {
  client_->setFaults(R"({"poison_tickets":["kb:KB-P"]})");
  Reply poisoned = client_->postKnowledge(article("p1", "KB-P", 1));
  EXPECT_EQ(poisoned.status, 422);
  EXPECT_NE(poisoned.body.find("injected fault: poison ticket"), std::string::npos);
  ASSERT_EQ(client_->postKnowledge(article("o2", "KB-O", 2)).status, 201);
  EXPECT_EQ(client_->postKnowledge(article("o1", "KB-O", 1)).status, 201); // observed
  rapidjson::Document violations = client_->get("/sim/violations").json();
  ASSERT_EQ(violations["count"].GetInt(), 1);
  EXPECT_STREQ(violations["violations"][0]["ticket_id"].GetString(), "kb:KB-O");
  client_->resetSim();
  EXPECT_EQ(client_->stats()["knowledge"], 0u);
}

} // namespace
} // namespace hotline::sim::testing
