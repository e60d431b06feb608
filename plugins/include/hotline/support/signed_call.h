#pragma once
// Judging the answer to a signed call a connector made to a peer (request_signing.h): ok,
// retry (with Retry-After) or permanent, and the peer's number for the ticket when it gave
// one. No I/O; the clock is injected. Shared by the department and exchange connectors, which
// differ only in how a reply body reads (a ReplyParser each), so that both classify
// transport errors, HTTP statuses and reply signatures the same way (DESIGN.md §4).

#include "hotline/plugin/messages.h"
#include "hotline/status.h"
#include "hotline/support/request_signing.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hotline::support {

// What an HTTP client brought back (http_client.h fills it).
struct HttpAnswer {
  bool transport_ok = false; // false: no HTTP answer (connect error, timeout)
  std::string error;         // transport error text
  long status = 0;
  HeaderList headers; // of the final answer only
  std::string body;
  bool truncated = false; // body longer than the client keeps
};

// The call the answer belongs to, and how to judge it.
struct SignedCall {
  std::string where; // "dept-cgj: POST http://…/tasks", prefixed to every reason
  SigningKey key;
  std::string target; // path and query as sent: the reply is signed over it
  std::string nonce;  // the nonce sent: the reply must echo it
  bool verify_replies = true;
  std::chrono::milliseconds window = kDefaultSigningWindow;
};

// What a (verified) 2xx reply body says: the peer's result code ("0" = accepted), its
// message, and its own number for the ticket when it gave one.
struct PeerReply {
  std::string code;
  std::string message;
  std::string number;

  bool accepted() const { return code == "0"; }
};

// Reads a reply body; InvalidArgument when it is not the peer's reply shape.
using ReplyParser = std::function<Result<PeerReply>(std::string_view body)>;

struct CallOutcome {
  plugin::Delivery delivery;
  std::string number; // set on success when the peer gave its number
  // True when the failure says the link itself is unwell (transport, 5xx, signatures,
  // refusals of our call); false for ok and for a peer's refusal of one message.
  bool link_failure = false;
};

// transport error, 408, 429 (Retry-After), 5xx, a reply failing its signature check or
// unreadable → retry; any other non-2xx → permanent; a readable reply with a code other
// than "0" → permanent (not a link failure). Quoted bodies are masked (maskText).
CallOutcome judgeSignedCall(const SignedCall& call, const HttpAnswer& answer, int64_t now_ms,
                            const ReplyParser& parse);

// Retry-After as delta-seconds ("120") in milliseconds, capped at one day; nullopt for an
// HTTP-date or anything else (the host's own backoff then applies).
std::optional<uint32_t> retryAfterMs(std::string_view value);

// Percent-encodes a path segment (everything but RFC 3986 unreserved characters), so that a
// ticket id or a peer's number can sit in a path such as `/tickets/{no}/actions`.
std::string encodePathSegment(std::string_view segment);

// The first header of that name, compared case-insensitively; empty when absent.
std::string_view headerValue(const HeaderList& headers, std::string_view name);

} // namespace hotline::support
