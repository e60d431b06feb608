#include "core/downlink/ticket_attributes.h"

#include <rapidjson/document.h>

namespace hotline::downlink {

std::string canonicalMember(const std::string& body, const char* member) {
  rapidjson::Document document;
  document.Parse(body.data(), body.size());
  if (document.HasParseError() || !document.IsObject()) {
    return "";
  }
  auto type = document.FindMember(member);
  if (type == document.MemberEnd() || !type->value.IsString()) {
    return "";
  }
  return std::string(type->value.GetString(), type->value.GetStringLength());
}

plugin::Attributes StoreTicketAttributes::attributesOf(const store::OutboxRow& row) {
  plugin::Attributes attrs;
  if (row.kind == "event") {
    std::string type = canonicalEventType(row.body);
    if (!type.empty()) {
      attrs.emplace_back("event_type", std::move(type));
    }
  }
  Result<std::optional<store::TicketStateRow>> state = store_.ticketState(row.ticket_id);
  if (state && state->has_value()) {
    attrs.emplace_back("ticket_status", (*state)->status);
  }
  Result<std::vector<store::LinkRow>> links = store_.linksOfTicket(row.ticket_id);
  if (links) {
    for (store::LinkRow& link : *links) {
      attrs.emplace_back("ref:" + link.system, std::move(link.number));
    }
  }
  return attrs;
}

} // namespace hotline::downlink
