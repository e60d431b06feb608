#pragma once
// Canonical JSON ⇄ Ticket. The contract is a lossless round trip: decodeTicket(encodeTicket(t))
// == t, and encodeTicket(decodeTicket(j)) == j byte for byte when j is canonical (compact,
// members in the fixed order of ticket_fields.h, times formatted by formatTimestamp()).
//
// Decoding is strict and reports every problem at once (decode_issue.h): wrong types, unknown
// members, empty strings/lists/objects (absent members are omitted, never empty), bad enum
// values, impossible times, codes in the wrong format. Values of personal fields are never
// quoted in an error.

#include <rapidjson/fwd.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/model/decode_issue.h"
#include "core/model/ticket.h"
#include "hotline/status.h"

namespace hotline::model {

// Compact canonical JSON; present members only, in a fixed order.
std::string encodeTicket(const Ticket& ticket);
// Writes the ticket as one value into a larger document (bulk bodies, envelopes).
void writeTicket(rapidjson::Writer<rapidjson::StringBuffer>& writer, const Ticket& ticket);

// InvalidArgument listing every problem; `issues`, when given, receives them one by one.
Result<Ticket> decodeTicket(std::string_view json, std::vector<DecodeIssue>* issues = nullptr);
Result<Ticket> decodeTicket(const rapidjson::Value& value,
                            std::vector<DecodeIssue>* issues = nullptr);

} // namespace hotline::model
