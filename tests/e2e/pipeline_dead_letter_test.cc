// (b) One poisoned ticket dead-letters without holding up the others; (d) replaying the dead
// letter delivers it (and what waited behind it, in order) and is audited; discarding lets
// the rest of the ticket flow.
#include "tests/e2e/world.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hotline::testing {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> itemsOf(World& world, const std::string& ticket_id) {
  rapidjson::Document doc;
  doc.Parse(world.sim("GET", "/sim/tickets/" + ticket_id).body.c_str());
  std::vector<std::string> items;
  if (doc.IsObject() && doc.HasMember("items")) {
    for (const auto& item : doc["items"].GetArray()) {
      items.push_back(item.HasMember("type") ? item["type"].GetString() : item["kind"].GetString());
    }
  }
  return items;
}

// The ids of the dead letters the admin API lists.
std::vector<int64_t> deadLetterIds(World& world) {
  rapidjson::Document doc;
  doc.Parse(world.admin("GET", "/admin/v1/dlq").body.c_str());
  std::vector<int64_t> ids;
  if (doc.IsObject() && doc.HasMember("items")) {
    for (const auto& item : doc["items"].GetArray()) {
      ids.push_back(item["id"].GetInt64());
    }
  }
  return ids;
}

// Posts ticket `number`, waits until the platform has it, poisons it, and posts two events:
// the first dead-letters, the second waits behind it.
std::string poisonedTicket(World& world, const std::string& number) {
  HttpReply created = world.postTicket(ticketJson(number), number);
  EXPECT_EQ(created.status, 201) << created.body;
  std::string id = ticketIdOf(created.body);
  EXPECT_TRUE(waitFor([&] { return itemsOf(world, id).size() == 1; }, std::chrono::seconds(30)));
  EXPECT_EQ(world.sim("POST", "/sim/faults", R"({"poison_tickets":[")" + id + R"("]})").status,
            200);
  EXPECT_EQ(world.postEvent(eventJson(number, "accepted"), number + "-a").status, 201);
  EXPECT_EQ(world.postEvent(eventJson(number, "assigned"), number + "-b").status, 201);
  return id;
}

TEST(PipelineDeadLetter, APoisonedTicketDoesNotHoldUpOthersAndReplayDeliversItInOrder) {
  World world;
  world.startGateway();
  ASSERT_TRUE(world.gatewayHealthy()) << world.gatewayLog();
  std::string poisoned = poisonedTicket(world, "POISON-1");
  ASSERT_TRUE(waitFor([&] { return deadLetterIds(world).size() == 1; }, std::chrono::seconds(30)));

  // Others flow while the poisoned ticket is parked.
  std::vector<std::string> others;
  for (int i = 0; i < 10; ++i) {
    std::string number = "FLOW-" + std::to_string(i);
    HttpReply created = world.postTicket(ticketJson(number), number);
    ASSERT_EQ(created.status, 201);
    ASSERT_EQ(world.postEvent(eventJson(number, "accepted"), number + "-a").status, 201);
    others.push_back(ticketIdOf(created.body));
  }
  for (const std::string& id : others) {
    EXPECT_TRUE(waitFor([&] { return itemsOf(world, id).size() == 2; }, std::chrono::seconds(30)))
        << id;
  }
  EXPECT_EQ(itemsOf(world, poisoned), std::vector<std::string>{"ticket"});
  EXPECT_THAT(world.admin("GET", "/metrics").body,
              HasSubstr("hotline_parked_tickets{target=\"core\"} 1"));

  // The platform is fixed; an operator replays the dead letter through the CLI.
  ASSERT_EQ(world.sim("DELETE", "/sim/faults").status, 200);
  int64_t dead = deadLetterIds(world).at(0);
  CommandResult replay = world.cli({"dlq", "replay", std::to_string(dead)});
  ASSERT_EQ(replay.exit_code, 0) << replay.err;
  ASSERT_TRUE(
      waitFor([&] { return itemsOf(world, poisoned).size() == 3; }, std::chrono::seconds(30)));
  EXPECT_EQ(itemsOf(world, poisoned), (std::vector<std::string>{"ticket", "accepted", "assigned"}));
  EXPECT_EQ(world.simStats().order_violations, 0);
  EXPECT_TRUE(deadLetterIds(world).empty());

  CommandResult audit = world.cli({"audit", "list", "--ticket", poisoned});
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  size_t dead_at = audit.out.find("\"dead_lettered\"");
  size_t replayed_at = audit.out.find("\"replayed\"");
  size_t delivered_after = audit.out.find("\"delivered\"", replayed_at);
  EXPECT_NE(dead_at, std::string::npos);
  EXPECT_NE(replayed_at, std::string::npos);
  EXPECT_LT(dead_at, replayed_at);
  EXPECT_NE(delivered_after, std::string::npos) << audit.out;
  EXPECT_THAT(audit.out, HasSubstr("\"actor\": \"admin\""));
  EXPECT_EQ(world.stopGateway(SIGTERM), 0);
}

