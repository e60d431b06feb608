#pragma once
// Decides, for one validated message, what the group commit will write: the message, the
// ticket's new lifecycle state, new links, one outbox row per target and the audit facts —
// or that it is a duplicate (answer the first answer again, write nothing), or that it is
// refused (an impossible event: 409 naming the rule; an unknown ticket: 404).
//
// Messages of one batch are planned in arrival order against the store *plus* what earlier
// messages of the same batch will write (an overlay), so two events for one ticket in one
// batch see each other. reset() starts a new batch; forget() drops the overlay after a
// failed commit.
//
// Thread safety: none; used only by the committer thread (the store's single writer).

#include "core/model/lifecycle.h"
#include "core/pipeline/mapper.h"
#include "core/pipeline/submitter.h"
#include "core/store/store.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace hotline::pipeline {

struct PendingSubmit {
  InboundMessage message;
  std::string dedupe_key;
  MappedMessage mapped;    // ticket: id already issued
  model::EventFacts facts; // events only
  int64_t received_at_ms = 0;
  // The ticket's or article's canonical JSON, encoded by the submitting thread so that the
  // committer (the pipeline's one serial thread) does not; empty: the planner encodes it.
  std::string encoded;
};

struct SubmitPlan {
  enum class Kind { Commit, Duplicate, Refused };
  Kind kind = Kind::Refused;
  store::InboundCommit commit; // Commit
  SubmitOutcome outcome;       // Commit (once stored) and Duplicate
  Status refusal;              // Refused
  // Duplicate of a message of the same batch: only true once the batch has committed.
  bool depends_on_batch = false;
};

// A peer's number for one of our tickets, reported by a connector on its own (Host::link):
// e.g. the case number a department's system answered a push with.
struct LinkFact {
  store::LinkRow link;
  std::string actor; // the connector instance
};

struct LinkPlan {
  std::optional<store::LinkRow> insert;   // empty: nothing to write (known already, or refused)
  std::optional<store::AuditInsert> fact; // "linked" or "link_refused"; empty when known already
};

class BatchPlanner {
public:
  // `sync_instances`: the peer hotline platforms (exchange links) that follow every action on
  // the tickets exchanged with them (planner_routing.cc).
  BatchPlanner(store::Store& store, std::string core_target,
               std::set<std::string> sync_instances = {});

  SubmitPlan plan(const PendingSubmit& pending);
  // A link is written only for a ticket that exists and a number that names no other ticket;
  // the same link reported again (a retried delivery) writes nothing.
  LinkPlan planLink(const LinkFact& fact);
  // The batch committed: its writes are in the store now.
  void reset();

private:
  SubmitPlan planTicket(const PendingSubmit& pending);
  SubmitPlan planEvent(const PendingSubmit& pending);
  SubmitPlan planKnowledge(const PendingSubmit& pending);
  Result<std::optional<store::StoredAnswer>> answerFor(const std::string& dedupe_key);
  Result<std::optional<model::LifecycleState>> stateOf(const std::string& ticket_id);
  Result<std::optional<std::string>> ticketOfRef(const std::string& system,
                                                 const std::string& number);
  // The store's answer plus this batch's rows (planner_overlay.cc).
  Result<std::vector<std::string>> targetsOfTicket(const std::string& ticket_id);
  Result<std::vector<std::string>> sourcesOfTicket(const std::string& ticket_id);
  Result<std::optional<std::string>> latestSnapshot(const std::string& ticket_id);
  void remember(const SubmitPlan& plan);
  store::InboundCommit baseCommit(const PendingSubmit& pending, const std::string& ticket_id,
                                  const std::string& outbox_kind, std::string outbox_body,
                                  const std::vector<std::string>& targets);
  // planner_routing.cc: who an event goes to, and who may send it.
  struct EventRouting {
    std::vector<std::string> targets;
    // Targets that never had a row of the ticket: they get its latest snapshot first.
    std::vector<std::string> new_holders;
  };
  // A department's instance acts only on tickets routed to it, as one of its units.
  Status checkScope(const InboundMessage& message, const model::TicketEvent& event,
                    const std::string& ticket_id, const std::vector<std::string>& holders);
  Result<EventRouting> routeEvent(const InboundMessage& message, const std::string& ticket_id,
                                  const std::vector<std::string>& holders);
  // The instances holding the ticket now (store::TicketStateRow::holders), overlay first.
  Result<std::vector<std::string>> holdersOf(const std::string& ticket_id);
  // Who holds it after `type`: an assignment or escalation routed on the downlink moves it to
  // its targets; anything else leaves the holders as they are.
  std::vector<std::string> holdersAfter(const InboundMessage& message, model::EventType type,
                                        const std::vector<std::string>& holders) const;
  // The connector instances among `targets` (not the core platform, not `unrouted`).
  std::vector<std::string> holdersAmong(const std::vector<std::string>& targets) const;
  Status addSnapshotRows(const EventRouting& routing, const std::string& ticket_id,
                         store::InboundCommit& commit);
  // An action of the upper level on a ticket this node escalated: recorded and passed on, but
  // the upper level owns the ticket's course.
  bool observedFromAbove(const InboundMessage& message,
                         const std::optional<model::LifecycleState>& current,
                         model::EventType type) const;

  store::Store& store_;
  std::string core_target_;
  std::set<std::string> sync_instances_;
  // The overlay: what this batch will write.
  std::map<std::string, store::StoredAnswer> answers_;
  std::map<std::string, model::LifecycleState> states_;
  std::map<std::pair<std::string, std::string>, std::string> links_;
  std::map<std::string, std::vector<std::string>> holders_;
  // Per ticket: the targets given rows, the messages' sources and the last snapshot (the body
  // of a "ticket" row). Without them, an event planned in the batch of its ticket (or of an
  // earlier event) saw neither those rows nor the snapshot: a new holder got the ticket twice,
  // or not at all.
  std::map<std::string, std::set<std::string>> row_targets_;
  std::map<std::string, std::set<std::string>> sources_;
  std::map<std::string, std::string> snapshots_;
};

} // namespace hotline::pipeline
