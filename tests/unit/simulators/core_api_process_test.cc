// The core platform simulator's API, through the real `hotline-sim core` binary.

#include <gtest/gtest.h>

#include "tests/unit/simulators/sim_client.h"
#include "tests/unit/simulators/sim_payloads.h"
#include "tests/unit/simulators/sim_process.h"

namespace hotline::sim::testing {
namespace {

using model::EventType;

class SimCoreApi : public ::testing::Test {
protected:
  void SetUp() override {
    core_ = startCore();
    ASSERT_GT(core_.port, 0);
    client_ = std::make_unique<SimClient>(core_.port);
  }

  Delivery ticket(const std::string& key, const std::string& id, int sequence) {
    return Delivery{key, id, std::to_string(sequence), ticketJson(id)};
  }
  Delivery event(const std::string& key, const std::string& id, int sequence, EventType type) {
    return Delivery{key, id, std::to_string(sequence), eventJson(id, type)};
  }

  RunningCore core_;
  std::unique_ptr<SimClient> client_;
};

TEST_F(SimCoreApi, AcceptsATicketAndItsEvent) {
  const std::string id = newTicket();
  Reply created = client_->postTicket(ticket("t-1", id, 1));
  ASSERT_EQ(created.status, 201) << created.body;
  rapidjson::Document body = created.json();
  EXPECT_EQ(body["code"].GetInt(), 0);
  EXPECT_STREQ(body["message"].GetString(), "ok");
  EXPECT_EQ(std::string(body["data"]["platform_id"].GetString()).substr(0, 2), "CP");
  Reply event_reply = client_->postEvent(event("e-1", id, 2, EventType::Accepted));
  ASSERT_EQ(event_reply.status, 201) << event_reply.body;

  Reply items = client_->get("/sim/tickets/" + id);
  ASSERT_EQ(items.status, 200);
  rapidjson::Document track = items.json();
  ASSERT_EQ(track["items"].Size(), 2u);
  EXPECT_STREQ(track["items"][0]["kind"].GetString(), "ticket");
  EXPECT_STREQ(track["items"][0]["idempotency_key"].GetString(), "t-1");
  EXPECT_FALSE(track["items"][0].HasMember("type"));
  EXPECT_STREQ(track["items"][1]["kind"].GetString(), "event");
  EXPECT_STREQ(track["items"][1]["type"].GetString(), "accepted");
  EXPECT_EQ(track["items"][1]["sequence"].GetInt(), 2);
  auto stats = client_->stats();
  EXPECT_EQ(stats["accepted"], 2u);
  EXPECT_EQ(stats["tickets"], 1u);
}

TEST_F(SimCoreApi, ARepeatedKeyIsAnswered200WithTheSameBodyAndCountedOnce) {
  const std::string id = newTicket();
  Reply first = client_->postTicket(ticket("t-1", id, 1));
  Reply again = client_->postTicket(ticket("t-1", id, 1));
  ASSERT_EQ(first.status, 201);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, first.body);
  auto stats = client_->stats();
  EXPECT_EQ(stats["received"], 2u);
  EXPECT_EQ(stats["accepted"], 1u);
  EXPECT_EQ(stats["duplicates"], 1u);
  EXPECT_EQ(client_->get("/sim/tickets/" + id).json()["items"].Size(), 1u);
}

TEST_F(SimCoreApi, HeadersAreRequired) {
  const std::string id = newTicket();
  Reply no_key = client_->postTicket(Delivery{"", id, "1", ticketJson(id)});
  EXPECT_EQ(no_key.status, 400);
  EXPECT_NE(no_key.body.find("Idempotency-Key"), std::string::npos) << no_key.body;
  EXPECT_EQ(client_->postTicket(Delivery{"k", "", "1", ticketJson(id)}).status, 400);
  for (const char* sequence : {"", "0", "-2", "abc", "1.5"}) {
    EXPECT_EQ(client_->postTicket(Delivery{"k", id, sequence, ticketJson(id)}).status, 400)
        << sequence;
  }
  auto stats = client_->stats();
  EXPECT_EQ(stats["accepted"], 0u);
  EXPECT_EQ(stats["rejected"], 7u);
}

TEST_F(SimCoreApi, AnInvalidBodyIs422WithTheDecodersMessage) {
  const std::string id = newTicket();
  Reply bad_ticket = client_->postTicket(Delivery{"k1", id, "1", R"({"channel":"fax"})"});
  EXPECT_EQ(bad_ticket.status, 422);
  EXPECT_NE(bad_ticket.body.find("/channel"), std::string::npos) << bad_ticket.body;
  Reply bad_event = client_->postEvent(Delivery{"k2", id, "2", invalidEventJson()});
  EXPECT_EQ(bad_event.status, 422);
  EXPECT_NE(bad_event.body.find("/ticket"), std::string::npos) << bad_event.body;
  EXPECT_EQ(client_->postTicket(Delivery{"k3", id, "3", "not json"}).status, 422);
  EXPECT_EQ(client_->stats()["accepted"], 0u);
  EXPECT_EQ(client_->get("/sim/tickets/" + id).status, 404);
}

TEST_F(SimCoreApi, BulkAnswersEveryLineInOrder) {
  const std::string a = newTicket();
  const std::string b = newTicket();
  ASSERT_EQ(client_->postTicket(ticket("seen", a, 1)).status, 201);
  const std::string body = bulkLine("b1", a, 2, "event", eventJson(a, EventType::Assigned)) + "\n" +
                           bulkLine("seen", a, 1, "ticket", ticketJson(a)) + "\n" + "{not json\n" +
                           bulkLine("b4", b, 1, "event", invalidEventJson()) + "\n" +
                           R"({"ticket_id":"x","sequence":1,"kind":"ticket","payload":{}})" + "\n" +
                           bulkLine("b6", b, 1, "ticket", ticketJson(b)) + "\n\n";
  Reply reply = client_->postBulk(body);
  ASSERT_EQ(reply.status, 200) << reply.body;
  rapidjson::Document answer = reply.json();
  EXPECT_EQ(answer["code"].GetInt(), 0);
  const auto& results = answer["results"];
  ASSERT_EQ(results.Size(), 6u);
  const int expected_status[] = {201, 200, 400, 422, 400, 201};
  for (rapidjson::SizeType i = 0; i < results.Size(); ++i) {
    EXPECT_EQ(results[i]["status"].GetInt(), expected_status[i]) << "line " << i + 1;
  }
  EXPECT_STREQ(results[0]["idempotency_key"].GetString(), "b1");
  EXPECT_TRUE(results[2]["idempotency_key"].IsNull());
  EXPECT_STREQ(results[3]["idempotency_key"].GetString(), "b4");
  EXPECT_TRUE(results[5].HasMember("platform_id"));
  auto stats = client_->stats();
  EXPECT_EQ(stats["received"], 7u);
  EXPECT_EQ(stats["accepted"], 3u);
  EXPECT_EQ(stats["duplicates"], 1u);
  EXPECT_EQ(stats["rejected"], 3u);
  EXPECT_EQ(stats["tickets"], 2u);
}

TEST_F(SimCoreApi, BulkNeedsTheNdjsonContentType) {
  const std::string id = newTicket();
  Reply reply =
      client_->postBulk(bulkLine("k", id, 1, "ticket", ticketJson(id)), "application/json");
  EXPECT_EQ(reply.status, 415);
  EXPECT_EQ(client_->stats()["accepted"], 0u);
  EXPECT_EQ(client_
                ->postBulk(bulkLine("k", id, 1, "ticket", ticketJson(id)),
                           "application/x-ndjson; charset=utf-8")
                .status,
            200);
}

TEST_F(SimCoreApi, OutOfOrderDeliveriesAreAcceptedAndReportedAsViolations) {
  const std::string id = newTicket();
  EXPECT_EQ(client_->postTicket(ticket("k1", id, 1)).status, 201);
  EXPECT_EQ(client_->postEvent(event("k3", id, 3, EventType::Signed)).status, 201);
  Reply late = client_->postEvent(event("k2", id, 2, EventType::Assigned));
  EXPECT_EQ(late.status, 201); // observed, not refused
  Reply bulk =
      client_->postBulk(bulkLine("k4", id, 3, "event", eventJson(id, EventType::Progress)));
  EXPECT_EQ(bulk.json()["results"][0]["status"].GetInt(), 201);

  Reply listed = client_->get("/sim/violations");
  ASSERT_EQ(listed.status, 200);
  rapidjson::Document violations = listed.json();
  EXPECT_EQ(violations["count"].GetInt(), 2);
  ASSERT_EQ(violations["violations"].Size(), 2u);
  const auto& first = violations["violations"][0];
  EXPECT_EQ(first["ticket_id"].GetString(), id);
  EXPECT_STREQ(first["idempotency_key"].GetString(), "k2");
  EXPECT_EQ(first["expected_greater_than"].GetInt(), 3);
  EXPECT_EQ(first["got"].GetInt(), 2);
  EXPECT_EQ(violations["violations"][1]["got"].GetInt(), 3);
  EXPECT_EQ(client_->stats()["order_violations"], 2u);
}

TEST_F(SimCoreApi, KeysArePagedInArrivalOrder) {
  const std::string id = newTicket();
  for (int i = 1; i <= 5; ++i) {
    ASSERT_EQ(client_->postTicket(ticket("key-" + std::to_string(i), id, i)).status, 201);
  }
  std::vector<std::string> keys;
  std::string path = "/sim/keys?limit=2";
  for (int page = 0; page < 5; ++page) {
    rapidjson::Document answer = client_->get(path).json();
    EXPECT_EQ(answer["total"].GetInt(), 5);
    for (const auto& key : answer["keys"].GetArray()) {
      keys.emplace_back(key.GetString());
    }
    if (!answer.HasMember("next_after")) {
      break;
    }
    path = std::string("/sim/keys?limit=2&after=") + answer["next_after"].GetString();
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"key-1", "key-2", "key-3", "key-4", "key-5"}));
  EXPECT_EQ(client_->get("/sim/keys?after=nope").status, 400);
  EXPECT_EQ(client_->get("/sim/keys?limit=0").status, 400);
}

