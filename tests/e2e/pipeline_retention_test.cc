// Payload retention (store.keep_payloads_days) in a running gateway: payloads older than the
// window are emptied by the pass at start, what later steps need stays (each ticket's newest
// snapshot, the answers duplicates get), the pass is in the audit trail, and the trail still
// verifies.
#include "tests/e2e/world.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>

namespace hotline::testing {
namespace {

using ::testing::HasSubstr;

TEST(PipelineRetention, OldPayloadsAreEmptiedAndWhatLaterStepsNeedStays) {
  World world;
  world.setStoreExtra(R"(, "keep_payloads_days": 30)");
  world.startGateway();
  ASSERT_TRUE(world.gatewayHealthy()) << world.gatewayLog();
  HttpReply first = world.postTicket(ticketJson("RET-1"), "ret-1");
  ASSERT_EQ(first.status, 201) << first.body;
  ASSERT_EQ(world.postEvent(eventJson("RET-1", "accepted"), "ret-1-a").status, 201);
  ASSERT_EQ(world.postTicket(ticketJson("RET-2"), "ret-2").status, 201);
  ASSERT_TRUE(waitFor([&] { return world.simStats().accepted == 3; }, std::chrono::seconds(30)));
  EXPECT_THAT(world.admin("GET", "/metrics").body,
              HasSubstr("hotline_store_payloads_purged_total{table=\"messages\"} 0"))
      << "fresh payloads stay";
  ASSERT_EQ(world.stopGateway(SIGTERM), 0);

  // Forty days pass: the rows are aged by hand.
  const std::string db = world.dbPath();
  execSql(db, "UPDATE messages SET received_at = received_at - 40 * 86400000; "
              "UPDATE outbox SET created_at = created_at - 40 * 86400000");
  world.startGateway();
  ASSERT_TRUE(world.gatewayHealthy()) << world.gatewayLog();
  ASSERT_TRUE(waitFor(
      [&] {
        return world.admin("GET", "/metrics")
                   .body.find("hotline_store_payloads_purged_total{table=\"messages\"} 3") !=
               std::string::npos;
      },
      std::chrono::seconds(30)))
      << world.admin("GET", "/metrics").body;
  EXPECT_THAT(world.admin("GET", "/metrics").body,
              HasSubstr("hotline_store_payloads_purged_total{table=\"outbox\"} 1"))
      << "the event's row; each ticket row is its ticket's newest snapshot";
  EXPECT_EQ(querySql(db, "SELECT SUM(length(body)) FROM messages"), "0");
  EXPECT_EQ(querySql(db, "SELECT COUNT(*) FROM outbox WHERE length(body) > 0"), "2");
  EXPECT_EQ(querySql(db, "SELECT COUNT(*) FROM outbox WHERE purged_at > 0 AND kind = 'event'"),
            "1");

  const std::string trail = world.admin("GET", "/admin/v1/audit?limit=1000").body;
  EXPECT_THAT(trail, HasSubstr(R"("action":"purged","actor":"retention")"));
  HttpReply verified = world.admin("GET", "/admin/v1/audit/verify");
  EXPECT_THAT(verified.body, HasSubstr("\"ok\":true")) << verified.body;

  // A duplicate still gets its first answer, and the ticket still takes events.
  HttpReply again = world.postTicket(ticketJson("RET-1"), "ret-1");
  EXPECT_EQ(again.status, 200) << again.body;
  const std::string ticket_id = first.body.substr(0, first.body.find(",\"status\""));
  EXPECT_THAT(again.body, HasSubstr(ticket_id)) << "the same ticket as the first answer";
  EXPECT_THAT(again.body, HasSubstr("\"duplicate\":true"));
  EXPECT_EQ(world.postEvent(eventJson("RET-1", "assigned"), "ret-1-b").status, 201);
  EXPECT_TRUE(waitFor([&] { return world.simStats().accepted == 4; }, std::chrono::seconds(30)));
  EXPECT_EQ(world.simStats().order_violations, 0);
}

} // namespace
} // namespace hotline::testing