TEST(PipelineDeadLetter, ReplayingATargetsDeadLettersInBulkDeliversEachTicketInOrder) {
  World world;
  world.startGateway();
  ASSERT_TRUE(world.gatewayHealthy()) << world.gatewayLog();
  const std::string first = poisonedTicket(world, "POISON-3");
  const std::string second = poisonedTicket(world, "POISON-4");
  ASSERT_TRUE(waitFor([&] { return deadLetterIds(world).size() == 2; }, std::chrono::seconds(30)));
  ASSERT_EQ(world.sim("DELETE", "/sim/faults").status, 200);

  CommandResult listed = world.cli({"dlq", "list", "--target", "core"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  for (int64_t id : deadLetterIds(world)) {
    EXPECT_THAT(listed.out, HasSubstr("\"id\": " + std::to_string(id))) << listed.out;
  }
  EXPECT_THAT(world.cli({"dlq", "list", "--target", "dept-x"}).out, HasSubstr("\"items\": []"));
  CommandResult unclear = world.cli({"dlq", "replay"});
  EXPECT_EQ(unclear.exit_code, 2);
  EXPECT_THAT(unclear.err, HasSubstr("--target NAME"));
  CommandResult replay = world.cli({"dlq", "replay", "--target", "core"});
  ASSERT_EQ(replay.exit_code, 0) << replay.err;
  EXPECT_THAT(replay.out, HasSubstr("\"replayed\": 2"));
  for (const std::string& id : {first, second}) {
    ASSERT_TRUE(waitFor([&] { return itemsOf(world, id).size() == 3; }, std::chrono::seconds(30)))
        << id;
    EXPECT_EQ(itemsOf(world, id), (std::vector<std::string>{"ticket", "accepted", "assigned"}));
  }
  EXPECT_EQ(world.simStats().order_violations, 0);
  EXPECT_TRUE(deadLetterIds(world).empty());
  EXPECT_EQ(world.stopGateway(SIGTERM), 0);
}

TEST(PipelineDeadLetter, DiscardingADeadLetterLetsTheRestOfItsTicketFlow) {
  World world;
  world.startGateway();
  ASSERT_TRUE(world.gatewayHealthy()) << world.gatewayLog();
  std::string poisoned = poisonedTicket(world, "POISON-2");
  ASSERT_TRUE(waitFor([&] { return deadLetterIds(world).size() == 1; }, std::chrono::seconds(30)));
  ASSERT_EQ(world.sim("DELETE", "/sim/faults").status, 200);
  int64_t dead = deadLetterIds(world).at(0);
  CommandResult discard =
      world.cli({"dlq", "discard", std::to_string(dead), "--reason", "handled by phone"});
  ASSERT_EQ(discard.exit_code, 0) << discard.err;
  ASSERT_TRUE(
      waitFor([&] { return itemsOf(world, poisoned).size() == 2; }, std::chrono::seconds(30)));
  EXPECT_EQ(itemsOf(world, poisoned), (std::vector<std::string>{"ticket", "assigned"}));
  CommandResult audit = world.cli({"audit", "list", "--ticket", poisoned});
  EXPECT_THAT(audit.out, HasSubstr("handled by phone"));
  EXPECT_THAT(audit.out, HasSubstr("\"discarded\""));
}

} // namespace
} // namespace hotline::testing
