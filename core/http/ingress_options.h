#pragma once
// Options of the IngressServer; each maps to a key of the "http" config section
// (core/config/core_sections.cc), whose names appear in error messages.

#include <cstddef>
#include <cstdint>
#include <string>

namespace hotline::http {

struct IngressOptions {
  std::string bind = "127.0.0.1"; // http.bind
  uint16_t port = 0;              // http.port; 0 = an ephemeral port, see IngressServer::port()
  size_t max_body_bytes = 1024 * 1024; // http.max_body_bytes
  int threads = 16;                    // http.threads: worker threads
  int max_queued = 256;                // http.max_queued: accepted connections waiting
  bool keep_alive = true;              // http.keep_alive
  int shutdown_grace_ms = 10000;       // http.shutdown_grace_ms

  // Additions with no config key yet:
  int backlog = 64;                  // listen() backlog
  int request_timeout_ms = 30000;    // a peer silent this long while sending a request is cut
  int keep_alive_timeout_ms = 15000; // an idle kept-alive connection is closed after this
};

} // namespace hotline::http
