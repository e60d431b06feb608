#pragma once
// The exchange's request-signing scheme (DESIGN.md §7), shared by the exchange and department
// connectors, the simulators and the fuzz target. plugins/support/REQUEST_SIGNING.md is the
// description for peers' developers; this header is the contract for our code.
//
// A signed request carries five headers:
//   X-App-Key    who signs (echoed in errors; never secret)
//   X-Timestamp  milliseconds since 1970-01-01 UTC, decimal, no leading zeros; accepted
//                within ±window (300 s by default) of the receiver's clock
//   X-Nonce      8–128 visible ASCII characters, unique per app key within the window
//   X-Sign-Alg   HMAC-SHA256 or HMAC-SM3
//   X-Signature  lower-case hex HMAC(secret, string to sign); upper-case hex is accepted
//
// The string to sign of a request is
//   METHOD "\n" TARGET "\n" TIMESTAMP "\n" NONCE "\n" hex(SHA-256(body))
// where TARGET is the raw request target as sent on the request line (origin form: path and,
// when there is one, "?" and the query, byte for byte, no decoding or re-ordering). The query
// is inside so that pull-mode reads (`GET /exchange/v1/actions?since=…`) cannot be redirected
// to another cursor. The body hash is SHA-256 with either HMAC algorithm (DESIGN.md §7).
//
// A reply is signed by the receiver with the same key and algorithm, its own timestamp and
// the *request's* nonce, over
//   "RESPONSE" "\n" TARGET-OF-THE-REQUEST "\n" TIMESTAMP "\n" REQUEST-NONCE "\n" hex(SHA-256(body))
// Echoing the nonce binds the reply to the one request it answers, so the caller needs no
// nonce cache of its own; "RESPONSE" keeps a reply from passing as a request (verifiers refuse
// the method RESPONSE).
//
// Every function here is thread-safe (no shared state). Errors name the header and the reason;
// they never contain a secret or a signature value.

#include "hotline/status.h"
#include "hotline/support/signature.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hotline::support {

inline constexpr std::string_view kAppKeyHeader = "X-App-Key";
inline constexpr std::string_view kTimestampHeader = "X-Timestamp";
inline constexpr std::string_view kNonceHeader = "X-Nonce";
inline constexpr std::string_view kSignAlgHeader = "X-Sign-Alg";
inline constexpr std::string_view kSignatureHeader = "X-Signature";

