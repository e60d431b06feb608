// The group committer as the store's one writer: delivery outcomes and rejection facts ride
// in its transactions, survive failed writes, and are written until stop().
#include "core/pipeline/durable_submitter.h"
#include "tests/support/child_process.h"
#include "tests/unit/pipeline/recording_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace hotline::pipeline {
namespace {

using ::testing::HasSubstr;

InboundMessage ticket(const std::string& number) {
  InboundMessage message;
  message.source = "intake";
  message.connector_type = "example";
  message.kind = "ticket";
  message.content_type = "application/json";
  message.body = R"({"refs":[{"system":"shangqiu-12345","number":")" + number +
                 R"("}],"channel":"city","content":"路灯不亮","status":"submitted"})";
  message.idempotency_key = "m-" + number;
  return message;
}

store::DeliveryRecord delivered(int64_t outbox_id) {
  store::DeliveryRecord record;
  record.outbox_id = outbox_id;
  record.kind = store::DeliveryRecord::Kind::Delivered;
  record.at_ms = 1;
  record.http_status = 201;
  return record;
}

class GroupCommitterWriterTest : public ::testing::Test {
protected:
  GroupCommitterWriterTest() {
    GroupCommitter::Options options;
    options.retry_wait = std::chrono::milliseconds(5);
    committer_ = std::make_unique<GroupCommitter>(store_, options,
                                                  [this](std::vector<store::OutboxRow> rows) {
                                                    std::lock_guard<std::mutex> lock(rows_mutex_);
                                                    for (const auto& row : rows) {
                                                      outbox_ids_.push_back(row.id);
                                                    }
                                                  });
    committer_->start();
    submitter_ = std::make_unique<DurableSubmitter>(mapper_, *committer_);
  }
  ~GroupCommitterWriterTest() override { committer_->stop(); }

  // Submits a ticket and returns the id of its outbox row.
  int64_t accepted(const std::string& number) {
    Result<SubmitOutcome> outcome = submitter_->submit(ticket(number));
    EXPECT_TRUE(outcome.isOk()) << outcome.status().toString();
    std::lock_guard<std::mutex> lock(rows_mutex_);
    return outbox_ids_.empty() ? 0 : outbox_ids_.back();
  }
  store::OutboxState state(int64_t id) { return store_.outboxRow(id)->value().state; }

  RecordingStore store_;
  std::mutex rows_mutex_;
  std::vector<int64_t> outbox_ids_;
  std::unique_ptr<GroupCommitter> committer_;
  CanonicalMapper mapper_;
  std::unique_ptr<DurableSubmitter> submitter_;
};

TEST_F(GroupCommitterWriterTest, DeliveryOutcomesShareTheTransactionOfTheNextSubmits) {
  const int64_t first = accepted("W-1");
  ASSERT_GT(first, 0);
  store_.gate();
  std::thread blocked([&] { accepted("W-2"); });
  store_.waitEntered(2); // W-2's transaction is held at the gate
  committer_->addDelivery(delivered(first));
  std::thread queued([&] { accepted("W-3"); });
  EXPECT_TRUE(hotline::testing::waitFor([&] { return committer_->queued() == 1; }, // W-3 queued
                                        std::chrono::seconds(20), std::chrono::milliseconds(1)));
  store_.open();
  blocked.join();
  queued.join();
  const std::vector<RecordingStore::Call> calls = store_.waitCalls(3);
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[2].inbound, 1u);    // W-3 ...
  EXPECT_EQ(calls[2].deliveries, 1u); // ... and W-1's delivery, in one transaction
  EXPECT_EQ(state(first), store::OutboxState::Delivered);
  committer_->stop(); // its statistics are final once its thread has finished
  EXPECT_EQ(committer_->stats().deliveries_written, 1u);
}

