#pragma once
// Canonical JSON ⇄ TicketEvent, with the same contract as the ticket codec (ticket_codec.h):
// lossless round trip, strict decoding that reports every problem with its JSON Pointer.
// `data` passes through as the compact text of the JSON object; its contents are checked only
// by the readers that need them (event_facts.h).

#include <rapidjson/fwd.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/model/decode_issue.h"
#include "core/model/ticket_event.h"
#include "hotline/status.h"

namespace hotline::model {

// Precondition: event.data is empty or compact JSON object text (as decodeEvent() and
// compactJsonObject() produce); other text would be copied into the output unchecked.
std::string encodeEvent(const TicketEvent& event);
void writeEvent(rapidjson::Writer<rapidjson::StringBuffer>& writer, const TicketEvent& event);

Result<TicketEvent> decodeEvent(std::string_view json, std::vector<DecodeIssue>* issues = nullptr);
Result<TicketEvent> decodeEvent(const rapidjson::Value& value,
                                std::vector<DecodeIssue>* issues = nullptr);

// The canonical form of event data: `json` must be a non-empty JSON object; returns its
// compact serialisation, e.g. "{ \"approved\": true }" -> "{\"approved\":true}".
Result<std::string> compactJsonObject(std::string_view json);

} // namespace hotline::model
