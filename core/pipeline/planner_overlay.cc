// BatchPlanner's overlay: what the messages planned earlier in the batch will write, read
// before the store, so that two messages of one batch see each other as if the first had
// been committed already.
#include "core/pipeline/batch_planner.h"

#include <algorithm>

namespace hotline::pipeline {
namespace {

Result<model::LifecycleState> parseState(const store::TicketStateRow& row) {
  Result<model::TicketStatus> status = model::parseEnum<model::TicketStatus>(row.status);
  if (!status) {
    return internalError("stored state of ticket " + row.ticket_id + ": " +
                         status.status().message());
  }
  return model::LifecycleState{*status, row.extension_pending};
}

// `stored` plus the overlay's `extra` for the same ticket, each name once.
std::vector<std::string> withOverlay(std::vector<std::string> stored,
                                     const std::map<std::string, std::set<std::string>>& overlay,
                                     const std::string& ticket_id) {
  auto extra = overlay.find(ticket_id);
  if (extra == overlay.end()) {
    return stored;
  }
  for (const std::string& name : extra->second) {
    if (std::find(stored.begin(), stored.end(), name) == stored.end()) {
      stored.push_back(name);
    }
  }
  return stored;
}

} // namespace

void BatchPlanner::reset() {
  answers_.clear();
  states_.clear();
  holders_.clear();
  links_.clear();
  row_targets_.clear();
  sources_.clear();
  snapshots_.clear();
}

void BatchPlanner::remember(const SubmitPlan& plan) {
  const store::InboundCommit& commit = plan.commit;
  answers_[commit.dedupe_key] =
      store::StoredAnswer{0, commit.answer_status, commit.ticket_id, commit.answer_body};
  if (commit.ticket_state) {
    Result<model::LifecycleState> state = parseState(*commit.ticket_state);
    if (state) {
      states_[commit.ticket_id] = *state;
    }
    holders_[commit.ticket_id] = store::splitHolders(commit.ticket_state->holders);
  }
  for (const store::LinkRow& link : commit.links) {
    links_[{link.system, link.number}] = link.ticket_id;
  }
  sources_[commit.ticket_id].insert(commit.source);
  for (const store::OutboxInsert& row : commit.outbox) {
    row_targets_[row.ticket_id].insert(row.target);
    if (row.kind == "ticket") {
      snapshots_[row.ticket_id] = row.body; // rows are in id order: the last one is the latest
    }
  }
}

Result<std::optional<store::StoredAnswer>> BatchPlanner::answerFor(const std::string& dedupe_key) {
  auto it = answers_.find(dedupe_key);
  if (it != answers_.end()) {
    return std::optional<store::StoredAnswer>(it->second);
  }
  return store_.findAnswer(dedupe_key);
}

Result<std::optional<model::LifecycleState>> BatchPlanner::stateOf(const std::string& ticket_id) {
  auto it = states_.find(ticket_id);
  if (it != states_.end()) {
    return std::optional<model::LifecycleState>(it->second);
  }
  Result<std::optional<store::TicketStateRow>> row = store_.ticketState(ticket_id);
  if (!row) {
    return row.status();
  }
  if (!row->has_value()) {
    return std::optional<model::LifecycleState>();
  }
  // The same row holds who holds the ticket: kept so that holdersOf() does not read it again.
  holders_.try_emplace(ticket_id, store::splitHolders((*row)->holders));
  Result<model::LifecycleState> state = parseState(**row);
  if (!state) {
    return state.status();
  }
  return std::optional<model::LifecycleState>(*state);
}

Result<std::optional<std::string>> BatchPlanner::ticketOfRef(const std::string& system,
                                                             const std::string& number) {
  auto it = links_.find({system, number});
  if (it != links_.end()) {
    return std::optional<std::string>(it->second);
  }
  return store_.resolveLink(system, number);
}

Result<std::vector<std::string>> BatchPlanner::targetsOfTicket(const std::string& ticket_id) {
  Result<std::vector<std::string>> stored = store_.targetsOfTicket(ticket_id);
  if (!stored) {
    return stored.status();
  }
  return withOverlay(std::move(stored).value(), row_targets_, ticket_id);
}

Result<std::vector<std::string>> BatchPlanner::sourcesOfTicket(const std::string& ticket_id) {
  Result<std::vector<std::string>> stored = store_.sourcesOfTicket(ticket_id);
  if (!stored) {
    return stored.status();
  }
  return withOverlay(std::move(stored).value(), sources_, ticket_id);
}

Result<std::optional<std::string>> BatchPlanner::latestSnapshot(const std::string& ticket_id) {
  auto it = snapshots_.find(ticket_id);
  if (it != snapshots_.end()) {
    return std::optional<std::string>(it->second);
  }
  return store_.latestTicketSnapshot(ticket_id);
}

} // namespace hotline::pipeline
