#include "core/model/lifecycle.h"

namespace hotline::model {
namespace {

LifecycleVerdict illegal(const LifecycleState& state, std::string_view rule, std::string reason) {
  return LifecycleVerdict{false, state, std::string(rule), std::move(reason)};
}

bool preconditionHolds(LifecyclePrecondition precondition, const LifecycleState& state,
                       const EventFacts& facts) {
  switch (precondition) {
  case LifecyclePrecondition::None:
    return true;
  case LifecyclePrecondition::NoExtensionPending:
    return !state.extension_pending;
  case LifecyclePrecondition::ExtensionPending:
    return state.extension_pending;
  case LifecyclePrecondition::ApprovalGiven:
    return facts.approved.has_value();
  case LifecyclePrecondition::MergeTargetGiven:
    return !facts.merged_into.empty();
  }
  return false;
}

LifecycleState nextState(const LifecycleRow& row, const LifecycleState& state,
                         const EventFacts& facts) {
  switch (row.effect) {
  case LifecycleEffect::Create:
    return LifecycleState{row.target, false};
  case LifecycleEffect::Enter:
    return LifecycleState{row.target, state.extension_pending};
  case LifecycleEffect::Keep:
    return state;
  case LifecycleEffect::OpenExtension:
    return LifecycleState{state.status, true};
  case LifecycleEffect::CloseExtension:
    return LifecycleState{state.status, false};
  case LifecycleEffect::DecideByApproval:
    return LifecycleState{facts.approved.value_or(row.approved_by_default) ? row.target
                                                                           : row.target_if_rejected,
                          state.extension_pending};
  }
  return state;
}

std::string transition(TicketStatus from, TicketStatus to) {
  return std::string(enumName(from)) + " -> " + std::string(enumName(to));
}

} // namespace

std::vector<TicketStatus> StatusSet::statuses() const {
  std::vector<TicketStatus> out;
  for (const auto& entry : EnumTraits<TicketStatus>::kEntries) {
    if (contains(entry.value)) {
      out.push_back(entry.value);
    }
  }
  return out;
}

const LifecycleRow* findLifecycleRow(EventType type) {
  for (const LifecycleRow& row : lifecycleTable()) {
    if (row.event == type) {
      return &row;
    }
  }
  return nullptr;
}

LifecycleVerdict evaluate(const LifecycleState& state, EventType type, const EventFacts& facts) {
  const LifecycleRow* row = findLifecycleRow(type);
  if (row == nullptr) { // a broken table; the lifecycle tests forbid it
    return illegal(state, "L-NO-RULE",
                   "no lifecycle rule for " + std::string(enumName(type)) + " (a gateway bug)");
  }
  if (!row->from.contains(state.status)) {
    return illegal(state, row->rule,
                   std::string(row->requirement) + " (status is " +
                       std::string(enumName(state.status)) + ")");
  }
  if (!preconditionHolds(row->precondition, state, facts)) {
    return illegal(state, row->precondition_rule, std::string(row->precondition_reason));
  }
  LifecycleState next = nextState(*row, state, facts);
  return LifecycleVerdict{true, next, std::string(row->rule),
                          transition(state.status, next.status)};
}

LifecycleVerdict evaluateForUnknownTicket(EventType type) {
  const LifecycleRow* row = findLifecycleRow(type);
  if (row != nullptr && row->effect == LifecycleEffect::Create) {
    return LifecycleVerdict{true, LifecycleState{row->target, false}, std::string(row->rule),
                            "new ticket -> " + std::string(enumName(row->target))};
  }
  return illegal(LifecycleState{}, kUnknownTicketRule,
                 std::string(enumName(type)) + " needs an existing ticket, and none is known");
}

bool requiresExistingTicket(EventType type) {
  const LifecycleRow* row = findLifecycleRow(type);
  return row == nullptr || row->effect != LifecycleEffect::Create;
}

Status verdictStatus(const LifecycleVerdict& verdict) {
  if (verdict.legal) {
    return Status::ok();
  }
  std::string message = verdict.rule + ": " + verdict.reason;
  if (verdict.rule == kUnknownTicketRule) {
    return notFound(std::move(message));
  }
  return conflict(std::move(message));
}

Result<LifecycleState> advanceLifecycle(const std::optional<LifecycleState>& current,
                                        EventType type, const EventFacts& facts) {
  LifecycleVerdict verdict =
      current ? evaluate(*current, type, facts) : evaluateForUnknownTicket(type);
  if (!verdict.legal) {
    return verdictStatus(verdict);
  }
  return verdict.next;
}

} // namespace hotline::model
