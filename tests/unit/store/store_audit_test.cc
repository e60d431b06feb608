// Conformance: the audit chain as every store writes it, and the verifier accepting it.

#include "core/audit/audit_chain.h"
#include "core/audit/audit_verifier.h"
#include "tests/unit/store/store_conformance.h"

namespace hotline::store::testing {
namespace {

template <typename Backend>
class StoreAuditTest : public StoreConformanceTest<Backend> {
public:
  Status append(const std::string& action, const std::string& ticket_id) {
    AuditInsert insert;
    insert.action = action;
    insert.actor = "admin:ops";
    insert.ticket_id = ticket_id;
    insert.outbox_id = 7;
    insert.target = "core";
    insert.detail = "detail of " + action;
    return this->store_->appendAudit(std::vector<AuditInsert>{insert});
  }
};
TYPED_TEST_SUITE(StoreAuditTest, ConformanceBackends, BackendNames);

TYPED_TEST(StoreAuditTest, RecordsAreChainedInSeqOrder) {
  this->commit({makeCommit("T1", "a"), makeCommit("T2", "b")});
  ASSERT_TRUE(this->append("mapped", "T1"));
  this->clock_.advance(10);
  ASSERT_TRUE(this->append("comment", ""));
  const std::vector<AuditRecord> records = this->audit();
  ASSERT_EQ(records.size(), 6u);
  for (size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].seq, static_cast<int64_t>(i) + 1);
    EXPECT_EQ(records[i].algorithm, "sha256");
    EXPECT_EQ(records[i].hash, audit::chainHash(audit::HashAlgorithm::Sha256, records[i]));
    EXPECT_EQ(records[i].prev_hash, i == 0 ? std::string() : records[i - 1].hash);
  }
  EXPECT_EQ(records[4].outbox_id, 7);
  EXPECT_EQ(records[4].detail, "detail of mapped");
  EXPECT_EQ(records[5].at_ms, this->clock_.now());
  Result<audit::AuditHead> head = audit::parseAuditHead(*this->store_->get("audit", "head"));
  ASSERT_TRUE(head.isOk());
  EXPECT_EQ(head->seq, 6);
  EXPECT_EQ(head->hash, records[5].hash);
}

TYPED_TEST(StoreAuditTest, QueriesPageAndFilterByTicket) {
  for (int i = 0; i < 4; ++i) {
    this->commit({makeCommit(i % 2 == 0 ? "T1" : "T2", "m" + std::to_string(i))});
  }
  Result<std::vector<AuditRecord>> page = this->store_->queryAudit(3, 2, "");
  ASSERT_TRUE(page.isOk());
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].seq, 4);
  EXPECT_EQ((*page)[1].seq, 5);
  const std::vector<AuditRecord> of_t2 = this->audit("T2");
  ASSERT_EQ(of_t2.size(), 4u);
  EXPECT_EQ(of_t2[0].seq, 3);
  EXPECT_EQ(of_t2[3].seq, 8);
  Result<std::vector<AuditRecord>> later = this->store_->queryAudit(4, 10, "T2");
  ASSERT_TRUE(later.isOk());
  ASSERT_EQ(later->size(), 2u);
  EXPECT_EQ((*later)[0].seq, 7);
  EXPECT_TRUE(this->store_->queryAudit(8, 10, "")->empty());
}

TYPED_TEST(StoreAuditTest, TheVerifierAcceptsWhatTheStoreWrote) {
  audit::AuditVerification empty = audit::verifyAuditChain(*this->store_);
  EXPECT_TRUE(empty.ok);
  EXPECT_EQ(empty.checked, 0);
  for (int i = 0; i < 7; ++i) {
    this->commit({makeCommit("T" + std::to_string(i), "m" + std::to_string(i))});
  }
  ASSERT_TRUE(this->store_->recordRejections(
      std::vector<RejectionRecord>{{1, "sms", "reply", "unknown phone"}}));
  // A page smaller than the log makes the walk cross page boundaries.
  audit::AuditVerification result = audit::verifyAuditChain(*this->store_, 4);
  EXPECT_TRUE(result.ok);
  EXPECT_EQ(result.checked, 15);
  EXPECT_TRUE(result.problems.empty());
}

TYPED_TEST(StoreAuditTest, Sm3ChainsVerifyToo) {
  this->store_.reset();
  this->store_ = this->backend_.open(this->clock_.clock(), audit::HashAlgorithm::Sm3);
  ASSERT_NE(this->store_, nullptr);
  this->commit({makeCommit("T1", "a")});
  const std::vector<AuditRecord> records = this->audit();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].algorithm, "sm3");
  EXPECT_EQ(records[1].hash, audit::chainHash(audit::HashAlgorithm::Sm3, records[1]));
  EXPECT_TRUE(audit::verifyAuditChain(*this->store_).ok);
}

} // namespace
} // namespace hotline::store::testing
