// The strings to sign, signing, reply verification and the timestamp window of the exchange's
// request-signing scheme. Header parsing is in request_signing_headers.cc.
#include "hotline/support/request_signing.h"

#include <openssl/rand.h>

#include <cassert>

namespace hotline::support {
namespace {

constexpr int64_t kTimestampLimit = 10'000'000'000'000'000; // 16 digits, far beyond any clock
constexpr int64_t kSecondsLooking = 100'000'000'000;        // 1e11 ms is 1973; 1e11 s is 5138

Status unauthenticated(std::string message) {
  return Status(StatusCode::Unauthenticated, std::move(message));
}

// RFC 9110 token characters: what a request line's method may hold.
bool isTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
    return true;
  }
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

Status checkMethod(std::string_view method) {
  if (method.empty() || method.size() > 32) {
    return invalidArgument("request method must be 1 to 32 token characters");
  }
  for (char c : method) {
    if (!isTokenChar(c)) {
      return invalidArgument("request method must be 1 to 32 token characters");
    }
  }
  if (method == kReplyMethod) {
    // A reply's string to sign starts with this word; accepting it as a request method would
    // let a captured reply pass as a request to the same target.
    return invalidArgument("request method RESPONSE is reserved for signed replies");
  }
  return Status::ok();
}

// Bytes of 0x80 and above pass: some clients send UTF-8 unencoded and the HMAC covers bytes.
// Spaces and control characters cannot be on a request line, and a newline would make the
// string to sign ambiguous.
Status checkTarget(std::string_view target) {
  if (target.empty() || target.front() != '/') {
    return invalidArgument("request target must start with '/' (the path as sent, with its query)");
  }
  if (target.size() > kMaxTargetLength) {
    return invalidArgument("request target is longer than " + std::to_string(kMaxTargetLength) +
                           " bytes");
  }
  for (char c : target) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f) {
      return invalidArgument("request target holds a space or control character");
    }
  }
  return Status::ok();
}

Status checkKey(const SigningKey& key) {
  if (!isSigningAppKey(key.app_key)) {
    return invalidArgument("signing key: the app key must be 1 to " +
                           std::to_string(kMaxAppKeyLength) + " visible ASCII characters");
  }
  if (key.secret.empty()) {
    return invalidArgument("signing key of app key \"" + key.app_key + "\": the secret is empty");
  }
  return Status::ok();
}

// "300", "300.5", "300.001": whole seconds stay whole, milliseconds are kept exactly.
std::string secondsText(uint64_t ms) {
  std::string text = std::to_string(ms / 1000);
  if (const uint64_t fraction = ms % 1000; fraction != 0) {
    std::string digits = std::to_string(fraction + 1000).substr(1);
    digits.erase(digits.find_last_not_of('0') + 1);
    text += "." + digits;
  }
  return text;
}

Result<std::string> stringToSign(std::string_view first, std::string_view target,
                                 int64_t timestamp_ms, std::string_view nonce,
                                 std::string_view body) {
  if (timestamp_ms < 0 || timestamp_ms >= kTimestampLimit) {
    return invalidArgument("timestamp must be milliseconds since 1970-01-01 UTC, 0 to 16 digits");
  }
  if (!isSigningNonce(nonce)) {
    return invalidArgument("nonce must be " + std::to_string(kMinNonceLength) + " to " +
                           std::to_string(kMaxNonceLength) + " visible ASCII characters");
  }
  Result<std::string> body_hash = digestHex(HmacAlgorithm::Sha256, body);
  if (!body_hash) {
    return body_hash.status();
  }
  std::string out;
  out.reserve(first.size() + target.size() + nonce.size() + 100);
  out.append(first).append("\n").append(target).append("\n");
  out.append(std::to_string(timestamp_ms)).append("\n").append(nonce).append("\n");
  out.append(*body_hash);
  return out;
}

Result<SignatureHeaders> signString(const SigningKey& key, const Result<std::string>& to_sign,
                                    int64_t timestamp_ms, std::string_view nonce) {
  if (!to_sign) {
    return to_sign.status();
  }
  Result<std::string> mac = hmacHex(key.algorithm, key.secret, *to_sign);
  if (!mac) {
    return mac.status();
  }
  return SignatureHeaders{key.app_key, timestamp_ms, std::string(nonce), key.algorithm,
                          std::move(*mac)};
}

} // namespace

int64_t systemMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string_view signAlgorithmName(HmacAlgorithm algorithm) {
  return algorithm == HmacAlgorithm::Sm3 ? "HMAC-SM3" : "HMAC-SHA256";
}

bool isVisibleAscii(std::string_view text) {
  for (char c : text) {
    if (c < '!' || c > '~') {
      return false;
    }
  }
  return true;
}

bool isSigningAppKey(std::string_view app_key) {
  return !app_key.empty() && app_key.size() <= kMaxAppKeyLength && isVisibleAscii(app_key);
}

bool isSigningNonce(std::string_view nonce) {
  return nonce.size() >= kMinNonceLength && nonce.size() <= kMaxNonceLength &&
         isVisibleAscii(nonce);
}

