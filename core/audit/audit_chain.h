#pragma once
// The end of the audit chain as a store holds it in memory: the last seq and hash, from
// which the next record's seq, prev_hash and hash follow. Both stores use it, so a record
// is chained the same way whichever backend wrote it.
//
// The head anchor is the chain's end written into the store's state table (scope "audit",
// key "head") in the same transaction as every append: removing records from the end of the
// log leaves the anchor pointing past the end, which the verifier reports as truncation.
//
// Thread safety: none; the owning store extends it under its write lock. It is a small
// value: a store copies it before a transaction and restores the copy on rollback.

#include "core/audit/audit_hasher.h"
#include "core/store/store.h"
#include "hotline/status.h"

#include <cstdint>
#include <string>
#include <utility>

namespace hotline::audit {

inline constexpr const char* kHeadScope = "audit";
inline constexpr const char* kHeadKey = "head";

struct AuditHead {
  int64_t seq = 0;
  std::string hash;
};

// "<seq>:<hash>", the anchor's stored value.
std::string formatAuditHead(const AuditHead& head);
// InvalidArgument naming the value when it is not "<seq>:<hex hash>".
Result<AuditHead> parseAuditHead(const std::string& value);

class AuditChain {
public:
  explicit AuditChain(HashAlgorithm algorithm) : algorithm_(algorithm) {}

  // Continues after an existing log (seq 0 and "" for an empty one).
  void resume(AuditHead head) { head_ = std::move(head); }

  // The next record: seq = last + 1, prev_hash = last hash, the chain's algorithm and hash.
  // `message_id` overrides insert.message_id when non-zero (the message of the same commit).
  store::AuditRecord extend(const store::AuditInsert& insert, int64_t at_ms,
                            int64_t message_id = 0);

  const AuditHead& head() const { return head_; }
  HashAlgorithm algorithm() const { return algorithm_; }

private:
  HashAlgorithm algorithm_;
  AuditHead head_;
};

} // namespace hotline::audit
