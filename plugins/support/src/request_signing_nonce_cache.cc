#include "hotline/support/request_signing_nonce_cache.h"

#include <cassert>
#include <limits>
#include <utility>

namespace hotline::support {
namespace {

std::string cacheKey(std::string_view app_key, std::string_view nonce) {
  std::string key;
  key.reserve(app_key.size() + 1 + nonce.size());
  key.append(app_key).append("\n").append(nonce);
  return key;
}

} // namespace

NonceCache::NonceCache(MillisClock clock, std::chrono::milliseconds window, NonceCacheLimits limits)
    : clock_(std::move(clock)), window_(window), limits_(limits) {
  assert(clock_);
  assert(window_.count() > 0);
}

Status NonceCache::remember(std::string_view app_key, std::string_view nonce,
                            int64_t timestamp_ms) {
  if (!isSigningAppKey(app_key) || !isSigningNonce(nonce)) {
    // The cache key joins the two with a newline, which neither may then contain.
    return invalidArgument("nonce cache: app key or nonce is not of the signing headers' shape");
  }
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t now_ms = clock_();
  HOTLINE_RETURN_IF_ERROR(checkTimestampWindow(timestamp_ms, now_ms, window_));
  purgeExpired(now_ms);

  std::string key = cacheKey(app_key, nonce);
  if (seen_.find(key) != seen_.end()) {
    return Status(StatusCode::Unauthenticated,
                  std::string(kNonceHeader) + ": \"" + std::string(nonce) +
                      "\" was already used by app key \"" + std::string(app_key) +
                      "\" within the replay window; send a new nonce with every request");
  }
  const auto count = per_key_.find(std::string(app_key));
  if (count != per_key_.end() && count->second >= limits_.per_key) {
    return unavailable("replay protection is full for app key \"" + std::string(app_key) + "\" (" +
                       std::to_string(limits_.per_key) +
                       " requests within the window); retry later");
  }
  if (seen_.size() >= limits_.total) {
    return unavailable("replay protection is full (" + std::to_string(limits_.total) +
                       " requests within the window across all app keys); retry later");
  }

  // The nonce is needed until the timestamp leaves the window: a later replay is stale.
  const int64_t window_ms = window_.count();
  const int64_t expires_ms = timestamp_ms > std::numeric_limits<int64_t>::max() - window_ms
                                 ? std::numeric_limits<int64_t>::max()
                                 : timestamp_ms + window_ms;
  const auto inserted = seen_.emplace(std::move(key), expires_ms).first;
  expiries_.push(Expiry{expires_ms, &inserted->first});
  ++per_key_[std::string(app_key)];
  return Status::ok();
}

void NonceCache::purgeExpired(int64_t now_ms) {
  while (!expiries_.empty() && expiries_.top().expires_ms < now_ms) {
    const auto entry = seen_.find(*expiries_.top().key);
    assert(entry != seen_.end());
    const std::string app_key = entry->first.substr(0, entry->first.find('\n'));
    const auto count = per_key_.find(app_key);
    assert(count != per_key_.end() && count->second > 0);
    if (--count->second == 0) {
      per_key_.erase(count);
    }
    expiries_.pop(); // before the erase, which frees the string the entry points to
    seen_.erase(entry);
  }
}

size_t NonceCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return seen_.size();
}

size_t NonceCache::sizeFor(std::string_view app_key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto count = per_key_.find(std::string(app_key));
  return count == per_key_.end() ? 0 : count->second;
}

} // namespace hotline::support
