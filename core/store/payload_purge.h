#pragma once
// The rules of payload retention (Store::purgePayloads), shared by every backend so that each
// sweep empties, passes and stops at the same rows whichever store runs it.
//
// Each sweep walks its table in id order from a cursor kept in the store's own state (scope
// kRetentionScope), written in the same transaction as the rows it emptied: a crash resumes
// where the last committed call stopped, and nothing is swept twice.

#include "core/store/store.h"

#include <cstdint>
#include <string>

namespace hotline::store {

inline constexpr const char* kRetentionScope = "store.retention";
inline constexpr const char* kMessagesCursorKey = "messages_after";
inline constexpr const char* kOutboxCursorKey = "outbox_after";

enum class SweepStep {
  Empty, // empty the payload and go on
  Pass,  // keep the payload and go on (already emptied, or a ticket's newest snapshot)
  Stop,  // not old enough yet: this and every later row wait for a later call
  Hold,  // old enough but still pending or dead: the sweep waits here
};

// A message's raw payload: nothing reads it once the message is stored.
SweepStep messageSweepStep(int64_t received_at_ms, int64_t purged_at_ms, int64_t before_ms);

// An outbox row's body; `latest_snapshot` says it is its ticket's newest row of kind "ticket",
// which Store::latestTicketSnapshot() serves to later events of the ticket.
SweepStep outboxSweepStep(const OutboxRow& row, bool latest_snapshot, int64_t before_ms);

// The audit record of one call that emptied anything.
AuditInsert purgeFact(const PurgeRequest& request, const PurgeResult& result);

// A sweep cursor as the state table holds it ("" before the first sweep).
int64_t parseSweepCursor(const std::string& value);

// Checks a request before anything is read: a limit of 0 or a cutoff of 0 or less is a bug.
Status checkPurgeRequest(const PurgeRequest& request);

} // namespace hotline::store
