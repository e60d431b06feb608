#pragma once
// The in-memory Submitter: the whole submit path except durability. It reads canonical JSON
// (the mapping engine is not in yet), validates it strictly (codec + lifecycle), resolves
// tickets by gateway id or by another system's number, de-duplicates by source + the peer's
// message id (else a SHA-256 of the body) and answers a duplicate with the first answer.
//
// It keeps everything in memory, so a restart forgets it: it is the foundation's pipeline
// and, later, the fake that component tests use in place of the durable one.
//
// Thread safety: submit() may be called concurrently; one mutex guards the state.

#include "core/model/lifecycle.h"
#include "core/pipeline/dedupe_key.h"
#include "core/pipeline/mapper.h"
#include "core/pipeline/submitter.h"

#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace hotline::pipeline {

class MemorySubmitter : public Submitter {
public:
  Result<SubmitOutcome> submit(const InboundMessage& message) override;

  // The lifecycle state of a ticket, for tests; nullopt when unknown.
  std::optional<model::LifecycleState> ticketState(const std::string& ticket_id);

private:
  Result<SubmitOutcome> submitTicket(model::Ticket ticket);
  Result<SubmitOutcome> submitEvent(const model::TicketEvent& event);

  CanonicalMapper mapper_;
  std::mutex mutex_;
  std::map<std::string, SubmitOutcome> answers_;                     // dedupe key -> first answer
  std::map<std::string, model::LifecycleState> tickets_;             // ticket id -> state
  std::map<std::pair<std::string, std::string>, std::string> links_; // (system, no.) -> id
};

} // namespace hotline::pipeline
