#pragma once
// A clock that moves only when the test says so.

#include "core/delivery/clock.h"
#include "tests/support/child_process.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <thread>

namespace hotline::delivery::testing {

class ManualClock : public Clock {
public:
  explicit ManualClock(int64_t start_ms = 1'700'000'000'000) : now_(start_ms) {}
  int64_t nowMs() const override { return now_.load(); }
  void advance(int64_t ms) { now_ += ms; }

private:
  std::atomic<int64_t> now_;
};

// Polls `condition` until it holds or `timeout` passes; true when it held. Tests wait on
// outcomes with this instead of sleeping a fixed time.
inline bool eventually(const std::function<bool()>& condition,
                       std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
  return hotline::testing::waitFor(condition, timeout, std::chrono::milliseconds(1));
}

} // namespace hotline::delivery::testing
