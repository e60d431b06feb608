#pragma once
// The simulator's outgoing calls to the county gateway (push mode): one signed POST, the
// signed reply verified, the envelope read. Thread-safe: every call opens its own connection.

#include <string>
#include <string_view>

#include "hotline/support/request_signing.h"
#include "simulators/exchange/src/exchange_options.h"

namespace hotline::sim::exchange {

struct CallOutcome {
  enum class Kind {
    Accepted,  // 200 with a verified reply and code 0
    Retryable, // unreachable, timed out or 5xx: the same call may succeed later
    Refused,   // any other answer (4xx, code != 0, a reply that fails its signature)
  };
  Kind kind = Kind::Refused;
  int status = 0;        // HTTP status; 0 when there was no answer
  std::string message;   // why, for logs and for /sim/dispatch's answer
  std::string data_json; // the reply's "data" when accepted
};

class GatewayClient {
public:
  GatewayClient(GatewayUrl url, support::SigningKey key)
      : url_(std::move(url)), key_(std::move(key)) {}

  // POSTs `body` (JSON) to the gateway's path prefix + `path`, signed, with Idempotency-Key.
  CallOutcome post(const std::string& path, const std::string& body,
                   const std::string& idempotency_key) const;

  const GatewayUrl& url() const { return url_; }

private:
  GatewayUrl url_;
  support::SigningKey key_;
};

// A path segment with everything but RFC 3986 unreserved characters percent-encoded, so that
// a county number with '/' or spaces stays one segment.
std::string encodePathSegment(std::string_view text);

} // namespace hotline::sim::exchange
