#pragma once
// A per-target circuit breaker: stops hammering a peer that is down (DESIGN.md §4).
//
//   Closed   --N consecutive failures, or failure ratio >= R over the last W outcomes-->  Open
//   Open     --cool-down elapsed, next allowRequest() lets one probe through-->           HalfOpen
//   HalfOpen --probe succeeds--> Closed;   --probe fails--> Open (cool-down restarts)
//
// While Open nothing is sent: the dispatcher's rows wait, they are not failed.
//
// Thread safety: none; the dispatcher calls it under its own lock.

#include "core/delivery/clock.h"

#include <cstdint>
#include <deque>

namespace hotline::delivery {

struct BreakerOptions {
  int consecutive_failures = 5;
  // Ratio trip: at least `failure_ratio` failures among the last `window` outcomes (the
  // window must be full). window 0 disables the ratio rule.
  double failure_ratio = 0.5;
  int window = 20;
  int64_t cool_down_ms = 5000;
};

class CircuitBreaker {
public:
  enum class State { Closed, Open, HalfOpen };

  // `clock` must outlive the breaker.
  CircuitBreaker(BreakerOptions options, const Clock& clock);

  // May a request go out now? Closed: yes. Open: no, unless the cool-down is over, in which
  // case the breaker turns HalfOpen and this one call gets a yes (the probe). HalfOpen: no
  // while the probe is out. Ask only when there is something to send.
  bool allowRequest();
  // True when the next request would be the half-open probe (send a single item).
  bool probing() const { return state_ == State::HalfOpen; }

  void onSuccess();
  void onFailure();
  // The probe allowRequest() granted was not sent after all (nothing to send): the next
  // allowRequest() may grant it again.
  void abandonProbe() { probe_out_ = false; }

  State state() const { return state_; }
  // When an Open breaker lets the next probe through (Unix ms); 0 when not Open.
  int64_t reopenAtMs() const {
    return state_ == State::Open ? opened_at_ms_ + options_.cool_down_ms : 0;
  }
  uint64_t timesOpened() const { return times_opened_; }

private:
  void trip();
  void record(bool failure);
  bool ratioTripped() const;

  BreakerOptions options_;
  const Clock& clock_;
  State state_ = State::Closed;
  int consecutive_ = 0;
  std::deque<bool> window_; // true = failure, newest at the back
  int window_failures_ = 0;
  int64_t opened_at_ms_ = 0;
  bool probe_out_ = false;
  uint64_t times_opened_ = 0;
};

const char* breakerStateName(CircuitBreaker::State state);

} // namespace hotline::delivery
