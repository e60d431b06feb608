// Conformance: commitBatch, the group committer's one transaction for inbound commits,
// rejection facts and delivery outcomes together.

#include "tests/unit/store/store_conformance.h"

namespace hotline::store::testing {
namespace {

template <typename Backend>
class StoreBatchTest : public StoreConformanceTest<Backend> {
public:
  DeliveryRecord delivered(int64_t id) {
    DeliveryRecord record;
    record.outbox_id = id;
    record.kind = DeliveryRecord::Kind::Delivered;
    record.at_ms = this->clock_.now();
    record.http_status = 201;
    return record;
  }
  std::vector<std::string> actions() {
    std::vector<std::string> out;
    for (const AuditRecord& record : this->audit()) {
      out.push_back(record.action);
    }
    return out;
  }
};
TYPED_TEST_SUITE(StoreBatchTest, ConformanceBackends, BackendNames);

TYPED_TEST(StoreBatchTest, WritesCommitsRejectionsAndDeliveriesTogether) {
  const int64_t earlier = this->commitOne("T1", "first");
  const std::vector<InboundCommit> inbound{makeCommit("T2", "second")};
  const std::vector<RejectionRecord> rejections{
      {this->clock_.now(), "intake", "ticket", "invalid_argument: /channel: not an enum value"}};
  const std::vector<DeliveryRecord> deliveries{this->delivered(earlier)};
  const std::vector<AuditInsert> facts{
      {"refused_signature", "dept-housing", "", 0, 0, "", "X-Signature does not match"}};
  Result<WriteBatchResult> written =
      this->store_->commitBatch(WriteBatch{inbound, rejections, deliveries, facts});
  ASSERT_TRUE(written.isOk()) << written.status().toString();
  ASSERT_EQ(written->outbox_ids.size(), 1u);
  ASSERT_EQ(written->outbox_ids[0].size(), 1u);
  EXPECT_GT(written->outbox_ids[0][0], earlier);
  EXPECT_TRUE(written->refused_deliveries.empty());
  EXPECT_EQ(this->row(earlier).state, OutboxState::Delivered);
  EXPECT_EQ(this->row(written->outbox_ids[0][0]).state, OutboxState::Pending);
  EXPECT_EQ(this->actions(),
            (std::vector<std::string>{"received", "stored", "received", "stored", "rejected",
                                      "delivered", "refused_signature"}));
  EXPECT_EQ(this->audit().back().actor, "dept-housing");
}

TYPED_TEST(StoreBatchTest, ARefusedDeliveryIsSkippedAndTheRestIsStored) {
  const int64_t id = this->commitOne("T1", "a");
  const std::vector<DeliveryRecord> deliveries{this->delivered(987654), this->delivered(id),
                                               this->delivered(id)};
  Result<WriteBatchResult> written = this->store_->commitBatch(WriteBatch{{}, {}, deliveries});
  ASSERT_TRUE(written.isOk()) << written.status().toString();
  ASSERT_EQ(written->refused_deliveries.size(), 2u);
  EXPECT_EQ(written->refused_deliveries[0].first, 0u); // no such row
  EXPECT_EQ(written->refused_deliveries[0].second.code(), StatusCode::NotFound);
  EXPECT_EQ(written->refused_deliveries[1].first, 2u); // already delivered by record 1
  EXPECT_EQ(written->refused_deliveries[1].second.code(), StatusCode::FailedPrecondition);
  EXPECT_EQ(this->row(id).state, OutboxState::Delivered);
  EXPECT_EQ(this->actions(), (std::vector<std::string>{"received", "stored", "delivered"}));
}

TYPED_TEST(StoreBatchTest, AConflictingCommitStoresNothingOfTheBatch) {
  const int64_t id = this->commitOne("T1", "a");
  const std::vector<AuditRecord> before = this->audit();
  // The dedupe key of "a" again: the whole batch, delivery included, is refused.
  const std::vector<InboundCommit> inbound{makeCommit("T9", "b"), makeCommit("T1", "a")};
  const std::vector<DeliveryRecord> deliveries{this->delivered(id)};
  Result<WriteBatchResult> written = this->store_->commitBatch(WriteBatch{inbound, {}, deliveries});
  ASSERT_FALSE(written.isOk());
  EXPECT_EQ(written.status().code(), StatusCode::AlreadyExists) << written.status().toString();
  EXPECT_EQ(this->row(id).state, OutboxState::Pending);
  EXPECT_EQ(this->audit().size(), before.size());
  EXPECT_FALSE(this->store_->ticketState("T9")->has_value());
  // The chain was not advanced by the rolled-back batch: the next write links to the old head.
  ASSERT_TRUE(this->store_->commitBatch(WriteBatch{{}, {}, deliveries}).isOk());
  const std::vector<AuditRecord> after = this->audit();
  ASSERT_EQ(after.size(), before.size() + 1);
  EXPECT_EQ(after.back().prev_hash, before.back().hash);
}

} // namespace
} // namespace hotline::store::testing
