// Conformance: the submit path (commitInbound and its reads), rejections and key-value state.

#include "tests/unit/store/store_conformance.h"

#include <thread>

namespace hotline::store::testing {
namespace {

template <typename Backend>
class StoreCommitTest : public StoreConformanceTest<Backend> {};
TYPED_TEST_SUITE(StoreCommitTest, ConformanceBackends, BackendNames);

TYPED_TEST(StoreCommitTest, BatchRoundTripsEveryPart) {
  InboundCommit first = makeCommit("T1", "m1", 2);
  InboundCommit second = makeCommit("T2", "m2", 0);
  second.outbox.push_back(
      OutboxInsert{"dept-housing", "T2", "event", "application/xml", "<a/>", "idem-m2-dept"});
  const std::vector<std::vector<int64_t>> ids = this->commit({first, second});
  ASSERT_EQ(ids.size(), 2u);
  ASSERT_EQ(ids[0].size(), 1u);
  ASSERT_EQ(ids[1].size(), 2u);
  EXPECT_LT(ids[0][0], ids[1][0]);
  EXPECT_LT(ids[1][0], ids[1][1]);

  Result<std::optional<StoredAnswer>> answer = this->store_->findAnswer("wechat/m1");
  ASSERT_TRUE(answer.isOk() && answer->has_value());
  EXPECT_EQ((*answer)->http_status, 201);
  EXPECT_EQ((*answer)->ticket_id, "T1");
  EXPECT_EQ((*answer)->body, first.answer_body);
  EXPECT_GT((*answer)->message_id, 0);
  EXPECT_FALSE(this->store_->findAnswer("wechat/none")->has_value());

  Result<std::optional<TicketStateRow>> state = this->store_->ticketState("T1");
  ASSERT_TRUE(state.isOk() && state->has_value());
  EXPECT_EQ((*state)->status, "submitted");
  EXPECT_FALSE(this->store_->ticketState("T9")->has_value());

  EXPECT_EQ(**this->store_->resolveLink("system-1", "T1-m1-1"), "T1");
  EXPECT_FALSE(this->store_->resolveLink("system-1", "nothing")->has_value());

  const OutboxRow dept = this->row(ids[1][1]);
  EXPECT_EQ(dept.target, "dept-housing");
  EXPECT_EQ(dept.ticket_id, "T2");
  EXPECT_EQ(dept.kind, "event");
  EXPECT_EQ(dept.content_type, "application/xml");
  EXPECT_EQ(dept.body, "<a/>");
  EXPECT_EQ(dept.idempotency_key, "idem-m2-dept");
  EXPECT_EQ(dept.state, OutboxState::Pending);
  EXPECT_EQ(dept.attempts, 0);
  // Stamped with the message's arrival, as pendingOutboxRow() stamps a row handed over.
  EXPECT_EQ(dept.created_at_ms, second.received_at_ms);
  EXPECT_EQ(dept.next_attempt_at_ms, second.received_at_ms);
  const OutboxRow same = pendingOutboxRow(second.outbox[1], ids[1][1], second.received_at_ms);
  EXPECT_EQ(dept.created_at_ms, same.created_at_ms);
  EXPECT_EQ(dept.next_attempt_at_ms, same.next_attempt_at_ms);

  // The audit facts of each commit carry the id of that commit's message.
  const std::vector<AuditRecord> records = this->audit();
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].action, "received");
  EXPECT_EQ(records[0].message_id, (*answer)->message_id);
  EXPECT_EQ(records[1].message_id, (*answer)->message_id);
  EXPECT_NE(records[2].message_id, (*answer)->message_id);
  EXPECT_EQ(records[3].ticket_id, "T2");
  EXPECT_EQ(records[3].at_ms, this->clock_.now());
}

