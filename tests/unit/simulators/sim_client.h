#pragma once
// A small HTTP client for the process tests: the core platform's API and /sim/* control,
// over loopback with cpp-httplib, one connection per call.

#include <httplib.h>
#include <rapidjson/document.h>

#include <cstdint>
#include <map>
#include <string>

namespace hotline::sim::testing {

struct Reply {
  bool answered = false; // false: no HTTP response at all (see `error`)
  httplib::Error error = httplib::Error::Success;
  int status = 0;
  std::string body;
  httplib::Headers headers;

  rapidjson::Document json() const; // fails the test when the body is not JSON
  std::string header(const std::string& name) const;
};

// One single-item delivery, as the gateway's client sends it.
struct Delivery {
  std::string key;       // Idempotency-Key; empty = header left out
  std::string ticket_id; // X-Hotline-Ticket
  std::string sequence;  // X-Hotline-Sequence (text, so tests can send bad values)
  std::string body;
};

class SimClient {
public:
  explicit SimClient(int port) : port_(port) {}

  Reply postTicket(const Delivery& delivery);
  Reply postEvent(const Delivery& delivery);     // to /api/v1/tickets/{ticket_id}/events
  Reply postKnowledge(const Delivery& delivery); // to /api/v1/knowledge
  Reply postBulk(const std::string& ndjson,
                 const std::string& content_type = "application/x-ndjson");

  Reply get(const std::string& path);
  Reply post(const std::string& path, const std::string& json);
  Reply del(const std::string& path);

  // GET /sim/stats as name -> value (fails the test on a bad answer).
  std::map<std::string, uint64_t> stats();
  void setFaults(const std::string& plan_json); // fails the test unless answered 200
  void resetSim();

private:
  Reply send(const std::string& method, const std::string& path, const httplib::Headers& headers,
             const std::string& body, const std::string& content_type);

  int port_;
};

// Sends `request` bytes on a fresh connection and reads until the server closes it or one
// whole response has arrived. For telling a reset (no bytes, ECONNRESET) from an answer.
struct RawOutcome {
  std::string received;
  int error = 0; // errno of the failing read; 0 after a whole response or a clean EOF
};
RawOutcome rawExchange(int port, const std::string& request);

} // namespace hotline::sim::testing