std::vector<std::pair<std::string, std::string>> SignatureHeaders::toHeaderList() const {
  return {{std::string(kAppKeyHeader), app_key},
          {std::string(kTimestampHeader), std::to_string(timestamp_ms)},
          {std::string(kNonceHeader), nonce},
          {std::string(kSignAlgHeader), std::string(signAlgorithmName(algorithm))},
          {std::string(kSignatureHeader), signature}};
}

Result<std::string> requestStringToSign(std::string_view method, std::string_view target,
                                        int64_t timestamp_ms, std::string_view nonce,
                                        std::string_view body) {
  HOTLINE_RETURN_IF_ERROR(checkMethod(method));
  HOTLINE_RETURN_IF_ERROR(checkTarget(target));
  return stringToSign(method, target, timestamp_ms, nonce, body);
}

Result<std::string> replyStringToSign(std::string_view request_target, int64_t timestamp_ms,
                                      std::string_view request_nonce, std::string_view body) {
  HOTLINE_RETURN_IF_ERROR(checkTarget(request_target));
  return stringToSign(kReplyMethod, request_target, timestamp_ms, request_nonce, body);
}

Result<SignatureHeaders> signRequest(const SigningKey& key, std::string_view method,
                                     std::string_view target, std::string_view body,
                                     int64_t timestamp_ms, std::string_view nonce) {
  HOTLINE_RETURN_IF_ERROR(checkKey(key));
  return signString(key, requestStringToSign(method, target, timestamp_ms, nonce, body),
                    timestamp_ms, nonce);
}

Result<SignatureHeaders> signRequest(const SigningKey& key, std::string_view method,
                                     std::string_view target, std::string_view body) {
  Result<std::string> nonce = randomNonce();
  if (!nonce) {
    return nonce.status();
  }
  return signRequest(key, method, target, body, systemMillis(), *nonce);
}

Result<SignatureHeaders> signReply(const SigningKey& key, std::string_view request_target,
                                   std::string_view request_nonce, std::string_view body,
                                   int64_t timestamp_ms) {
  HOTLINE_RETURN_IF_ERROR(checkKey(key));
  return signString(key, replyStringToSign(request_target, timestamp_ms, request_nonce, body),
                    timestamp_ms, request_nonce);
}

Result<SignatureHeaders> signReply(const SigningKey& key, std::string_view request_target,
                                   std::string_view request_nonce, std::string_view body) {
  return signReply(key, request_target, request_nonce, body, systemMillis());
}

Result<std::string> randomNonce() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) {
    return internalError("no random nonce: OpenSSL RAND_bytes failed");
  }
  static constexpr std::string_view kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : bytes) {
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0x0f];
  }
  return out;
}

Status checkTimestampWindow(int64_t timestamp_ms, int64_t now_ms,
                            std::chrono::milliseconds window) {
  assert(window.count() > 0);
  // Unsigned subtraction in the right order gives the exact distance for any two int64s.
  const bool behind = now_ms >= timestamp_ms;
  const uint64_t distance =
      behind ? static_cast<uint64_t>(now_ms) - static_cast<uint64_t>(timestamp_ms)
             : static_cast<uint64_t>(timestamp_ms) - static_cast<uint64_t>(now_ms);
  if (distance <= static_cast<uint64_t>(window.count())) {
    return Status::ok();
  }
  std::string message = std::string(kTimestampHeader) + ": " + secondsText(distance) + " s " +
                        (behind ? "behind" : "ahead of") + " this server's clock (allowed: ±" +
                        secondsText(static_cast<uint64_t>(window.count())) +
                        " s); check the sender's clock";
  if (timestamp_ms < kSecondsLooking && now_ms >= kSecondsLooking * 10) {
    message += "; the value looks like seconds, send milliseconds since 1970-01-01 UTC";
  }
  return unauthenticated(std::move(message));
}

Status verifyReply(const SigningKey& key, std::string_view request_target,
                   std::string_view request_nonce, const SignatureHeaders& reply,
                   std::string_view reply_body, int64_t now_ms, std::chrono::milliseconds window) {
  if (reply.app_key != key.app_key) {
    return unauthenticated("reply X-App-Key: \"" + reply.app_key +
                           "\" is not the app key the request was signed with (\"" + key.app_key +
                           "\")");
  }
  if (reply.algorithm != key.algorithm) {
    return unauthenticated("reply X-Sign-Alg: " + std::string(signAlgorithmName(reply.algorithm)) +
                           " differs from the request's " +
                           std::string(signAlgorithmName(key.algorithm)));
  }
  if (reply.nonce != request_nonce) {
    return unauthenticated("reply X-Nonce: does not echo the request's nonce \"" +
                           std::string(request_nonce) + "\"");
  }
  if (Status fresh = checkTimestampWindow(reply.timestamp_ms, now_ms, window); !fresh) {
    return unauthenticated("reply " + fresh.message());
  }
  Result<std::string> to_sign =
      replyStringToSign(request_target, reply.timestamp_ms, request_nonce, reply_body);
  if (!to_sign) {
    return to_sign.status();
  }
  Result<std::string> expected = hmacHex(key.algorithm, key.secret, *to_sign);
  if (!expected) {
    return expected.status();
  }
  if (!constantTimeEquals(*expected, reply.signature)) {
    return unauthenticated("reply X-Signature: does not match the reply; check the secret of app "
                           "key \"" +
                           key.app_key + "\" and the reply's string to sign");
  }
  return Status::ok();
}

} // namespace hotline::support
