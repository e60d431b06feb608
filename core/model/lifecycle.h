#pragma once
// The ticket lifecycle as a table-driven state machine (DESIGN.md §3.3). One row per event
// type says from which statuses the event is legal, what it does, and the rule id and sentence
// an illegal event is answered with (409 Conflict, or 404 Not Found for an unknown ticket).
// The table is data (lifecycle_table.cc), exported for docs and tests; evaluate() only reads
// it. Pure functions, no I/O, safe from any thread.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/event_type.h"
#include "core/model/ticket_enums.h"
#include "hotline/status.h"

namespace hotline::model {

// What the gateway remembers of a ticket between events.
struct LifecycleState {
  TicketStatus status = TicketStatus::Submitted;
  bool extension_pending = false; // an extension_requested not yet decided

  bool operator==(const LifecycleState&) const = default;
};

// The parts of an event's data the lifecycle looks at (see event_facts.h to read them).
struct EventFacts {
  std::optional<bool> approved; // return_decided (required), result_reviewed (default true)
  std::string merged_into;      // merged: the surviving ticket (required)

  bool operator==(const EventFacts&) const = default;
};

struct LifecycleVerdict {
  bool legal = false;
  LifecycleState next; // the state after the event; the unchanged state when illegal
  std::string rule;    // the deciding row's rule id, e.g. "L-SIGN"
  std::string reason;  // why it is illegal, or the transition taken ("assigned -> signed")
};

// A set of ticket statuses, usable in constant expressions.
class StatusSet {
public:
  constexpr StatusSet() = default;
  constexpr StatusSet(std::initializer_list<TicketStatus> statuses) {
    for (TicketStatus status : statuses) {
      bits_ |= bit(status);
    }
  }
  static constexpr StatusSet all() { return allExcept({}); }
  static constexpr StatusSet allExcept(std::initializer_list<TicketStatus> excluded) {
    StatusSet set;
    for (const auto& entry : EnumTraits<TicketStatus>::kEntries) {
      set.bits_ |= bit(entry.value);
    }
    for (TicketStatus status : excluded) {
      set.bits_ &= ~bit(status);
    }
    return set;
  }
  constexpr bool contains(TicketStatus status) const { return (bits_ & bit(status)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  std::vector<TicketStatus> statuses() const; // in the enum's order

private:
  static constexpr uint32_t bit(TicketStatus status) {
    return uint32_t{1} << static_cast<unsigned>(status);
  }
  uint32_t bits_ = 0;
};

enum class LifecycleEffect {
  Create,           // a ticket that did not exist starts in `target`
  Enter,            // the ticket moves to `target`
  Keep,             // nothing changes (urged, supervised, comment, …)
  OpenExtension,    // status unchanged, an extension request becomes pending
  CloseExtension,   // status unchanged, the pending extension request is decided
  DecideByApproval, // `target` when approved, `target_if_rejected` when not
};

// A condition beyond the from-status, checked after it, with its own rule id.
enum class LifecyclePrecondition {
  None,
  NoExtensionPending,
  ExtensionPending,
  ApprovalGiven,    // EventFacts::approved must be present
  MergeTargetGiven, // EventFacts::merged_into must be non-empty
};

struct LifecycleRow {
  EventType event;
  std::string_view rule; // "L-SIGN"
  StatusSet from;        // statuses the event is legal in (empty for created)
  LifecycleEffect effect = LifecycleEffect::Keep;
  TicketStatus target = TicketStatus::Submitted;
  TicketStatus target_if_rejected = TicketStatus::Submitted;
  bool approved_by_default = false; // DecideByApproval when EventFacts::approved is absent
  // The sentence an illegal from-status is answered with, before " (status is <s>)".
  std::string_view requirement;
  LifecyclePrecondition precondition = LifecyclePrecondition::None;
  std::string_view precondition_rule = {};
  std::string_view precondition_reason = {};
};

// Every row, one per EventType, in the EventType's order.
std::span<const LifecycleRow> lifecycleTable();
// nullptr only if the table lacks the event (a test rules that out).
const LifecycleRow* findLifecycleRow(EventType type);

// The rule for an event about a ticket the gateway does not know (404).
inline constexpr std::string_view kUnknownTicketRule = "L-TICKET-UNKNOWN";

// Is `type` legal for an existing ticket in `state`, and what state follows?
LifecycleVerdict evaluate(const LifecycleState& state, EventType type,
                          const EventFacts& facts = {});
// The same for a ticket that does not exist: only `created` is legal; every other event is
// answered NotFound under kUnknownTicketRule.
LifecycleVerdict evaluateForUnknownTicket(EventType type);
// True for every event but `created`: the caller must find the ticket first.
bool requiresExistingTicket(EventType type);

// Ok for a legal verdict; NotFound for kUnknownTicketRule; Conflict otherwise. The message is
// "<rule>: <reason>", e.g. "L-RESULT-SUBMIT: result_submitted requires the ticket to be signed
// first (status is assigned)".
Status verdictStatus(const LifecycleVerdict& verdict);

// evaluate() or evaluateForUnknownTicket() by whether `current` is known, as a Result.
Result<LifecycleState> advanceLifecycle(const std::optional<LifecycleState>& current,
                                        EventType type, const EventFacts& facts = {});

} // namespace hotline::model
