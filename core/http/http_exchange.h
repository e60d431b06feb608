#pragma once
// The edge between POCO's HTTP message classes and the transport-neutral HttpRequest /
// HttpResponse that handlers see. Reading enforces the body size limit (http.max_body_bytes)
// before any body byte is read when the length is declared, and while reading when it is
// not (chunked), so a peer can never make the gateway buffer more than the limit.

#include "core/http/http_types.h"
#include "hotline/status.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <cstddef>
#include <istream>

namespace hotline::http {

// Converts `in` into `out` (method, decoded path, raw query, headers in arrival order,
// remote address, body). Sends "100 Continue" only once the declared length is known to be
// acceptable. Errors carry the status to answer: InvalidArgument (400: bad Content-Length,
// bad request target, body shorter than declared), PayloadTooLarge (413), Unimplemented
// (501: a transfer coding other than chunked). After an error the connection must be closed:
// the body may be unread. Throws Poco::Exception on network errors and timeouts.
Status readRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& response,
                   size_t max_body_bytes, HttpRequest& out);

// Sends `response` (status, Content-Type, headers, body; Content-Length always set).
// Handler-set framing headers (Content-Length, Transfer-Encoding, Connection) are ignored:
// the server owns framing. Throws Poco::Exception when the peer has gone.
void writeResponse(const HttpResponse& response, bool keep_alive,
                   Poco::Net::HTTPServerResponse& out);

// Reads and discards at most `max_bytes` of what is left of a body, so that the peer is not
// reset while it is still sending and can read the error it was answered. Never throws.
void drainBody(std::istream& body, size_t max_bytes) noexcept;

} // namespace hotline::http
