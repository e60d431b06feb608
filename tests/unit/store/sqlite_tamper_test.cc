// The audit verifier against a real SQLite file changed behind the store's back through a
// second, raw connection: every kind of tampering is found and named by its seq.

#include "core/audit/audit_verifier.h"
#include "core/store/sqlite_store.h"
#include "tests/support/raw_sqlite.h"
#include "tests/unit/store/store_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hotline::store::testing {
namespace {

using hotline::testing::RawSqlite;

using ::testing::HasSubstr;

class SqliteStoreTamperTest : public ::testing::Test {
public:
  void SetUp() override {
    reopen();
    ASSERT_NE(store_, nullptr);
    for (int i = 0; i < 5; ++i) { // 10 records: received + stored per commit
      ASSERT_TRUE(store_
                      ->commitInbound(std::vector<InboundCommit>{
                          makeCommit("T" + std::to_string(i), "m" + std::to_string(i))})
                      .isOk());
    }
  }

  void reopen() {
    store_.reset();
    SqliteOptions options;
    options.path = path_;
    Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(options);
    ASSERT_TRUE(store.isOk()) << store.status().toString();
    store_ = std::move(store).value();
  }

  audit::AuditVerification verify() { return audit::verifyAuditChain(*store_, 3); }

  // Every listed problem, one per line, for failure messages and substring checks.
  static std::string joined(const audit::AuditVerification& result) {
    std::string all;
    for (const std::string& problem : result.problems) {
      all += problem + "\n";
    }
    return all;
  }

  TempDir dir_;
  std::string path_ = dir_.file("gateway.db");
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteStoreTamperTest, AnUntouchedLogPasses) {
  const audit::AuditVerification result = verify();
  EXPECT_TRUE(result.ok) << joined(result);
  EXPECT_EQ(result.checked, 10);
  EXPECT_EQ(result.problem_count, 0);
}

TEST_F(SqliteStoreTamperTest, AnEditedRecordIsFound) {
  RawSqlite(path_).exec("UPDATE audit SET detail = 'nothing happened' WHERE seq = 3");
  const audit::AuditVerification result = verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.problem_count, 1) << joined(result);
  EXPECT_THAT(joined(result), HasSubstr("seq 3: the hash does not match"));
  EXPECT_THAT(joined(result), HasSubstr("edited"));
}

TEST_F(SqliteStoreTamperTest, ARemovedMiddleRecordIsFound) {
  RawSqlite(path_).exec("DELETE FROM audit WHERE seq = 4");
  const audit::AuditVerification result = verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.problem_count, 1) << joined(result);
  EXPECT_THAT(joined(result), HasSubstr("seq 5: expected seq 4, records 4..4 are missing"));
}

TEST_F(SqliteStoreTamperTest, SwappedRecordsAreFound) {
  RawSqlite raw(path_);
  raw.exec("UPDATE audit SET seq = -1 WHERE seq = 3");
  raw.exec("UPDATE audit SET seq = 3 WHERE seq = 4");
  raw.exec("UPDATE audit SET seq = 4 WHERE seq = -1");
  const audit::AuditVerification result = verify();
  EXPECT_FALSE(result.ok);
  const std::string problems = joined(result);
  EXPECT_THAT(problems, HasSubstr("seq 3: the hash does not match"));
  EXPECT_THAT(problems, HasSubstr("seq 4: the hash does not match"));
  EXPECT_THAT(problems, HasSubstr("seq 3: prev_hash is not the hash of seq 2"));
}

TEST_F(SqliteStoreTamperTest, ATruncatedEndIsFoundThroughTheHeadAnchor) {
  RawSqlite(path_).exec("DELETE FROM audit WHERE seq > 7");
  const audit::AuditVerification result = verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.checked, 7);
  EXPECT_THAT(joined(result), HasSubstr("seq 10: the head anchor says the log ends at seq 10 "
                                        "but it ends at seq 7; records 8..10 are missing "
                                        "(truncated)"));
}

TEST_F(SqliteStoreTamperTest, ATruncationStaysVisibleAfterReopeningAndAppending) {
  RawSqlite(path_).exec("DELETE FROM audit WHERE seq > 7");
  reopen();
  ASSERT_TRUE(store_->commitInbound(std::vector<InboundCommit>{makeCommit("T9", "m9")}).isOk());
  const audit::AuditVerification result = verify();
  EXPECT_FALSE(result.ok);
  EXPECT_THAT(joined(result), HasSubstr("seq 11: expected seq 8, records 8..10 are missing"));
}

TEST_F(SqliteStoreTamperTest, ARemovedHeadAnchorIsFound) {
  RawSqlite(path_).exec("DELETE FROM state WHERE scope = 'audit'");
  const audit::AuditVerification result = verify();
  EXPECT_FALSE(result.ok);
  EXPECT_THAT(joined(result), HasSubstr("seq 10: the log has records but no head anchor"));
}

TEST_F(SqliteStoreTamperTest, EveryProblemIsCountedButAtMostAHundredListed) {
  for (int i = 5; i < 80; ++i) {
    ASSERT_TRUE(store_
                    ->commitInbound(std::vector<InboundCommit>{
                        makeCommit("T" + std::to_string(i), "m" + std::to_string(i))})
                    .isOk());
  }
  RawSqlite(path_).exec("UPDATE audit SET detail = 'x'");
  const audit::AuditVerification result = verify();
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.checked, 160);
  EXPECT_EQ(result.problem_count, 160);
  EXPECT_EQ(result.problems.size(), audit::kMaxListedProblems);
}

} // namespace
} // namespace hotline::store::testing
