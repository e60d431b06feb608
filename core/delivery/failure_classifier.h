#pragma once
// Turns the outcome of one HTTP attempt into a verdict (DESIGN.md §4):
//
//   no answer (connect error, timeout, broken connection, cancelled) -> retry
//   2xx                                                              -> ok
//   408, 429, 5xx                                                    -> retry (Retry-After kept)
//   any other status (other 4xx, and 1xx/3xx: we follow no redirect) -> permanent
//
// The reason names the target, method, URL path (never the query), status and the peer's
// own error message, truncated and masked of personal data, so a dead letter explains
// itself in the admin API without leaking a phone number into logs.
//
// Pure functions; thread-safe.

#include "core/delivery/http_client.h"
#include "core/delivery/item_verdict.h"

#include <chrono>
#include <string>
#include <string_view>

namespace hotline::delivery {

struct AttemptContext {
  std::string_view target; // "core", a connector instance
  std::string_view method; // "POST"
  std::string_view url;    // full URL; only its path appears in reasons
};

// The verdict class of an HTTP status alone.
ItemVerdict::Kind classifyStatus(int http_status);

// The verdict on a whole HTTP attempt. `now` resolves an HTTP-date Retry-After.
ItemVerdict classifyResponse(const AttemptContext& context, const HttpResult& result,
                             std::chrono::system_clock::time_point now);

// The peer's error text out of a response body: "message" (with "code" when present) of a
// JSON object such as {"code":4001,"message":"title is required"}, else the body itself.
std::string peerMessage(std::string_view body);

// "core POST /api/v1/tickets -> HTTP 400: title is required" — masked, the peer's part cut
// to `max_peer_bytes` on a UTF-8 boundary.
std::string describeFailure(const AttemptContext& context, std::string_view what,
                            std::string_view peer_text, size_t max_peer_bytes = 300);

// The path of a URL without scheme, authority, query and fragment ("/" when empty).
std::string_view urlPath(std::string_view url);

} // namespace hotline::delivery
