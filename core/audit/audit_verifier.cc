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
    if (before_ && record.seq == before_->seq) {
      anchored_hash_ = record.hash;
    }
  }

  // The anchor as it was before the walk: the record it names must be reached and match it.
  void expectAnchor(std::optional<AuditHead> before) { before_ = std::move(before); }

  // The log must end where the anchor says; an empty log needs no anchor. A live gateway
  // appends while the walk runs (each page is its own snapshot), so the end is judged
  // against two readings of the anchor: records up to the one read before the walk must all
  // be there (else truncated), and none may lie past the one read after it (else added
  // behind the store's back). With no writer, both readings are the same.
  void finish(const Result<std::string>& after_text) {
    if (!after_text.isOk()) {
      if (after_text.status().code() != StatusCode::NotFound) {
        report("cannot read the head anchor: " + after_text.status().toString());
      } else if (previous_) {
        report(seqName(previous_->seq) + ": the log has records but no head anchor " +
               "(anchor removed)");
      }
      return;
    }
    Result<AuditHead> after = parseAuditHead(*after_text);
    if (!after.isOk()) {
      report(after.status().message());
      return;
    }
    checkHead(before_.value_or(AuditHead{0, ""}), *after);
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

  void checkHead(const AuditHead& before, const AuditHead& after) {
    const int64_t last = lastSeq();
    if (before.seq > last) {
      report(seqName(before.seq) + ": the head anchor says the log ends at " + seqName(before.seq) +
             " but it ends at " + seqName(last) + "; records " + std::to_string(last + 1) + ".." +
             std::to_string(before.seq) + " are missing (truncated)");
    } else if (after.seq < last) {
      report(seqName(last) + ": the log runs past the head anchor (" + seqName(after.seq) +
             "): records were added behind the store's back or the anchor was edited");
    } else if (before.seq > 0 && anchored_hash_ != before.hash) {
      // Without a writer the anchored record is the last one.
      report(seqName(before.seq) + ": the last record's hash differs from the head anchor's " +
             "(edited)");
    }
  }

  AuditVerification& result_;
  std::optional<AuditHead> previous_;
  std::optional<AuditHead> before_; // the anchor read before the walk, when there was one
  std::string anchored_hash_;       // the hash of the record before_ names, once reached
};

} // namespace

AuditVerification verifyAuditChain(store::Store& store, size_t page) {
  AuditVerification result;
  ChainWalk walk(result);
  const Result<std::string> before = store.get(kHeadScope, kHeadKey);
  if (before.isOk()) {
    Result<AuditHead> head = parseAuditHead(*before);
    if (head.isOk()) {
      walk.expectAnchor(*head);
    } // else finish() reports the malformed anchor (read again after the walk)
  }
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
  walk.finish(store.get(kHeadScope, kHeadKey));
  return result;
}

} // namespace hotline::audit
