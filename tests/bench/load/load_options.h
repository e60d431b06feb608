#pragma once
// Command line of ingest_load (see ingest_load.cc for the modes).

#include <cstddef>
#include <cstdint>
#include <string>

namespace hotline::bench {

enum class LoadMode {
  Pipeline,   // canonical tickets, X-Signature = hex(HMAC-SHA256(secret, body))
  Department, // department callbacks signed with the five-header scheme
  Assign,     // the core platform's assignments (POST /v1/outbound/tickets, bearer token)
};

struct Options {
  int port = 8080;
  std::string path = "/connectors/bench/tickets";
  int connections = 32;
  // Event-loop threads driving the connections (at most one per connection). One by default:
  // the driver shares a small machine with the gateway it measures; more if one cannot keep up.
  int threads = 1;
  int seconds = 15;
  int warmup_seconds = 2;
  size_t body_bytes = 1536;
  std::string secret; // pipeline mode
  std::string run_id;
  // Department mode (--department APPKEY:SECRET).
  std::string app_key;
  std::string dept_secret;
  std::string action_code = "02";
  std::string unit_code = "YC-CSGLJ";
  // Department and assign modes: the tickets are <ticket_prefix>0 .. <ticket_prefix>N-1.
  uint64_t tickets = 0;
  std::string ticket_prefix = "YC-BENCH-";
  // Assign mode (--core-token TOKEN).
  std::string core_token;
  // When > 0: exactly this many requests, request i naming ticket i % tickets, all measured,
  // instead of a timed run.
  uint64_t count = 0;

  LoadMode mode() const;
};

// Parses the command line; a bad option prints a message and exits with code 2. Secret values
// may be given as file:PATH (the file's first line), which keeps them out of `ps`.
Options parseOptions(int argc, char** argv);

} // namespace hotline::bench