TEST_F(SimCoreApi, ResetClearsRecordsCountersAndFaults) {
  const std::string id = newTicket();
  ASSERT_EQ(client_->postTicket(ticket("k1", id, 1)).status, 201);
  client_->setFaults(R"({"poison_tickets":["P"]})");
  // As `curl -XPOST …/sim/reset` sends it: no body, no Content-Length.
  RawOutcome reset = rawExchange(
      core_.port, "POST /sim/reset HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(reset.received.rfind("HTTP/1.1 200", 0), 0u) << reset.received;
  auto stats = client_->stats();
  for (const auto& [name, value] : stats) {
    EXPECT_EQ(value, 0u) << name;
  }
  EXPECT_EQ(stats.size(), 8u);
  EXPECT_EQ(client_->get("/sim/tickets/" + id).status, 404);
  EXPECT_TRUE(client_->get("/sim/faults").json()["data"]["poison_tickets"].Empty());
  EXPECT_EQ(client_->postTicket(ticket("k1", id, 1)).status, 201); // the key is new again
}

TEST_F(SimCoreApi, UnknownRoutesAnswerJson404) {
  Reply reply = client_->get("/api/v1/nothing");
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(reply.json()["code"].GetInt(), 404);
  EXPECT_NE(reply.body.find("no route for GET /api/v1/nothing"), std::string::npos);
}

TEST_F(SimCoreApi, WhatTheHttpLayerRefusesIsExplainedInJson) {
  RawOutcome raw = rawExchange(core_.port, "BREW /pot HTCPCP/1.0\r\n\r\n");
  EXPECT_EQ(raw.received.rfind("HTTP/1.1 400", 0), 0u) << raw.received;
  EXPECT_NE(raw.received.find(R"({"code":400,"message":"request refused by the HTTP layer)"),
            std::string::npos)
      << raw.received;
}

} // namespace
} // namespace hotline::sim::testing