TYPED_TEST(StoreCommitTest, TraceQueriesReturnATicketsWholePath) {
  this->commit({makeCommit("T1", "a", 2)});
  this->commit({makeCommit("T2", "b", 1)});
  this->commit({makeCommit("T1", "c", 0)});
  Result<std::vector<MessageRow>> messages = this->store_->messagesOfTicket("T1");
  ASSERT_TRUE(messages.isOk());
  ASSERT_EQ(messages->size(), 2u);
  EXPECT_LT((*messages)[0].id, (*messages)[1].id);
  EXPECT_EQ((*messages)[0].source, "wechat");
  EXPECT_EQ((*messages)[0].kind, "ticket");
  EXPECT_EQ((*messages)[0].content_type, "application/xml");
  EXPECT_EQ((*messages)[0].answer_status, 201);
  EXPECT_EQ((*messages)[0].received_at_ms, 1'699'999'999'000);

  Result<std::vector<LinkRow>> links = this->store_->linksOfTicket("T1");
  ASSERT_TRUE(links.isOk());
  ASSERT_EQ(links->size(), 2u);
  EXPECT_EQ((*links)[0].system, "system-0");
  EXPECT_EQ((*links)[1].system, "system-1");
  EXPECT_EQ((*links)[1].number, "T1-a-1");
  EXPECT_EQ((*links)[1].ticket_id, "T1");

  Result<std::vector<OutboxRow>> outbox = this->store_->outboxOfTicket("T1");
  ASSERT_TRUE(outbox.isOk());
  ASSERT_EQ(outbox->size(), 2u);
  EXPECT_EQ((*outbox)[0].idempotency_key, "idem-a");
  EXPECT_EQ((*outbox)[1].idempotency_key, "idem-c");
  EXPECT_TRUE(this->store_->messagesOfTicket("T404")->empty());
}

TYPED_TEST(StoreCommitTest, EmptyBatchStoresNothing) {
  Result<std::vector<std::vector<int64_t>>> ids = this->store_->commitInbound({});
  ASSERT_TRUE(ids.isOk()) << ids.status().toString();
  EXPECT_TRUE(ids->empty());
  EXPECT_TRUE(this->audit().empty());
  EXPECT_EQ(this->store_->get("audit", "head").status().code(), StatusCode::NotFound);
}

TYPED_TEST(StoreCommitTest, TicketStateUpsertReplacesTheLastState) {
  this->commit({makeCommit("T1", "a", 0)});
  InboundCommit later = makeCommit("T1", "b", 0);
  later.ticket_state = TicketStateRow{"T1", "signed", true, 1'700'000'000'500, "dept-a"};
  this->commit({later});
  Result<std::optional<TicketStateRow>> state = this->store_->ticketState("T1");
  ASSERT_TRUE(state.isOk() && state->has_value());
  EXPECT_EQ((*state)->status, "signed");
  EXPECT_TRUE((*state)->extension_pending);
  EXPECT_EQ((*state)->updated_at_ms, 1'700'000'000'500);
  EXPECT_EQ((*state)->holders, "dept-a");
}

// Everything a refused batch would have written, checked absent.
template <typename Fixture>
void expectNothingOf(Fixture& test, const InboundCommit& fresh, size_t audit_before) {
  EXPECT_FALSE(test.store_->findAnswer(fresh.dedupe_key)->has_value());
  EXPECT_FALSE(test.store_->ticketState(fresh.ticket_id)->has_value());
  for (const LinkRow& link : fresh.links) {
    EXPECT_FALSE(test.store_->resolveLink(link.system, link.number)->has_value());
  }
  EXPECT_TRUE(test.store_->outboxOfTicket(fresh.ticket_id)->empty());
  EXPECT_TRUE(test.store_->messagesOfTicket(fresh.ticket_id)->empty());
  EXPECT_EQ(test.audit().size(), audit_before);
}

TYPED_TEST(StoreCommitTest, ExistingDedupeKeyFailsTheWholeBatch) {
  this->commit({makeCommit("T1", "dup")});
  const InboundCommit fresh = makeCommit("T2", "fresh");
  InboundCommit duplicate = makeCommit("T3", "dup");
  Result<std::vector<std::vector<int64_t>>> ids =
      this->store_->commitInbound(std::vector<InboundCommit>{fresh, duplicate});
  ASSERT_FALSE(ids.isOk());
  EXPECT_EQ(ids.status().code(), StatusCode::AlreadyExists);
  EXPECT_NE(ids.status().message().find("wechat/dup"), std::string::npos) << ids.status().message();
  expectNothingOf(*this, fresh, 2);
  EXPECT_FALSE(this->store_->ticketState("T3")->has_value());
}

