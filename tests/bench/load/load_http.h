#pragma once
// Non-blocking keep-alive HTTP/1.1 over loopback for ingest_load's event loop (load_loop.h):
// just enough to start a connection and to recognise one Content-Length-framed answer.

#include <cstddef>
#include <string>

namespace hotline::bench {

// Starts a non-blocking TCP connection to 127.0.0.1:port with TCP_NODELAY. Returns the socket
// (the connection completes or fails later: writable, then SO_ERROR), or -1 when it failed at
// once (e.g. no socket left).
int connectStart(int port);

// One answer at the start of a receive buffer.
struct Response {
  int status = 0; // 0 when the status line does not parse (treated as a failed connection)
  size_t body_at = 0;
  size_t body_length = 0;
  size_t size = 0; // status line, headers and body: what to consume from the buffer
};

// Whether `buffer` begins with a whole answer (headers and Content-Length bytes of body); if so
// fills `response`. An answer without Content-Length has an empty body.
bool parseResponse(const std::string& buffer, Response& response);

} // namespace hotline::bench
