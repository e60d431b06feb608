#include "simulators/core_platform/src/delivered_item.h"

#include <rapidjson/document.h>

#include <charconv>

#include "core/model/event_codec.h"
#include "core/model/ticket_codec.h"

namespace hotline::sim::core_platform {

std::string_view itemKindName(ItemKind kind) {
  return kind == ItemKind::Ticket ? "ticket" : "event";
}

std::optional<ItemKind> findItemKind(std::string_view name) {
  if (name == "ticket") {
    return ItemKind::Ticket;
  }
  if (name == "event") {
    return ItemKind::Event;
  }
  return std::nullopt;
}

namespace {

template <typename Input>
Result<model::EventType> validateAny(ItemKind kind, const Input& input) {
  if (kind == ItemKind::Ticket) {
    auto ticket = model::decodeTicket(input);
    if (!ticket) {
      return ticket.status();
    }
    return model::EventType::Comment;
  }
  auto event = model::decodeEvent(input);
  if (!event) {
    return event.status();
  }
  return event->type;
}

} // namespace

Result<model::EventType> validatePayload(ItemKind kind, std::string_view json) {
  return validateAny(kind, json);
}

Result<model::EventType> validatePayload(ItemKind kind, const rapidjson::Value& value) {
  return validateAny(kind, value);
}

std::optional<int64_t> parseSequence(std::string_view text) {
  if (text.empty() || text.front() < '0' || text.front() > '9') {
    return std::nullopt;
  }
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value <= 0) {
    return std::nullopt;
  }
  return value;
}

} // namespace hotline::sim::core_platform
