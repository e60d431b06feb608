// PayloadRetention: passes that call the store until its sweeps are done, count what they
// emptied, survive a store that fails, and a thread that stops without waiting out its
// interval.

#include "core/pipeline/payload_retention.h"
#include "core/store/memory_store.h"
#include "tests/support/child_process.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>

namespace hotline::pipeline {
namespace {

using std::chrono::milliseconds;

constexpr int64_t kStoreNow = 1'700'000'000'000;
constexpr int64_t kDay = 24 * 3600 * 1000;

class PayloadRetentionTest : public ::testing::Test {
public:
  // A delivered message for `ticket`, received `age_ms` before the store's clock.
  int64_t deliveredMessage(const std::string& ticket, int64_t age_ms) {
    store::InboundCommit commit;
    commit.received_at_ms = kStoreNow - age_ms;
    commit.dedupe_key = "sms/" + std::to_string(++messages_);
    commit.source = "sms";
    commit.kind = "event";
    commit.content_type = "application/json";
    commit.body = R"({"from":"13800000000","text":"路灯修好了吗"})";
    commit.ticket_id = ticket;
    commit.outbox.push_back(store::OutboxInsert{"core", ticket, "event", "application/json",
                                                commit.body, "idem-" + commit.dedupe_key});
    auto ids = store_.commitInbound({&commit, 1});
    EXPECT_TRUE(ids.isOk()) << ids.status().toString();
    const int64_t id = ids.isOk() ? (*ids)[0][0] : 0;
    store::DeliveryRecord delivered;
    delivered.outbox_id = id;
    delivered.at_ms = kStoreNow;
    EXPECT_TRUE(store_.recordDeliveries(std::vector<store::DeliveryRecord>{delivered}));
    return id;
  }
  PayloadRetention::Options options(int64_t now_ms, size_t rows_per_call = 2) {
    PayloadRetention::Options options;
    options.keep = milliseconds(30 * kDay);
    options.pause = milliseconds(0);
    options.rows_per_call = rows_per_call;
    options.now_ms = [now_ms] { return now_ms; };
    return options;
  }
  std::string body(int64_t outbox_id) {
    auto row = store_.outboxRow(outbox_id);
    return row.isOk() && row->has_value() ? (*row)->body : "<missing>";
  }

  store::MemoryStore store_{
      store::MemoryStoreOptions{audit::HashAlgorithm::Sha256, [] { return kStoreNow; }}};
  int messages_ = 0;
};

TEST_F(PayloadRetentionTest, APassEmptiesEverythingOlderThanKeepAcrossCalls) {
  std::vector<int64_t> old_rows;
  for (int i = 0; i < 5; ++i) {
    old_rows.push_back(deliveredMessage("T" + std::to_string(i), 40 * kDay));
  }
  PayloadRetention retention(store_, options(kStoreNow));
  ASSERT_TRUE(retention.runOnce());
  const PayloadRetention::Stats stats = retention.stats();
  EXPECT_EQ(stats.messages, 5u) << "five messages in calls of two";
  EXPECT_EQ(stats.outbox_rows, 5u) << "events are no ticket's snapshot";
  EXPECT_EQ(stats.failures, 0u);
  for (int64_t id : old_rows) {
    EXPECT_EQ(body(id), "") << "outbox row " << id;
  }
}

TEST_F(PayloadRetentionTest, PayloadsYoungerThanKeepStay) {
  const int64_t old_row = deliveredMessage("T1", 40 * kDay);
  const int64_t young_row = deliveredMessage("T2", 10 * kDay);
  PayloadRetention retention(store_, options(kStoreNow));
  ASSERT_TRUE(retention.runOnce());
  EXPECT_EQ(retention.stats().messages, 1u);
  EXPECT_EQ(retention.stats().outbox_rows, 1u);
  EXPECT_EQ(body(old_row), "");
  EXPECT_NE(body(young_row), "") << "10 days old, 30 kept";
}

TEST_F(PayloadRetentionTest, AFailingStoreEndsThePassAndTheNextOneRetries) {
  const int64_t id = deliveredMessage("T1", 40 * kDay);
  PayloadRetention retention(store_, options(kStoreNow));
  store_.failWrites(Status(StatusCode::ResourceExhausted, "database or disk is full"));
  Status failed = retention.runOnce();
  ASSERT_FALSE(failed.isOk());
  EXPECT_NE(failed.message().find("full"), std::string::npos);
  EXPECT_EQ(retention.stats().failures, 1u);
  EXPECT_NE(body(id), "");
  store_.clearWriteFailure();
  ASSERT_TRUE(retention.runOnce());
  EXPECT_EQ(body(id), "");
}

TEST_F(PayloadRetentionTest, ADeadLetterIsReportedAsWhatTheSweepWaitsAt) {
  const int64_t delivered = deliveredMessage("T1", 40 * kDay);
  store::InboundCommit commit;
  commit.received_at_ms = kStoreNow - 35 * kDay;
  commit.dedupe_key = "sms/dead";
  commit.source = "sms";
  commit.kind = "event";
  commit.ticket_id = "T2";
  commit.outbox.push_back(
      store::OutboxInsert{"core", "T2", "event", "application/json", "{}", "idem-dead"});
  auto ids = store_.commitInbound({&commit, 1});
  ASSERT_TRUE(ids.isOk());
  store::DeliveryRecord dead;
  dead.outbox_id = (*ids)[0][0];
  dead.kind = store::DeliveryRecord::Kind::Dead;
  dead.error = "422";
  ASSERT_TRUE(store_.recordDeliveries(std::vector<store::DeliveryRecord>{dead}));
  PayloadRetention retention(store_, options(kStoreNow));
  ASSERT_TRUE(retention.runOnce());
  EXPECT_EQ(body(delivered), "");
  EXPECT_EQ(retention.stats().outbox_held_by, (*ids)[0][0]);
}

TEST_F(PayloadRetentionTest, TheThreadRunsAPassAtOnceAndStopsWithoutWaitingItsInterval) {
  deliveredMessage("T1", 40 * kDay);
  PayloadRetention::Options hourly = options(kStoreNow);
  hourly.interval = std::chrono::hours(1);
  PayloadRetention retention(store_, hourly);
  retention.start();
  EXPECT_TRUE(hotline::testing::waitFor([&] { return retention.stats().outbox_rows == 1; },
                                        milliseconds(5000)));
  const auto before = std::chrono::steady_clock::now();
  retention.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, std::chrono::seconds(5))
      << "stop() must not wait out the hour";
}

} // namespace
} // namespace hotline::pipeline
