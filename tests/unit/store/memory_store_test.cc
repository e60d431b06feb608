// MemoryStore beyond the conformance suite: the write-failure switch component tests use.

#include "core/store/memory_store.h"
#include "tests/unit/store/store_test_support.h"

#include <gtest/gtest.h>

namespace hotline::store::testing {
namespace {

TEST(MemoryStoreTest, FailedWritesStoreNothingUntilCleared) {
  MemoryStore store;
  store.failWrites(unavailable("disk on fire"));
  Result<std::vector<std::vector<int64_t>>> ids =
      store.commitInbound(std::vector<InboundCommit>{makeCommit("T1", "a")});
  ASSERT_FALSE(ids.isOk());
  EXPECT_EQ(ids.status().code(), StatusCode::Unavailable);
  EXPECT_EQ(store.put("wechat", "token", "x").code(), StatusCode::Unavailable);
  EXPECT_EQ(store.appendAudit(std::vector<AuditInsert>{AuditInsert{}}).code(),
            StatusCode::Unavailable);
  EXPECT_FALSE(store.findAnswer("wechat/a")->has_value());
  EXPECT_TRUE(store.queryAudit(0, 10, "")->empty());

  store.clearWriteFailure();
  ASSERT_TRUE(store.commitInbound(std::vector<InboundCommit>{makeCommit("T1", "a")}).isOk());
  EXPECT_TRUE(store.findAnswer("wechat/a")->has_value());
}

TEST(MemoryStoreTest, RefusedDeliveriesKeepTheChainUntouched) {
  ManualClock clock;
  MemoryStore store(MemoryStoreOptions{audit::HashAlgorithm::Sha256, clock.clock()});
  ASSERT_TRUE(store.commitInbound(std::vector<InboundCommit>{makeCommit("T1", "a")}).isOk());
  DeliveryRecord unknown;
  unknown.outbox_id = 42;
  EXPECT_EQ(store.recordDeliveries(std::vector<DeliveryRecord>{unknown}).code(),
            StatusCode::NotFound);
  EXPECT_EQ(*store.get("audit", "head"), "2:" + store.queryAudit(0, 10, "")->back().hash);
}

} // namespace
} // namespace hotline::store::testing
