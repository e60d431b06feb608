#pragma once
// The verdict on one outbox row after one delivery attempt: what the dispatcher does next
// with the row (mark it delivered, schedule a retry, or dead-letter it). Produced by a
// DeliveryTarget, usually through the FailureClassifier.

#include "hotline/plugin/messages.h"

#include <chrono>
#include <optional>
#include <string>
#include <utility>

namespace hotline::delivery {

struct ItemVerdict {
  enum class Kind { Ok, Retry, Permanent };
  Kind kind = Kind::Ok;
  // Retry only: the peer asked to wait at least this long (Retry-After). The RetryPolicy
  // takes the longer of this and its own backoff.
  std::optional<std::chrono::milliseconds> retry_after;
  std::string reason;  // Retry / Permanent: masked, names target, path, status, peer's text
  int http_status = 0; // what the peer answered, 0 = no answer (connect error, timeout)

  static ItemVerdict ok(int status = 200) { return {Kind::Ok, std::nullopt, {}, status}; }
  static ItemVerdict retry(std::string why, int status = 0,
                           std::optional<std::chrono::milliseconds> after = std::nullopt) {
    return {Kind::Retry, after, std::move(why), status};
  }
  static ItemVerdict permanent(std::string why, int status = 0) {
    return {Kind::Permanent, std::nullopt, std::move(why), status};
  }
};

inline const char* verdictKindName(ItemVerdict::Kind kind) {
  switch (kind) {
  case ItemVerdict::Kind::Ok:
    return "ok";
  case ItemVerdict::Kind::Retry:
    return "retry";
  case ItemVerdict::Kind::Permanent:
    return "permanent";
  }
  return "unknown";
}

// A downlink connector answers with the SDK's Delivery; this maps it onto a verdict so a
// connector-backed DeliveryTarget is a few lines.
inline ItemVerdict verdictFromDelivery(const plugin::Delivery& delivery) {
  switch (delivery.kind) {
  case plugin::Delivery::Kind::Ok:
    return ItemVerdict::ok();
  case plugin::Delivery::Kind::Retry: {
    std::optional<std::chrono::milliseconds> after;
    if (delivery.retry_after_ms > 0) {
      after = std::chrono::milliseconds(delivery.retry_after_ms);
    }
    return ItemVerdict::retry(delivery.reason, 0, after);
  }
  case plugin::Delivery::Kind::Permanent:
    return ItemVerdict::permanent(delivery.reason);
  }
  return ItemVerdict::permanent("unknown delivery verdict");
}

} // namespace hotline::delivery
