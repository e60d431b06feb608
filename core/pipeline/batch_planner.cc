#include "core/pipeline/batch_planner.h"

#include "core/pipeline/answer_body.h"

#include "core/model/event_codec.h"
#include "core/model/record_codec.h"
#include "core/model/ticket_codec.h"
#include "core/model/ticket_id.h"

#include <algorithm>

namespace hotline::pipeline {
namespace {

SubmitPlan refused(Status status) {
  SubmitPlan plan;
  plan.kind = SubmitPlan::Kind::Refused;
  plan.refusal = std::move(status);
  return plan;
}

store::TicketStateRow stateRow(const std::string& ticket_id, const model::LifecycleState& state,
                               int64_t at_ms, const std::vector<std::string>& holders) {
  return store::TicketStateRow{ticket_id, std::string(model::enumName(state.status)),
                               state.extension_pending, at_ms, store::joinHolders(holders)};
}

std::string refText(const model::TicketRef& ref) {
  return ref.isById() ? ref.id : ref.system + "/" + ref.number;
}

} // namespace

BatchPlanner::BatchPlanner(store::Store& store, std::string core_target,
                           std::set<std::string> sync_instances)
    : store_(store), core_target_(std::move(core_target)),
      sync_instances_(std::move(sync_instances)) {}

SubmitPlan BatchPlanner::plan(const PendingSubmit& pending) {
  const bool in_batch = answers_.count(pending.dedupe_key) != 0;
  Result<std::optional<store::StoredAnswer>> first = answerFor(pending.dedupe_key);
  if (!first) {
    return refused(first.status());
  }
  if (first->has_value()) {
    const store::StoredAnswer& answer = **first;
    SubmitPlan plan;
    plan.kind = SubmitPlan::Kind::Duplicate;
    plan.outcome = SubmitOutcome{200, true, answer.ticket_id, markDuplicate(answer.body)};
    plan.depends_on_batch = in_batch;
    return plan;
  }
  SubmitPlan plan = pending.mapped.ticket      ? planTicket(pending)
                    : pending.mapped.knowledge ? planKnowledge(pending)
                                               : planEvent(pending);
  if (plan.kind == SubmitPlan::Kind::Commit) {
    remember(plan);
  }
  return plan;
}

SubmitPlan BatchPlanner::planTicket(const PendingSubmit& pending) {
  const model::Ticket& ticket = *pending.mapped.ticket;
  for (const model::ExternalRef& ref : ticket.refs) {
    Result<std::optional<std::string>> linked = ticketOfRef(ref.system, ref.number);
    if (!linked) {
      return refused(linked.status());
    }
    if (linked->has_value()) {
      return refused(conflict("ticket " + ref.system + "/" + ref.number + " already exists as " +
                              **linked + "; send events to change it"));
    }
  }
  Result<std::optional<model::LifecycleState>> existing = stateOf(ticket.id);
  if (!existing) {
    return refused(existing.status());
  }
  if (existing->has_value()) {
    return refused(conflict("ticket " + ticket.id + " already exists; send events to change it"));
  }
  SubmitPlan plan;
  plan.kind = SubmitPlan::Kind::Commit;
  plan.commit = baseCommit(pending, ticket.id, "ticket",
                           pending.encoded.empty() ? model::encodeTicket(ticket) : pending.encoded,
                           pending.message.targets);
  plan.commit.ticket_state =
      stateRow(ticket.id, model::LifecycleState{ticket.status, false}, pending.received_at_ms,
               holdersAmong(pending.message.targets));
  for (const model::ExternalRef& ref : ticket.refs) {
    plan.commit.links.push_back(store::LinkRow{ticket.id, ref.system, ref.number});
  }
  plan.outcome = SubmitOutcome{201, false, ticket.id, plan.commit.answer_body};
  return plan;
}

// A knowledge article has no lifecycle: it is stored and forwarded, in order per article
// (its ordering key is "kb:<id>"), to the core platform or to the peers the downlink names.
SubmitPlan BatchPlanner::planKnowledge(const PendingSubmit& pending) {
  const model::KnowledgeArticle& article = *pending.mapped.knowledge;
  const std::string key = knowledgeKey(article.id);
  SubmitPlan plan;
  plan.kind = SubmitPlan::Kind::Commit;
  plan.commit = baseCommit(pending, key, "knowledge",
                           pending.encoded.empty() ? model::encodeRecord(article) : pending.encoded,
                           pending.message.targets);
  plan.outcome = SubmitOutcome{201, false, key, plan.commit.answer_body};
  return plan;
}

SubmitPlan BatchPlanner::planEvent(const PendingSubmit& pending) {
  model::TicketEvent event = *pending.mapped.event;
  std::string ticket_id = event.ticket.id;
  if (!event.ticket.isById()) {
    Result<std::optional<std::string>> linked =
        ticketOfRef(event.ticket.system, event.ticket.number);
    if (!linked) {
      return refused(linked.status());
    }
    ticket_id = linked->value_or("");
  }
  std::optional<model::LifecycleState> current;
  std::vector<std::string> holders;
  if (!ticket_id.empty()) {
    Result<std::optional<model::LifecycleState>> state = stateOf(ticket_id);
    if (!state) {
      return refused(state.status());
    }
    current = *state;
    Result<std::vector<std::string>> held = holdersOf(ticket_id);
    if (!held) {
      return refused(held.status());
    }
    holders = std::move(held).value();
  }
  if (!pending.message.scope_units.empty()) {
    Status allowed = checkScope(pending.message, event, ticket_id, holders);
    if (!allowed.isOk()) {
      return refused(allowed.withContext("ticket " + refText(event.ticket)));
    }
  }
  Result<model::LifecycleState> next =
      observedFromAbove(pending.message, current, event.type)
          ? *current
          : model::advanceLifecycle(current, event.type, pending.facts);
  if (!next) {
    return refused(next.status().withContext("ticket " + refText(event.ticket)));
  }
  bool new_link = false;
  if (!current && ticket_id.empty()) { // `created` for a number the gateway had not seen
    Result<std::string> issued = model::newTicketId();
    if (!issued) {
      return refused(issued.status());
    }
    ticket_id = *issued;
    new_link = !event.ticket.isById();
  }
  model::TicketRef original = event.ticket;
  event.ticket = model::TicketRef::byId(ticket_id); // the core platform knows our ids
  if (event.event_id.empty()) {
    // Every event leaves with an id: peers de-duplicate by it (the exchange) and mappings may
    // require it. Issued once here, so every delivery of the row carries the same one.
    Result<std::string> issued = model::newTicketId();
    if (!issued) {
      return refused(issued.status());
    }
    event.event_id = "ev-" + *issued;
  }
  SubmitPlan plan;
  plan.kind = SubmitPlan::Kind::Commit;
  Result<EventRouting> routing = routeEvent(pending.message, ticket_id, holders);
  if (!routing) {
    return refused(routing.status());
  }
  plan.commit =
      baseCommit(pending, ticket_id, "event", model::encodeEvent(event), routing->targets);
  Status snapshots = addSnapshotRows(*routing, ticket_id, plan.commit);
  if (!snapshots.isOk()) {
    return refused(snapshots);
  }
  plan.commit.ticket_state = stateRow(ticket_id, *next, pending.received_at_ms,
                                      holdersAfter(pending.message, event.type, holders));
  if (new_link) {
    plan.commit.links.push_back(store::LinkRow{ticket_id, original.system, original.number});
  }
  plan.commit.answer_body = answerBody(ticket_id, model::enumName(next->status), false);
  plan.outcome = SubmitOutcome{201, false, ticket_id, plan.commit.answer_body};
  return plan;
}

store::InboundCommit BatchPlanner::baseCommit(const PendingSubmit& pending,
                                              const std::string& ticket_id,
                                              const std::string& outbox_kind,
                                              std::string outbox_body,
                                              const std::vector<std::string>& targets_in) {
  const InboundMessage& message = pending.message;
  store::InboundCommit commit;
  commit.received_at_ms = pending.received_at_ms;
  commit.dedupe_key = pending.dedupe_key;
  commit.source = message.source;
  commit.kind = message.kind;
  commit.content_type = message.content_type;
  commit.body = message.body;
  // The canonical form is the core platform's outbox body; storing it a second time in the
  // message row would double what every commit writes (and fsyncs) for no reader.
  commit.ticket_id = ticket_id;
  commit.answer_status = 201;
  commit.answer_body = answerBody(ticket_id, "accepted", false);
  // Uplink messages go to the core platform; downlink ones to the connector instances the
  // core platform named. One row per target, each with its own key, fixed here once: every
  // delivery attempt, before or after a crash, reuses it.
  const std::vector<std::string> core_only{core_target_};
  const std::vector<std::string>& targets = targets_in.empty() ? core_only : targets_in;
  std::string target_list;
  for (size_t i = 0; i < targets.size(); ++i) {
    const std::string& target = targets[i];
    Result<std::string> key = model::newTicketId();
    // The last (usually the only) row takes the body; the others copy it.
    std::string body = i + 1 == targets.size() ? std::move(outbox_body) : outbox_body;
    commit.outbox.push_back(
        store::OutboxInsert{target, ticket_id, outbox_kind, "application/json", std::move(body),
                            "hl-" + (key ? *key : pending.dedupe_key + target)});
    target_list += (target_list.empty() ? "" : ",") + target;
  }
  commit.audit.push_back(
      store::AuditInsert{"received", message.source, ticket_id, 0, 0, "", "kind=" + message.kind});
  commit.audit.push_back(store::AuditInsert{"stored", "gateway", ticket_id, 0, 0, target_list,
                                            "outbox rows: " + std::to_string(targets.size())});
  return commit;
}

} // namespace hotline::pipeline
