#include "core/pipeline/memory_submitter.h"

#include "core/model/event_codec.h"
#include "core/model/event_facts.h"
#include "core/model/ticket_codec.h"
#include "core/model/ticket_id.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace hotline::pipeline {
namespace {

std::string answerBody(const std::string& ticket_id, std::string_view status, bool duplicate) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("ticket_id");
  writer.String(ticket_id.c_str());
  writer.Key("status");
  writer.String(status.data(), static_cast<rapidjson::SizeType>(status.size()));
  writer.Key("duplicate");
  writer.Bool(duplicate);
  writer.EndObject();
  return buffer.GetString();
}

Status checkContentType(const InboundMessage& message) {
  std::string_view type = message.content_type;
  if (type.empty() || type.rfind("application/json", 0) == 0) {
    return Status::ok();
  }
  return invalidArgument("content type \"" + message.content_type +
                         "\" needs a mapping; canonical input is application/json");
}

} // namespace

std::string dedupeKey(const InboundMessage& message) {
  if (!message.idempotency_key.empty()) {
    return message.source + "\n" + message.idempotency_key;
  }
  Poco::SHA2Engine sha256(Poco::SHA2Engine::SHA_256);
  sha256.update(message.body);
  return message.source + "\nsha256:" + Poco::DigestEngine::digestToHex(sha256.digest());
}

Result<SubmitOutcome> MemorySubmitter::submit(const InboundMessage& message) {
  HOTLINE_RETURN_IF_ERROR(checkContentType(message));
  const std::string key = dedupeKey(message);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto first = answers_.find(key);
    if (first != answers_.end()) {
      SubmitOutcome again = first->second;
      again.http_status = 200;
      again.duplicate = true;
      again.body = answerBody(again.ticket_id, "accepted", true);
      return again;
    }
  }
  Result<SubmitOutcome> outcome = message.kind == "ticket"  ? submitTicket(message)
                                  : message.kind == "event" ? submitEvent(message)
                                                            : Result<SubmitOutcome>(invalidArgument(
                                                                  "message kind \"" + message.kind +
                                                                  "\" is not handled (ticket, event)"));
  if (outcome) {
    std::lock_guard<std::mutex> lock(mutex_);
    answers_.emplace(key, *outcome);
  }
  return outcome;
}

Result<SubmitOutcome> MemorySubmitter::submitTicket(const InboundMessage& message) {
  Result<model::Ticket> decoded = model::decodeTicket(message.body);
  if (!decoded) {
    return decoded.status();
  }
  model::Ticket& ticket = *decoded;
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

Result<SubmitOutcome> MemorySubmitter::submitEvent(const InboundMessage& message) {
  Result<model::TicketEvent> decoded = model::decodeEvent(message.body);
  if (!decoded) {
    return decoded.status();
  }
  Result<model::EventFacts> facts = model::readEventFacts(*decoded);
  if (!facts) {
    return facts.status();
  }
  const model::TicketRef& ref = decoded->ticket;
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
  Result<model::LifecycleState> next = model::advanceLifecycle(current, decoded->type, *facts);
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
