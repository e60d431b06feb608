#include "core/audit/audit_hasher.h"

#include <gtest/gtest.h>

namespace hotline::audit {
namespace {

store::AuditRecord sampleRecord() {
  store::AuditRecord record;
  record.seq = 7;
  record.at_ms = 1'700'000'000'000;
  record.action = "delivered";
  record.actor = "gateway";
  record.ticket_id = "T1";
  record.message_id = 3;
  record.outbox_id = 5;
  record.target = "core";
  record.detail = "attempt 1: http 201 after 12 ms";
  record.prev_hash = std::string(64, 'a');
  record.algorithm = "sha256";
  return record;
}

TEST(AuditHasherTest, DigestsMatchThePublishedVectors) {
  // FIPS 180-2 appendix B.1 and GB/T 32905-2016 appendix A.1.
  EXPECT_EQ(*hexDigest(HashAlgorithm::Sha256, "abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(*hexDigest(HashAlgorithm::Sm3, "abc"),
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
}

TEST(AuditHasherTest, AlgorithmNamesRoundTrip) {
  for (HashAlgorithm algorithm : {HashAlgorithm::Sha256, HashAlgorithm::Sm3}) {
    EXPECT_EQ(*parseHashAlgorithm(hashAlgorithmName(algorithm)), algorithm);
  }
  Result<HashAlgorithm> unknown = parseHashAlgorithm("md5");
  ASSERT_FALSE(unknown.isOk());
  EXPECT_EQ(unknown.status().code(), StatusCode::InvalidArgument);
  EXPECT_NE(unknown.status().message().find("\"md5\""), std::string::npos);
}

TEST(AuditHasherTest, TheCanonicalFormIsLengthPrefixed) {
  store::AuditRecord left = sampleRecord();
  store::AuditRecord right = sampleRecord();
  left.action = "ab";
  left.actor = "c";
  right.action = "a";
  right.actor = "bc";
  EXPECT_NE(canonicalAuditForm(left), canonicalAuditForm(right));
  EXPECT_NE(chainHash(HashAlgorithm::Sha256, left), chainHash(HashAlgorithm::Sha256, right));
  EXPECT_NE(canonicalAuditForm(left).find("2:ab,1:c,"), std::string::npos);
}

TEST(AuditHasherTest, TheHashIgnoresOnlyTheHashField) {
  const store::AuditRecord base = sampleRecord();
  const std::string hash = chainHash(HashAlgorithm::Sha256, base);
  EXPECT_EQ(hash, *hexDigest(HashAlgorithm::Sha256, canonicalAuditForm(base)));
  store::AuditRecord with_hash = base;
  with_hash.hash = "anything";
  EXPECT_EQ(chainHash(HashAlgorithm::Sha256, with_hash), hash);

  using Edit = void (*)(store::AuditRecord&);
  const Edit edits[] = {
      [](store::AuditRecord& r) { r.seq += 1; },
      [](store::AuditRecord& r) { r.at_ms += 1; },
      [](store::AuditRecord& r) { r.action = "retried"; },
      [](store::AuditRecord& r) { r.actor = "admin:ops"; },
      [](store::AuditRecord& r) { r.ticket_id = "T2"; },
      [](store::AuditRecord& r) { r.message_id += 1; },
      [](store::AuditRecord& r) { r.outbox_id += 1; },
      [](store::AuditRecord& r) { r.target = "dept"; },
      [](store::AuditRecord& r) { r.detail += "."; },
      [](store::AuditRecord& r) { r.prev_hash[0] = 'b'; },
      [](store::AuditRecord& r) { r.algorithm = "sm3"; },
  };
  for (size_t i = 0; i < std::size(edits); ++i) {
    store::AuditRecord edited = base;
    edits[i](edited);
    EXPECT_NE(chainHash(HashAlgorithm::Sha256, edited), hash) << "edit " << i;
  }
}

TEST(AuditHasherTest, Sm3AndSha256GiveDifferentChains) {
  const store::AuditRecord record = sampleRecord();
  const std::string sm3 = chainHash(HashAlgorithm::Sm3, record);
  EXPECT_EQ(sm3.size(), 64u);
  EXPECT_NE(sm3, chainHash(HashAlgorithm::Sha256, record));
}

} // namespace
} // namespace hotline::audit
