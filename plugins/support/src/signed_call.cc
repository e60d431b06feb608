#include "hotline/support/signed_call.h"

#include "hotline/support/masking.h"

#include <algorithm>
#include <charconv>
#include <strings.h>

namespace hotline::support {
namespace {

constexpr size_t kQuotedBodyBytes = 300;

// The start of a body for an error text; a peer may quote the citizen's data, so it is
// masked (and cut on a UTF-8 boundary by toValidUtf8) before it is kept anywhere.
std::string quoted(std::string_view body) {
  return maskText(toValidUtf8(body.substr(0, kQuotedBodyBytes)));
}

CallOutcome retry(std::string why, uint32_t after_ms = 0) {
  return {plugin::Delivery::retry(std::move(why), after_ms), "", true};
}

CallOutcome permanent(std::string why, bool link_failure) {
  return {plugin::Delivery::permanent(std::move(why)), "", link_failure};
}

CallOutcome judgeError(const SignedCall& call, const HttpAnswer& answer) {
  const std::string answered =
      call.where + ": answered HTTP " + std::to_string(answer.status) + ": " + quoted(answer.body);
  if (answer.status == 408 || answer.status == 429 || answer.status >= 500) {
    uint32_t after = retryAfterMs(headerValue(answer.headers, "Retry-After")).value_or(0);
    return retry(answered, after);
  }
  return permanent(answered, true);
}

Status checkReplySignature(const SignedCall& call, const HttpAnswer& answer, int64_t now_ms) {
  if (answer.truncated) {
    return Status(StatusCode::Unauthenticated, "reply body is too large to verify");
  }
  Result<SignatureHeaders> headers = parseSignatureHeaders(answer.headers);
  if (!headers) {
    return Status(StatusCode::Unauthenticated, "reply " + headers.status().message());
  }
  return verifyReply(call.key, call.target, call.nonce, *headers, answer.body, now_ms, call.window);
}

} // namespace

std::string_view headerValue(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() && strncasecmp(key.data(), name.data(), key.size()) == 0) {
      return value;
    }
  }
  return {};
}

CallOutcome judgeSignedCall(const SignedCall& call, const HttpAnswer& answer, int64_t now_ms,
                            const ReplyParser& parse) {
  if (!answer.transport_ok) {
    return retry(call.where + ": " + answer.error);
  }
  if (answer.status < 200 || answer.status >= 300) {
    return judgeError(call, answer);
  }
  if (call.verify_replies) {
    Status signed_ok = checkReplySignature(call, answer, now_ms);
    if (!signed_ok.isOk()) {
      // The peer may well have taken the message: the retry carries the same
      // Idempotency-Key, and a peer answers a repeated key with its first answer.
      return retry(call.where + ": " + signed_ok.message());
    }
  }
  Result<PeerReply> reply = parse(answer.body);
  if (!reply) {
    return retry(call.where + ": " + reply.status().message() + ": " + quoted(answer.body));
  }
  if (!reply->accepted()) {
    return permanent(
        call.where + ": refused with code " + reply->code + ": " + maskText(reply->message), false);
  }
  CallOutcome outcome;
  outcome.number = reply->number;
  return outcome;
}

std::optional<uint32_t> retryAfterMs(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
    value.remove_prefix(1);
  }
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) {
    value.remove_suffix(1);
  }
  uint64_t seconds = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (value.empty() || error != std::errc() || end != value.data() + value.size()) {
    return std::nullopt;
  }
  constexpr uint64_t kDaySeconds = 86'400;
  return static_cast<uint32_t>(std::min(seconds, kDaySeconds) * 1000);
}

std::string encodePathSegment(std::string_view segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : segment) {
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (alnum || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

} // namespace hotline::support
