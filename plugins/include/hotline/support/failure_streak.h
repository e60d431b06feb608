#pragma once
// A link's failed calls in a row and the last one's reason, behind a connector's health():
// the department and exchange connectors report themselves degraded after a few failures in
// a row, with the same wording, so that an operator reads both links' health alike.

#include "hotline/plugin/messages.h"

#include <atomic>
#include <mutex>
#include <string>

namespace hotline::support {

// Thread-safe: deliveries and pollers note outcomes on several threads while the host reads
// health().
class FailureStreak {
public:
  // After this many failures in a row the link is degraded: one failure is often a blip.
  static constexpr int kDegradedAfter = 3;

  // `calls` names what failed in the health text, e.g. "pushes": "3 pushes in a row failed;
  // last: <reason>".
  explicit FailureStreak(std::string calls) : calls_(std::move(calls)) {}

  void failed(const std::string& reason);
  void succeeded() { in_a_row_ = 0; }

  // Healthy, or degraded naming the count and the last reason. (Whether the connector runs at
  // all is the connector's to say.)
  plugin::Health health() const;

private:
  const std::string calls_;
  std::atomic<int> in_a_row_{0};
  mutable std::mutex last_mutex_;
  std::string last_; // under last_mutex_
};

} // namespace hotline::support
