#pragma once
// The replay guard of the request-signing scheme: remembers each (app key, nonce) of an
// accepted request until the request's timestamp has left the window, after which a replay
// would be refused as stale anyway. Memory is bounded twice: per app key, so that one peer's
// flood cannot lock the others out, and in total, whatever the number of keys. A full cache
// refuses new requests (Unavailable, 503: retry later) instead of forgetting nonces early,
// because forgetting would let a replay through.
//
// Thread-safe. The time check, the purge and the insertion happen under one lock with one
// reading of the clock, so a nonce purged by one thread cannot be accepted again by another
// that read an older time.

#include "hotline/status.h"
#include "hotline/support/request_signing.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <queue>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hotline::support {

struct NonceCacheLimits {
  // About 150 bytes an entry with 32-character nonces: the defaults cap the cache near 30 MB.
  // 50 000 per key is ~170 requests a second from one peer, sustained over the window.
  size_t per_key = 50'000;
  size_t total = 200'000;
};

class NonceCache {
public:
  NonceCache(MillisClock clock, std::chrono::milliseconds window, NonceCacheLimits limits = {});
  NonceCache(const NonceCache&) = delete;
  NonceCache& operator=(const NonceCache&) = delete;

  // Remembers the nonce of a request signed at `timestamp_ms`. Refuses (Unauthenticated) a
  // timestamp outside the window and a nonce already remembered for this app key; refuses
  // (Unavailable) when a limit is reached after dropping the expired entries.
  Status remember(std::string_view app_key, std::string_view nonce, int64_t timestamp_ms);

  size_t size() const;
  size_t sizeFor(std::string_view app_key) const;

private:
  struct Expiry {
    int64_t expires_ms;
    const std::string* key; // points into seen_'s node, stable until that node is erased
    bool operator>(const Expiry& other) const { return expires_ms > other.expires_ms; }
  };

  void purgeExpired(int64_t now_ms);

  const MillisClock clock_;
  const std::chrono::milliseconds window_;
  const NonceCacheLimits limits_;

  mutable std::mutex mutex_;
  // "app key \n nonce" -> expiry; both parts are visible ASCII, so the key is unambiguous.
  std::unordered_map<std::string, int64_t> seen_;
  std::priority_queue<Expiry, std::vector<Expiry>, std::greater<>> expiries_;
  std::unordered_map<std::string, size_t> per_key_;
};

} // namespace hotline::support
