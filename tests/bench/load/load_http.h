#pragma once
// Blocking keep-alive HTTP/1.1 over loopback for ingest_load: just enough to send a request
// and read one Content-Length-framed answer.

#include <string>

namespace hotline::bench {

// A TCP connection to 127.0.0.1:port with TCP_NODELAY, or -1.
int connectTo(int port);

bool sendAll(int fd, const std::string& data);

// Reads one response; returns its status, or 0 when the connection failed. `buffer` keeps
// bytes read past the response; `body`, when given, receives the response's body.
int readResponse(int fd, std::string& buffer, std::string* body = nullptr);

} // namespace hotline::bench
