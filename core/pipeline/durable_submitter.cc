#include "core/pipeline/durable_submitter.h"

#include "core/model/event_facts.h"
#include "core/model/record_codec.h"
#include "core/model/ticket_codec.h"
#include "core/model/ticket_id.h"
#include "core/pipeline/dedupe_key.h"

#include <chrono>

namespace hotline::pipeline {
namespace {

int64_t systemMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

} // namespace

DurableSubmitter::DurableSubmitter(Mapper& mapper, GroupCommitter& committer, Clock clock)
    : mapper_(mapper), committer_(committer), clock_(clock ? std::move(clock) : systemMillis) {}

Result<SubmitOutcome> DurableSubmitter::submit(const InboundMessage& message) {
  Result<PendingSubmit> pending = prepare(message);
  if (!pending) {
    refused_early_.fetch_add(1, std::memory_order_relaxed);
    committer_.recordRejection(store::RejectionRecord{clock_(), message.source, message.kind,
                                                      pending.status().toString()});
    return pending.status();
  }
  return committer_.submit(std::move(pending).value()).get();
}

Result<PendingSubmit> DurableSubmitter::prepare(const InboundMessage& message) {
  Result<MappedMessage> mapped = mapper_.map(message);
  if (!mapped) {
    return mapped.status();
  }
  PendingSubmit pending;
  if (mapped->ticket && mapped->ticket->id.empty()) {
    Result<std::string> id = model::newTicketId();
    if (!id) {
      return id.status();
    }
    mapped->ticket->id = *id;
  }
  if (mapped->ticket) {
    pending.encoded = model::encodeTicket(*mapped->ticket);
  } else if (mapped->knowledge) {
    pending.encoded = model::encodeRecord(*mapped->knowledge);
  }
  if (mapped->event) {
    Result<model::EventFacts> facts = model::readEventFacts(*mapped->event);
    if (!facts) {
      return facts.status();
    }
    pending.facts = *facts;
  }
  pending.message = message;
  pending.dedupe_key = dedupeKey(message);
  pending.mapped = std::move(mapped).value();
  pending.received_at_ms = clock_();
  return pending;
}

} // namespace hotline::pipeline