TYPED_TEST(StoreCommitTest, ExistingLinkFailsTheWholeBatch) {
  this->commit({makeCommit("T1", "a")});
  const InboundCommit fresh = makeCommit("T2", "b");
  InboundCommit clash = makeCommit("T3", "c", 0);
  clash.links.push_back(LinkRow{"T3", "system-0", "T1-a-0"});
  Result<std::vector<std::vector<int64_t>>> ids =
      this->store_->commitInbound(std::vector<InboundCommit>{fresh, clash});
  ASSERT_FALSE(ids.isOk());
  EXPECT_EQ(ids.status().code(), StatusCode::AlreadyExists);
  EXPECT_NE(ids.status().message().find("system-0/T1-a-0"), std::string::npos)
      << ids.status().message();
  expectNothingOf(*this, fresh, 2);
  EXPECT_EQ(**this->store_->resolveLink("system-0", "T1-a-0"), "T1");
}

TYPED_TEST(StoreCommitTest, ExistingIdempotencyKeyFailsTheWholeBatch) {
  this->commit({makeCommit("T1", "a")});
  const InboundCommit fresh = makeCommit("T2", "b");
  InboundCommit clash = makeCommit("T3", "c");
  clash.outbox[0].idempotency_key = "idem-a";
  Result<std::vector<std::vector<int64_t>>> ids =
      this->store_->commitInbound(std::vector<InboundCommit>{fresh, clash});
  ASSERT_FALSE(ids.isOk());
  EXPECT_EQ(ids.status().code(), StatusCode::AlreadyExists);
  EXPECT_NE(ids.status().message().find("idem-a"), std::string::npos) << ids.status().message();
  expectNothingOf(*this, fresh, 2);
}

TYPED_TEST(StoreCommitTest, DuplicatesWithinOneBatchFailIt) {
  const InboundCommit fresh = makeCommit("T1", "a");
  const InboundCommit again = makeCommit("T2", "a");
  Result<std::vector<std::vector<int64_t>>> ids =
      this->store_->commitInbound(std::vector<InboundCommit>{fresh, again});
  ASSERT_FALSE(ids.isOk());
  EXPECT_EQ(ids.status().code(), StatusCode::AlreadyExists);
  EXPECT_NE(ids.status().message().find("wechat/a"), std::string::npos) << ids.status().message();
  expectNothingOf(*this, fresh, 0);
}

TYPED_TEST(StoreCommitTest, AFailedBatchLeavesTheChainWhereItWas) {
  this->commit({makeCommit("T1", "a")});
  ASSERT_FALSE(this->store_->commitInbound(std::vector<InboundCommit>{makeCommit("T2", "a")}));
  this->commit({makeCommit("T3", "b")});
  const std::vector<AuditRecord> records = this->audit();
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[2].seq, 3);
  EXPECT_EQ(records[2].prev_hash, records[1].hash);
}

TYPED_TEST(StoreCommitTest, EmptyKeysAreRefused) {
  InboundCommit no_key = makeCommit("T1", "a");
  no_key.dedupe_key.clear();
  Result<std::vector<std::vector<int64_t>>> ids =
      this->store_->commitInbound(std::vector<InboundCommit>{no_key});
  ASSERT_FALSE(ids.isOk());
  EXPECT_EQ(ids.status().code(), StatusCode::InvalidArgument);
  InboundCommit no_idempotency = makeCommit("T1", "b");
  no_idempotency.outbox[0].idempotency_key.clear();
  ids = this->store_->commitInbound(std::vector<InboundCommit>{no_idempotency});
  ASSERT_FALSE(ids.isOk());
  EXPECT_EQ(ids.status().code(), StatusCode::InvalidArgument);
  EXPECT_TRUE(this->audit().empty());
}

