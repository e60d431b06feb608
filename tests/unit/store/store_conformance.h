#pragma once
// The conformance suite every Store backend must pass (typed tests): the same calls, the
// same answers, whether the store is the in-memory fake or SQLite. A later PostgreSQL
// backend joins by adding its Backend type to ConformanceBackends.

#include "core/audit/audit_hasher.h"
#include "core/store/memory_store.h"
#include "core/store/sqlite_store.h"
#include "tests/unit/store/store_test_support.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace hotline::store::testing {

struct MemoryBackend {
  std::unique_ptr<Store> open(const StoreClock& clock, audit::HashAlgorithm algorithm) {
    return std::make_unique<MemoryStore>(MemoryStoreOptions{algorithm, clock});
  }
};

struct SqliteBackend {
  TempDir dir;
  std::unique_ptr<Store> open(const StoreClock& clock, audit::HashAlgorithm algorithm) {
    SqliteOptions options;
    options.path = dir.file("var/gateway.db");
    options.audit_algorithm = algorithm;
    options.clock = clock;
    Result<std::unique_ptr<SqliteStore>> store = SqliteStore::open(options);
    EXPECT_TRUE(store.isOk()) << store.status().toString();
    return store.isOk() ? std::unique_ptr<Store>(std::move(store).value()) : nullptr;
  }
};

struct BackendNames {
  template <typename T>
  static std::string GetName(int) {
    return std::is_same_v<T, MemoryBackend> ? "Memory" : "Sqlite";
  }
};

using ConformanceBackends = ::testing::Types<MemoryBackend, SqliteBackend>;

// Each test file derives its own suite from this fixture and instantiates it with
// TYPED_TEST_SUITE(<suite>, ConformanceBackends, BackendNames).
template <typename Backend>
class StoreConformanceTest : public ::testing::Test {
public: // public so that helper functions of the test files can use them
  void SetUp() override {
    store_ = backend_.open(clock_.clock(), audit::HashAlgorithm::Sha256);
    ASSERT_NE(store_, nullptr);
  }

  // Commits `batch` and expects success.
  std::vector<std::vector<int64_t>> commit(std::vector<InboundCommit> batch) {
    Result<std::vector<std::vector<int64_t>>> ids = store_->commitInbound(batch);
    EXPECT_TRUE(ids.isOk()) << ids.status().toString();
    return ids.isOk() ? std::move(ids).value() : std::vector<std::vector<int64_t>>{};
  }

  // The id of the one outbox row a makeCommit() commit creates.
  int64_t commitOne(const std::string& ticket_id, const std::string& tag) {
    std::vector<std::vector<int64_t>> ids = commit({makeCommit(ticket_id, tag)});
    return ids.size() == 1 && ids[0].size() == 1 ? ids[0][0] : 0;
  }

  std::vector<AuditRecord> audit(const std::string& ticket_id = "") {
    Result<std::vector<AuditRecord>> records = store_->queryAudit(0, 100000, ticket_id);
    EXPECT_TRUE(records.isOk()) << records.status().toString();
    return records.isOk() ? std::move(records).value() : std::vector<AuditRecord>{};
  }

  OutboxRow row(int64_t id) {
    Result<std::optional<OutboxRow>> found = store_->outboxRow(id);
    EXPECT_TRUE(found.isOk() && found->has_value()) << "outbox row " << id;
    return found.isOk() && found->has_value() ? **found : OutboxRow{};
  }

  Backend backend_;
  ManualClock clock_;
  std::unique_ptr<Store> store_;
};

} // namespace hotline::store::testing
