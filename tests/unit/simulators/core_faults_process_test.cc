// Fault injection of the core platform simulator, through the real binary. Faults apply to
// /api/v1/* only; a fault-rejected item is never recorded.

#include <gtest/gtest.h>

#include <cerrno>

#include "tests/unit/simulators/sim_client.h"
#include "tests/unit/simulators/sim_payloads.h"
#include "tests/unit/simulators/sim_process.h"

namespace hotline::sim::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

class SimCoreFaults : public ::testing::Test {
protected:
  void SetUp() override {
    core_ = startCore();
    ASSERT_GT(core_.port, 0);
    client_ = std::make_unique<SimClient>(core_.port);
    ticket_ = newTicket();
  }

  Reply deliver(const std::string& key, int sequence) {
    return client_->postTicket(
        Delivery{key, ticket_, std::to_string(sequence), ticketJson(ticket_)});
  }

  // Statuses of `n` sequential deliveries with fresh keys ("<prefix>-<i>").
  std::vector<int> deliverMany(const std::string& prefix, int n) {
    std::vector<int> statuses;
    for (int i = 1; i <= n; ++i) {
      statuses.push_back(deliver(prefix + "-" + std::to_string(i), i).status);
    }
    return statuses;
  }

  std::string rawTicketRequest(const std::string& key) {
    const std::string body = ticketJson(ticket_);
    return "POST /api/v1/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nIdempotency-Key: " + key +
           "\r\nX-Hotline-Ticket: " + ticket_ +
           "\r\nX-Hotline-Sequence: 1\r\nContent-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
  }

  RunningCore core_;
  std::unique_ptr<SimClient> client_;
  std::string ticket_;
};

TEST_F(SimCoreFaults, ErrorRateWithASeedIsRepeatableAndFailedItemsAreNotRecorded) {
  client_->setFaults(R"({"error_rate":0.5,"seed":1234})");
  std::vector<int> first = deliverMany("k", 40);
  const auto accepted = std::count(first.begin(), first.end(), 201);
  const auto failed = std::count(first.begin(), first.end(), 503);
  EXPECT_EQ(accepted + failed, 40);
  EXPECT_GT(failed, 5);
  EXPECT_GT(accepted, 5);
  auto stats = client_->stats();
  EXPECT_EQ(stats["received"], 40u);
  EXPECT_EQ(stats["accepted"], static_cast<uint64_t>(accepted));
  EXPECT_EQ(stats["faults_injected"], static_cast<uint64_t>(failed));

  client_->resetSim();
  client_->setFaults(R"({"error_rate":0.5,"seed":1234})");
  EXPECT_EQ(deliverMany("k", 40), first);
}

TEST_F(SimCoreFaults, LatencyDelaysTheApiButNotTheControlEndpoints) {
  client_->setFaults(R"({"latency_ms":400})");
  auto start = steady_clock::now();
  EXPECT_EQ(deliver("k1", 1).status, 201);
  EXPECT_GE(steady_clock::now() - start, milliseconds(400));
  start = steady_clock::now();
  EXPECT_EQ(client_->get("/sim/stats").status, 200);
  EXPECT_LT(steady_clock::now() - start, milliseconds(400));
}

TEST_F(SimCoreFaults, TooManyRequestsCarriesRetryAfter) {
  client_->setFaults(R"({"error_rate":1.0,"status":429,"retry_after_s":2})");
  Reply reply = deliver("k1", 1);
  EXPECT_EQ(reply.status, 429);
  EXPECT_EQ(reply.header("Retry-After"), "2");
  EXPECT_EQ(reply.json()["code"].GetInt(), 429);
  Reply bulk = client_->postBulk(bulkLine("k2", ticket_, 2, "ticket", ticketJson(ticket_)));
  ASSERT_EQ(bulk.status, 200);
  rapidjson::Document answer = bulk.json();
  EXPECT_EQ(answer["results"][0]["status"].GetInt(), 429);
  EXPECT_EQ(answer["results"][0]["retry_after_s"].GetInt(), 2);
  EXPECT_EQ(client_->stats()["accepted"], 0u);
}

TEST_F(SimCoreFaults, AnOutageAnswers503UntilItsWindowEnds) {
  const auto posted = steady_clock::now();
  client_->setFaults(R"({"outage_ms":1000,"retry_after_s":1})");
  Reply during = deliver("k1", 1);
  EXPECT_EQ(during.status, 503);
  EXPECT_EQ(during.header("Retry-After"), "1");
  Reply bulk_during = client_->postBulk(bulkLine("b1", ticket_, 1, "ticket", ticketJson(ticket_)));
  EXPECT_EQ(bulk_during.status, 503);
  EXPECT_EQ(client_->get("/sim/stats").status, 200); // never faulted

  int status = 0;
  EXPECT_TRUE(
      waitFor([&] { return (status = deliver("k1", 1).status) == 201; }, std::chrono::seconds(20)));
  EXPECT_GE(steady_clock::now() - posted, milliseconds(1000));
  auto stats = client_->stats();
  EXPECT_EQ(stats["accepted"], 1u);
  EXPECT_GE(stats["faults_injected"], 2u);
}

