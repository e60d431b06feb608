#include "push_outcome.h"

#include "hotline/support/masking.h"

#include <strings.h>

namespace hotline::connectors::department {
namespace {

constexpr size_t kQuotedBodyBytes = 300;

std::string_view headerValue(const support::HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() && strncasecmp(key.data(), name.data(), key.size()) == 0) {
      return value;
    }
  }
  return {};
}

// The start of a body for an error text; the department may quote the citizen's data, so it
// is masked (and cut on a UTF-8 boundary by toValidUtf8) before it is kept anywhere.
std::string quoted(std::string_view body) {
  return support::maskText(support::toValidUtf8(body.substr(0, kQuotedBodyBytes)));
}

PushOutcome retry(std::string why, uint32_t after_ms = 0) {
  return {plugin::Delivery::retry(std::move(why), after_ms), "", true};
}

PushOutcome permanent(std::string why, bool link_failure) {
  return {plugin::Delivery::permanent(std::move(why)), "", link_failure};
}

PushOutcome judgeError(const PushRequest& request, const HttpAnswer& answer) {
  const std::string answered = request.where + ": answered HTTP " + std::to_string(answer.status) +
                               ": " + quoted(answer.body);
  if (answer.status == 408 || answer.status == 429 || answer.status >= 500) {
    uint32_t after = retryAfterMs(headerValue(answer.headers, "Retry-After")).value_or(0);
    return retry(answered, after);
  }
  return permanent(answered, true);
}

Status checkReplySignature(const PushRequest& request, const HttpAnswer& answer, int64_t now_ms) {
  if (answer.truncated) {
    return Status(StatusCode::Unauthenticated, "reply body is too large to verify");
  }
  Result<support::SignatureHeaders> headers = support::parseSignatureHeaders(answer.headers);
  if (!headers) {
    return Status(StatusCode::Unauthenticated, "reply " + headers.status().message());
  }
  return support::verifyReply(request.key, request.target, request.nonce, *headers, answer.body,
                              now_ms, request.window);
}

} // namespace

PushOutcome judgePush(const PushRequest& request, const HttpAnswer& answer, int64_t now_ms) {
  if (!answer.transport_ok) {
    return retry(request.where + ": " + answer.error);
  }
  if (answer.status < 200 || answer.status >= 300) {
    return judgeError(request, answer);
  }
  if (request.verify_replies) {
    Status signed_ok = checkReplySignature(request, answer, now_ms);
    if (!signed_ok.isOk()) {
      // The department may well have taken the task: the retry carries the same
      // Idempotency-Key, and a department answers a repeated key with its first answer.
      return retry(request.where + ": " + signed_ok.message());
    }
  }
  Result<DeptReply> reply = parseReply(request.format, answer.body);
  if (!reply) {
    return retry(request.where + ": " + reply.status().message() + ": " + quoted(answer.body));
  }
  if (!reply->accepted()) {
    return permanent(request.where + ": refused with code " + reply->code + ": " +
                         support::maskText(reply->message),
                     false);
  }
  PushOutcome outcome;
  outcome.case_no = reply->case_no;
  return outcome;
}

} // namespace hotline::connectors::department
