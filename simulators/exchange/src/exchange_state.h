#pragma once
// Everything one running `hotline-sim exchange` shares between its handlers and its delivery
// worker. Built once in runExchange() and outliving the HTTP server.

#include <chrono>
#include <mutex>
#include <optional>

#include "hotline/support/request_signing_verifier.h"
#include "simulators/exchange/src/action_dispatcher.h"
#include "simulators/exchange/src/action_feed.h"
#include "simulators/exchange/src/behaviour_script.h"
#include "simulators/exchange/src/exchange_ledger.h"
#include "simulators/exchange/src/exchange_options.h"

namespace hotline::sim::exchange {

// The behaviour in force; replaced by POST /sim/behaviour while escalations are arriving.
class BehaviourSetting {
public:
  explicit BehaviourSetting(BehaviourScript script) : script_(std::move(script)) {}
  BehaviourScript get() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return script_;
  }
  void set(BehaviourScript script) {
    std::lock_guard<std::mutex> lock(mutex_);
    script_ = std::move(script);
  }

private:
  mutable std::mutex mutex_;
  BehaviourScript script_;
};

// POST /sim/down: answer 503 to every /exchange/v1/* call, for good or for a while.
class Outage {
public:
  void set(bool down, std::optional<std::chrono::milliseconds> duration) {
    std::lock_guard<std::mutex> lock(mutex_);
    down_ = down;
    until_.reset();
    if (down && duration) {
      until_ = std::chrono::steady_clock::now() + *duration;
    }
  }
  bool isDown() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return down_ && (!until_ || std::chrono::steady_clock::now() < *until_);
  }

private:
  mutable std::mutex mutex_;
  bool down_ = false;
  std::optional<std::chrono::steady_clock::time_point> until_;
};

struct ExchangeState {
  explicit ExchangeState(ExchangeOptions parsed)
      : options(std::move(parsed)), verifier(options.peer_keys.lookup()),
        ledger(options.number_prefix), behaviour(options.behaviour),
        dispatcher(ActorIdentity{options.system, options.unit_code, options.actor_name},
                   options.gateway ? std::optional<GatewayClient>(
                                         GatewayClient(*options.gateway, *options.own_key))
                                   : std::nullopt,
                   ledger, feed) {}

  // The county's system name for a ticket we send down (escalations carry their own).
  std::string countySystemForDispatch() const {
    return options.county_system.empty() ? "county" : options.county_system;
  }

  const ExchangeOptions options;
  support::RequestVerifier verifier;
  ExchangeLedger ledger;
  ActionFeed feed;
  BehaviourSetting behaviour;
  Outage outage;
  ActionDispatcher dispatcher; // last: its worker uses the members above
};

} // namespace hotline::sim::exchange
