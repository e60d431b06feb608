#include "core/pipeline/mapping_mapper.h"

#include "core/model/event_codec.h"
#include "core/model/record_codec.h"
#include "core/model/ticket_codec.h"

namespace hotline::pipeline {
namespace {

Status producedInvalid(const mapping::Plan& plan, const Status& decoded) {
  return invalidArgument("mapping " + plan.file() + " produced an invalid " + plan.kind() + ": " +
                         decoded.message());
}

} // namespace

std::shared_ptr<const mapping::Plan> MappingMapper::planFor(const InboundMessage& message) const {
  if (mappings_ == nullptr) {
    return nullptr;
  }
  std::shared_ptr<const mapping::Plan> plan =
      mappings_->find(message.source, message.kind, mapping::Direction::Inbound);
  auto folder = folders_.find(message.source);
  if (plan == nullptr && folder != folders_.end()) {
    plan = mappings_->find(folder->second, message.kind, mapping::Direction::Inbound);
  }
  if (plan == nullptr && !message.connector_type.empty()) {
    plan = mappings_->find(message.connector_type, message.kind, mapping::Direction::Inbound);
  }
  return plan;
}

Result<MappedMessage> MappingMapper::map(const InboundMessage& message) {
  std::shared_ptr<const mapping::Plan> plan = planFor(message);
  if (plan == nullptr) {
    return canonical_.map(message);
  }
  const auto params = params_.find(message.source);
  Result<mapping::RunOutput> output =
      plan->run(message.body, false, params == params_.end() ? nullptr : &params->second);
  if (!output) {
    return output.status();
  }
  MappedMessage mapped;
  if (plan->kind() == "ticket") {
    Result<model::Ticket> ticket = model::decodeTicket(output->document);
    if (!ticket) {
      return producedInvalid(*plan, ticket.status());
    }
    mapped.ticket = std::move(ticket).value();
    return mapped;
  }
  if (plan->kind() == "event") {
    Result<model::TicketEvent> event = model::decodeEvent(output->document);
    if (!event) {
      return producedInvalid(*plan, event.status());
    }
    mapped.event = std::move(event).value();
    return mapped;
  }
  if (plan->kind() == "knowledge") {
    Result<model::KnowledgeArticle> article = model::decodeKnowledgeArticle(output->document);
    if (!article) {
      return producedInvalid(*plan, article.status());
    }
    mapped.knowledge = std::move(article).value();
    return mapped;
  }
  return invalidArgument("mapping " + plan->file() + " produces " + plan->kind() +
                         " records; the submit path takes tickets, events and knowledge articles");
}

} // namespace hotline::pipeline
