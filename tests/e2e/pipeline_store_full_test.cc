// A store that refuses writes (here: at its store.max_size_mb cap, as on a full disk): new
// messages are answered 503 without the store's internals, /readyz says the store is down and
// why, the log says so once instead of per batch, and after a restart with room every
// acknowledged message reaches the core platform, once under its key.
#include "tests/e2e/world.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hotline::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

size_t occurrences(const std::string& text, const std::string& what) {
  size_t count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++count;
  }
  return count;
}

TEST(PipelineStoreFull, AFullStoreAnswers503SaysWhyOnceAndLosesNothing) {
  World world;
  world.setStoreExtra(R"(, "max_size_mb": 1)");
  world.startGateway();
  ASSERT_TRUE(world.gatewayHealthy()) << world.gatewayLog();

  int64_t acknowledged = 0;
  HttpReply refused;
  for (int i = 0; i < 3000; ++i) {
    HttpReply reply =
        world.postTicket(ticketJson("FULL-" + std::to_string(i)), "full-" + std::to_string(i));
    if (reply.status == 201) {
      ++acknowledged;
      continue;
    }
    refused = reply;
    break;
  }
  ASSERT_EQ(refused.status, 503) << "1 MiB never filled; last answer: " << refused.body;
  ASSERT_GT(acknowledged, 5);
  EXPECT_THAT(refused.body, HasSubstr("cannot store messages"));
  EXPECT_THAT(refused.body, Not(HasSubstr(world.dbPath())));

  // More messages while full: each refused, none logged on its own.
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(world.postTicket(ticketJson("MORE-" + std::to_string(i)), "more-" + std::to_string(i))
                  .status,
              503);
  }
  HttpReply ready = world.admin("GET", "/readyz");
  EXPECT_EQ(ready.status, 503) << ready.body;
  EXPECT_THAT(ready.body, HasSubstr("writes refused"));
  EXPECT_THAT(ready.body, HasSubstr("full"));
  EXPECT_THAT(world.admin("GET", "/metrics").body, HasSubstr("hotline_store_writable 0"));
  const std::string log = world.gatewayLog();
  EXPECT_EQ(occurrences(log, "the store refuses writes"), 1u) << log;
  EXPECT_LE(occurrences(log, "the store still refuses writes"), 2u);

  // Room again (a higher cap, a restart): everything acknowledged arrives, once.
  EXPECT_EQ(world.stopGateway(SIGTERM), 0);
  world.setStoreExtra("");
  world.startGateway();
  ASSERT_TRUE(world.gatewayHealthy()) << world.gatewayLog();
  EXPECT_EQ(world.admin("GET", "/readyz").status, 200);
  EXPECT_THAT(world.admin("GET", "/metrics").body, HasSubstr("hotline_store_writable 1"));
  EXPECT_EQ(world.postTicket(ticketJson("AFTER-1"), "after-1").status, 201);
  ASSERT_TRUE(waitFor([&] { return world.simStats().accepted == acknowledged + 1; },
                      std::chrono::seconds(60)))
      << "accepted " << world.simStats().accepted << " of " << acknowledged + 1;
  // Outcomes the full store could not record are sent again after the restart, under the same
  // key: the platform keeps each message once, in order.
  EXPECT_EQ(world.simStats().order_violations, 0);
}

} // namespace
} // namespace hotline::testing
