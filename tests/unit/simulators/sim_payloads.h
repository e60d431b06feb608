#pragma once
// Canonical payloads for the simulator tests, produced by the model's own encoders so they
// are exactly what the gateway sends.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/event_type.h"

namespace hotline::sim::testing {

// A fresh gateway ticket id (a ULID).
std::string newTicket();
// A valid canonical ticket / event for `ticket_id`.
std::string ticketJson(const std::string& ticket_id);
std::string eventJson(const std::string& ticket_id, model::EventType type);
// A valid canonical knowledge article with this id.
std::string knowledgeJson(const std::string& article_id);
// A canonical event with a required member missing: the decoder refuses it.
std::string invalidEventJson();

// One NDJSON line of a bulk body (no trailing newline).
std::string bulkLine(std::string_view key, std::string_view ticket_id, int64_t sequence,
                     std::string_view kind, std::string_view payload_json);

} // namespace hotline::sim::testing
