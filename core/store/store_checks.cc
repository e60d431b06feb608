#include "core/store/store_checks.h"

#include "core/audit/audit_chain.h"
#include "core/store/payload_purge.h"

#include <set>
#include <utility>

namespace hotline::store {

Status dedupeKeyExists(const std::string& dedupe_key) {
  return Status(StatusCode::AlreadyExists,
                "dedupe key \"" + dedupe_key + "\" already exists: the batch was not stored");
}

Status linkExists(const std::string& system, const std::string& number) {
  return Status(StatusCode::AlreadyExists,
                "link " + system + "/" + number + " already exists: the batch was not stored");
}

Status idempotencyKeyExists(const std::string& idempotency_key) {
  return Status(StatusCode::AlreadyExists, "outbox idempotency key \"" + idempotency_key +
                                               "\" already exists: the batch was not stored");
}

Status checkInboundKeys(std::span<const InboundCommit> batch) {
  for (size_t i = 0; i < batch.size(); ++i) {
    const InboundCommit& commit = batch[i];
    if (commit.dedupe_key.empty()) {
      return invalidArgument("commit " + std::to_string(i) + " of the batch (source " +
                             commit.source + ") has an empty dedupe key");
    }
    for (const OutboxInsert& row : commit.outbox) {
      if (row.idempotency_key.empty()) {
        return invalidArgument("commit " + std::to_string(i) + " of the batch (dedupe key " +
                               commit.dedupe_key + ") has an outbox row for " + row.target +
                               " without an idempotency key");
      }
    }
  }
  return Status::ok();
}

Status checkInboundBatch(std::span<const InboundCommit> batch) {
  HOTLINE_RETURN_IF_ERROR(checkInboundKeys(batch));
  std::set<std::string> dedupe_keys;
  std::set<std::pair<std::string, std::string>> links;
  std::set<std::string> idempotency_keys;
  for (const InboundCommit& commit : batch) {
    if (!dedupe_keys.insert(commit.dedupe_key).second) {
      return dedupeKeyExists(commit.dedupe_key);
    }
    for (const LinkRow& link : commit.links) {
      if (!links.emplace(link.system, link.number).second) {
        return linkExists(link.system, link.number);
      }
    }
    for (const OutboxInsert& row : commit.outbox) {
      if (!idempotency_keys.insert(row.idempotency_key).second) {
        return idempotencyKeyExists(row.idempotency_key);
      }
    }
  }
  return Status::ok();
}

Status checkStateScope(const std::string& scope) {
  if (scope == audit::kHeadScope) {
    return invalidArgument("state scope \"" + scope +
                           "\" is reserved for the store's audit head anchor");
  }
  if (scope == kRetentionScope) {
    return invalidArgument("state scope \"" + scope +
                           "\" is reserved for the store's payload retention cursors");
  }
  return Status::ok();
}

std::vector<AuditInsert> rejectionFacts(std::span<const RejectionRecord> rejections) {
  std::vector<AuditInsert> facts;
  facts.reserve(rejections.size());
  for (const RejectionRecord& rejection : rejections) {
    AuditInsert fact;
    fact.action = "rejected";
    fact.actor = rejection.source;
    fact.detail = "kind " + rejection.kind + ", received at " +
                  std::to_string(rejection.received_at_ms) + ": " + rejection.reason;
    facts.push_back(std::move(fact));
  }
  return facts;
}

} // namespace hotline::store
