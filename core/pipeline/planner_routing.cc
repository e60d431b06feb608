// Who an event goes to and who may send it (DESIGN.md §4 Downlink, §7):
//
// - uplink (a peer's event, no targets): the core platform, plus every peer hotline platform
//   (a `sync` instance) the ticket was exchanged with, so that "every action is synced both
//   ways" whichever side took it;
// - downlink without named targets (route_to_holders): the instances that hold the ticket
//   (earlier rows of it went to them) and its `sync` peers; nobody: the `unrouted` dead letter;
// - a target that never had a row of the ticket gets its latest snapshot first, so a
//   department named by a reassignment, or the city an escalated event goes to, receives the
//   ticket itself before the action;
// - a department's instance (one with units) acts only on the tickets routed to it.
#include "core/pipeline/batch_planner.h"

#include "core/model/ticket_enums.h"
#include "core/model/ticket_id.h"

#include <algorithm>

namespace hotline::pipeline {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

void addOnce(std::vector<std::string>& list, const std::string& item) {
  if (!contains(list, item)) {
    list.push_back(item);
  }
}

} // namespace

Status BatchPlanner::checkScope(const InboundMessage& message, const model::TicketEvent& event,
                                const std::string& ticket_id,
                                const std::vector<std::string>& holders) {
  std::string units;
  for (const std::string& unit : message.scope_units) {
    units += (units.empty() ? "" : ", ") + unit;
  }
  const std::string whose = message.source + " (units " + units + ")";
  if (ticket_id.empty()) {
    // Departments handle tickets; they never open one by an event.
    return Status(StatusCode::PermissionDenied,
                  "not a ticket assigned to " + whose +
                      "; a department acts only on the tickets routed to it");
  }
  const std::string& unit = event.actor.unit_code;
  if (!unit.empty() && !contains(message.scope_units, unit)) {
    return Status(StatusCode::PermissionDenied,
                  "actor unit " + unit + " is not one of the units of " + whose);
  }
  if (!contains(holders, message.source)) {
    return Status(StatusCode::PermissionDenied,
                  "the ticket is not assigned to " + whose +
                      " (or no longer: it was reassigned); a department acts only on the "
                      "tickets routed to it");
  }
  return Status::ok();
}

Result<std::vector<std::string>> BatchPlanner::holdersOf(const std::string& ticket_id) {
  auto overlay = holders_.find(ticket_id);
  if (overlay != holders_.end()) {
    return overlay->second;
  }
  Result<std::optional<store::TicketStateRow>> row = store_.ticketState(ticket_id);
  if (!row) {
    return row.status();
  }
  return row->has_value() ? store::splitHolders((*row)->holders) : std::vector<std::string>{};
}

std::vector<std::string> BatchPlanner::holdersAmong(const std::vector<std::string>& targets) const {
  std::vector<std::string> holders;
  for (const std::string& target : targets) {
    if (target != core_target_ && target != kUnroutedTarget) {
      addOnce(holders, target);
    }
  }
  return holders;
}

std::vector<std::string> BatchPlanner::holdersAfter(const InboundMessage& message,
                                                    model::EventType type,
                                                    const std::vector<std::string>& holders) const {
  using model::EventType;
  const bool moves = type == EventType::Assigned || type == EventType::Reassigned ||
                     type == EventType::DispatchedDown || type == EventType::Escalated;
  if (!moves || message.targets.empty()) {
    return holders;
  }
  std::vector<std::string> next = holdersAmong(message.targets);
  return next.empty() ? holders : next;
}

Result<BatchPlanner::EventRouting>
BatchPlanner::routeEvent(const InboundMessage& message, const std::string& ticket_id,
                         const std::vector<std::string>& holders) {
  const bool uplink = message.targets.empty() && !message.route_to_holders;
  if (uplink && sync_instances_.empty()) {
    return EventRouting{{core_target_}, {}}; // the hot path: no look-up at all
  }
  // Every instance that ever had a row of the ticket: who needs no snapshot.
  Result<std::vector<std::string>> had_rows = targetsOfTicket(ticket_id);
  if (!had_rows) {
    return had_rows.status();
  }
  auto isPeer = [&](const std::string& name) {
    return name != core_target_ && name != kUnroutedTarget && name != message.source;
  };
  EventRouting routing{uplink ? std::vector<std::string>{core_target_} : message.targets, {}};
  if (message.route_to_holders && !message.targets_named) {
    for (const std::string& holder : holders) {
      if (isPeer(holder)) {
        addOnce(routing.targets, holder);
      }
    }
  }
  Result<std::vector<std::string>> sources = sourcesOfTicket(ticket_id);
  if (!sources) {
    return sources.status();
  }
  if (!sync_instances_.empty() && !message.targets_named) {
    for (const std::vector<std::string>* parties : {&*had_rows, &*sources}) {
      for (const std::string& party : *parties) {
        if (sync_instances_.count(party) != 0 && isPeer(party)) {
          addOnce(routing.targets, party);
        }
      }
    }
  }
  if (routing.targets.empty()) {
    routing.targets.push_back(kUnroutedTarget);
  }
  // The peer a ticket came from has it already: only the others get the snapshot.
  for (const std::string& target : routing.targets) {
    if (target != core_target_ && target != kUnroutedTarget && !contains(*had_rows, target) &&
        !contains(*sources, target)) {
      routing.new_holders.push_back(target);
    }
  }
  return routing;
}

Status BatchPlanner::addSnapshotRows(const EventRouting& routing, const std::string& ticket_id,
                                     store::InboundCommit& commit) {
  if (routing.new_holders.empty()) {
    return Status::ok();
  }
  Result<std::optional<std::string>> snapshot = latestSnapshot(ticket_id);
  if (!snapshot) {
    return snapshot.status();
  }
  if (!snapshot->has_value()) {
    return Status::ok(); // never seen whole (it came as events only): the event goes alone
  }
  for (const std::string& target : routing.new_holders) {
    auto event_row =
        std::find_if(commit.outbox.begin(), commit.outbox.end(),
                     [&](const store::OutboxInsert& row) { return row.target == target; });
    Result<std::string> key = model::newTicketId();
    if (!key) {
      return key.status();
    }
    // Before the event's row: ids follow insert order, and rows of one (target, ticket) are
    // delivered in id order.
    commit.outbox.insert(event_row,
                         store::OutboxInsert{target, ticket_id, "ticket", "application/json",
                                             **snapshot, "hl-" + *key});
  }
  if (!commit.audit.empty() && commit.audit.back().action == "stored") {
    commit.audit.back().detail = "outbox rows: " + std::to_string(commit.outbox.size()) +
                                 " (with the ticket's snapshot for " +
                                 std::to_string(routing.new_holders.size()) + " new holder(s))";
  }
  return Status::ok();
}

bool BatchPlanner::observedFromAbove(const InboundMessage& message,
                                     const std::optional<model::LifecycleState>& current,
                                     model::EventType type) const {
  if (!current || current->status != model::TicketStatus::Escalated ||
      sync_instances_.count(message.source) == 0) {
    return false;
  }
  // These hand the ticket back to this node, or end it: they follow the lifecycle.
  return type != model::EventType::Closed && type != model::EventType::DispatchedDown &&
         type != model::EventType::Reopened;
}

} // namespace hotline::pipeline
