#include "core/audit/audit_verifier.h"

#include "core/audit/audit_chain.h"
#include "core/audit/audit_hasher.h"

#include <optional>

namespace hotline::audit {
namespace {

std::string seqName(int64_t seq) {
  return "seq " + std::to_string(seq);
}

// Walks records in seq order, remembering only the previous one.
class ChainWalk {
public:
  explicit ChainWalk(AuditVerification& result) : result_(result) {}

  void visit(const store::AuditRecord& record) {
    ++result_.checked;
    checkContent(record);
    checkLinkage(record);
    previous_ = AuditHead{record.seq, record.hash};
  }

  // The log must end where the anchor says; an empty log needs no anchor.
  void finish(store::Store& store) {
    Result<std::string> anchor = store.get(kHeadScope, kHeadKey);
    if (!anchor.isOk()) {
      if (anchor.status().code() != StatusCode::NotFound) {
        report("cannot read the head anchor: " + anchor.status().toString());
      } else if (previous_) {
        report(seqName(previous_->seq) + ": the log has records but no head anchor " +
               "(anchor removed)");
      }
      return;
    }
    Result<AuditHead> head = parseAuditHead(*anchor);
    if (!head.isOk()) {
      report(head.status().message());
      return;
    }
    checkHead(*head);
  }

  void report(std::string problem) {
    result_.ok = false;
    ++result_.problem_count;
    if (result_.problems.size() < kMaxListedProblems) {
      result_.problems.push_back(std::move(problem));
    }
  }

  int64_t lastSeq() const { return previous_ ? previous_->seq : 0; }

private:
  void checkContent(const store::AuditRecord& record) {
    Result<HashAlgorithm> algorithm = parseHashAlgorithm(record.algorithm);
    if (!algorithm.isOk()) {
      report(seqName(record.seq) + ": " + algorithm.status().message() + " (edited)");
      return;
    }
    if (chainHash(*algorithm, record) != record.hash) {
      report(seqName(record.seq) + ": the hash does not match the record's content (edited)");
    }
  }

  void checkLinkage(const store::AuditRecord& record) {
    const int64_t expected_seq = previous_ ? previous_->seq + 1 : 1;
    if (record.seq != expected_seq) {
      // The prev_hash cannot match across a gap either; one problem per gap is enough.
      report(seqName(record.seq) + ": expected " + seqName(expected_seq) + ", records " +
             std::to_string(expected_seq) + ".." + std::to_string(record.seq - 1) +
             " are missing (removed)");
      return;
    }
    const std::string& expected_hash = previous_ ? previous_->hash : std::string();
    if (record.prev_hash != expected_hash) {
      report(seqName(record.seq) + ": prev_hash is not the hash of " +
             (previous_ ? seqName(previous_->seq) : std::string("an empty log")) +
             " (a record was removed or reordered)");
    }
  }

  void checkHead(const AuditHead& head) {
    const int64_t last = lastSeq();
    if (head.seq > last) {
      report(seqName(head.seq) + ": the head anchor says the log ends at " + seqName(head.seq) +
             " but it ends at " + seqName(last) + "; records " + std::to_string(last + 1) + ".." +
             std::to_string(head.seq) + " are missing (truncated)");
    } else if (head.seq < last) {
      report(seqName(last) + ": the log runs past the head anchor (" + seqName(head.seq) +
             "): records were added behind the store's back or the anchor was edited");
    } else if (previous_ && head.hash != previous_->hash) {
      report(seqName(last) + ": the last record's hash differs from the head anchor's (edited)");
    }
  }

  AuditVerification& result_;
  std::optional<AuditHead> previous_;
};

} // namespace

AuditVerification verifyAuditChain(store::Store& store, size_t page) {
  AuditVerification result;
  ChainWalk walk(result);
  const size_t limit = page == 0 ? 1 : page;
  int64_t after = 0;
  while (true) {
    Result<std::vector<store::AuditRecord>> records = store.queryAudit(after, limit, "");
    if (!records.isOk()) {
      walk.report("cannot read the audit log after " + seqName(after) + ": " +
                  records.status().toString());
      return result;
    }
    for (const store::AuditRecord& record : *records) {
      walk.visit(record);
      after = record.seq;
    }
    if (records->size() < limit) {
      break;
    }
  }
  walk.finish(store);
  return result;
}

} // namespace hotline::audit
