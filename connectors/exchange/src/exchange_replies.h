#pragma once
// Replies on the exchange link, both ways: reading the peer's answer to our calls (the JSON
// envelope, or a SOAP response on an XML link) and writing our envelope. No I/O.

#include "hotline/status.h"
#include "hotline/support/peer_envelope.h"
#include "hotline/support/signed_call.h"

#include <string>
#include <string_view>

namespace hotline::connectors::exchange {

// `{"code":0,"message":"ok","data":{"number":"SQ-…"}}`; `code` may be a number or a string;
// `data.number` is optional (an action's reply has none). InvalidArgument when the body is
// not such an object or has no code.
Result<support::PeerReply> parseJsonReply(std::string_view body);
// SOAP 1.1: Envelope/Body/<any response element>/{Code, Message, Number}, matched by local
// name whatever the prefixes; a soap Fault is a refusal with code "fault" and the faultstring.
Result<support::PeerReply> parseXmlReply(std::string_view body);
// Whichever of the two the body is (its first non-blank character '<' = XML): a peer gateway
// answers a SOAP push with the JSON envelope, a provincial SOAP platform with SOAP.
Result<support::PeerReply> parseReply(std::string_view body);

// Our envelope, the same on the department link (hotline/support/peer_envelope.h).
using support::errorEnvelope;
using support::okEnvelope;

// The data of our answer to a ticket: `{"number":..,"ticket_id":..,"duplicate":..}`, our
// number for it being the gateway's ticket id.
std::string ticketAnswerData(std::string_view ticket_id, bool duplicate);
// The data of our answer to a knowledge article: `{"article_id":..,"duplicate":..}`.
std::string knowledgeAnswerData(std::string_view article_id, bool duplicate);
// The data of our answer to an action: `{"ticket_id":..,"status":..,"duplicate":..}`, the
// status read from the host's answer to submit; a department's callback is answered alike.
inline std::string actionAnswerData(std::string_view ticket_id, std::string_view host_answer,
                                    bool duplicate) {
  return support::submittedEventData(ticket_id, host_answer, duplicate);
}

} // namespace hotline::connectors::exchange
