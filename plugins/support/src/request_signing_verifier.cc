#include "hotline/support/request_signing_verifier.h"

#include <algorithm>
#include <cassert>
#include <memory>
#include <utility>

namespace hotline::support {
namespace {

Status unauthenticated(std::string message) {
  return Status(StatusCode::Unauthenticated, std::move(message));
}

std::string algorithmList(const std::vector<HmacAlgorithm>& algorithms) {
  std::string out;
  for (HmacAlgorithm algorithm : algorithms) {
    out += (out.empty() ? "" : ", ") + std::string(signAlgorithmName(algorithm));
  }
  return out;
}

} // namespace

KeyLookup fixedKeys(std::map<std::string, CallerKey, std::less<>> keys) {
  auto table =
      std::make_shared<const std::map<std::string, CallerKey, std::less<>>>(std::move(keys));
  return [table](std::string_view app_key) -> std::optional<CallerKey> {
    const auto found = table->find(app_key);
    if (found == table->end()) {
      return std::nullopt;
    }
    return found->second;
  };
}

RequestVerifier::RequestVerifier(KeyLookup keys, VerifierOptions options, MillisClock clock)
    : keys_(std::move(keys)), window_(options.window), clock_(std::move(clock)),
      nonces_(clock_, options.window, options.nonce_limits) {
  assert(keys_);
  assert(clock_);
}

Result<CallerKey> RequestVerifier::keyFor(const SignatureHeaders& headers) const {
  std::optional<CallerKey> key = keys_(headers.app_key);
  const std::string quoted = "\"" + headers.app_key + "\"";
  if (!key) {
    return unauthenticated(std::string(kAppKeyHeader) + ": " + quoted +
                           " is not a registered app key");
  }
  // A key without a secret or an algorithm is our configuration's fault, not the peer's.
  if (key->secret.empty()) {
    return failedPrecondition("app key " + quoted + " is configured without a secret");
  }
  if (key->algorithms.empty()) {
    return failedPrecondition("app key " + quoted + " is configured without an algorithm");
  }
  if (std::find(key->algorithms.begin(), key->algorithms.end(), headers.algorithm) ==
      key->algorithms.end()) {
    return unauthenticated(std::string(kSignAlgHeader) + ": " +
                           std::string(signAlgorithmName(headers.algorithm)) +
                           " is not allowed for app key " + quoted +
                           " (allowed: " + algorithmList(key->algorithms) + ")");
  }
  return std::move(*key);
}

Result<VerifiedCaller> RequestVerifier::verify(std::string_view method, std::string_view target,
                                               const SignatureHeaders& headers,
                                               std::string_view body) {
  Result<CallerKey> key = keyFor(headers);
  if (!key) {
    return key.status();
  }
  // Before any hashing: a stale request is refused cheaply, and the clock is read once more
  // under the nonce cache's lock below.
  HOTLINE_RETURN_IF_ERROR(checkTimestampWindow(headers.timestamp_ms, clock_(), window_));

  Result<std::string> to_sign =
      requestStringToSign(method, target, headers.timestamp_ms, headers.nonce, body);
  if (!to_sign) {
    return to_sign.status();
  }
  Result<std::string> expected = hmacHex(headers.algorithm, key->secret, *to_sign);
  if (!expected) {
    return expected.status();
  }
  if (!constantTimeEquals(*expected, headers.signature)) {
    // Which part differs is not said: that would help a forger more than a developer, who has
    // REQUEST_SIGNING.md's worked example to compare with.
    return unauthenticated(std::string(kSignatureHeader) +
                           ": does not match the request; check the secret of app key \"" +
                           headers.app_key +
                           "\" and the string to sign (method, target with its query, "
                           "X-Timestamp, X-Nonce, SHA-256 of the body)");
  }
  // Only now, so that a forged request can neither fill the cache nor burn a genuine nonce.
  HOTLINE_RETURN_IF_ERROR(nonces_.remember(headers.app_key, headers.nonce, headers.timestamp_ms));
  return VerifiedCaller{headers.app_key, std::move(key->scope), headers.algorithm, headers.nonce};
}

Result<VerifiedCaller> RequestVerifier::verify(std::string_view method, std::string_view target,
                                               const HeaderLookup& headers, std::string_view body) {
  Result<SignatureHeaders> parsed = parseSignatureHeaders(headers);
  if (!parsed) {
    return parsed.status();
  }
  return verify(method, target, *parsed, body);
}

Result<VerifiedCaller> RequestVerifier::verify(std::string_view method, std::string_view target,
                                               const HeaderList& headers, std::string_view body) {
  Result<SignatureHeaders> parsed = parseSignatureHeaders(headers);
  if (!parsed) {
    return parsed.status();
  }
  return verify(method, target, *parsed, body);
}

Result<SignatureHeaders> RequestVerifier::signReply(const VerifiedCaller& caller,
                                                    std::string_view request_target,
                                                    std::string_view body) {
  std::optional<CallerKey> key = keys_(caller.app_key);
  if (!key) {
    return failedPrecondition("app key \"" + caller.app_key +
                              "\" is no longer registered; the reply cannot be signed");
  }
  return support::signReply(SigningKey{caller.app_key, key->secret, caller.algorithm},
                            request_target, caller.nonce, body, clock_());
}

} // namespace hotline::support
