// (c) kill -9 of the gateway at random moments under load, restarted, 20 times: every
// acknowledged message reaches the core platform simulator exactly once (it de-duplicates by
// idempotency key, so a message re-sent under the same key counts once and one sent under a
// second key would count twice), in order per ticket.
//
// Load: writer threads act like peers. Each creates tickets and then posts the ticket's
// events one after another, retrying every request (same X-Request-Id) until it gets an
// answer — through the crashes — exactly as a real peer with retries would.
#include "tests/e2e/world.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <thread>

namespace hotline::testing {
namespace {

const std::vector<std::string> kEvents = {"accepted", "assigned", "signed", "progress"};

struct Ledger {
  std::mutex mutex;
  std::map<std::string, size_t> acked_items; // ticket id -> items acknowledged (ticket+events)
  int64_t acked = 0;
  int64_t refused = 0;
};

// Sends until the gateway answers (it may be down or restarting), pausing between tries as
// a peer's retry would; returns the answer.
HttpReply untilAnswered(const std::function<HttpReply()>& send) {
  for (;;) {
    HttpReply reply = send();
    if (reply.status != 0 && reply.status != 503) {
      return reply;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void writer(World& world, int w, Ledger& ledger, const std::atomic<bool>& stop) {
  for (int t = 0; !stop.load(); ++t) {
    std::string number = "CRASH-" + std::to_string(w) + "-" + std::to_string(t);
    HttpReply created = untilAnswered([&] { return world.postTicket(ticketJson(number), number); });
    std::string id = ticketIdOf(created.body);
    if (created.status / 100 != 2 || id.empty()) {
      std::lock_guard<std::mutex> lock(ledger.mutex);
      ++ledger.refused;
      continue;
    }
    size_t items = 1;
    for (const std::string& type : kEvents) {
      HttpReply reply = untilAnswered(
          [&] { return world.postEvent(eventJson(number, type), number + "-" + type); });
      if (reply.status / 100 != 2) {
        std::lock_guard<std::mutex> lock(ledger.mutex);
        ++ledger.refused;
        break;
      }
      ++items;
    }
    std::lock_guard<std::mutex> lock(ledger.mutex);
    ledger.acked_items[id] = items;
    ledger.acked += static_cast<int64_t>(items);
  }
}

size_t simItemCount(World& world, const std::string& ticket_id) {
  rapidjson::Document doc;
  doc.Parse(world.sim("GET", "/sim/tickets/" + ticket_id).body.c_str());
  return doc.IsObject() && doc.HasMember("items") ? doc["items"].Size() : 0;
}

TEST(PipelineCrash, KillNineUnderLoadTwentyTimesLosesAndDuplicatesNothing) {
  World world;
  world.startGateway();
  ASSERT_TRUE(world.gatewayHealthy()) << world.gatewayLog();
  Ledger ledger;
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  for (int w = 0; w < 6; ++w) {
    writers.emplace_back(writer, std::ref(world), w, std::ref(ledger), std::cref(stop));
  }
  std::mt19937 random(20261128);
  std::uniform_int_distribution<int> pause_ms(100, 600);
  for (int crash = 0; crash < 20; ++crash) {
    std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms(random)));
    ASSERT_EQ(world.stopGateway(SIGKILL), 128 + SIGKILL);
    world.startGateway();
    ASSERT_TRUE(world.gatewayHealthy()) << "restart " << crash << "\n" << world.gatewayLog();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  stop = true;
  for (auto& thread : writers) {
    thread.join();
  }

  EXPECT_EQ(ledger.refused, 0) << "the gateway refused a well-formed message";
  ASSERT_GT(ledger.acked, 100) << "too little load to mean anything";
  ASSERT_TRUE(
      waitFor([&] { return world.simStats().accepted >= ledger.acked; }, std::chrono::seconds(120)))
      << "accepted " << world.simStats().accepted << " of " << ledger.acked << " acknowledged";
  // Settled: nothing more is on its way.
  ASSERT_TRUE(waitFor(
      [&] {
        return world.admin("GET", "/metrics")
                   .body.find("hotline_outbox_rows{state=\"pending\"} 0") != std::string::npos;
      },
      std::chrono::seconds(60)));
  SimStats stats = world.simStats();
  EXPECT_EQ(stats.accepted, ledger.acked) << "a message arrived under a second key, or was lost";
  EXPECT_EQ(stats.order_violations, 0);
  for (const auto& [ticket, items] : ledger.acked_items) {
    EXPECT_EQ(simItemCount(world, ticket), items) << ticket;
  }
  CommandResult verify = world.cli({"audit", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  std::cout << "crash test: " << ledger.acked << " acknowledged, " << stats.duplicates
            << " re-deliveries de-duplicated by the simulator\n";
}

} // namespace
} // namespace hotline::testing