TYPED_TEST(StoreCommitTest, BinaryBodiesRoundTripByteForByte) {
  InboundCommit commit = makeCommit("T1", "bin");
  commit.body = std::string("\0\x01\xff\xfe body", 10);
  commit.outbox[0].body = std::string("a\0b\0c", 5);
  const int64_t id = this->commit({commit})[0][0];
  EXPECT_EQ(this->row(id).body, commit.outbox[0].body);
  Result<std::vector<OutboxRow>> pending = this->store_->loadPending(0, 10);
  ASSERT_TRUE(pending.isOk() && pending->size() == 1);
  EXPECT_EQ((*pending)[0].body, commit.outbox[0].body);
  EXPECT_EQ((*this->store_->outboxOfTicket("T1"))[0].body, commit.outbox[0].body);
  const std::string token("tok\0en", 6);
  ASSERT_TRUE(this->store_->put("wechat", "access_token", token));
  EXPECT_EQ(*this->store_->get("wechat", "access_token"), token);
}

TYPED_TEST(StoreCommitTest, RejectionsAreAuditedAndStoreNothingElse) {
  const std::vector<RejectionRecord> rejections = {
      {1'700'000'000'001, "wechat", "ticket", "title: required"},
      {1'700'000'000'002, "dept-housing", "event", "lifecycle: result before sign-in"}};
  ASSERT_TRUE(this->store_->recordRejections(rejections));
  const std::vector<AuditRecord> records = this->audit();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].action, "rejected");
  EXPECT_EQ(records[0].actor, "wechat");
  EXPECT_TRUE(records[0].ticket_id.empty());
  EXPECT_NE(records[0].detail.find("title: required"), std::string::npos);
  EXPECT_NE(records[1].detail.find("kind event"), std::string::npos);
  EXPECT_EQ(records[1].prev_hash, records[0].hash);
  EXPECT_EQ(this->store_->outboxCounts()->pending, 0);
}

TYPED_TEST(StoreCommitTest, StateGetAndPut) {
  Result<std::string> missing = this->store_->get("wechat", "cursor");
  ASSERT_FALSE(missing.isOk());
  EXPECT_EQ(missing.status().code(), StatusCode::NotFound);
  ASSERT_TRUE(this->store_->put("wechat", "cursor", "1"));
  ASSERT_TRUE(this->store_->put("wechat", "cursor", "2"));
  ASSERT_TRUE(this->store_->put("sms", "cursor", "9"));
  EXPECT_EQ(*this->store_->get("wechat", "cursor"), "2");
  EXPECT_EQ(*this->store_->get("sms", "cursor"), "9");
  ASSERT_TRUE(this->store_->put("sms", "cursor", ""));
  Result<std::string> empty = this->store_->get("sms", "cursor");
  ASSERT_TRUE(empty.isOk()) << empty.status().toString();
  EXPECT_EQ(*empty, "");
}

TYPED_TEST(StoreCommitTest, TheAuditScopeIsReservedForTheHeadAnchor) {
  this->commit({makeCommit("T1", "a")});
  Status refused = this->store_->put("audit", "head", "1:00");
  EXPECT_EQ(refused.code(), StatusCode::InvalidArgument);
  const std::vector<AuditRecord> records = this->audit();
  EXPECT_EQ(*this->store_->get("audit", "head"), "2:" + records.back().hash);
}

TYPED_TEST(StoreCommitTest, ConcurrentCommitsKeepOneLinkedChain) {
  constexpr int kThreads = 4;
  constexpr int kCommits = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([this, t] {
      for (int i = 0; i < kCommits; ++i) {
        const std::string tag = std::to_string(t) + "-" + std::to_string(i);
        EXPECT_TRUE(
            this->store_->commitInbound(std::vector<InboundCommit>{makeCommit("T" + tag, tag)}));
        EXPECT_TRUE(this->store_->findAnswer("wechat/" + tag)->has_value());
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  const std::vector<AuditRecord> records = this->audit();
  ASSERT_EQ(records.size(), size_t{2 * kThreads * kCommits});
  for (size_t i = 1; i < records.size(); ++i) {
    EXPECT_EQ(records[i].seq, records[i - 1].seq + 1);
    EXPECT_EQ(records[i].prev_hash, records[i - 1].hash);
  }
  EXPECT_EQ(this->store_->outboxCounts()->pending, kThreads * kCommits);
}

} // namespace
} // namespace hotline::store::testing
