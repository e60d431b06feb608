#include "core/delivery/retry_policy.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <mutex>
#include <random>
#include <string>

namespace hotline::delivery {
namespace {

// The default source: one seeded generator shared by the policy's copies, behind a lock
// because the dispatcher and targets may call from different threads.
RetryPolicy::RandomSource defaultRandom() {
  struct Shared {
    std::mutex mutex;
    std::mt19937_64 engine{std::random_device{}()};
    std::uniform_real_distribution<double> uniform{0.0, 1.0};
  };
  auto shared = std::make_shared<Shared>();
  return [shared]() {
    std::lock_guard<std::mutex> lock(shared->mutex);
    return shared->uniform(shared->engine);
  };
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return text;
}

} // namespace

RetryPolicy::RetryPolicy(RetryOptions options, RandomSource random)
    : options_(options), random_(random ? std::move(random) : defaultRandom()) {
  options_.max_attempts = std::max(options_.max_attempts, 1);
  options_.factor = std::max(options_.factor, 1.0);
  options_.base = std::max(options_.base, std::chrono::milliseconds(0));
  options_.cap = std::max(options_.cap, options_.base);
}

bool RetryPolicy::exhausted(int attempts_made) const {
  return attempts_made >= options_.max_attempts;
}

std::chrono::milliseconds RetryPolicy::ceiling(int attempts_made) const {
  const double exponent = std::max(attempts_made, 1) - 1;
  const double raw =
      static_cast<double>(options_.base.count()) * std::pow(options_.factor, exponent);
  const double cap = static_cast<double>(options_.cap.count());
  // pow() may overflow to inf for large attempt counts; min() with the cap keeps it finite.
  return std::chrono::milliseconds(static_cast<int64_t>(std::min(raw, cap)));
}

std::optional<std::chrono::milliseconds>
RetryPolicy::nextDelay(int attempts_made,
                       std::optional<std::chrono::milliseconds> retry_after) const {
  if (exhausted(attempts_made)) {
    return std::nullopt;
  }
  double unit = random_();
  unit = std::clamp(unit, 0.0, 1.0);
  const auto top = ceiling(attempts_made);
  auto delay = std::chrono::milliseconds(
      static_cast<int64_t>(std::floor(unit * static_cast<double>(top.count()))));
  delay = std::min(delay, top);
  if (retry_after) {
    const auto asked =
        std::clamp(*retry_after, std::chrono::milliseconds(0), options_.retry_after_cap);
    delay = std::max(delay, asked);
  }
  return delay;
}

std::optional<std::chrono::milliseconds>
parseRetryAfter(std::string_view value, std::chrono::system_clock::time_point now) {
  value = trim(value);
  if (value.empty()) {
    return std::nullopt;
  }
  if (std::all_of(value.begin(), value.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
    if (value.size() > 9) { // more than ~31 years: treat as "very long", the cap applies
      return std::chrono::milliseconds(std::chrono::hours(24 * 365));
    }
    return std::chrono::seconds(std::stoll(std::string(value)));
  }
  // curl_getdate understands RFC 1123, RFC 850 and asctime dates, the three forms RFC 9110
  // requires a recipient to accept.
  const std::string text(value);
  const time_t when = curl_getdate(text.c_str(), nullptr);
  if (when < 0) {
    return std::nullopt;
  }
  const auto at = std::chrono::system_clock::from_time_t(when);
  if (at <= now) {
    return std::chrono::milliseconds(0);
  }
  return std::chrono::duration_cast<std::chrono::milliseconds>(at - now);
}

} // namespace hotline::delivery
