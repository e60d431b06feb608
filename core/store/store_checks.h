#pragma once
// What every Store backend checks before writing, and the errors it gives when a key
// already exists, so that the memory and SQL stores fail alike.

#include "core/store/store.h"
#include "hotline/status.h"

#include <span>
#include <string>
#include <vector>

namespace hotline::store {

// InvalidArgument for an empty dedupe or idempotency key (a caller bug: the pipeline always
// derives one).
Status checkInboundKeys(std::span<const InboundCommit> batch);
// checkInboundKeys, then AlreadyExists for a dedupe key, link or idempotency key repeated
// within the batch. Keys already stored are the backend's to find (an SQL backend's UNIQUE
// constraints find repeats within the batch too, so it needs only checkInboundKeys).
Status checkInboundBatch(std::span<const InboundCommit> batch);

Status dedupeKeyExists(const std::string& dedupe_key);
Status linkExists(const std::string& system, const std::string& number);
Status idempotencyKeyExists(const std::string& idempotency_key);

// InvalidArgument for the scope "audit": the store keeps its audit head anchor there, and
// letting a connector overwrite it would hide a truncated log.
Status checkStateScope(const std::string& scope);

// The audit facts of rejected messages: action "rejected", the connector as actor, and its
// kind, arrival time and reason as detail.
std::vector<AuditInsert> rejectionFacts(std::span<const RejectionRecord> rejections);

} // namespace hotline::store
