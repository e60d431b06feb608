// The durable submit path over the in-memory store: group commit, de-duplication, the
// lifecycle, links, outbox rows handed to delivery, and the audit facts of each step.
#include "core/pipeline/durable_submitter.h"
#include "core/store/memory_store.h"
#include "tests/support/child_process.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <condition_variable>
#include <thread>

namespace hotline::pipeline {
namespace {

using ::testing::HasSubstr;

// A store whose first commit waits until released, so a test can line submits up behind it.
class GatedStore : public store::MemoryStore {
public:
  Result<store::WriteBatchResult> commitBatch(const store::WriteBatch& batch) override {
    std::unique_lock<std::mutex> lock(mutex_);
    ++commits_entered_;
    entered_.notify_all();
    open_.wait(lock, [this] { return released_; });
    lock.unlock();
    return store::MemoryStore::commitBatch(batch);
  }
  void waitEntered() {
    std::unique_lock<std::mutex> lock(mutex_);
    entered_.wait(lock, [this] { return commits_entered_ > 0; });
  }
  void release() {
    std::lock_guard<std::mutex> lock(mutex_);
    released_ = true;
    open_.notify_all();
  }

private:
  std::mutex mutex_;
  std::condition_variable entered_;
  std::condition_variable open_;
  int commits_entered_ = 0;
  bool released_ = false;
};

InboundMessage inbound(std::string kind, std::string body, std::string key) {
  InboundMessage message;
  message.source = "intake";
  message.connector_type = "example";
  message.kind = std::move(kind);
  message.content_type = "application/json";
  message.body = std::move(body);
  message.idempotency_key = std::move(key);
  return message;
}

std::string ticketBody(const std::string& number) {
  return R"({"refs":[{"system":"shangqiu-12345","number":")" + number +
         R"("}],"channel":"city","content":"路面塌陷","status":"submitted"})";
}

std::string eventBody(const std::string& number, const std::string& type) {
  return R"({"ticket":{"system":"shangqiu-12345","number":")" + number + R"("},"type":")" + type +
         R"(","at":"2026-11-28T09:00:00+08:00"})";
}

class DurableSubmitterTest : public ::testing::Test {
protected:
  void SetUp() override { committer_.start(); }
  void TearDown() override { committer_.stop(); }

  std::vector<store::OutboxRow> delivered() {
    std::lock_guard<std::mutex> lock(rows_mutex_);
    return rows_;
  }

  store::MemoryStore store_;
  std::mutex rows_mutex_;
  std::vector<store::OutboxRow> rows_;
  GroupCommitter committer_{store_, {}, [this](std::vector<store::OutboxRow> rows) {
                              std::lock_guard<std::mutex> lock(rows_mutex_);
                              rows_.insert(rows_.end(), rows.begin(), rows.end());
                            }};
  CanonicalMapper mapper_;
  DurableSubmitter submitter_{mapper_, committer_};
};

TEST_F(DurableSubmitterTest, StoresTheTicketItsLinkItsOutboxRowAndItsAudit) {
  auto outcome = submitter_.submit(inbound("ticket", ticketBody("SQ-1"), "m-1"));
  ASSERT_TRUE(outcome.isOk()) << outcome.status().toString();
  EXPECT_EQ(outcome->http_status, 201);
  const std::string id = outcome->ticket_id;

  EXPECT_EQ(store_.resolveLink("shangqiu-12345", "SQ-1")->value_or(""), id);
  EXPECT_EQ(store_.ticketState(id)->value().status, "submitted");
  auto rows = delivered();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_GT(rows[0].id, 0);
  EXPECT_EQ(rows[0].target, "core");
  EXPECT_EQ(rows[0].kind, "ticket");
  EXPECT_THAT(rows[0].body, HasSubstr("\"id\":\"" + id + "\""));
  EXPECT_THAT(rows[0].idempotency_key, ::testing::StartsWith("hl-"));
  auto audit = store_.queryAudit(0, 100, id);
  ASSERT_TRUE(audit.isOk());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].action, "received");
  EXPECT_EQ((*audit)[1].action, "stored");
  EXPECT_EQ((*audit)[1].prev_hash, (*audit)[0].hash);
}

TEST_F(DurableSubmitterTest, ADuplicateGetsTheFirstAnswerAndWritesNothing) {
  auto first = submitter_.submit(inbound("ticket", ticketBody("SQ-2"), "m-2"));
  auto again = submitter_.submit(inbound("ticket", ticketBody("SQ-2"), "m-2"));
  ASSERT_TRUE(first.isOk());
  ASSERT_TRUE(again.isOk());
  EXPECT_EQ(again->http_status, 200);
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->ticket_id, first->ticket_id);
  EXPECT_THAT(again->body, HasSubstr("\"duplicate\":true"));
  EXPECT_EQ(delivered().size(), 1u);
  EXPECT_EQ(store_.outboxCounts()->pending, 1);
}

