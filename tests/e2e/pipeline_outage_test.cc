// (a) A core platform that is down for a while loses nothing and keeps per-ticket order.
#include "tests/e2e/world.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

namespace hotline::testing {
namespace {

const std::vector<std::string> kEvents = {"accepted", "assigned", "signed", "progress"};

// Posts one ticket and its events in order; returns the gateway ticket id ("" on failure).
std::string postTicketWithEvents(World& world, const std::string& number) {
  HttpReply created = world.postTicket(ticketJson(number), number);
  if (created.status != 201) {
    ADD_FAILURE() << number << ": " << created.status << " " << created.body;
    return "";
  }
  for (const std::string& type : kEvents) {
    HttpReply reply = world.postEvent(eventJson(number, type), number + "-" + type);
    if (reply.status != 201) {
      ADD_FAILURE() << number << " " << type << ": " << reply.status << " " << reply.body;
    }
  }
  return ticketIdOf(created.body);
}

// The kinds/types of the items the simulator accepted for a ticket, in arrival order.
std::vector<std::string> simItems(World& world, const std::string& ticket_id) {
  rapidjson::Document doc;
  doc.Parse(world.sim("GET", "/sim/tickets/" + ticket_id).body.c_str());
  std::vector<std::string> items;
  if (!doc.IsObject() || !doc.HasMember("items")) {
    return items;
  }
  for (const auto& item : doc["items"].GetArray()) {
    items.push_back(item.HasMember("type") ? item["type"].GetString() : item["kind"].GetString());
  }
  return items;
}

TEST(PipelineOutage, ACorePlatformDownForAWhileLosesNothingAndKeepsOrder) {
  World world;
  world.startGateway();
  ASSERT_TRUE(world.gatewayHealthy()) << world.gatewayLog();
  ASSERT_EQ(world.sim("POST", "/sim/faults", R"({"outage_ms":2500})").status, 200);

  constexpr int kTickets = 24;
  std::vector<std::string> ids(kTickets);
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      for (int t = w; t < kTickets; t += 4) {
        ids[t] = postTicketWithEvents(world, "OUT-" + std::to_string(t));
      }
    });
  }
  for (auto& writer : writers) {
    writer.join();
  }
  // Everything was acknowledged while the platform was still down.
  EXPECT_LT(world.simStats().accepted, kTickets * 5);

  const int64_t expected = kTickets * (1 + static_cast<int64_t>(kEvents.size()));
  ASSERT_TRUE(
      waitFor([&] { return world.simStats().accepted == expected; }, std::chrono::seconds(90)))
      << "accepted " << world.simStats().accepted << " of " << expected;
  SimStats stats = world.simStats();
  EXPECT_EQ(stats.order_violations, 0);
  EXPECT_EQ(stats.tickets, kTickets);
  for (const std::string& id : ids) {
    EXPECT_EQ(simItems(world, id),
              (std::vector<std::string>{"ticket", "accepted", "assigned", "signed", "progress"}))
        << id;
  }
  HttpReply metrics = world.admin("GET", "/metrics");
  EXPECT_THAT(metrics.body, ::testing::HasSubstr("hotline_outbox_rows{state=\"pending\"} 0"));
  EXPECT_THAT(metrics.body, ::testing::HasSubstr("hotline_dead_letters_total{target=\"core\"} 0"));
  EXPECT_EQ(world.stopGateway(SIGTERM), 0);
}

} // namespace
} // namespace hotline::testing
