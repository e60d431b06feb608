#include "core/audit/audit_chain.h"

#include <gtest/gtest.h>

namespace hotline::audit {
namespace {

TEST(AuditChainTest, ExtendLinksEachRecordToThePrevious) {
  AuditChain chain(HashAlgorithm::Sha256);
  store::AuditInsert insert;
  insert.action = "received";
  insert.message_id = 4;
  const store::AuditRecord first = chain.extend(insert, 100);
  const store::AuditRecord second = chain.extend(insert, 101, 9);
  EXPECT_EQ(first.seq, 1);
  EXPECT_EQ(first.prev_hash, "");
  EXPECT_EQ(first.message_id, 4);
  EXPECT_EQ(first.algorithm, "sha256");
  EXPECT_EQ(first.hash, chainHash(HashAlgorithm::Sha256, first));
  EXPECT_EQ(second.seq, 2);
  EXPECT_EQ(second.prev_hash, first.hash);
  EXPECT_EQ(second.message_id, 9);
  EXPECT_EQ(chain.head().seq, 2);
  EXPECT_EQ(chain.head().hash, second.hash);
}

TEST(AuditChainTest, ResumeContinuesAnExistingLog) {
  AuditChain chain(HashAlgorithm::Sm3);
  chain.resume(AuditHead{41, std::string(64, 'c')});
  const store::AuditRecord next = chain.extend(store::AuditInsert{}, 5);
  EXPECT_EQ(next.seq, 42);
  EXPECT_EQ(next.prev_hash, std::string(64, 'c'));
  EXPECT_EQ(next.algorithm, "sm3");
}

TEST(AuditChainTest, HeadAnchorsRoundTripAndRejectGarbage) {
  const AuditHead head{12, "0a1b"};
  Result<AuditHead> parsed = parseAuditHead(formatAuditHead(head));
  ASSERT_TRUE(parsed.isOk());
  EXPECT_EQ(parsed->seq, 12);
  EXPECT_EQ(parsed->hash, "0a1b");
  for (const char* bad : {"", "12", "x:0a", "12:ZZ", "-1:00", "12 :00"}) {
    Result<AuditHead> refused = parseAuditHead(bad);
    EXPECT_FALSE(refused.isOk()) << bad;
  }
}

} // namespace
} // namespace hotline::audit