TEST_F(DurableSubmitterTest, EventsAreCheckedAgainstTheLifecycleAndFoundByNumber) {
  ASSERT_TRUE(submitter_.submit(inbound("ticket", ticketBody("SQ-3"), "m-3")).isOk());
  auto early = submitter_.submit(inbound("event", eventBody("SQ-3", "signed"), "e-1"));
  ASSERT_FALSE(early.isOk());
  EXPECT_EQ(early.status().code(), StatusCode::Conflict);
  EXPECT_THAT(early.status().message(), HasSubstr("L-SIGN"));
  EXPECT_THAT(early.status().message(), HasSubstr("shangqiu-12345/SQ-3"));

  auto accepted = submitter_.submit(inbound("event", eventBody("SQ-3", "accepted"), "e-2"));
  ASSERT_TRUE(accepted.isOk()) << accepted.status().toString();
  EXPECT_THAT(accepted->body, HasSubstr("\"status\":\"accepted\""));
  auto rows = delivered();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].kind, "event");
  // The core platform is told our id, not the city's number.
  EXPECT_THAT(rows[1].body, HasSubstr("\"ticket\":{\"id\":\"" + accepted->ticket_id + "\"}"));
  EXPECT_LT(rows[0].id, rows[1].id);

  auto unknown = submitter_.submit(inbound("event", eventBody("SQ-404", "accepted"), "e-3"));
  ASSERT_FALSE(unknown.isOk());
  EXPECT_EQ(unknown.status().code(), StatusCode::NotFound);
}

TEST_F(DurableSubmitterTest, RefusalsAreAuditedWithTheirReason) {
  auto bad = submitter_.submit(inbound("ticket", R"({"channel":"fax"})", "m-bad"));
  ASSERT_FALSE(bad.isOk());
  EXPECT_EQ(bad.status().code(), StatusCode::InvalidArgument);
  // The committer thread writes the rejection; stopping it drains what is queued.
  committer_.stop();
  auto records = store_.queryAudit(0, 100, "");
  ASSERT_TRUE(records.isOk());
  bool audited = false;
  for (const auto& record : *records) {
    audited = audited ||
              (record.action == "rejected" && record.detail.find("/channel") != std::string::npos);
  }
  EXPECT_TRUE(audited);
  EXPECT_EQ(store_.outboxCounts()->pending, 0);
}

TEST(GroupCommitter, SubmitsQueuedBehindACommitShareTheNextOne) {
  GatedStore store;
  GroupCommitter committer(store, {}, {});
  CanonicalMapper mapper;
  DurableSubmitter submitter(mapper, committer);
  committer.start();
  std::vector<std::thread> threads;
  std::vector<Result<SubmitOutcome>> outcomes(11, Result<SubmitOutcome>(internalError("unset")));
  threads.emplace_back(
      [&] { outcomes[0] = submitter.submit(inbound("ticket", ticketBody("G-0"), "g-0")); });
  store.waitEntered(); // the first batch (one message) is inside its commit
  for (int i = 1; i <= 10; ++i) {
    threads.emplace_back([&, i] {
      std::string n = "G-" + std::to_string(i);
      outcomes[i] = submitter.submit(inbound("ticket", ticketBody(n), "g-" + std::to_string(i)));
    });
  }
  EXPECT_TRUE(hotline::testing::waitFor([&] { return committer.queued() == 10; },
                                        std::chrono::seconds(2), std::chrono::milliseconds(1)));
  store.release();
  for (auto& thread : threads) {
    thread.join();
  }
  for (const auto& outcome : outcomes) {
    EXPECT_TRUE(outcome.isOk()) << outcome.status().toString();
  }
  CommitterStats stats = committer.stats();
  EXPECT_EQ(stats.committed, 11u);
  EXPECT_EQ(stats.batches, 2u); // 11 durable messages, 2 commits
  EXPECT_EQ(stats.largest_batch, 10u);
  committer.stop();
}

TEST(GroupCommitter, AFailedCommitAnswersEveryoneUnavailableAndStoresNothing) {
  store::MemoryStore store;
  store.failWrites(unavailable("disk full"));
  GroupCommitter committer(store, {}, {});
  CanonicalMapper mapper;
  DurableSubmitter submitter(mapper, committer);
  committer.start();
  auto outcome = submitter.submit(inbound("ticket", ticketBody("F-1"), "f-1"));
  ASSERT_FALSE(outcome.isOk());
  EXPECT_EQ(outcome.status().code(), StatusCode::Unavailable);
  EXPECT_THAT(outcome.status().message(), HasSubstr("cannot store messages"));
  // The store's own error stays in the log and /readyz: it names files of this host.
  EXPECT_THAT(outcome.status().message(), ::testing::Not(HasSubstr("disk full")));
  store.clearWriteFailure();
  EXPECT_EQ(store.outboxCounts()->pending, 0);
  EXPECT_FALSE(store.resolveLink("shangqiu-12345", "F-1")->has_value());
  // The same message, retried once the store works again, is stored (it was never stored).
  auto retried = submitter.submit(inbound("ticket", ticketBody("F-1"), "f-1"));
  ASSERT_TRUE(retried.isOk()) << retried.status().toString();
  EXPECT_EQ(retried->http_status, 201);
  committer.stop();
}

TEST(GroupCommitter, AfterStopSubmitsAreRefusedAsUnavailable) {
  store::MemoryStore store;
  GroupCommitter committer(store, {}, {});
  committer.start();
  committer.stop();
  CanonicalMapper mapper;
  DurableSubmitter submitter(mapper, committer);
  auto outcome = submitter.submit(inbound("ticket", ticketBody("S-1"), "s-1"));
  ASSERT_FALSE(outcome.isOk());
  EXPECT_EQ(outcome.status().code(), StatusCode::Unavailable);
}

} // namespace
} // namespace hotline::pipeline
