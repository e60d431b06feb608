#include "core/store/payload_purge.h"

#include <charconv>

namespace hotline::store {

SweepStep messageSweepStep(int64_t received_at_ms, int64_t purged_at_ms, int64_t before_ms) {
  if (received_at_ms >= before_ms) {
    return SweepStep::Stop;
  }
  return purged_at_ms != 0 ? SweepStep::Pass : SweepStep::Empty;
}

SweepStep outboxSweepStep(const OutboxRow& row, bool latest_snapshot, int64_t before_ms) {
  if (row.created_at_ms >= before_ms) {
    return SweepStep::Stop;
  }
  if (row.state == OutboxState::Pending || row.state == OutboxState::Dead) {
    return SweepStep::Hold; // it may still be sent (or replayed): its body must stay
  }
  if (row.purged_at_ms != 0 || latest_snapshot) {
    return SweepStep::Pass;
  }
  return SweepStep::Empty;
}

AuditInsert purgeFact(const PurgeRequest& request, const PurgeResult& result) {
  AuditInsert fact;
  fact.action = "purged";
  fact.actor = request.actor;
  fact.detail = "payloads emptied by retention: " + std::to_string(result.messages) +
                " messages and " + std::to_string(result.outbox_rows) +
                " delivered or discarded outbox rows older than " +
                std::to_string(request.before_ms) + " ms";
  return fact;
}

int64_t parseSweepCursor(const std::string& value) {
  int64_t cursor = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), cursor);
  return error == std::errc() && end == value.data() + value.size() && cursor > 0 ? cursor : 0;
}

Status checkPurgeRequest(const PurgeRequest& request) {
  if (request.limit == 0) {
    return invalidArgument("purgePayloads: limit must be at least 1");
  }
  if (request.before_ms <= 0) {
    return invalidArgument("purgePayloads: before_ms must be a time after the epoch, got " +
                           std::to_string(request.before_ms));
  }
  if (request.actor.empty()) {
    return invalidArgument("purgePayloads: actor must name who purges");
  }
  return Status::ok();
}

} // namespace hotline::store
