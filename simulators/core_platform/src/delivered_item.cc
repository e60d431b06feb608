#include "simulators/core_platform/src/delivered_item.h"

#include <rapidjson/document.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>

#include "core/model/event_codec.h"
#include "core/model/record_codec.h"
#include "core/model/ticket_codec.h"

namespace hotline::sim::core_platform {

std::string_view itemKindName(ItemKind kind) {
  switch (kind) {
  case ItemKind::Ticket:
    return "ticket";
  case ItemKind::Event:
    return "event";
  case ItemKind::Knowledge:
    return "knowledge";
  }
  return "unknown";
}

std::optional<ItemKind> findItemKind(std::string_view name) {
  if (name == "ticket") {
    return ItemKind::Ticket;
  }
  if (name == "event") {
    return ItemKind::Event;
  }
  if (name == "knowledge") {
    return ItemKind::Knowledge;
  }
  return std::nullopt;
}

namespace {

// The record codec reads text only: a bulk line's payload is written back compact first.
std::string_view asText(std::string_view json, std::string&) {
  return json;
}
std::string_view asText(const rapidjson::Value& value, std::string& storage) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  storage.assign(buffer.GetString(), buffer.GetSize());
  return storage;
}

template <typename Input>
Result<PayloadFacts> validateAny(ItemKind kind, const Input& input) {
  PayloadFacts facts;
  if (kind == ItemKind::Ticket) {
    auto ticket = model::decodeTicket(input);
    if (!ticket) {
      return ticket.status();
    }
    return facts;
  }
  if (kind == ItemKind::Knowledge) {
    std::string storage;
    auto article = model::decodeKnowledgeArticle(asText(input, storage));
    if (!article) {
      return article.status();
    }
    facts.article_id = std::move(article->id);
    return facts;
  }
  auto event = model::decodeEvent(input);
  if (!event) {
    return event.status();
  }
  facts.event_type = event->type;
  facts.source = std::move(event->source);
  return facts;
}

} // namespace

Result<PayloadFacts> validatePayload(ItemKind kind, std::string_view json) {
  return validateAny(kind, json);
}

Result<PayloadFacts> validatePayload(ItemKind kind, const rapidjson::Value& value) {
  return validateAny(kind, value);
}

std::string knowledgeOrderingKey(std::string_view article_id) {
  return "kb:" + std::string(article_id);
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
