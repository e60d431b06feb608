// SqliteStore beyond the conformance suite: durability settings, reopening, migrations and
// the errors of opening.

#include "core/audit/audit_verifier.h"
#include "core/store/sqlite_store.h"
#include "tests/support/raw_sqlite.h"
#include "tests/unit/store/store_test_support.h"

#include <gtest/gtest.h>

#include <fstream>

namespace hotline::store::testing {
namespace {

using hotline::testing::RawSqlite;

class SqliteStoreTest : public ::testing::Test {
public:
  std::unique_ptr<SqliteStore> open(bool synchronous_full = true, int64_t max_size_mb = 0) {
    SqliteOptions options;
    options.path = path_;
    options.synchronous_full = synchronous_full;
    options.max_size_mb = max_size_mb;
    options.clock = clock_.clock();
    Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(options);
    EXPECT_TRUE(store.isOk()) << store.status().toString();
    return store.isOk() ? std::move(store).value() : nullptr;
  }

  TempDir dir_;
  std::string path_ = dir_.file("var/gateway.db");
  ManualClock clock_;
};

TEST_F(SqliteStoreTest, DurabilityPragmasAreReallySet) {
  std::unique_ptr<SqliteStore> store = open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->pragma("journal_mode"), "wal");
  EXPECT_EQ(*store->pragma("synchronous"), "2"); // FULL
  EXPECT_EQ(*store->pragma("foreign_keys"), "1");
  EXPECT_EQ(*store->pragma("busy_timeout"), "5000");
  store.reset();
  EXPECT_EQ(*open(false)->pragma("synchronous"), "1"); // NORMAL, only when asked for
}

TEST_F(SqliteStoreTest, ParentDirectoriesAreCreated) {
  ASSERT_NE(open(), nullptr);
  EXPECT_TRUE(std::filesystem::exists(path_));
}

TEST_F(SqliteStoreTest, OpenErrorsNameTheFileAndTheReason) {
  std::ofstream(dir_.file("blocker")) << "a file, not a directory";
  SqliteOptions options;
  options.path = dir_.file("blocker/gateway.db");
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(options);
  ASSERT_FALSE(store.isOk());
  EXPECT_NE(store.status().message().find("store " + options.path + ": cannot create directory"),
            std::string::npos)
      << store.status().message();

  options.path = dir_.path().string(); // a directory cannot be a database
  store = SqliteStore::open(options);
  ASSERT_FALSE(store.isOk());
  EXPECT_EQ(store.status().message(),
            "store " + options.path + ": cannot open: unable to open database file");
}

TEST_F(SqliteStoreTest, ReopeningKeepsEverythingAndContinuesTheChain) {
  std::unique_ptr<SqliteStore> store = open();
  ASSERT_NE(store, nullptr);
  const int64_t id =
      (*store->commitInbound(std::vector<InboundCommit>{makeCommit("T1", "a", 2)}))[0][0];
  ASSERT_TRUE(store->put("wechat", "cursor", "c1"));
  const std::string head = *store->get("audit", "head");
  store.reset();

  store = open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ((*store->findAnswer("wechat/a"))->ticket_id, "T1");
  EXPECT_EQ(**store->resolveLink("system-1", "T1-a-1"), "T1");
  EXPECT_EQ((*store->outboxRow(id))->idempotency_key, "idem-a");
  EXPECT_EQ(*store->get("wechat", "cursor"), "c1");
  EXPECT_EQ(*store->get("audit", "head"), head);
  ASSERT_TRUE(store->commitInbound(std::vector<InboundCommit>{makeCommit("T2", "b")}).isOk());
  const std::vector<AuditRecord> records = *store->queryAudit(0, 100, "");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[2].seq, 3);
  EXPECT_EQ(records[2].prev_hash, records[1].hash);
  EXPECT_TRUE(audit::verifyAuditChain(*store).ok);
}

TEST_F(SqliteStoreTest, TwoWritersOnOneFileKeepOneChain) {
  // Two stores on one file stand for two processes (a gateway and an admin CLI).
  std::unique_ptr<SqliteStore> first = open();
  std::unique_ptr<SqliteStore> second = open();
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  for (int i = 0; i < 3; ++i) {
    SqliteStore& store = i % 2 == 0 ? *first : *second;
    ASSERT_TRUE(
        store.commitInbound(std::vector<InboundCommit>{makeCommit("T1", "m" + std::to_string(i))})
            .isOk());
    ASSERT_TRUE(store.recordRejections(std::vector<RejectionRecord>{{1, "sms", "reply", "?"}}));
  }
  const audit::AuditVerification result = audit::verifyAuditChain(*first);
  EXPECT_TRUE(result.ok) << (result.problems.empty() ? "" : result.problems[0]);
  EXPECT_EQ(result.checked, 9);
}

TEST_F(SqliteStoreTest, MigrationsAreAppliedOnce) {
  ASSERT_NE(open(), nullptr);
  RawSqlite raw(path_);
  const std::string applied_at = raw.scalar("SELECT MAX(applied_at) FROM schema_migrations");
  EXPECT_EQ(applied_at, std::to_string(clock_.now()));
  clock_.advance(1000);
  std::unique_ptr<SqliteStore> again = open();
  ASSERT_NE(again, nullptr);
  ASSERT_TRUE(again->migrate());
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM schema_migrations"), "3");
  EXPECT_EQ(raw.scalar("SELECT MAX(applied_at) FROM schema_migrations"), applied_at);
  EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                       "('messages', 'tickets', 'links', 'outbox', 'audit', 'state')"),
            "6");
}