TEST_F(GroupCommitterWriterTest, AFailedWriteKeepsTheOutcomesAndRetriesThem) {
  const int64_t id = accepted("F-1");
  store_.failWrites(unavailable("disk full"));
  committer_->addDelivery(delivered(id));
  std::vector<RecordingStore::Call> calls = store_.waitCalls(2);
  EXPECT_FALSE(calls[1].ok);
  EXPECT_EQ(state(id), store::OutboxState::Pending);
  store_.clearWriteFailure();
  // Retried after retry_wait without anything else arriving.
  for (size_t n = 3;; ++n) {
    calls = store_.waitCalls(n);
    if (calls.back().ok) {
      break;
    }
  }
  EXPECT_EQ(calls.back().deliveries, 1u);
  EXPECT_EQ(state(id), store::OutboxState::Delivered);
  committer_->stop();
  const CommitterStats stats = committer_->stats();
  EXPECT_GE(stats.write_failures, 1u);
  EXPECT_EQ(stats.deliveries_written, 1u);
  EXPECT_EQ(stats.deliveries_pending, 0u);
}

// A store that refuses writes (a full disk): submits are answered 503 without the store's own
// error (it names this host's files), the committer says the store is failing (for /readyz)
// until a write succeeds again.
TEST_F(GroupCommitterWriterTest, WhileTheStoreRefusesWritesSubmitsAre503AndHealthSaysWhy) {
  accepted("H-1");
  EXPECT_FALSE(committer_->stats().store_writes.failing);
  store_.failWrites(unavailable("store /var/hotline/gateway.db: database or disk is full"));
  for (const char* number : {"H-2", "H-3"}) {
    Result<SubmitOutcome> refused = submitter_->submit(ticket(number));
    ASSERT_FALSE(refused.isOk());
    EXPECT_EQ(refused.status().code(), StatusCode::Unavailable);
    EXPECT_THAT(refused.status().message(), HasSubstr("cannot store messages"));
    EXPECT_THAT(refused.status().message(), ::testing::Not(HasSubstr("gateway.db")));
  }
  WriteHealth::State health = committer_->stats().store_writes;
  EXPECT_TRUE(health.failing);
  EXPECT_GE(health.failed_batches, 2u);
  EXPECT_THAT(health.error, HasSubstr("database or disk is full"));

  store_.clearWriteFailure();
  accepted("H-4");
  health = committer_->stats().store_writes;
  EXPECT_FALSE(health.failing);
  EXPECT_GE(health.failed_batches, 2u) << "the last streak is kept for the record";
}

TEST_F(GroupCommitterWriterTest, ARefusedOutcomeIsDroppedAndTheOthersAreWritten) {
  const int64_t id = accepted("R-1");
  committer_->addDelivery(delivered(424242)); // no such row
  committer_->addDelivery(delivered(id));
  committer_->stop();
  EXPECT_EQ(state(id), store::OutboxState::Delivered);
  const CommitterStats stats = committer_->stats();
  EXPECT_EQ(stats.deliveries_refused, 1u);
  EXPECT_EQ(stats.deliveries_written, 1u);
}

TEST_F(GroupCommitterWriterTest, AfterCloseIntakeSubmitsAreRefusedButOutcomesAreStillWritten) {
  const int64_t id = accepted("C-1");
  committer_->closeIntake();
  Result<SubmitOutcome> late = submitter_->submit(ticket("C-2"));
  ASSERT_FALSE(late.isOk());
  EXPECT_EQ(late.status().code(), StatusCode::Unavailable);
  EXPECT_THAT(late.status().message(), HasSubstr("shutting down"));
  committer_->addDelivery(delivered(id));
  committer_->stop();
  EXPECT_EQ(state(id), store::OutboxState::Delivered);
}

TEST_F(GroupCommitterWriterTest, AuditFactsAreWrittenWithTheNextBatch) {
  committer_->recordFact({"refused_signature", "dept-housing", "", 0, 0, "", "forged"});
  committer_->stop(); // writes what is queued
  auto records = store_.queryAudit(0, 10, "");
  ASSERT_TRUE(records.isOk());
  ASSERT_EQ(records->size(), 1u);
  EXPECT_EQ((*records)[0].action, "refused_signature");
  EXPECT_EQ((*records)[0].actor, "dept-housing");
}

TEST_F(GroupCommitterWriterTest, StopDoesNotHangOnAStoreThatKeepsFailing) {
  const int64_t id = accepted("S-1");
  store_.failWrites(unavailable("disk full"));
  committer_->addDelivery(delivered(id));
  committer_->stop(); // gives up: the row stays pending and is re-sent after a restart
  store_.clearWriteFailure();
  EXPECT_EQ(state(id), store::OutboxState::Pending);
}

} // namespace
} // namespace hotline::pipeline