TEST_F(SimCoreFaults, PoisonedTicketsAreAlways422) {
  const std::string healthy = newTicket();
  client_->setFaults("{\"poison_tickets\":[\"" + ticket_ + "\"]}");
  for (int i = 0; i < 3; ++i) {
    Reply reply = deliver("p1", 1);
    EXPECT_EQ(reply.status, 422);
    EXPECT_NE(reply.body.find("poison"), std::string::npos);
  }
  EXPECT_EQ(client_->postTicket(Delivery{"h1", healthy, "1", ticketJson(healthy)}).status, 201);
  Reply bulk = client_->postBulk(bulkLine("p2", ticket_, 2, "ticket", ticketJson(ticket_)) + "\n" +
                                 bulkLine("h2", healthy, 2, "ticket", ticketJson(healthy)));
  rapidjson::Document answer = bulk.json();
  EXPECT_EQ(answer["results"][0]["status"].GetInt(), 422);
  EXPECT_EQ(answer["results"][1]["status"].GetInt(), 201);
  EXPECT_EQ(client_->get("/sim/tickets/" + ticket_).status, 404);
  EXPECT_EQ(client_->stats()["faults_injected"], 4u);
}

TEST_F(SimCoreFaults, AResetClosesTheConnectionWithoutAnyResponse) {
  client_->setFaults(R"({"reset_rate":1.0})");
  const auto start = steady_clock::now();
  RawOutcome raw = rawExchange(core_.port, rawTicketRequest("r1"));
  EXPECT_TRUE(raw.received.empty()) << raw.received;
  EXPECT_EQ(raw.error, ECONNRESET);
  EXPECT_LT(steady_clock::now() - start, std::chrono::seconds(5)); // a reset, not a timeout
  Reply through_client = deliver("r2", 2);
  EXPECT_FALSE(through_client.answered);

  auto stats = client_->stats();
  EXPECT_EQ(stats["accepted"], 0u);
  EXPECT_EQ(stats["faults_injected"], 2u);
  client_->del("/sim/faults");
  RawOutcome answered = rawExchange(core_.port, rawTicketRequest("r1"));
  EXPECT_EQ(answered.received.rfind("HTTP/1.1 201", 0), 0u) << answered.received;
  EXPECT_EQ(answered.error, 0);
}

TEST_F(SimCoreFaults, AResetAfterAcceptingLosesOnlyTheAnswer) {
  client_->setFaults(R"({"reset_rate":1.0,"reset_after_accept":true})");
  RawOutcome raw = rawExchange(core_.port, rawTicketRequest("r1"));
  EXPECT_TRUE(raw.received.empty()) << raw.received;
  EXPECT_EQ(raw.error, ECONNRESET);
  EXPECT_EQ(client_->stats()["accepted"], 1u);
  client_->del("/sim/faults");
  EXPECT_EQ(deliver("r1", 1).status, 200); // the gateway's retry is a duplicate
}

TEST_F(SimCoreFaults, BulkLinesFailIndependently) {
  client_->setFaults(R"({"error_rate":0.5,"seed":99})");
  std::string body;
  for (int i = 1; i <= 30; ++i) {
    const std::string id = newTicket();
    body += bulkLine("b" + std::to_string(i), id, 1, "ticket", ticketJson(id)) + "\n";
  }
  Reply reply = client_->postBulk(body);
  ASSERT_EQ(reply.status, 200);
  rapidjson::Document answer = reply.json();
  ASSERT_EQ(answer["results"].Size(), 30u);
  uint64_t created = 0;
  uint64_t unavailable = 0;
  for (const auto& result : answer["results"].GetArray()) {
    created += result["status"].GetInt() == 201 ? 1 : 0;
    unavailable += result["status"].GetInt() == 503 ? 1 : 0;
  }
  EXPECT_EQ(created + unavailable, 30u);
  EXPECT_GT(created, 0u);
  EXPECT_GT(unavailable, 0u);
  EXPECT_EQ(client_->stats()["accepted"], created);
}

TEST_F(SimCoreFaults, ABadPlanIs400AndChangesNothing) {
  client_->setFaults(R"({"latency_ms":5})");
  Reply reply = client_->post("/sim/faults", R"({"error_rate":2,"status":418})");
  EXPECT_EQ(reply.status, 400);
  EXPECT_NE(reply.body.find("error_rate"), std::string::npos);
  EXPECT_EQ(client_->get("/sim/faults").json()["data"]["latency_ms"].GetInt(), 5);
}

TEST_F(SimCoreFaults, DeletingFaultsRestoresNormalService) {
  client_->setFaults(R"({"error_rate":1.0})");
  EXPECT_EQ(deliver("k1", 1).status, 503);
  Reply cleared = client_->del("/sim/faults");
  EXPECT_EQ(cleared.status, 200);
  EXPECT_EQ(deliver("k1", 1).status, 201);
}

} // namespace
} // namespace hotline::sim::testing
