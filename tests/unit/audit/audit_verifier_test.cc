// The verifier on logs edited in memory: a MemoryStore serves the log, a subclass serves a
// tampered copy of it (the SQLite file-level tampering is in tests/unit/store).

#include "core/audit/audit_chain.h"
#include "core/audit/audit_verifier.h"
#include "core/store/memory_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hotline::audit {
namespace {

using ::testing::HasSubstr;

// Answers audit queries and the head anchor from vectors the test edits.
class TamperedStore : public store::MemoryStore {
public:
  std::vector<store::AuditRecord> records;
  std::optional<std::string> anchor;
  std::optional<Status> query_failure;

  Result<std::vector<store::AuditRecord>> queryAudit(int64_t after_seq, size_t limit,
                                                     const std::string&) override {
    if (query_failure) {
      return *query_failure;
    }
    std::vector<store::AuditRecord> page;
    for (const store::AuditRecord& record : records) {
      if (record.seq > after_seq && page.size() < limit) {
        page.push_back(record);
      }
    }
    return page;
  }

  Result<std::string> get(const std::string& scope, const std::string& key) override {
    if (scope == kHeadScope && key == kHeadKey) {
      if (!anchor) {
        return notFound("no anchor");
      }
      return *anchor;
    }
    return MemoryStore::get(scope, key);
  }
};

class AuditVerifierTest : public ::testing::Test {
public:
  void SetUp() override {
    AuditChain chain(HashAlgorithm::Sha256);
    for (int i = 0; i < 6; ++i) {
      store::AuditInsert insert;
      insert.action = "stored";
      insert.detail = "record " + std::to_string(i + 1);
      store_.records.push_back(chain.extend(insert, 1000 + i));
    }
    store_.anchor = formatAuditHead(chain.head());
  }

  std::string problems() {
    const AuditVerification result = verifyAuditChain(store_, 2);
    EXPECT_FALSE(result.ok);
    std::string all;
    for (const std::string& problem : result.problems) {
      all += problem + "\n";
    }
    return all;
  }

  TamperedStore store_;
};

TEST_F(AuditVerifierTest, AnIntactLogPasses) {
  const AuditVerification result = verifyAuditChain(store_, 4);
  EXPECT_TRUE(result.ok);
  EXPECT_EQ(result.checked, 6);
  EXPECT_TRUE(result.problems.empty());
}

TEST_F(AuditVerifierTest, AnEditIsNamedBySeq) {
  store_.records[2].actor = "someone else";
  EXPECT_THAT(problems(), HasSubstr("seq 3: the hash does not match the record's content"));
}

TEST_F(AuditVerifierTest, AnEditWithARecomputedHashBreaksTheNextLink) {
  store_.records[2].detail = "rewritten";
  store_.records[2].hash = chainHash(HashAlgorithm::Sha256, store_.records[2]);
  EXPECT_THAT(problems(), HasSubstr("seq 4: prev_hash is not the hash of seq 3"));
}

TEST_F(AuditVerifierTest, AGapIsNamed) {
  store_.records.erase(store_.records.begin() + 1, store_.records.begin() + 3);
  EXPECT_THAT(problems(), HasSubstr("seq 4: expected seq 2, records 2..3 are missing"));
}

TEST_F(AuditVerifierTest, AMissingFirstRecordIsNamed) {
  store_.records.erase(store_.records.begin());
  EXPECT_THAT(problems(), HasSubstr("seq 2: expected seq 1"));
}

TEST_F(AuditVerifierTest, AnUnknownAlgorithmIsAnEdit) {
  store_.records[1].algorithm = "md5";
  EXPECT_THAT(problems(), HasSubstr("seq 2: unknown audit hash algorithm \"md5\""));
}

TEST_F(AuditVerifierTest, TheHeadAnchorCatchesTruncationAndForgery) {
  store_.records.pop_back();
  EXPECT_THAT(problems(), HasSubstr("seq 6: the head anchor says the log ends at seq 6 but it "
                                    "ends at seq 5"));
  store_.anchor = "3:" + store_.records[2].hash;
  EXPECT_THAT(problems(), HasSubstr("seq 5: the log runs past the head anchor (seq 3)"));
  store_.anchor = "5:" + std::string(64, '0');
  EXPECT_THAT(problems(), HasSubstr("seq 5: the last record's hash differs from the head"));
  store_.anchor = "garbage";
  EXPECT_THAT(problems(), HasSubstr("audit head anchor \"garbage\" is not"));
}

TEST_F(AuditVerifierTest, AnUnreadableLogIsAProblem) {
  store_.query_failure = unavailable("disk gone");
  EXPECT_THAT(problems(), HasSubstr("cannot read the audit log after seq 0: unavailable: disk"));
}

// A live gateway appends while the walk runs: every page is its own snapshot, and the anchor
// read after the walk may be ahead of the last record read. That is not truncation.
class AppendingStore : public store::MemoryStore {
public:
  Result<std::vector<store::AuditRecord>> queryAudit(int64_t after_seq, size_t limit,
                                                     const std::string& ticket) override {
    Result<std::vector<store::AuditRecord>> page =
        MemoryStore::queryAudit(after_seq, limit, ticket);
    if (append_during_walk) {
      append_during_walk = false;
      EXPECT_TRUE(
          appendAudit(std::vector<store::AuditInsert>{{"delivered", "gateway", "", 0, 0, "", ""}})
              .isOk());
    }
    return page;
  }
  bool append_during_walk = false;
};

TEST(AuditVerifierLive, RecordsAppendedDuringTheWalkAreNotTruncation) {
  AppendingStore store;
  ASSERT_TRUE(
      store
          .appendAudit(std::vector<store::AuditInsert>{{"received", "intake", "", 0, 0, "", ""},
                                                       {"stored", "gateway", "", 0, 0, "", ""}})
          .isOk());
  store.append_during_walk = true;
  AuditVerification result = verifyAuditChain(store, 1000);
  EXPECT_TRUE(result.ok) << (result.problems.empty() ? "" : result.problems[0]);
  EXPECT_EQ(result.checked, 2);
  // Verified again once quiet, the appended record is part of a sound chain.
  AuditVerification again = verifyAuditChain(store, 1000);
  EXPECT_TRUE(again.ok);
  EXPECT_EQ(again.checked, 3);
}

} // namespace
} // namespace hotline::audit
