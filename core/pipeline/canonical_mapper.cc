#include "core/model/event_codec.h"
#include "core/model/record_codec.h"
#include "core/model/ticket_codec.h"
#include "core/pipeline/mapper.h"

namespace hotline::pipeline {
namespace {

Status checkContentType(const InboundMessage& message) {
  std::string_view type = message.content_type;
  if (type.empty() || type.rfind("application/json", 0) == 0) {
    return Status::ok();
  }
  return invalidArgument("content type \"" + message.content_type +
                         "\" needs a mapping; canonical input is application/json");
}

} // namespace

Result<MappedMessage> CanonicalMapper::map(const InboundMessage& message) {
  HOTLINE_RETURN_IF_ERROR(checkContentType(message));
  MappedMessage mapped;
  if (message.kind == "ticket") {
    Result<model::Ticket> ticket = model::decodeTicket(message.body);
    if (!ticket) {
      return ticket.status();
    }
    mapped.ticket = std::move(ticket).value();
    return mapped;
  }
  if (message.kind == "event") {
    Result<model::TicketEvent> event = model::decodeEvent(message.body);
    if (!event) {
      return event.status();
    }
    mapped.event = std::move(event).value();
    return mapped;
  }
  if (message.kind == "knowledge") {
    Result<model::KnowledgeArticle> article = model::decodeKnowledgeArticle(message.body);
    if (!article) {
      return article.status();
    }
    mapped.knowledge = std::move(article).value();
    return mapped;
  }
  return invalidArgument("message kind \"" + message.kind +
                         "\" is not handled (ticket, event, knowledge)");
}

} // namespace hotline::pipeline
