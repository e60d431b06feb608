#pragma once
// Reading a peer's SOAP 1.1 reply to a call: the XML profile's counterpart of the JSON
// envelope (peer_envelope.h). Departments on the SOAP profile and provincial platforms answer
// this way. Shared by the department and exchange connectors, which differ only in the
// element that carries the peer's number. No I/O.

#include "hotline/status.h"
#include "hotline/support/signed_call.h"

#include <string_view>

namespace hotline::support {

// Envelope/Body/<any response element>/{Code, Message, <number_element>}, elements matched by
// local name whatever their prefixes, texts trimmed of blanks. A soap Fault is a refusal with
// code "fault" and the faultstring as message. InvalidArgument when the body is not XML, not
// a SOAP Envelope with a response element, or the response has no (non-empty) Code.
Result<PeerReply> readSoapReply(std::string_view body, std::string_view number_element);

} // namespace hotline::support
