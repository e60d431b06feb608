#pragma once
// The outbox state machine, shared by every Store backend so that they move rows and word
// audit records identically:
//
//   Pending --Delivered--> Delivered
//   Pending --Retry------> Pending (attempts + 1, next_attempt_at, last_error)
//   Pending --Dead-------> Dead --replay--> Pending (attempts 0)
//                               --discard-> Discarded
//
// Each function changes `row` in place (its state, attempts, times and last_error; the
// other fields are not read) and returns the audit fact to append, or the reason the
// transition is not allowed: FailedPrecondition naming the id and its state.

#include "core/store/store.h"
#include "hotline/status.h"

#include <optional>
#include <string>
#include <string_view>

namespace hotline::store {

// The actor of delivery records: the gateway's own dispatcher.
inline constexpr const char* kDeliveryActor = "gateway";

std::optional<OutboxState> parseOutboxState(std::string_view name);

// Every attempt counts, successful or not: `attempts` is how often the target was called.
Result<AuditInsert> applyDelivery(OutboxRow& row, const DeliveryRecord& record);
// Due at once (`now_ms`), attempts reset, finished_at cleared; last_error is kept so the
// operator still sees why it died until the next attempt replaces it.
Result<AuditInsert> applyReplay(OutboxRow& row, const std::string& actor, int64_t now_ms);
Result<AuditInsert> applyDiscard(OutboxRow& row, const std::string& actor,
                                 const std::string& reason, int64_t now_ms);

Status outboxRowMissing(int64_t id);

} // namespace hotline::store
