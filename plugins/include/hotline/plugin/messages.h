#pragma once
// What a connector exchanges with the pipeline: an inbound message it received from a peer,
// the host's answer once the message is durably stored, an outbound message to deliver on
// the downlink and the connector's verdict on it, and the connector's health.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace hotline::plugin {

using Attributes = std::vector<std::pair<std::string, std::string>>;

struct Inbound {
  std::string kind;            // "ticket", "event", ... selects the mapping
  std::string content_type;    // "application/json", "application/xml", "text/csv"
  std::string body;            // the peer's payload, unchanged
  Attributes attrs;            // protocol facts (peer's ticket number, app key, ...)
  std::string idempotency_key; // the peer's message id; empty = host digests the body
};

// The host's answer to submit(): what to tell the peer.
struct Submitted {
  int http_status = 0; // 201 stored, 200 duplicate, 4xx refused, 503 unavailable
  bool duplicate = false;
  std::string ticket_id;
  std::string body; // JSON answer for the peer (the host's own shape)
};

struct Outbound {
  std::string ticket_id;
  std::string kind;
  std::string content_type;
  std::string body; // already mapped to the peer's format
  Attributes attrs;
  std::string idempotency_key;
  uint32_t attempt = 1;
};

struct Delivery {
  enum class Kind { Ok, Retry, Permanent };
  Kind kind = Kind::Ok;
  uint32_t retry_after_ms = 0;
  std::string reason;

  static Delivery ok() { return {}; }
  static Delivery retry(std::string why, uint32_t after_ms = 0) {
    return {Kind::Retry, after_ms, std::move(why)};
  }
  static Delivery permanent(std::string why) { return {Kind::Permanent, 0, std::move(why)}; }
};

struct Health {
  enum class State { Healthy, Degraded, Down };
  State state = State::Healthy;
  std::string detail;

  static Health healthy() { return {}; }
  static Health degraded(std::string why) { return {State::Degraded, std::move(why)}; }
  static Health down(std::string why) { return {State::Down, std::move(why)}; }
};

} // namespace hotline::plugin
