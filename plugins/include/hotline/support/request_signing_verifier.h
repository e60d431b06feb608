#pragma once
// The receiving side of the request-signing scheme (request_signing.h): checks the five
// headers of an incoming request against a table of peers' keys, refuses replays, and says
// who called. Used by the exchange and department connectors (one key per department, scoped
// to its unit codes) and by the simulators when they verify the gateway's calls.
//
// Order of the checks, each refusal with its own reason (Unauthenticated unless said):
//   1. the five headers are present and well-formed            (parseSignatureHeaders)
//   2. the app key is known, then its algorithm is allowed for it
//   3. the timestamp is within the window                      (before any hashing)
//   4. the method is an HTTP token other than RESPONSE and the target is well-formed
//                                                                (InvalidArgument)
//   5. the signature matches (constant-time; the reason never says which part differs)
//   6. the nonce is new for this app key                         (Unavailable when full)
// The nonce is recorded only in step 6, after the signature was verified, so that forged
// requests cannot fill the cache or block a genuine nonce.

#include "hotline/status.h"
#include "hotline/support/request_signing.h"
#include "hotline/support/request_signing_nonce_cache.h"

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hotline::support {

// What the receiver knows about one app key.
struct CallerKey {
  std::string secret;                    // never appears in an error
  std::vector<HmacAlgorithm> algorithms; // allowed for this key; at least one
  std::vector<std::string> scope;        // opaque here, e.g. a department's unit codes
};

// app key -> its key, or nullopt when unknown. Called from every verifying thread at once,
// so it must be thread-safe; it is a function so that keys can be reloaded without a new
// verifier.
using KeyLookup = std::function<std::optional<CallerKey>(std::string_view app_key)>;

// A lookup over a fixed table (copied into the returned function).
KeyLookup fixedKeys(std::map<std::string, CallerKey, std::less<>> keys);

struct VerifierOptions {
  std::chrono::milliseconds window = kDefaultSigningWindow;
  NonceCacheLimits nonce_limits;
};

// Who called, once the request is verified.
struct VerifiedCaller {
  std::string app_key;
  std::vector<std::string> scope;
  HmacAlgorithm algorithm = HmacAlgorithm::Sha256;
  std::string nonce; // the request's, for signing the reply
};

// Thread-safe: verify() and signReply() may run on any number of threads at once.
class RequestVerifier {
public:
  explicit RequestVerifier(KeyLookup keys, VerifierOptions options = {},
                           MillisClock clock = systemMillis);

  // `target` is the raw request target as received (path and query, undecoded).
  Result<VerifiedCaller> verify(std::string_view method, std::string_view target,
                                const SignatureHeaders& headers, std::string_view body);
  Result<VerifiedCaller> verify(std::string_view method, std::string_view target,
                                const HeaderLookup& headers, std::string_view body);
  Result<VerifiedCaller> verify(std::string_view method, std::string_view target,
                                const HeaderList& headers, std::string_view body);

  // The headers of a reply to a request verify() accepted, signed at the current time with
  // the caller's key and algorithm. Fails if the key has disappeared meanwhile.
  Result<SignatureHeaders> signReply(const VerifiedCaller& caller, std::string_view request_target,
                                     std::string_view body);

  // Nonces currently remembered (a gauge for /metrics).
  size_t rememberedNonces() const { return nonces_.size(); }

private:
  Result<CallerKey> keyFor(const SignatureHeaders& headers) const;

  const KeyLookup keys_;
  const std::chrono::milliseconds window_;
  const MillisClock clock_;
  NonceCache nonces_;
};

} // namespace hotline::support
