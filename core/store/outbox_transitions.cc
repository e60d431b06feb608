#include "core/store/outbox_transitions.h"

namespace hotline::store {
namespace {

Status notInState(const OutboxRow& row, OutboxState wanted, std::string_view doing) {
  return failedPrecondition("outbox row " + std::to_string(row.id) + " is " +
                            outboxStateName(row.state) + ", not " + outboxStateName(wanted) +
                            ": cannot " + std::string(doing));
}

AuditInsert factAbout(const OutboxRow& row, std::string action, std::string actor,
                      std::string detail) {
  AuditInsert fact;
  fact.action = std::move(action);
  fact.actor = std::move(actor);
  fact.ticket_id = row.ticket_id;
  fact.outbox_id = row.id;
  fact.target = row.target;
  fact.detail = std::move(detail);
  return fact;
}

// "attempt 3: http 503 after 120 ms: upstream timeout" (http 0 = no answer at all).
std::string attemptDetail(int attempt, const DeliveryRecord& record) {
  std::string detail = "attempt " + std::to_string(attempt) + ": ";
  detail += record.http_status == 0 ? std::string("no answer")
                                    : "http " + std::to_string(record.http_status);
  detail += " after " + std::to_string(record.latency_ms) + " ms";
  if (!record.error.empty()) {
    detail += ": " + record.error;
  }
  return detail;
}

} // namespace

std::optional<OutboxState> parseOutboxState(std::string_view name) {
  for (OutboxState state :
       {OutboxState::Pending, OutboxState::Delivered, OutboxState::Dead, OutboxState::Discarded}) {
    if (name == outboxStateName(state)) {
      return state;
    }
  }
  return std::nullopt;
}

Result<AuditInsert> applyDelivery(OutboxRow& row, const DeliveryRecord& record) {
  if (row.state != OutboxState::Pending) {
    return notInState(row, OutboxState::Pending, "record a delivery attempt");
  }
  row.attempts += 1;
  std::string detail = attemptDetail(row.attempts, record);
  switch (record.kind) {
  case DeliveryRecord::Kind::Delivered:
    row.state = OutboxState::Delivered;
    row.finished_at_ms = record.at_ms;
    return factAbout(row, "delivered", kDeliveryActor, std::move(detail));
  case DeliveryRecord::Kind::Retry:
    row.next_attempt_at_ms = record.next_attempt_at_ms;
    row.last_error = record.error;
    detail += "; next attempt at " + std::to_string(record.next_attempt_at_ms);
    return factAbout(row, "retried", kDeliveryActor, std::move(detail));
  case DeliveryRecord::Kind::Dead:
    row.state = OutboxState::Dead;
    row.finished_at_ms = record.at_ms;
    row.last_error = record.error;
    return factAbout(row, "dead_lettered", kDeliveryActor, std::move(detail));
  }
  return internalError("outbox row " + std::to_string(row.id) + ": unknown delivery kind");
}

Result<AuditInsert> applyReplay(OutboxRow& row, const std::string& actor, int64_t now_ms) {
  if (row.state != OutboxState::Dead) {
    return notInState(row, OutboxState::Dead, "replay it");
  }
  const int attempts = row.attempts;
  row.state = OutboxState::Pending;
  row.attempts = 0;
  row.next_attempt_at_ms = now_ms;
  row.finished_at_ms = 0;
  return factAbout(row, "replayed", actor,
                   "dead letter replayed after " + std::to_string(attempts) + " attempts");
}

Result<AuditInsert> applyDiscard(OutboxRow& row, const std::string& actor,
                                 const std::string& reason, int64_t now_ms) {
  if (row.state != OutboxState::Dead) {
    return notInState(row, OutboxState::Dead, "discard it");
  }
  row.state = OutboxState::Discarded;
  row.finished_at_ms = now_ms;
  return factAbout(row, "discarded", actor, "dead letter discarded: " + reason);
}

Status outboxRowMissing(int64_t id) {
  return notFound("outbox row " + std::to_string(id) + " does not exist");
}

} // namespace hotline::store
