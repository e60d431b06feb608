// Conformance: payload retention (Store::purgePayloads) empties old payloads, and only those a
// later step cannot need, in sweeps that resume and that wait at rows still to be sent.

#include "core/audit/audit_verifier.h"
#include "tests/unit/store/store_conformance.h"

namespace hotline::store::testing {
namespace {

template <typename Backend>
class StorePurgeTest : public StoreConformanceTest<Backend> {
public:
  // The one outbox row of a new message for `ticket_id`, finished as `kind` says.
  int64_t ticketRow(const std::string& ticket_id, const std::string& tag,
                    std::optional<DeliveryRecord::Kind> kind) {
    const int64_t id = this->commitOne(ticket_id, tag);
    if (kind) {
      DeliveryRecord record;
      record.outbox_id = id;
      record.kind = *kind;
      record.at_ms = this->clock_.now();
      record.error = *kind == DeliveryRecord::Kind::Dead ? "422 refused" : "";
      EXPECT_TRUE(this->store_->recordDeliveries(std::vector<DeliveryRecord>{record}));
    }
    return id;
  }
  // Everything committed so far is older than the cutoff.
  Result<PurgeResult> purgeAll(size_t limit = 100) {
    this->clock_.advance(1000);
    return this->store_->purgePayloads(PurgeRequest{this->clock_.now(), limit, "retention"});
  }
  std::string snapshot(const std::string& ticket_id) {
    Result<std::optional<std::string>> body = this->store_->latestTicketSnapshot(ticket_id);
    EXPECT_TRUE(body.isOk() && body->has_value()) << ticket_id;
    return body.isOk() && body->has_value() ? **body : "";
  }
};
TYPED_TEST_SUITE(StorePurgeTest, ConformanceBackends, BackendNames);

using Kind = DeliveryRecord::Kind;

TYPED_TEST(StorePurgeTest, EmptiesFinishedPayloadsAndKeepsWhatLaterStepsRead) {
  const int64_t old_t1 = this->ticketRow("T1", "a", Kind::Delivered);
  const int64_t only_t2 = this->ticketRow("T2", "b", Kind::Delivered);
  const int64_t newest_t1 = this->ticketRow("T1", "c", Kind::Delivered);
  const std::string newest_t1_body = this->row(newest_t1).body;
  const size_t audit_before = this->audit().size();

  Result<PurgeResult> purged = this->purgeAll();
  ASSERT_TRUE(purged.isOk()) << purged.status().toString();
  EXPECT_EQ(purged->messages, 3u);
  EXPECT_EQ(purged->outbox_rows, 1u) << "only T1's older snapshot may go";
  EXPECT_FALSE(purged->more);
  EXPECT_EQ(purged->outbox_held_by, 0);

  EXPECT_EQ(this->row(old_t1).body, "");
  EXPECT_EQ(this->row(old_t1).purged_at_ms, this->clock_.now());
  EXPECT_NE(this->row(only_t2).body, "") << "T2's only snapshot is its newest";
  EXPECT_EQ(this->row(only_t2).purged_at_ms, 0);
  EXPECT_EQ(this->snapshot("T1"), newest_t1_body);
  Result<std::vector<MessageRow>> messages = this->store_->messagesOfTicket("T1");
  ASSERT_TRUE(messages.isOk());
  ASSERT_EQ(messages->size(), 2u);
  EXPECT_EQ((*messages)[0].purged_at_ms, this->clock_.now());
  // A duplicate still gets its first answer: keys and answers are not payloads.
  Result<std::optional<StoredAnswer>> answer = this->store_->findAnswer("wechat/a");
  ASSERT_TRUE(answer.isOk() && answer->has_value());
  EXPECT_EQ((*answer)->ticket_id, "T1");

  const std::vector<AuditRecord> records = this->audit();
  ASSERT_EQ(records.size(), audit_before + 1);
  EXPECT_EQ(records.back().action, "purged");
  EXPECT_EQ(records.back().actor, "retention");
  EXPECT_NE(records.back().detail.find("3 messages and 1 delivered or discarded outbox rows"),
            std::string::npos)
      << records.back().detail;
  EXPECT_TRUE(audit::verifyAuditChain(*this->store_).ok);
}

TYPED_TEST(StorePurgeTest, TheOutboxSweepWaitsAtADeadLetterAndGoesOnOnceItIsDiscarded) {
  const int64_t dead = this->ticketRow("T1", "a", Kind::Dead);
  this->ticketRow("T1", "b", Kind::Delivered); // T1's newest
  const int64_t older_t2 = this->ticketRow("T2", "c", Kind::Delivered);
  this->ticketRow("T2", "d", Kind::Delivered); // T2's newest

  Result<PurgeResult> first = this->purgeAll();
  ASSERT_TRUE(first.isOk()) << first.status().toString();
  EXPECT_EQ(first->outbox_rows, 0u);
  EXPECT_EQ(first->outbox_held_by, dead);
  EXPECT_NE(this->row(dead).body, "") << "a dead letter may be replayed: its body stays";
  EXPECT_NE(this->row(older_t2).body, "") << "the sweep does not pass the dead letter";

  ASSERT_TRUE(this->store_->discardDead(dead, "admin:ops", "sent by hand"));
  Result<PurgeResult> second = this->purgeAll();
  ASSERT_TRUE(second.isOk()) << second.status().toString();
  EXPECT_EQ(second->outbox_rows, 2u);
  EXPECT_EQ(second->outbox_held_by, 0);
  EXPECT_EQ(second->messages, 0u) << "the first call emptied every message already";
  EXPECT_EQ(this->row(dead).body, "");
  EXPECT_EQ(this->row(older_t2).body, "");
}

TYPED_TEST(StorePurgeTest, APendingRowHoldsTheSweepAndIsNeverEmptied) {
  const int64_t pending = this->ticketRow("T1", "a", std::nullopt);
  this->ticketRow("T1", "b", Kind::Delivered);
  Result<PurgeResult> purged = this->purgeAll();
  ASSERT_TRUE(purged.isOk());
  EXPECT_EQ(purged->outbox_held_by, pending);
  EXPECT_EQ(purged->outbox_rows, 0u);
  Result<std::vector<OutboxRow>> loaded = this->store_->loadPending(0, 10);
  ASSERT_TRUE(loaded.isOk());
  ASSERT_EQ(loaded->size(), 1u);
  EXPECT_NE((*loaded)[0].body, "") << "what is still to be sent keeps its body";
}

TYPED_TEST(StorePurgeTest, NothingAtOrAfterTheCutoffIsTouched) {
  this->ticketRow("T1", "a", Kind::Delivered);
  this->ticketRow("T1", "b", Kind::Delivered);
  const size_t audit_before = this->audit().size();
  // makeCommit() receives a second before the store's clock; outbox rows carry that time too.
  Result<PurgeResult> purged =
      this->store_->purgePayloads(PurgeRequest{1'699'999'999'000, 100, "retention"});
  ASSERT_TRUE(purged.isOk());
  EXPECT_EQ(purged->messages, 0u);
  EXPECT_EQ(purged->outbox_rows, 0u);
  EXPECT_EQ(this->audit().size(), audit_before) << "a call that empties nothing is not audited";
}

TYPED_TEST(StorePurgeTest, SweepsResumeWhereTheLastCallStopped) {
  for (int i = 0; i < 5; ++i) {
    this->ticketRow("T" + std::to_string(i), "m" + std::to_string(i), Kind::Delivered);
  }
  std::vector<size_t> emptied;
  bool more = true;
  for (int call = 0; call < 5 && more; ++call) {
    Result<PurgeResult> purged = this->purgeAll(2);
    ASSERT_TRUE(purged.isOk());
    emptied.push_back(purged->messages);
    more = purged->more;
  }
  size_t total = 0;
  for (size_t n : emptied) {
    EXPECT_LE(n, 2u);
    total += n;
  }
  EXPECT_EQ(total, 5u) << "each message once";
  EXPECT_FALSE(more);
}

TYPED_TEST(StorePurgeTest, ABadRequestIsRefusedAndChangesNothing) {
  const int64_t id = this->ticketRow("T1", "a", Kind::Delivered);
  this->ticketRow("T1", "b", Kind::Delivered);
  Result<PurgeResult> no_limit =
      this->store_->purgePayloads(PurgeRequest{this->clock_.now() + 1, 0});
  ASSERT_FALSE(no_limit.isOk());
  EXPECT_EQ(no_limit.status().code(), StatusCode::InvalidArgument);
  EXPECT_NE(no_limit.status().message().find("limit"), std::string::npos);
  Result<PurgeResult> no_time = this->store_->purgePayloads(PurgeRequest{0, 10});
  ASSERT_FALSE(no_time.isOk());
  EXPECT_NE(no_time.status().message().find("before_ms"), std::string::npos);
  Result<PurgeResult> no_actor =
      this->store_->purgePayloads(PurgeRequest{this->clock_.now() + 1, 10, ""});
  ASSERT_FALSE(no_actor.isOk());
  EXPECT_NE(no_actor.status().message().find("actor"), std::string::npos);
  EXPECT_NE(this->row(id).body, "");
}

TYPED_TEST(StorePurgeTest, TheCursorsScopeIsNotAConnectorsToWrite) {
  Status refused = this->store_->put("store.retention", "messages_after", "99999");
  ASSERT_FALSE(refused.isOk());
  EXPECT_EQ(refused.code(), StatusCode::InvalidArgument);
  EXPECT_NE(refused.message().find("reserved"), std::string::npos);
}

} // namespace
} // namespace hotline::store::testing
