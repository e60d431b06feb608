#pragma once
// The time source of the delivery module. Everything that schedules (retry times, breaker
// cool-downs, the store safety poll) reads time through a Clock so that tests can move time
// by hand instead of sleeping. Times are Unix milliseconds because next_attempt_at_ms is
// stored in the outbox and must survive a restart.
//
// Thread safety: nowMs() may be called from any thread.

#include <chrono>
#include <cstdint>

namespace hotline::delivery {

class Clock {
public:
  virtual ~Clock() = default;
  virtual int64_t nowMs() const = 0;
};

class SystemClock : public Clock {
public:
  int64_t nowMs() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

} // namespace hotline::delivery
