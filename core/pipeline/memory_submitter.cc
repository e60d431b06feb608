#include "core/pipeline/memory_submitter.h"

#include "core/pipeline/answer_body.h"

#include "core/model/event_facts.h"
#include "core/model/ticket_id.h"

namespace hotline::pipeline {
Result<SubmitOutcome> MemorySubmitter::submit(const InboundMessage& message) {
  Result<MappedMessage> mapped = mapper_.map(message);
  if (!mapped) {
    return mapped.status();
  }
  const std::string key = dedupeKey(message);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto first = answers_.find(key);
    if (first != answers_.end()) {
      SubmitOutcome again = first->second;
      again.http_status = 200;
      again.duplicate = true;
      again.body = markDuplicate(again.body);
      return again;
    }
  }
  Result<SubmitOutcome> outcome =
      mapped->ticket ? submitTicket(*mapped->ticket) : submitEvent(*mapped->event);
  if (outcome) {
    std::lock_guard<std::mutex> lock(mutex_);
    answers_.emplace(key, *outcome);
  }
  return outcome;
}

Result<SubmitOutcome> MemorySubmitter::submitTicket(model::Ticket ticket) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const model::ExternalRef& ref : ticket.refs) {
    auto linked = links_.find({ref.system, ref.number});
    if (linked != links_.end()) {
      return conflict("ticket " + ref.system + "/" + ref.number + " already exists as " +
                      linked->second + "; send events to change it");
    }
  }
  if (ticket.id.empty()) {
    Result<std::string> id = model::newTicketId();
    if (!id) {
      return id.status();
    }
    ticket.id = *id;
  } else if (tickets_.count(ticket.id) != 0) {
    return conflict("ticket " + ticket.id + " already exists; send events to change it");
  }
  tickets_[ticket.id] = model::LifecycleState{ticket.status, false};
  for (const model::ExternalRef& ref : ticket.refs) {
    links_[{ref.system, ref.number}] = ticket.id;
  }
  return SubmitOutcome{201, false, ticket.id, answerBody(ticket.id, "accepted", false)};
}

Result<SubmitOutcome> MemorySubmitter::submitEvent(const model::TicketEvent& event) {
  Result<model::EventFacts> facts = model::readEventFacts(event);
  if (!facts) {
    return facts.status();
  }
  const model::TicketRef& ref = event.ticket;
  std::lock_guard<std::mutex> lock(mutex_);
  std::string id = ref.id;
  if (!ref.isById()) {
    auto linked = links_.find({ref.system, ref.number});
    id = linked == links_.end() ? "" : linked->second;
  }
  std::optional<model::LifecycleState> current;
  auto known = tickets_.find(id);
  if (known != tickets_.end()) {
    current = known->second;
  }
  Result<model::LifecycleState> next = model::advanceLifecycle(current, event.type, *facts);
  if (!next) {
    std::string which = ref.isById() ? ref.id : ref.system + "/" + ref.number;
    return next.status().withContext("ticket " + which);
  }
  if (!current && !ref.isById()) { // `created` for a number the gateway had not seen
    Result<std::string> issued = model::newTicketId();
    if (!issued) {
      return issued.status();
    }
    id = *issued;
    links_[{ref.system, ref.number}] = id;
  }
  tickets_[id] = *next;
  std::string status(model::enumName(next->status));
  return SubmitOutcome{201, false, id, answerBody(id, status, false)};
}

std::optional<model::LifecycleState> MemorySubmitter::ticketState(const std::string& ticket_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = tickets_.find(ticket_id);
  if (it == tickets_.end()) {
    return std::nullopt;
  }
  return it->second;
}

} // namespace hotline::pipeline
