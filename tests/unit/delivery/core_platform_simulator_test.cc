// The delivery path against the real core platform simulator (simulators/core_platform): the
// simulator is the judge of "nothing lost, nothing delivered twice under two keys, order
// kept per ticket", under injected faults.

#include "core/delivery/core_platform_target.h"
#include "tests/unit/delivery/dispatcher_fixture.h"
#include "tests/unit/delivery/simulator_process.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdio>

namespace hotline::delivery {
namespace {

using namespace testing;

// A gateway ticket id: 26 Crockford base32 characters.
std::string ticketId(int n) {
  char id[32];
  std::snprintf(id, sizeof(id), "01HZZZZZZZZZZZZZZZZZZZ%04d", n);
  return id;
}

std::string ticketBody() {
  return R"({"channel":"phone","title":"路灯不亮","content":"文化路与民主路交叉口路灯不亮",)"
         R"("status":"submitted"})";
}

std::string eventBody(const std::string& ticket) {
  return R"({"ticket":{"id":")" + ticket +
         R"("},"type":"comment","at":"2024-04-10T09:30:00+08:00"})";
}

// `per_ticket` rows per ticket: the ticket itself, then comments; interleaved across tickets.
std::map<std::string, std::vector<int64_t>> insertTickets(store::Store& store, int tickets,
                                                          int per_ticket) {
  std::map<std::string, std::vector<int64_t>> ids;
  for (int round = 0; round < per_ticket; ++round) {
    for (int t = 0; t < tickets; ++t) {
      const std::string ticket = ticketId(t);
      ids[ticket].push_back(round == 0
                                ? insertRow(store, "core", ticket, "ticket", ticketBody())
                                : insertRow(store, "core", ticket, "event", eventBody(ticket)));
    }
  }
  return ids;
}

rapidjson::Document json(const HttpResult& result) {
  rapidjson::Document doc;
  doc.Parse(result.body.c_str());
  return doc;
}

class CorePlatformSimulator : public ::testing::Test {
protected:
  void SetUp() override {
    if (simulatorBinary().empty()) {
      GTEST_SKIP() << "hotline-sim is not built in this build tree";
    }
    ASSERT_FALSE(sim_.baseUrl().empty()) << sim_.error();
  }

  rapidjson::Document simStats() {
    return json(callSync(client_, "GET", sim_.baseUrl() + "/sim/stats"));
  }

  std::vector<int64_t> acceptedSequences(const std::string& ticket) {
    auto doc = json(callSync(client_, "GET", sim_.baseUrl() + "/sim/tickets/" + ticket));
    std::vector<int64_t> out;
    if (doc.IsObject() && doc.HasMember("items")) {
      for (const auto& item : doc["items"].GetArray()) {
        out.push_back(item["sequence"].GetInt64());
      }
    }
    return out;
  }

  std::unique_ptr<OutboxDispatcher> dispatcherOver(store::Store& store, size_t max_batch) {
    CorePlatformOptions options;
    options.base_url = sim_.baseUrl();
    options.max_batch = max_batch;
    options.timeout = std::chrono::seconds(5);
    target_ = std::make_shared<CorePlatformTarget>(options, client_);
    return std::make_unique<OutboxDispatcher>(store, OutboxDispatcher::Targets{target_},
                                              fastOptions(), clock_);
  }

  SimulatorProcess sim_;
  HttpClient client_;
  SystemClock clock_;
  std::shared_ptr<CorePlatformTarget> target_;
};

TEST_F(CorePlatformSimulator, DispatcherDeliversEverythingOnceAndInOrderThroughFaults) {
  ASSERT_EQ(callSync(client_, "POST", sim_.baseUrl() + "/sim/faults",
                     R"({"error_rate":0.2,"status":503,"reset_rate":0.05,)"
                     R"("reset_after_accept":true,"seed":7})")
                .status,
            200);
  store::MemoryStore store(storeOn(clock_));
  auto ids = insertTickets(store, 20, 8);
  auto dispatcher = dispatcherOver(store, 8);
  ASSERT_TRUE(dispatcher->start());
  ASSERT_TRUE(eventually([&] { return countInState(store, store::OutboxState::Delivered) == 160; }))
      << "delivered " << countInState(store, store::OutboxState::Delivered);
  dispatcher->stop(inSeconds(10));

  auto stats = simStats();
  EXPECT_EQ(stats["accepted"].GetInt64(), 160);
  EXPECT_EQ(stats["order_violations"].GetInt64(), 0);
  EXPECT_GT(stats["faults_injected"].GetInt64(), 0);
  for (const auto& [ticket, list] : ids) {
    EXPECT_EQ(acceptedSequences(ticket), list) << ticket;
  }
  EXPECT_GT(dispatcher->stats().targets[0].retries, 0u);
}

