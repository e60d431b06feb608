#pragma once
// Decides, request by request and item by item, which fault of the current FaultPlan hits.
// Pure decisions: the handlers act on them (sleep, answer 503/429/422, reset the connection).
//
// Thread-safe. Draws come from two seeded streams (one for resets, one for item errors), so a
// plan with a seed gives the same decisions for the same sequence of calls; with concurrent
// clients the interleaving, and so the assignment to requests, is up to the scheduler.

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <string_view>

#include "simulators/core_platform/src/fault_plan.h"

namespace hotline::sim::core_platform {

struct RequestFault {
  enum class Action {
    None,
    Outage,      // answer 503 (+ Retry-After), record nothing
    ResetBefore, // reset the connection before processing: nothing recorded
    ResetAfter,  // process and record normally, then reset instead of answering
  };
  std::chrono::milliseconds latency{0}; // wait this long first, whatever the action
  Action action = Action::None;
  int retry_after_s = -1; // >= 0: send Retry-After
};

struct ItemFault {
  int status = 0; // 0: no fault; else 422 (poison), or the plan's status
  int retry_after_s = -1;
  const char* reason = "";
};

class FaultInjector {
public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  FaultInjector() : FaultInjector(std::chrono::steady_clock::now) {}
  explicit FaultInjector(Clock clock) : clock_(std::move(clock)) {}

  // Replaces the plan; an outage starts now; the draws restart from the plan's seed (or from
  // a random one).
  void setPlan(FaultPlan plan);
  void clear() { setPlan(FaultPlan{}); }
  FaultPlan plan() const;

  RequestFault onRequest();
  ItemFault onItem(std::string_view ticket_id);

private:
  static bool draw(std::mt19937_64& stream, double rate);

  Clock clock_;
  std::atomic<bool> active_{false}; // a plan is set: lets the no-fault path skip the lock
  mutable std::mutex mutex_;
  FaultPlan plan_;                                   // guarded by mutex_
  std::chrono::steady_clock::time_point outage_end_; // guarded by mutex_
  std::mt19937_64 reset_draws_;                      // guarded by mutex_
  std::mt19937_64 error_draws_;                      // guarded by mutex_
};

} // namespace hotline::sim::core_platform
