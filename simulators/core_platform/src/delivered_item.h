#pragma once
// One thing the gateway delivered to the core platform: a ticket snapshot, an event or a
// knowledge article, with the keys the simulator judges it by (DESIGN.md §4 "Delivery").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/fwd.h>

#include "core/model/event_type.h"
#include "hotline/status.h"

namespace hotline::sim::core_platform {

enum class ItemKind { Ticket, Event, Knowledge };

std::string_view itemKindName(ItemKind kind);
std::optional<ItemKind> findItemKind(std::string_view name);

struct DeliveredItem {
  std::string idempotency_key; // the gateway's key: one key = one item, however often sent
  std::string ticket_id;       // X-Hotline-Ticket: the gateway ticket id ("kb:<article id>"
                               // for an article), the ordering key
  int64_t sequence = 0;        // X-Hotline-Sequence: > 0, increasing per ticket
  ItemKind kind = ItemKind::Ticket;
  model::EventType event_type = model::EventType::Comment; // meaningful for events only
  std::string source; // an event's source (who acted: a department's system, ...), if any
};

// What a valid payload tells about itself.
struct PayloadFacts {
  model::EventType event_type = model::EventType::Comment; // an event's type; else Comment
  std::string article_id;                                  // a knowledge article's id
  std::string source;                                      // an event's source
};

// Decodes a payload with the model codec (decodeTicket / decodeEvent /
// decodeKnowledgeArticle); the error carries the decoder's message (422).
Result<PayloadFacts> validatePayload(ItemKind kind, std::string_view json);
Result<PayloadFacts> validatePayload(ItemKind kind, const rapidjson::Value& value);

// The ordering key a knowledge article travels under: "kb:<article id>".
std::string knowledgeOrderingKey(std::string_view article_id);

// A positive decimal integer that fits int64 ("7"; not "7x", "-1", "0", "+3", " 7"), else
// nullopt.
std::optional<int64_t> parseSequence(std::string_view text);

// Keys longer than this are refused (400): they are ids, not payloads.
inline constexpr size_t kMaxKeyLength = 256;

} // namespace hotline::sim::core_platform
