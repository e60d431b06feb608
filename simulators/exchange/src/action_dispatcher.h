#pragma once
// Sends the platform's actions to the county when they fall due: behaviour steps scheduled
// for each escalation, and /sim/act's actions at once. One worker thread takes them in due
// order (ties in the order scheduled), so each ticket's actions leave in order. In push mode
// it POSTs each to the gateway and, while the gateway is unreachable or answers 5xx, retries
// the same action (same event_id and Idempotency-Key) with backoff before any later one —
// order over completeness of the timing. In pull mode the action goes to the feed instead.
// An action's `at` is the moment it falls due, so a ticket's actions carry ascending times.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <queue>
#include <string>
#include <thread>
#include <vector>

#include "core/model/event_type.h"
#include "core/model/ticket_ref.h"
#include "simulators/exchange/src/action_feed.h"
#include "simulators/exchange/src/behaviour_script.h"
#include "simulators/exchange/src/county_action.h"
#include "simulators/exchange/src/exchange_ledger.h"
#include "simulators/exchange/src/gateway_client.h"

namespace hotline::sim::exchange {

class ActionDispatcher {
public:
  // `gateway` empty = pull mode. `ledger` and `feed` must outlive the dispatcher.
  ActionDispatcher(ActorIdentity identity, std::optional<GatewayClient> gateway,
                   ExchangeLedger& ledger, ActionFeed& feed);
  ~ActionDispatcher(); // stops the worker; undelivered actions are dropped
  ActionDispatcher(const ActionDispatcher&) = delete;
  ActionDispatcher& operator=(const ActionDispatcher&) = delete;

  // The steps of `script` for the county's ticket `county`, counted from now.
  void schedule(const model::ExternalRef& county, const BehaviourScript& script);
  // One action, due now (after those already due). Fails when `data` is not a JSON object.
  Status emitNow(const model::ExternalRef& county, model::EventType type, const std::string& data);

  size_t pending() const;
  // Drops every pending action and abandons a delivery being retried (POST /sim/reset).
  void clear();

private:
  using Clock = std::chrono::steady_clock;
  struct Planned {
    Clock::time_point due;
    uint64_t order = 0;
    model::ExternalRef county;
    model::EventType type = model::EventType::Comment;
    std::string data;
    bool operator>(const Planned& other) const {
      return due != other.due ? due > other.due : order > other.order;
    }
  };

  void enqueueLocked(Planned planned);
  void run();
  void deliver(const Planned& planned, uint64_t generation);
  bool push(const std::string& body, const std::string& event_id, const model::ExternalRef& county,
            uint64_t generation);

  const ActorIdentity identity_;
  const std::optional<GatewayClient> gateway_;
  ExchangeLedger& ledger_;
  ActionFeed& feed_;
  EventIds event_ids_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::priority_queue<Planned, std::vector<Planned>, std::greater<>> queue_;
  uint64_t next_order_ = 0;
  uint64_t generation_ = 0; // bumped by clear(): a retry loop of an older one gives up
  bool in_flight_ = false;
  bool stopping_ = false;
  std::thread worker_; // last: started once everything above exists
};

} // namespace hotline::sim::exchange