TEST_F(CorePlatformSimulator, PoisonedTicketIsDeadLetteredAndTheOthersArrive) {
  store::MemoryStore store(storeOn(clock_));
  auto ids = insertTickets(store, 5, 3);
  const std::string poisoned = ticketId(2);
  ASSERT_EQ(callSync(client_, "POST", sim_.baseUrl() + "/sim/faults",
                     R"({"poison_tickets":[")" + poisoned + R"("]})")
                .status,
            200);
  auto dispatcher = dispatcherOver(store, 4);
  ASSERT_TRUE(dispatcher->start());
  ASSERT_TRUE(eventually([&] {
    return countInState(store, store::OutboxState::Delivered) == 12 &&
           countInState(store, store::OutboxState::Dead) == 1;
  }));
  const store::OutboxRow dead = rowOf(store, ids[poisoned][0]);
  EXPECT_EQ(dead.state, store::OutboxState::Dead);
  EXPECT_NE(dead.last_error.find("422"), std::string::npos) << dead.last_error;
  EXPECT_NE(dead.last_error.find("poison"), std::string::npos) << dead.last_error;
  EXPECT_EQ(rowOf(store, ids[poisoned][1]).state, store::OutboxState::Pending);
  EXPECT_TRUE(dispatcher->isParked("core", poisoned));
  dispatcher->stop(inSeconds(10));
  EXPECT_EQ(simStats()["order_violations"].GetInt64(), 0);
}

TEST_F(CorePlatformSimulator, RestartAfterLostAnswersSendsTheSameKeys) {
  // Every answer is lost after the platform recorded the item: the gateway cannot know, so
  // the rows stay pending; a new dispatcher re-sends them under the same keys and the
  // platform counts duplicates, never a second item.
  ASSERT_EQ(callSync(client_, "POST", sim_.baseUrl() + "/sim/faults",
                     R"({"reset_rate":1.0,"reset_after_accept":true,"seed":1})")
                .status,
            200);
  store::MemoryStore store(storeOn(clock_));
  auto ids = insertTickets(store, 3, 1);
  {
    auto first = dispatcherOver(store, 1);
    ASSERT_TRUE(first->start());
    ASSERT_TRUE(eventually([&] { return simStats()["accepted"].GetInt64() == 3; }));
    first->stop(inSeconds(10));
  }
  EXPECT_EQ(countInState(store, store::OutboxState::Delivered), 0);
  ASSERT_EQ(callSync(client_, "DELETE", sim_.baseUrl() + "/sim/faults").status, 200);
  auto second = dispatcherOver(store, 1);
  ASSERT_TRUE(second->start());
  ASSERT_TRUE(eventually([&] { return countInState(store, store::OutboxState::Delivered) == 3; }));
  second->stop(inSeconds(10));
  auto stats = simStats();
  EXPECT_EQ(stats["accepted"].GetInt64(), 3);
  EXPECT_GE(stats["duplicates"].GetInt64(), 3);
}

TEST_F(CorePlatformSimulator, KnowledgeArticlesArriveSinglyAndInBulk) {
  auto article = [](const std::string& id, const std::string& title) {
    return R"({"id":")" + id + R"(","title":")" + title + R"(","content":"拨打12345报修"})";
  };
  for (size_t max_batch : {size_t{1}, size_t{8}}) { // single requests, then /api/v1/bulk
    ASSERT_EQ(callSync(client_, "POST", sim_.baseUrl() + "/sim/reset").status, 200);
    store::MemoryStore store(storeOn(clock_));
    const std::vector<int64_t> kb1{
        insertRow(store, "core", "kb:KB-1", "knowledge", article("KB-1", "v1")),
        insertRow(store, "core", "kb:KB-1", "knowledge", article("KB-1", "v2"))};
    insertRow(store, "core", "kb:KB-2", "knowledge", article("KB-2", "路灯"));
    insertRow(store, "core", ticketId(1), "ticket", ticketBody());
    auto dispatcher = dispatcherOver(store, max_batch);
    ASSERT_TRUE(dispatcher->start());
    ASSERT_TRUE(eventually([&] { return countInState(store, store::OutboxState::Delivered) == 4; }))
        << "batch " << max_batch << ": delivered "
        << countInState(store, store::OutboxState::Delivered) << ", dead "
        << countInState(store, store::OutboxState::Dead);
    dispatcher->stop(inSeconds(10));
    auto stats = simStats();
    EXPECT_EQ(stats["accepted"].GetInt64(), 4) << max_batch;
    EXPECT_EQ(stats["knowledge"].GetInt64(), 3) << max_batch;
    EXPECT_EQ(stats["tickets"].GetInt64(), 1) << max_batch;
    EXPECT_EQ(stats["rejected"].GetInt64(), 0) << max_batch;
    EXPECT_EQ(acceptedSequences("kb:KB-1"), kb1) << max_batch;
  }
}

} // namespace
} // namespace hotline::delivery
