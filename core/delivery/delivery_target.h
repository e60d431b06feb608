#pragma once
// Where outbox rows go: the core platform, or a connector instance on the downlink. The
// OutboxDispatcher owns ordering, retries, dead letters and the circuit breaker; a target
// only turns rows into requests and answers into verdicts.

#include "core/delivery/item_verdict.h"
#include "core/store/store.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace hotline::delivery {

class DeliveryTarget {
public:
  // Exactly one verdict per row of the batch, in the batch's order.
  using Callback = std::function<void(std::vector<ItemVerdict>)>;

  virtual ~DeliveryTarget() = default;

  // The name outbox rows carry in their `target` column. Constant.
  virtual const std::string& name() const = 0;

  // Sends `batch` (1..maxBatch() rows, at most one row per ticket) and calls `done` exactly
  // once, from any thread, possibly before send() returns.
  // OWNERSHIP: the rows belong to the dispatcher and stay valid until `done` has returned.
  // Rows must be sent under their own idempotency_key, never another.
  // Thread safety: may be called concurrently (the dispatcher's in-flight limit allows
  // several sends per target at once).
  virtual void send(std::vector<const store::OutboxRow*> batch, Callback done) = 0;

  // The largest batch this target accepts in one send (1 = no batching). Constant.
  virtual size_t maxBatch() const = 0;
};

} // namespace hotline::delivery
