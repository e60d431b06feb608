// Conformance: outbox ordering and the delivery state machine with its audit facts.

#include "tests/unit/store/store_conformance.h"

namespace hotline::store::testing {
namespace {

template <typename Backend>
class StoreOutboxTest : public StoreConformanceTest<Backend> {
public:
  Status record(DeliveryRecord::Kind kind, int64_t id, int http_status, std::string error = "") {
    DeliveryRecord record;
    record.outbox_id = id;
    record.kind = kind;
    record.at_ms = this->clock_.now();
    record.next_attempt_at_ms = this->clock_.now() + 1000;
    record.error = std::move(error);
    record.http_status = http_status;
    record.latency_ms = 42;
    return this->store_->recordDeliveries(std::vector<DeliveryRecord>{record});
  }
  AuditRecord lastAudit() {
    std::vector<AuditRecord> records = this->audit();
    return records.empty() ? AuditRecord{} : records.back();
  }
};
TYPED_TEST_SUITE(StoreOutboxTest, ConformanceBackends, BackendNames);

using Kind = DeliveryRecord::Kind;

TYPED_TEST(StoreOutboxTest, PendingRowsComeInIdOrder) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(this->commitOne("T" + std::to_string(i % 2), "m" + std::to_string(i)));
  }
  Result<std::vector<OutboxRow>> all = this->store_->loadPending(0, 100);
  ASSERT_TRUE(all.isOk());
  ASSERT_EQ(all->size(), 5u);
  for (size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ((*all)[i].id, ids[i]);
  }
  Result<std::vector<OutboxRow>> page = this->store_->loadPending(ids[1], 2);
  ASSERT_TRUE(page.isOk());
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].id, ids[2]);
  EXPECT_EQ((*page)[1].id, ids[3]);
  ASSERT_TRUE(this->record(Kind::Delivered, ids[2], 200));
  page = this->store_->loadPending(ids[1], 2);
  ASSERT_TRUE(page.isOk());
  EXPECT_EQ((*page)[0].id, ids[3]);
  EXPECT_EQ((*page)[1].id, ids[4]);
}

TYPED_TEST(StoreOutboxTest, RetryThenDeliverIsRecordedAndAudited) {
  const int64_t id = this->commitOne("T1", "a");
  ASSERT_TRUE(this->record(Kind::Retry, id, 503, "service unavailable"));
  OutboxRow row = this->row(id);
  EXPECT_EQ(row.state, OutboxState::Pending);
  EXPECT_EQ(row.attempts, 1);
  EXPECT_EQ(row.next_attempt_at_ms, this->clock_.now() + 1000);
  EXPECT_EQ(row.last_error, "service unavailable");
  AuditRecord retried = this->lastAudit();
  EXPECT_EQ(retried.action, "retried");
  EXPECT_EQ(retried.target, "core");
  EXPECT_EQ(retried.outbox_id, id);
  EXPECT_EQ(retried.ticket_id, "T1");
  EXPECT_NE(retried.detail.find("http 503"), std::string::npos) << retried.detail;
  EXPECT_NE(retried.detail.find("service unavailable"), std::string::npos) << retried.detail;

  this->clock_.advance(5000);
  ASSERT_TRUE(this->record(Kind::Delivered, id, 201));
  row = this->row(id);
  EXPECT_EQ(row.state, OutboxState::Delivered);
  EXPECT_EQ(row.attempts, 2);
  EXPECT_EQ(row.finished_at_ms, this->clock_.now());
  const AuditRecord delivered = this->lastAudit();
  EXPECT_EQ(delivered.action, "delivered");
  EXPECT_EQ(delivered.outbox_id, id);
  EXPECT_NE(delivered.detail.find("http 201"), std::string::npos) << delivered.detail;
  EXPECT_EQ(delivered.prev_hash, retried.hash);
}

