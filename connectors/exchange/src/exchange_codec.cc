#include "exchange_codec.h"

#include "json_util.h"

#include "hotline/support/json_zero_numbers.h"

#include <strings.h>

namespace hotline::connectors::exchange {
namespace {

// The body as a JSON object that repeats no member name, or InvalidArgument naming what was
// expected.
Status parseObject(rapidjson::Document& document, std::string_view body, const char* what) {
  // Full precision: the body is written out again, and a number must come back exactly as
  // the peer wrote it (the default parse can be one unit in the last place off).
  std::string scratch;
  const std::string_view safe = support::safeForFullPrecision(body, scratch);
  document.Parse<rapidjson::kParseFullPrecisionFlag>(safe.data(), safe.size());
  if (document.HasParseError() || !document.IsObject()) {
    return invalidArgument(std::string("body: not a JSON object (") + what + ")");
  }
  if (std::optional<std::string> name = json::repeatedName(document)) {
    return invalidArgument("body: member \"" + *name + "\" appears more than once (" + what + ")");
  }
  return Status::ok();
}

// The number of the first ref of `system` in the ticket's refs; empty when none.
std::string refNumber(const rapidjson::Value& ticket, std::string_view system) {
  auto refs = ticket.FindMember("refs");
  if (refs == ticket.MemberEnd() || !refs->value.IsArray()) {
    return "";
  }
  for (const auto& ref : refs->value.GetArray()) {
    if (json::memberText(ref, "system").value_or("") == system) {
      std::string number = json::memberText(ref, "number").value_or("");
      if (!number.empty()) {
        return number;
      }
    }
  }
  return "";
}

void addRef(rapidjson::Document& ticket, std::string_view system, std::string_view number) {
  auto& allocator = ticket.GetAllocator();
  auto refs = ticket.FindMember("refs");
  if (refs == ticket.MemberEnd() || !refs->value.IsArray()) {
    json::erase(ticket, "refs");
    ticket.AddMember("refs", rapidjson::Value(rapidjson::kArrayType), allocator);
    refs = ticket.FindMember("refs");
  }
  rapidjson::Value ref(rapidjson::kObjectType);
  ref.AddMember("system", json::stringValue(system, allocator), allocator);
  ref.AddMember("number", json::stringValue(number, allocator), allocator);
  refs->value.PushBack(ref, allocator);
}

} // namespace

Result<InboundTicket> normaliseInboundTicket(std::string_view body, std::string_view peer_system,
                                             Role role) {
  rapidjson::Document ticket;
  HOTLINE_RETURN_IF_ERROR(parseObject(ticket, body, "a canonical ticket"));
  InboundTicket out;
  out.peer_number = refNumber(ticket, peer_system);
  if (out.peer_number.empty()) {
    return invalidArgument("refs: no ref of system \"" + std::string(peer_system) +
                           "\" (the sender's own number for the ticket) in the ticket");
  }
  json::erase(ticket, "id");
  auto& allocator = ticket.GetAllocator();
  json::setString(ticket, "status", "submitted", allocator);
  json::setString(ticket, "channel", role == Role::City ? "county" : "city", allocator);
  out.body = json::toText(ticket);
  return out;
}

Result<OutboundTicket> normaliseOutboundTicket(std::string_view body, std::string_view system,
                                               std::string_view known_number,
                                               std::string_view ticket_id) {
  rapidjson::Document ticket;
  HOTLINE_RETURN_IF_ERROR(parseObject(ticket, body, "a canonical ticket"));
  json::erase(ticket, "id");
  OutboundTicket out;
  out.our_number = refNumber(ticket, system);
  if (out.our_number.empty()) {
    out.our_number = std::string(known_number.empty() ? ticket_id : known_number);
    addRef(ticket, system, out.our_number);
  }
  out.body = json::toText(ticket);
  return out;
}

Result<std::string> normaliseOutboundEvent(std::string_view body, std::string_view system,
                                           std::string_view our_number) {
  rapidjson::Document event;
  HOTLINE_RETURN_IF_ERROR(parseObject(event, body, "a canonical event"));
  auto& allocator = event.GetAllocator();
  rapidjson::Value ref(rapidjson::kObjectType);
  ref.AddMember("system", json::stringValue(system, allocator), allocator);
  ref.AddMember("number", json::stringValue(our_number, allocator), allocator);
  auto ticket = event.FindMember("ticket");
  if (ticket != event.MemberEnd()) {
    ticket->value = ref;
  } else {
    event.AddMember("ticket", ref, allocator);
  }
  return json::toText(event);
}

Result<EventFacts> readEvent(std::string_view body) {
  rapidjson::Document event;
  HOTLINE_RETURN_IF_ERROR(parseObject(event, body, "a canonical event"));
  EventFacts facts;
  auto ticket = event.FindMember("ticket");
  if (ticket != event.MemberEnd()) {
    facts.ticket_id = json::memberText(ticket->value, "id").value_or("");
    facts.ref_system = json::memberText(ticket->value, "system").value_or("");
    facts.ref_number = json::memberText(ticket->value, "number").value_or("");
  }
  if (facts.ticket_id.empty() && facts.ref_number.empty()) {
    return invalidArgument("ticket: the event names no ticket (expected {\"system\":..,"
                           "\"number\":..} or {\"id\":..})");
  }
  facts.event_id = json::memberText(event, "event_id").value_or("");
  facts.source = json::memberText(event, "source").value_or("");
  return facts;
}

Result<ArticleFacts> readArticle(std::string_view body) {
  rapidjson::Document article;
  HOTLINE_RETURN_IF_ERROR(parseObject(article, body, "a canonical knowledge article"));
  auto id = article.FindMember("id");
  if (id == article.MemberEnd() || !id->value.IsString() || id->value.GetStringLength() == 0) {
    return invalidArgument("id: the article has no id (a non-empty string is required)");
  }
  return ArticleFacts{std::string(id->value.GetString(), id->value.GetStringLength()),
                      json::memberText(article, "source").value_or("")};
}

bool isXml(std::string_view content_type) {
  for (size_t i = 0; i + 3 <= content_type.size(); ++i) {
    if (strncasecmp(content_type.data() + i, "xml", 3) == 0) {
      return true;
    }
  }
  return false;
}

} // namespace hotline::connectors::exchange
