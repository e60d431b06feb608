#pragma once
// Internal to OutboxDispatcher: the state it keeps per target and per send, shared by its
// two source files (intake and admin in outbox_dispatcher.cc, sending and outcomes in
// outbox_sending.cc). Everything here is guarded by the dispatcher's mutex unless noted.

#include "core/delivery/outbox_dispatcher.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

namespace hotline::delivery {

inline constexpr const char* kDeliveryComponent = "delivery";

struct OutboxDispatcher::TargetState {
  TargetState(std::shared_ptr<DeliveryTarget> delivery_target, const BreakerOptions& options,
              const Clock& clock)
      : target(std::move(delivery_target)), breaker(options, clock) {
    counters.name = target->name();
  }

  std::shared_ptr<DeliveryTarget> target;
  TicketQueues queues;
  CircuitBreaker breaker;
  size_t sends_in_flight = 0;
  TargetStats counters; // the monotonic parts of the stats snapshot
};

// One send() in flight. Shared with the target's callback, which may outlive the dispatcher.
struct OutboxDispatcher::SendBatch {
  TargetState* target = nullptr;
  std::vector<RowPtr> rows;
  std::chrono::steady_clock::time_point started{};
  bool probe = false;     // the breaker's half-open probe
  bool completed = false; // a second callback is a target bug; it is ignored
};

// What a target's callback reaches the dispatcher through: stop() clears `owner` so that a
// late callback finds nobody home instead of a destroyed object.
struct OutboxDispatcher::CallbackGate {
  std::mutex mutex;
  OutboxDispatcher* owner = nullptr;
};

} // namespace hotline::delivery