TYPED_TEST(StoreOutboxTest, DeadLettersCanBeReplayedOrDiscarded) {
  const int64_t first = this->commitOne("T1", "a");
  const int64_t second = this->commitOne("T2", "b");
  ASSERT_TRUE(this->record(Kind::Dead, first, 400, "bad request: title"));
  ASSERT_TRUE(this->record(Kind::Dead, second, 0, "mapping failed"));
  OutboxRow dead = this->row(first);
  EXPECT_EQ(dead.state, OutboxState::Dead);
  EXPECT_EQ(dead.last_error, "bad request: title");
  EXPECT_EQ(dead.finished_at_ms, this->clock_.now());
  EXPECT_EQ(this->lastAudit().action, "dead_lettered");
  EXPECT_NE(this->lastAudit().detail.find("no answer"), std::string::npos);
  Result<std::vector<OutboxRow>> listed = this->store_->listOutbox(OutboxState::Dead, 0, 10);
  ASSERT_TRUE(listed.isOk());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].id, first);

  this->clock_.advance(60000);
  ASSERT_TRUE(this->store_->replayDead(first, "admin:ops"));
  const OutboxRow replayed = this->row(first);
  EXPECT_EQ(replayed.state, OutboxState::Pending);
  EXPECT_EQ(replayed.attempts, 0);
  EXPECT_EQ(replayed.next_attempt_at_ms, this->clock_.now());
  EXPECT_EQ(replayed.finished_at_ms, 0);
  AuditRecord fact = this->lastAudit();
  EXPECT_EQ(fact.action, "replayed");
  EXPECT_EQ(fact.actor, "admin:ops");
  EXPECT_EQ(fact.outbox_id, first);
  EXPECT_EQ((*this->store_->loadPending(0, 10))[0].id, first);

  ASSERT_TRUE(this->store_->discardDead(second, "admin:ops", "duplicate of 12345"));
  const OutboxRow discarded = this->row(second);
  EXPECT_EQ(discarded.state, OutboxState::Discarded);
  EXPECT_EQ(discarded.finished_at_ms, this->clock_.now());
  fact = this->lastAudit();
  EXPECT_EQ(fact.action, "discarded");
  EXPECT_EQ(fact.actor, "admin:ops");
  EXPECT_EQ(fact.target, "core");
  EXPECT_NE(fact.detail.find("duplicate of 12345"), std::string::npos);
  EXPECT_TRUE(this->store_->listOutbox(OutboxState::Dead, 0, 10)->empty());
  EXPECT_EQ(this->store_->listOutbox(OutboxState::Discarded, 0, 10)->size(), 1u);
}

TYPED_TEST(StoreOutboxTest, TransitionsOnlyFromTheirStates) {
  const int64_t id = this->commitOne("T1", "a");
  Status replay = this->store_->replayDead(id, "admin:ops");
  EXPECT_EQ(replay.code(), StatusCode::FailedPrecondition);
  EXPECT_NE(replay.message().find(std::to_string(id)), std::string::npos) << replay.message();
  EXPECT_NE(replay.message().find("pending"), std::string::npos) << replay.message();
  ASSERT_TRUE(this->record(Kind::Delivered, id, 200));
  Status discard = this->store_->discardDead(id, "admin:ops", "why");
  EXPECT_EQ(discard.code(), StatusCode::FailedPrecondition);
  EXPECT_NE(discard.message().find("delivered"), std::string::npos) << discard.message();
  Status again = this->record(Kind::Retry, id, 500);
  EXPECT_EQ(again.code(), StatusCode::FailedPrecondition);
  EXPECT_EQ(this->store_->replayDead(999, "admin:ops").code(), StatusCode::NotFound);
  EXPECT_EQ(this->record(Kind::Delivered, 999, 200).code(), StatusCode::NotFound);
  EXPECT_FALSE(this->store_->outboxRow(999)->has_value());
  EXPECT_EQ(this->audit().size(), 3u); // received, stored, delivered: nothing for refusals
}

