#pragma once
// The JSON envelope `{"code":..,"message":..,"data":..}` that the gateway's connector routes
// answer with and that departments and peer hotlines answer the gateway's calls with (the
// department and exchange READMEs). Shared by both connectors so that the two links write and
// read it alike: a peer that talks to both (a city gateway is also a department's peer) sees
// one shape. No I/O.

#include "hotline/status.h"
#include "hotline/support/signed_call.h"

#include <string>
#include <string_view>

namespace hotline::support {

// `{"code":0,"message":"ok","data":<data_json>}`; data_json is a JSON value already encoded
// and is copied as it is.
std::string okEnvelope(std::string_view data_json);
// `{"code":<http_status>,"message":"<message>","data":null}`.
std::string errorEnvelope(int http_status, std::string_view message);

// Reads a peer's reply envelope: `code` may be a number or a string (peers send 0 and "0"),
// `message` is optional, and the peer's number for the ticket is the scalar member
// `number_member` of `data` ("caseNo" for a department, "number" for a hotline), optional.
// InvalidArgument when the body is not a JSON object or has no code.
Result<PeerReply> readEnvelopeReply(std::string_view body, const char* number_member);

// The data of the answer to a peer's action that was submitted:
// `{"ticket_id":..,"status":..,"duplicate":..}`, the status read from the host's answer to
// submit (core/pipeline/answer_body.cc); empty when that answer does not carry one.
std::string submittedEventData(std::string_view ticket_id, std::string_view host_answer,
                               bool duplicate);

} // namespace hotline::support