TEST_F(SqliteStoreTest, ASchemaFromANewerGatewayIsRefused) {
  ASSERT_NE(open(), nullptr);
  {
    RawSqlite raw(path_);
    raw.exec("INSERT INTO schema_migrations (version, applied_at) VALUES (99, 0)");
  }
  SqliteOptions options;
  options.path = path_;
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(options);
  ASSERT_FALSE(store.isOk());
  EXPECT_EQ(store.status().code(), StatusCode::FailedPrecondition);
  EXPECT_NE(store.status().message().find("store " + path_), std::string::npos);
  EXPECT_NE(store.status().message().find("version 99"), std::string::npos)
      << store.status().message();
  EXPECT_NE(store.status().message().find("up to 3"), std::string::npos)
      << store.status().message();
}

TEST_F(SqliteStoreTest, AStoreOfTheFirstSchemaIsUpgradedKeepingItsTickets) {
  {
    std::unique_ptr<SqliteStore> store = open();
    ASSERT_NE(store, nullptr);
    InboundCommit commit = makeCommit("T-OLD", "m-old", 0);
    ASSERT_TRUE(store->commitInbound({&commit, 1}).isOk());
  }
  {
    // Back to schema 1, as a gateway of the previous release left it.
    RawSqlite raw(path_);
    raw.exec("ALTER TABLE tickets DROP COLUMN holders");
    raw.exec("ALTER TABLE messages DROP COLUMN purged_at");
    raw.exec("ALTER TABLE outbox DROP COLUMN purged_at");
    raw.exec("DELETE FROM schema_migrations WHERE version >= 2");
  }
  std::unique_ptr<SqliteStore> upgraded = open();
  ASSERT_NE(upgraded, nullptr);
  RawSqlite raw(path_);
  EXPECT_EQ(raw.scalar("SELECT MAX(version) FROM schema_migrations"), "3");
  Result<std::optional<TicketStateRow>> state = upgraded->ticketState("T-OLD");
  ASSERT_TRUE(state.isOk() && state->has_value()) << state.status().toString();
  EXPECT_EQ((*state)->status, "submitted");
  EXPECT_EQ((*state)->holders, "");
}

TEST_F(SqliteStoreTest, OutboxIdsAreNeverReused) {
  std::unique_ptr<SqliteStore> store = open();
  ASSERT_NE(store, nullptr);
  const int64_t first =
      (*store->commitInbound(std::vector<InboundCommit>{makeCommit("T1", "a")}))[0][0];
  {
    RawSqlite raw(path_);
    raw.exec("DELETE FROM outbox WHERE id = " + std::to_string(first));
  }
  const int64_t second =
      (*store->commitInbound(std::vector<InboundCommit>{makeCommit("T1", "b")}))[0][0];
  EXPECT_GT(second, first);
}

TEST_F(SqliteStoreTest, AStoreOfAnotherBuildsAlgorithmKeepsVerifying) {
  std::unique_ptr<SqliteStore> store = open();
  ASSERT_TRUE(store->commitInbound(std::vector<InboundCommit>{makeCommit("T1", "a")}).isOk());
  store.reset();
  SqliteOptions options;
  options.path = path_;
  options.audit_algorithm = audit::HashAlgorithm::Sm3;
  store = std::move(SqliteStore::open(options)).value();
  ASSERT_TRUE(store->commitInbound(std::vector<InboundCommit>{makeCommit("T1", "b")}).isOk());
  const std::vector<AuditRecord> records = *store->queryAudit(0, 10, "");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[1].algorithm, "sha256");
  EXPECT_EQ(records[2].algorithm, "sm3");
  EXPECT_TRUE(audit::verifyAuditChain(*store).ok);
}

// store.max_size_mb: at the cap a commit fails as on a full disk and leaves nothing half
// written; what was committed stays; a higher cap (a restart) lets writes resume.
TEST_F(SqliteStoreTest, AtItsSizeCapTheStoreRefusesCommitsAndKeepsWhatItHas) {
  std::unique_ptr<SqliteStore> store = open(true, 1);
  ASSERT_NE(store, nullptr);
  int committed = 0;
  Status refused = Status::ok();
  for (int i = 0; i < 2000 && refused.isOk(); ++i) {
    InboundCommit commit = makeCommit("T-" + std::to_string(i), std::to_string(i));
    commit.body = std::string(3000, 'x'); // a few commits fill a MiB
    auto ids = store->commitInbound(std::span<const InboundCommit>(&commit, 1));
    if (ids) {
      ++committed;
    } else {
      refused = ids.status();
    }
  }
  ASSERT_FALSE(refused.isOk()) << "1 MiB never filled";
  EXPECT_GT(committed, 10);
  EXPECT_NE(refused.message().find("full"), std::string::npos) << refused.message();
  EXPECT_LE(std::filesystem::file_size(path_), 1024u * 1024u);
  auto counts = store->outboxCounts();
  ASSERT_TRUE(counts.isOk());
  EXPECT_EQ(counts->pending, committed) << "the refused commit left nothing behind";
  EXPECT_TRUE(audit::verifyAuditChain(*store).ok);
  store.reset();

  store = open(true, 0);
  ASSERT_NE(store, nullptr);
  InboundCommit more = makeCommit("T-more", "more");
  EXPECT_TRUE(store->commitInbound(std::span<const InboundCommit>(&more, 1)).isOk());
  EXPECT_EQ(store->outboxCounts()->pending, committed + 1);
}

} // namespace
} // namespace hotline::store::testing