inline constexpr std::chrono::milliseconds kDefaultSigningWindow{300'000};
// The method word of a reply's string to sign; never accepted as a request method.
inline constexpr std::string_view kReplyMethod = "RESPONSE";

// Limits of the header values (oversized or malformed values are refused before any work).
inline constexpr size_t kMaxAppKeyLength = 128;
inline constexpr size_t kMinNonceLength = 8;
inline constexpr size_t kMaxNonceLength = 128;
inline constexpr size_t kMaxTargetLength = 8192;

// The shape rules of the header values, shared by parsing and signing: visible ASCII is
// 0x21-0x7e (no space, no control, no non-ASCII byte), which also makes a value safe to echo.
bool isVisibleAscii(std::string_view text);
bool isSigningAppKey(std::string_view app_key); // 1 to kMaxAppKeyLength visible ASCII
bool isSigningNonce(std::string_view nonce);    // kMinNonceLength to kMaxNonceLength of them

// Milliseconds since 1970-01-01 UTC. Injected so that tests control time; must be thread-safe.
using MillisClock = std::function<int64_t()>;
int64_t systemMillis();

// "HMAC-SHA256" / "HMAC-SM3".
std::string_view signAlgorithmName(HmacAlgorithm algorithm);
// The inverse (exact, case-sensitive names); the error is
// "X-Sign-Alg: HMAC-MD5 is not supported (HMAC-SHA256, HMAC-SM3)". Only a value that is
// plainly an algorithm's name (HMAC…, MD5, SHA1, SHA256, SM3) is echoed; any other is
// "this value", in case a peer's secret landed in the wrong header.
Result<HmacAlgorithm> parseSignAlgorithm(std::string_view name);

// The credentials a signer holds. `secret` is never written to an error or a log.
struct SigningKey {
  std::string app_key;
  std::string secret;
  HmacAlgorithm algorithm = HmacAlgorithm::Sha256;
};

// The five header values, parsed or about to be sent.
struct SignatureHeaders {
  std::string app_key;
  int64_t timestamp_ms = 0;
  std::string nonce;
  HmacAlgorithm algorithm = HmacAlgorithm::Sha256;
  std::string signature; // lower-case hex

  // (name, value) pairs in the order of the constants above, ready for an HTTP client.
  std::vector<std::pair<std::string, std::string>> toHeaderList() const;
};

// ---- the strings to sign (exposed so that peers' developers and tests can see them) -----

// Fails with InvalidArgument when the method is not an HTTP token or is "RESPONSE", or the
// target is empty, longer than kMaxTargetLength, not starting with '/', or holds a control
// character or a space (which a request line cannot carry either).
Result<std::string> requestStringToSign(std::string_view method, std::string_view target,
                                        int64_t timestamp_ms, std::string_view nonce,
                                        std::string_view body);
Result<std::string> replyStringToSign(std::string_view request_target, int64_t timestamp_ms,
                                      std::string_view request_nonce, std::string_view body);

// ---- signing ---------------------------------------------------------------------------

// The headers of a request signed with `key` (an empty secret or app key is refused).
Result<SignatureHeaders> signRequest(const SigningKey& key, std::string_view method,
                                     std::string_view target, std::string_view body,
                                     int64_t timestamp_ms, std::string_view nonce);
// The same at the current time with a fresh random nonce (randomNonce()).
Result<SignatureHeaders> signRequest(const SigningKey& key, std::string_view method,
                                     std::string_view target, std::string_view body);

// The headers of a reply to the request whose target and nonce are given.
Result<SignatureHeaders> signReply(const SigningKey& key, std::string_view request_target,
                                   std::string_view request_nonce, std::string_view body,
                                   int64_t timestamp_ms);
Result<SignatureHeaders> signReply(const SigningKey& key, std::string_view request_target,
                                   std::string_view request_nonce, std::string_view body);

// 32 lower-case hex characters from 16 bytes of OpenSSL's RAND_bytes.
Result<std::string> randomNonce();

// ---- parsing -------------------------------------------------------------------------

// Value of the first header of that name, compared case-insensitively; empty when absent
// (the shape of hotline::plugin::HttpRequest::header). Duplicates cannot be seen through it.
using HeaderLookup = std::function<std::string_view(std::string_view name)>;
using HeaderList = std::vector<std::pair<std::string, std::string>>;

// The five headers, checked for presence, shape and size. An error (Unauthenticated) lists
// every bad header, e.g. "X-Nonce: missing; X-Signature: must be 64 hex characters (the
// HMAC in lower-case hex), got 40". Values that failed their check are not echoed.
Result<SignatureHeaders> parseSignatureHeaders(const HeaderLookup& lookup);
// The same over a list of (name, value); a signing header given twice is refused too.
Result<SignatureHeaders> parseSignatureHeaders(const HeaderList& headers);

// ---- checking --------------------------------------------------------------------------

// Ok when |now - timestamp| <= window; otherwise Unauthenticated, e.g. "X-Timestamp:
// 301.5 s behind this server's clock (allowed: ±300 s); check the sender's clock".
Status checkTimestampWindow(int64_t timestamp_ms, int64_t now_ms, std::chrono::milliseconds window);

// Verifies a reply to a request the caller signed with `key` and the nonce it sent: same app
// key and algorithm, the request's nonce echoed, timestamp within the window, and the
// signature. Errors (Unauthenticated) start with "reply ".
Status verifyReply(const SigningKey& key, std::string_view request_target,
                   std::string_view request_nonce, const SignatureHeaders& reply,
                   std::string_view reply_body, int64_t now_ms,
                   std::chrono::milliseconds window = kDefaultSigningWindow);

} // namespace hotline::support