TYPED_TEST(StoreOutboxTest, ARefusedRecordLeavesTheWholeBatchUnrecorded) {
  const int64_t first = this->commitOne("T1", "a");
  const int64_t second = this->commitOne("T2", "b");
  DeliveryRecord ok{first, Kind::Delivered, this->clock_.now(), 0, "", 200, 5};
  DeliveryRecord twice{first, Kind::Delivered, this->clock_.now(), 0, "", 200, 5};
  DeliveryRecord other{second, Kind::Retry, this->clock_.now(), 0, "timeout", 0, 5};
  Status status = this->store_->recordDeliveries(std::vector<DeliveryRecord>{ok, other, twice});
  EXPECT_EQ(status.code(), StatusCode::FailedPrecondition);
  EXPECT_EQ(this->row(first).state, OutboxState::Pending);
  EXPECT_EQ(this->row(second).attempts, 0);
  EXPECT_EQ(this->audit().size(), 4u);
  // Within one batch the records apply in order: retry, then deliver, is fine.
  DeliveryRecord retry{first, Kind::Retry, this->clock_.now(), 0, "timeout", 0, 5};
  ASSERT_TRUE(this->store_->recordDeliveries(std::vector<DeliveryRecord>{retry, ok}));
  EXPECT_EQ(this->row(first).attempts, 2);
  EXPECT_EQ(this->row(first).state, OutboxState::Delivered);
}

TYPED_TEST(StoreOutboxTest, CountsFollowTheStates) {
  const int64_t a = this->commitOne("T1", "a");
  const int64_t b = this->commitOne("T1", "b");
  this->commitOne("T2", "c");
  ASSERT_TRUE(this->record(Kind::Delivered, a, 200));
  ASSERT_TRUE(this->record(Kind::Dead, b, 422, "unprocessable"));
  Result<OutboxCounts> counts = this->store_->outboxCounts();
  ASSERT_TRUE(counts.isOk());
  EXPECT_EQ(counts->pending, 1);
  EXPECT_EQ(counts->dead, 1);
  EXPECT_EQ(counts->delivered, 1);
  Result<std::vector<OutboxRow>> of_ticket = this->store_->outboxOfTicket("T1");
  ASSERT_TRUE(of_ticket.isOk());
  ASSERT_EQ(of_ticket->size(), 2u);
  EXPECT_EQ((*of_ticket)[0].state, OutboxState::Delivered);
  EXPECT_EQ((*of_ticket)[1].state, OutboxState::Dead);
  Result<std::vector<OutboxRow>> delivered =
      this->store_->listOutbox(OutboxState::Delivered, 0, 10);
  ASSERT_TRUE(delivered.isOk());
  ASSERT_EQ(delivered->size(), 1u);
  EXPECT_EQ((*delivered)[0].id, a);
}

// The counts of /metrics and /readyz: exact after a refused batch (rolled back after it had
// inserted rows) and after rows moved on, without counting every row ever written.
TYPED_TEST(StoreOutboxTest, CountsStayExactAfterARolledBackBatch) {
  const int64_t a = this->commitOne("T1", "a");
  // The second commit repeats a's dedupe key: the whole batch is refused, its first commit's
  // outbox row included.
  const std::vector<InboundCommit> batch{makeCommit("T2", "new"), makeCommit("T3", "a")};
  Result<std::vector<std::vector<int64_t>>> refused = this->store_->commitInbound(batch);
  ASSERT_FALSE(refused.isOk());
  const int64_t b = this->commitOne("T2", "b");
  const int64_t c = this->commitOne("T3", "c");
  this->commitOne("T4", "d");
  ASSERT_TRUE(this->record(Kind::Delivered, a, 200));
  ASSERT_TRUE(this->record(Kind::Delivered, c, 200));
  ASSERT_TRUE(this->record(Kind::Dead, b, 422, "unprocessable"));
  ASSERT_TRUE(this->store_->discardDead(b, "admin:ops", "duplicate of T1"));
  Result<OutboxCounts> counts = this->store_->outboxCounts();
  ASSERT_TRUE(counts.isOk()) << counts.status().toString();
  EXPECT_EQ(counts->pending, 1);
  EXPECT_EQ(counts->dead, 0);
  EXPECT_EQ(counts->delivered, 2);
}

} // namespace
} // namespace hotline::store::testing
