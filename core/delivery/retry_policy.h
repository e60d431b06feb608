#pragma once
// When to try a failed delivery again: exponential backoff with full jitter
// (delay = random(0, min(cap, base * factor^(attempt-1))), see the AWS architecture blog
// "Exponential Backoff And Jitter"), stretched to the peer's Retry-After when that is longer,
// and a limit on attempts after which the row is dead-lettered.
//
// Thread safety: a RetryPolicy is immutable after construction; nextDelay() may be called
// from any thread provided the random source may (the default one locks).

#include <chrono>
#include <functional>
#include <optional>
#include <string_view>

namespace hotline::delivery {

struct RetryOptions {
  std::chrono::milliseconds base{500};
  double factor = 2.0;
  std::chrono::milliseconds cap{std::chrono::minutes(10)};
  // Attempts in total, the first included; the attempt that reaches it dead-letters the row.
  int max_attempts = 25;
  // A Retry-After longer than this is shortened to it: a bogus header must not hold a
  // ticket's queue for days.
  std::chrono::milliseconds retry_after_cap{std::chrono::hours(1)};
};

class RetryPolicy {
public:
  // Returns a uniformly distributed number in [0, 1).
  using RandomSource = std::function<double()>;

  explicit RetryPolicy(RetryOptions options = {}, RandomSource random = {});

  // True when `attempts_made` attempts have used up the budget (the row goes dead).
  bool exhausted(int attempts_made) const;

  // The wait before the next attempt after `attempts_made` (>= 1) failed attempts; nullopt
  // when exhausted. `retry_after` is the peer's request, honoured when longer than the
  // jittered backoff (and capped by retry_after_cap).
  std::optional<std::chrono::milliseconds>
  nextDelay(int attempts_made, std::optional<std::chrono::milliseconds> retry_after) const;

  // The upper bound of the jittered backoff for that attempt: min(cap, base*factor^(n-1)).
  std::chrono::milliseconds ceiling(int attempts_made) const;

  const RetryOptions& options() const { return options_; }

private:
  RetryOptions options_;
  RandomSource random_;
};

// Parses a Retry-After header value: delay-seconds ("120") or an HTTP-date
// ("Wed, 21 Oct 2015 07:28:00 GMT", also the obsolete RFC 850 and asctime forms) taken
// relative to `now`. A date in the past gives 0; anything unparseable gives nullopt.
std::optional<std::chrono::milliseconds> parseRetryAfter(std::string_view value,
                                                         std::chrono::system_clock::time_point now);

} // namespace hotline::delivery
